import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type PayablesErrorCode =
  | 'INVOICE_INVALID'
  | 'INVOICE_QUARANTINED'
  | 'INVOICE_NOT_FOUND'
  | 'INVOICE_NOT_AWAITING_APPROVAL'
  | 'DOCUMENT_NOT_FOUND'
  | 'UPLOAD_INVALID'
  | 'EXCEPTION_NOT_FOUND'
  | 'EXCEPTION_CLOSED'
  | 'RESOLUTION_NOT_OFFERED'
  | 'RESOLUTION_INVALID'
  | 'OUTSIDE_AUTHORITY'
  | 'SEGREGATION_OF_DUTIES'
  | 'QUARANTINE_NOT_FOUND'
  | 'QUARANTINE_CLOSED'
  | 'PAYMENT_RUN_NOT_FOUND'
  | 'PAYMENT_RUN_NOT_PROPOSED'
  | 'PAYMENT_RUN_EMPTY'
  | 'PAYMENT_RUN_NOT_APPROVED'
  | 'PAYMENT_NOT_FOUND'
  | 'BANK_ACCOUNT_MISSING'
  | 'BANK_ACCOUNT_INVALID'
  | 'MEASURE_RANGE_INVALID';

const KIND: Record<PayablesErrorCode, ErrorKind> = {
  INVOICE_INVALID: 'invalid',
  INVOICE_QUARANTINED: 'invalid',
  INVOICE_NOT_FOUND: 'not-found',
  INVOICE_NOT_AWAITING_APPROVAL: 'conflict',
  DOCUMENT_NOT_FOUND: 'not-found',
  UPLOAD_INVALID: 'bad-request',
  EXCEPTION_NOT_FOUND: 'not-found',
  EXCEPTION_CLOSED: 'conflict',
  RESOLUTION_NOT_OFFERED: 'invalid',
  RESOLUTION_INVALID: 'invalid',
  OUTSIDE_AUTHORITY: 'forbidden',
  SEGREGATION_OF_DUTIES: 'forbidden',
  QUARANTINE_NOT_FOUND: 'not-found',
  QUARANTINE_CLOSED: 'conflict',
  PAYMENT_RUN_NOT_FOUND: 'not-found',
  PAYMENT_RUN_NOT_PROPOSED: 'conflict',
  PAYMENT_RUN_EMPTY: 'conflict',
  PAYMENT_RUN_NOT_APPROVED: 'conflict',
  PAYMENT_NOT_FOUND: 'not-found',
  BANK_ACCOUNT_MISSING: 'conflict',
  BANK_ACCOUNT_INVALID: 'invalid',
  MEASURE_RANGE_INVALID: 'invalid',
};

export function payablesError(
  code: PayablesErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError {
  return new DomainError(code, KIND[code], message, issues);
}
