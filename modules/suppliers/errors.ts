import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type SuppliersErrorCode =
  | 'SUPPLIER_INVALID'
  | 'SUPPLIER_NOT_FOUND'
  | 'SUPPLIER_DUPLICATE'
  | 'CONTACT_INVALID'
  | 'CONTACT_NOT_FOUND'
  | 'BANK_DETAILS_INVALID'
  | 'BANK_CHANGE_PENDING'
  | 'BANK_CHANGE_NOT_FOUND'
  | 'BANK_CHANGE_NOT_PENDING'
  | 'BANK_VERIFIER_SAME_PERSON'
  | 'BANK_VERIFICATION_CONTACT_INVALID';

const KIND: Record<SuppliersErrorCode, ErrorKind> = {
  SUPPLIER_INVALID: 'invalid',
  SUPPLIER_NOT_FOUND: 'not-found',
  SUPPLIER_DUPLICATE: 'conflict',
  CONTACT_INVALID: 'invalid',
  CONTACT_NOT_FOUND: 'not-found',
  BANK_DETAILS_INVALID: 'invalid',
  BANK_CHANGE_PENDING: 'conflict',
  BANK_CHANGE_NOT_FOUND: 'not-found',
  BANK_CHANGE_NOT_PENDING: 'conflict',
  BANK_VERIFIER_SAME_PERSON: 'forbidden',
  BANK_VERIFICATION_CONTACT_INVALID: 'invalid',
};

export const suppliersError = (
  code: SuppliersErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, KIND[code], message, issues);
