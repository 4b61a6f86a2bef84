import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type OrganisationsErrorCode =
  | 'ORGANISATION_NOT_FOUND'
  | 'ORGANISATION_EXISTS'
  | 'ORGANISATION_PARENT_INVALID'
  | 'USER_EXISTS'
  | 'USER_NOT_FOUND'
  | 'ROLE_UNKNOWN'
  | 'PASSWORD_TOO_SHORT'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_LOCKED'
  | 'SESSION_INVALID'
  | 'TOKEN_INVALID'
  | 'NOT_A_MEMBER'
  | 'ROLE_NOT_HELD'
  | 'OIDC_USER_UNKNOWN';

const KIND: Record<OrganisationsErrorCode, ErrorKind> = {
  ORGANISATION_NOT_FOUND: 'not-found',
  ORGANISATION_EXISTS: 'conflict',
  ORGANISATION_PARENT_INVALID: 'invalid',
  USER_EXISTS: 'conflict',
  USER_NOT_FOUND: 'not-found',
  ROLE_UNKNOWN: 'invalid',
  PASSWORD_TOO_SHORT: 'invalid',
  SIGN_IN_FAILED: 'unauthenticated',
  SIGN_IN_LOCKED: 'unauthenticated',
  SESSION_INVALID: 'unauthenticated',
  TOKEN_INVALID: 'unauthenticated',
  NOT_A_MEMBER: 'forbidden',
  ROLE_NOT_HELD: 'forbidden',
  OIDC_USER_UNKNOWN: 'forbidden',
};

export function organisationsError(
  code: OrganisationsErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError {
  return new DomainError(code, KIND[code], message, issues);
}
