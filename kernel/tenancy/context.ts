import { badRequest } from '../errors';

export type ActorKind = 'user' | 'api-token' | 'system';

/** Who is acting: recorded on every audit entry. */
export type Actor = { kind: ActorKind; id: string; displayName?: string };

/** One organisation, for reads and writes. Every service method takes one first. */
export type TenantContext = {
  organisationId: string;
  actor: Actor;
  requestId?: string;
};

/**
 * Several organisations at once, read-only — how a system leader sees an
 * integrated care system's members. Row-level security still decides what is
 * visible; nothing is bypassed.
 */
export type ReadScope = {
  organisationIds: readonly string[];
  actor: Actor;
  requestId?: string;
};

/** NHS ODS codes and Mainstay's own organisation codes: upper-case letters, digits and hyphens. */
const ORGANISATION_ID = /^[A-Z0-9][A-Z0-9-]{1,19}$/;

export function isOrganisationId(value: string): boolean {
  return ORGANISATION_ID.test(value);
}

export function assertOrganisationId(value: string | undefined | null): string {
  if (!value) {
    throw badRequest(
      'ORGANISATION_REQUIRED',
      'No organisation was given: every request acts for one organisation',
      [
        {
          path: 'organisation',
          rule: 'organisation-required',
          message: 'Choose the organisation to act for',
        },
      ],
    );
  }
  if (!isOrganisationId(value)) {
    throw badRequest('ORGANISATION_INVALID', `"${value}" is not an organisation code`, [
      {
        path: 'organisation',
        rule: 'organisation-code-format',
        message:
          'Organisation codes are 2–20 upper-case letters, digits or hyphens (for example an NHS ODS code)',
      },
    ]);
  }
  return value;
}

export const systemActor: Actor = { kind: 'system', id: 'system', displayName: 'Mainstay' };
