import type { Actor } from '../tenancy/context';

/**
 * Who is calling the HTTP API, as the server's authentication resolved it.
 * Modules read this (never the raw cookie or token) to decide the organisation
 * a request acts for and the roles it acts with.
 */
export type Caller = {
  actor: Actor;
  displayName: string;
  memberships: readonly { organisationId: string; organisationName: string; roles: readonly string[] }[];
  via: 'session' | 'api-token';
  /** The organisation chosen in the web app's switcher (sessions only). */
  sessionOrganisationId: string | null;
  /** An API token acts for exactly one organisation, with the roles it was issued. */
  token: { organisationId: string; roles: readonly string[] } | null;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    caller: Caller | null;
  };
};

/**
 * Resolves the explicit multi-organisation read scope for an integrated care
 * system: the board and its members, for a caller who holds a system role
 * there. Implemented by the server (it needs the organisation register).
 */
export type SystemScopeResolver = (
  c: import('hono').Context<AppEnv>,
  icbId: string,
) => Promise<import('../tenancy/context').ReadScope>;
