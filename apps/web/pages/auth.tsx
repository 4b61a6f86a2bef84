import type { OpenAPIHono } from '@hono/zod-openapi';
import { isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { SESSION_COOKIE, sessionTokenOf, setSessionCookie } from '../../../modules/organisations/http/routes';
import type { Platform } from '../../platform/platform';
import { Button, ErrorSummary, InputField } from '../components';
import { render, requireSession } from '../render';

const safeNext = (next: string | undefined) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

/** Sign in and out, and choosing which organisation to act for. */
export function authPages(
  web: OpenAPIHono<AppEnv>,
  platform: Platform,
  options: { secureCookies: boolean; oidcEnabled: boolean },
) {
  const signInForm = (next: string, email = '', error?: string) => (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        {error ? <ErrorSummary errors={[{ href: '#email', message: error }]} /> : null}
        <h1 class="nhsuk-heading-l">Sign in to Mainstay</h1>
        {options.oidcEnabled ? (
          <>
            <a class="nhsuk-button" href="/auth/oidc/login">
              Sign in with your NHS account
            </a>
            <p class="nhsuk-body">Or sign in with your Mainstay email address and password.</p>
          </>
        ) : null}
        <form method="post" action="/sign-in" novalidate>
          <input type="hidden" name="next" value={next} />
          <InputField
            name="email"
            label="Email address"
            type="email"
            value={email}
            autocomplete="username"
            error={error}
          />
          <InputField name="password" label="Password" type="password" autocomplete="current-password" />
          <Button>Sign in</Button>
        </form>
      </div>
    </div>
  );

  web.get('/sign-in', (c) =>
    render(c, { title: 'Sign in', session: null }, signInForm(safeNext(c.req.query('next')))),
  );

  web.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = String(form.email ?? '');
    const next = safeNext(String(form.next ?? '/'));
    try {
      const { token } = await platform.organisations.signIn(email, String(form.password ?? ''));
      setSessionCookie(c, token, { secure: options.secureCookies });
      return c.redirect(next);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return render(
        c,
        { title: 'Sign in', session: null, status: 400 },
        signInForm(next, email, error.message),
      );
    }
  });

  web.post('/sign-out', async (c) => {
    const token = sessionTokenOf(c);
    if (token) await platform.organisations.signOut(token);
    c.header('set-cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    return c.redirect('/sign-in');
  });

  web.get('/organisations', (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    return render(
      c,
      { title: 'Choose an organisation', session },
      <>
        <h1 class="nhsuk-heading-l">Choose the organisation to act for</h1>
        <form method="post" action="/organisations" novalidate>
          <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">You are a member of</legend>
              <div class="nhsuk-radios" data-module="nhsuk-radios">
                {session.memberships.map((membership) => (
                  <div class="nhsuk-radios__item">
                    <input
                      class="nhsuk-radios__input"
                      id={`org-${membership.organisationId}`}
                      name="organisationId"
                      type="radio"
                      value={membership.organisationId}
                      checked={membership.organisationId === session.organisationId}
                    />
                    <label class="nhsuk-label nhsuk-radios__label" for={`org-${membership.organisationId}`}>
                      {membership.organisationName}
                      <span class="nhsuk-hint nhsuk-radios__hint">{membership.roles.join(', ')}</span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <Button>Switch organisation</Button>
        </form>
      </>,
    );
  });

  web.post('/organisations', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const form = await c.req.parseBody();
    await platform.organisations.switchOrganisation(
      sessionTokenOf(c) ?? '',
      String(form.organisationId ?? ''),
    );
    return c.redirect('/');
  });
}
