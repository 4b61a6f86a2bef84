import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../kernel/http';
import { ROLE_LABELS, type Role } from '../../../modules/organisations';
import { Card } from '../components';
import { navigationFor } from '../navigation';
import { render, requireSession } from '../render';

/** The home page: what this person can do in the organisation they are acting for. */
export function homePage(web: OpenAPIHono<AppEnv>) {
  web.get('/', (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const areas = navigationFor(session);
    const roles = session.roles.map((role) => ROLE_LABELS[role as Role] ?? role).join(', ');
    return render(
      c,
      { title: 'Home', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-xl">Hello, {session.displayName.split(' ')[0]}</h1>
        <p class="nhsuk-lede-text">You are acting as {roles || 'a member'}.</p>
        {session.memberships.length > 1 ? (
          <p class="nhsuk-body">
            You belong to {session.memberships.length} organisations.{' '}
            <a href="/organisations">Switch organisation</a>
          </p>
        ) : null}
        <div class="ms-cards">
          {areas.map((area) => (
            <Card href={area.href} title={area.label}>
              {area.description}
            </Card>
          ))}
        </div>
        {areas.length === 0 ? <p class="nhsuk-body">There is nothing for your roles here yet.</p> : null}
      </>,
    );
  });
}
