import type { Child, FC } from 'hono/jsx';
import { navigationFor } from './navigation';
import type { WebSession } from './session';

type LayoutProps = {
  title: string;
  session: WebSession | null;
  /** The navigation section this page belongs to, marked as current. */
  section?: string;
  children: Child;
};

const NhsLogo: FC = () => (
  <svg
    class="nhsuk-header__logo"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 200 80"
    height="40"
    width="100"
    focusable="false"
    role="img"
    aria-label="NHS"
  >
    <title>NHS</title>
    <path
      fill="currentcolor"
      d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
    />
  </svg>
);

/** Every page: the NHS.UK header with the organisation switcher and the person's navigation, main content, footer. */
export const Layout: FC<LayoutProps> = ({ title, session, section, children }) => {
  const navigation = session ? navigationFor(session) : [];
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Mainstay`}</title>
        <link rel="icon" href="/assets/nhsuk/assets/images/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/nhsuk/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/assets/web/mainstay.css" />
      </head>
      <body>
        <script
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');",
          }}
        />
        <a class="nhsuk-skip-link" href="#main-content">
          Skip to main content
        </a>
        <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
          <div class="nhsuk-header__container nhsuk-width-container">
            <div class="nhsuk-header__service">
              <a class="nhsuk-header__service-logo" href="/" aria-label="NHS Mainstay homepage">
                <NhsLogo />
                <span class="nhsuk-header__service-name">Mainstay</span>
              </a>
            </div>
            {session ? (
              <nav class="nhsuk-header__account" aria-label="Account">
                <ul class="nhsuk-header__account-list">
                  <li class="nhsuk-header__account-item">{session.displayName}</li>
                  <li class="nhsuk-header__account-item">
                    <a class="nhsuk-header__account-link" href="/organisations">
                      {session.organisationName ?? 'Choose organisation'}
                      <span class="nhsuk-u-visually-hidden"> (switch organisation)</span>
                    </a>
                  </li>
                  <li class="nhsuk-header__account-item">
                    <form class="nhsuk-header__account-form" action="/sign-out" method="post" novalidate>
                      <button type="submit" class="nhsuk-header__account-button">
                        Sign out
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            ) : null}
          </div>
          {navigation.length > 0 ? (
            <nav class="nhsuk-header__navigation" aria-label="Menu">
              <div class="nhsuk-header__navigation-container nhsuk-width-container">
                <ul class="nhsuk-header__navigation-list">
                  {navigation.map((item) => (
                    <li
                      class={`nhsuk-header__navigation-item${item.section === section ? ' nhsuk-header__navigation-item--current' : ''}`}
                    >
                      <a
                        class="nhsuk-header__navigation-link"
                        href={item.href}
                        aria-current={item.section === section ? 'true' : undefined}
                      >
                        {item.label}
                      </a>
                    </li>
                  ))}
                  <li class="nhsuk-header__menu" hidden>
                    <button
                      class="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                      id="toggle-menu"
                      aria-expanded="false"
                      type="button"
                    >
                      <span class="nhsuk-u-visually-hidden">Browse </span>More
                    </button>
                  </li>
                </ul>
              </div>
            </nav>
          ) : null}
        </header>
        <div class="nhsuk-width-container">
          <main class="nhsuk-main-wrapper" id="main-content" role="main">
            {children}
          </main>
        </div>
        <footer role="contentinfo">
          <div class="nhsuk-footer" id="nhsuk-footer">
            <div class="nhsuk-width-container">
              <p class="nhsuk-body-s">
                Mainstay — the shared operational layer for NHS organisations.{' '}
                <a href="/docs">API reference</a>
              </p>
            </div>
          </div>
        </footer>
        <script
          type="module"
          dangerouslySetInnerHTML={{
            __html: "import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js'; initAll();",
          }}
        />
      </body>
    </html>
  );
};
