import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { isDomainError } from '../../kernel/errors';
import type { AppEnv, Caller } from '../../kernel/http';
import type { OrganisationsService, Principal } from '../../modules/organisations';
import { SESSION_COOKIE } from '../../modules/organisations/http/routes';

export function callerOf(principal: Principal): Caller {
  return {
    actor: principal.apiToken
      ? {
          kind: 'api-token',
          id: principal.apiToken.id,
          displayName: `API token for ${principal.displayName}`,
        }
      : { kind: 'user', id: principal.userId, displayName: principal.displayName },
    displayName: principal.displayName,
    memberships: principal.memberships,
    via: principal.via,
    sessionOrganisationId: principal.sessionOrganisationId,
    token: principal.apiToken
      ? { organisationId: principal.apiToken.organisationId, roles: principal.apiToken.roles }
      : null,
  };
}

/**
 * Resolves the caller from a Bearer API token or the session cookie. A bad
 * token is refused at once; a stale cookie just leaves the caller signed out
 * (the web app then offers sign-in).
 */
export function authenticate(organisations: OrganisationsService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('caller', null);
    const authorization = c.req.header('authorization');
    if (authorization) {
      const token = authorization.replace(/^Bearer\s+/i, '');
      c.set('caller', callerOf(await organisations.principalForApiToken(token)));
    } else {
      const session = getCookie(c, SESSION_COOKIE);
      if (session) {
        const principal = await organisations.principalForSession(session).catch((error: unknown) => {
          if (isDomainError(error)) return null;
          throw error;
        });
        if (principal) c.set('caller', callerOf(principal));
      }
    }
    await next();
  };
}
