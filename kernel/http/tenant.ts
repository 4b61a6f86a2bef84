import type { Context } from 'hono';
import { DomainError, forbidden } from '../errors';
import { assertOrganisationId, type ReadScope, type TenantContext } from '../tenancy/context';
import type { AppEnv, Caller } from './caller';

export const ORGANISATION_HEADER = 'Mainstay-Organisation';

export function requireCaller(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (!caller)
    throw new DomainError(
      'SIGN_IN_REQUIRED',
      'unauthenticated',
      'Sign in, or send an API token as a Bearer token',
    );
  return caller;
}

/**
 * The organisation a request acts for, and the caller's roles there. API
 * tokens carry their organisation; sessions name it in the Mainstay-Organisation
 * header (the web app uses the switcher's choice). No organisation, or one the
 * caller does not belong to, is refused: nothing runs without a tenant.
 */
export function tenantOf(
  c: Context<AppEnv>,
  options: { allowedRoles?: readonly string[]; useSessionOrganisation?: boolean } = {},
): { ctx: TenantContext; roles: readonly string[]; caller: Caller } {
  const caller = requireCaller(c);
  const header = c.req.header(ORGANISATION_HEADER) ?? null;
  let organisationId: string;
  let roles: readonly string[];
  if (caller.token) {
    if (header && header !== caller.token.organisationId) {
      throw forbidden(
        'TOKEN_ORGANISATION_MISMATCH',
        `This API token acts for ${caller.token.organisationId}, not ${header}`,
      );
    }
    organisationId = caller.token.organisationId;
    roles = caller.token.roles;
  } else {
    organisationId = assertOrganisationId(
      header ?? (options.useSessionOrganisation ? caller.sessionOrganisationId : null),
    );
    const membership = caller.memberships.find((m) => m.organisationId === organisationId);
    if (!membership) throw forbidden('NOT_A_MEMBER', `You are not a member of ${organisationId}`);
    roles = membership.roles;
  }
  if (options.allowedRoles && !roles.some((role) => options.allowedRoles!.includes(role))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles in ${organisationId}: ${options.allowedRoles.join(', ')}`,
    );
  }
  return { ctx: { organisationId, actor: caller.actor, requestId: c.get('requestId') }, roles, caller };
}

export function readScopeOf(
  caller: Caller,
  organisationIds: readonly string[],
  requestId: string,
): ReadScope {
  return { organisationIds, actor: caller.actor, requestId };
}

export function idempotencyKeyOf(c: Context): string | undefined {
  return c.req.header('Idempotency-Key') ?? undefined;
}
