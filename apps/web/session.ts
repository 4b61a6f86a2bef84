import type { Context } from 'hono';
import type { AppEnv, Caller } from '../../kernel/http';
import type { TenantContext } from '../../kernel/tenancy';

/** The signed-in person as the web app sees them: acting for the organisation chosen in the switcher. */
export type WebSession = {
  caller: Caller;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  roles: readonly string[];
  memberships: Caller['memberships'];
};

export function webSessionOf(c: Context<AppEnv>): WebSession | null {
  const caller = c.get('caller');
  if (caller?.via !== 'session') return null;
  const membership =
    caller.memberships.find((m) => m.organisationId === caller.sessionOrganisationId) ??
    caller.memberships[0] ??
    null;
  return {
    caller,
    displayName: caller.displayName,
    organisationId: membership?.organisationId ?? null,
    organisationName: membership?.organisationName ?? null,
    roles: membership?.roles ?? [],
    memberships: caller.memberships,
  };
}

export function hasAnyRole(session: WebSession, roles: readonly string[]): boolean {
  return session.roles.some((role) => roles.includes(role));
}

export function tenantContextOf(c: Context<AppEnv>, session: WebSession): TenantContext {
  return {
    organisationId: session.organisationId ?? '',
    actor: session.caller.actor,
    requestId: c.get('requestId'),
  };
}
