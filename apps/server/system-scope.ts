import { forbidden } from '../../kernel/errors';
import { requireCaller, type SystemScopeResolver } from '../../kernel/http';
import type { OrganisationsService } from '../../modules/organisations';

/** Roles that may see a whole integrated care system at once, held in the board's own organisation. */
const SYSTEM_ROLES = ['system-leader', 'shared-service-manager', 'auditor'];

export function systemScopeResolver(organisations: OrganisationsService): SystemScopeResolver {
  return async (c, icbId) => {
    const caller = requireCaller(c);
    const membership = caller.memberships.find((m) => m.organisationId === icbId);
    const tokenOk =
      caller.token?.organisationId === icbId &&
      caller.token.roles.some((role) => SYSTEM_ROLES.includes(role));
    if (!tokenOk && !membership?.roles.some((role) => SYSTEM_ROLES.includes(role))) {
      throw forbidden(
        'SYSTEM_ROLE_REQUIRED',
        `Seeing ${icbId}'s whole system needs a system role (${SYSTEM_ROLES.join(', ')}) in ${icbId}`,
      );
    }
    const members = await organisations.systemMembers(icbId);
    return {
      organisationIds: members.map((org) => org.id),
      actor: caller.actor,
      requestId: c.get('requestId'),
    };
  };
}
