import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type ProcurementErrorCode =
  | 'REQUISITION_INVALID'
  | 'QUANTITY_INVALID'
  | 'COST_CENTRE_UNKNOWN'
  | 'ACCOUNT_UNKNOWN'
  | 'SUPPLIER_UNKNOWN'
  | 'GTIN_INVALID'
  | 'CATALOGUE_ITEM_INVALID'
  | 'CATALOGUE_ITEM_NOT_FOUND'
  | 'CATALOGUE_ITEM_NOT_AVAILABLE'
  | 'CATALOGUE_FILE_INVALID'
  | 'CATALOGUE_IMPORT_NOT_FOUND'
  | 'NATIONAL_CATALOGUE_PROVIDER_ONLY'
  | 'CONTRACT_INVALID'
  | 'CONTRACT_EXISTS'
  | 'CONTRACT_NOT_FOUND'
  | 'BUDGET_NOT_SET'
  | 'BUDGET_EXCEEDED'
  | 'REQUISITION_NOT_FOUND'
  | 'REQUISITION_NOT_PENDING'
  | 'APPROVER_NOT_AUTHORISED'
  | 'SELF_APPROVAL'
  | 'SEGREGATION_OF_DUTIES'
  | 'DECISION_REASON_REQUIRED'
  | 'DELEGATION_INVALID'
  | 'DELEGATION_NOT_FOUND'
  | 'PURCHASE_ORDER_NOT_FOUND'
  | 'PURCHASE_ORDER_NOT_OPEN'
  | 'AMENDMENT_INVALID'
  | 'AMENDMENT_NEEDS_APPROVAL'
  | 'RECEIPT_INVALID'
  | 'OVER_INVOICED'
  | 'INVOICED_LINES_INVALID'
  | 'INVOICE_RECORD_CONFLICT'
  | 'ORDERING_PROFILE_INVALID'
  | 'ORDERING_PROFILE_MISSING'
  | 'SUPPLIER_NOT_PEPPOL_READY'
  | 'MEASURES_PERIOD_INVALID';

const KIND: Record<ProcurementErrorCode, ErrorKind> = {
  REQUISITION_INVALID: 'invalid',
  QUANTITY_INVALID: 'invalid',
  COST_CENTRE_UNKNOWN: 'invalid',
  ACCOUNT_UNKNOWN: 'invalid',
  SUPPLIER_UNKNOWN: 'invalid',
  GTIN_INVALID: 'invalid',
  CATALOGUE_ITEM_INVALID: 'invalid',
  CATALOGUE_ITEM_NOT_FOUND: 'not-found',
  CATALOGUE_ITEM_NOT_AVAILABLE: 'invalid',
  CATALOGUE_FILE_INVALID: 'invalid',
  CATALOGUE_IMPORT_NOT_FOUND: 'not-found',
  NATIONAL_CATALOGUE_PROVIDER_ONLY: 'forbidden',
  CONTRACT_INVALID: 'invalid',
  CONTRACT_EXISTS: 'conflict',
  CONTRACT_NOT_FOUND: 'not-found',
  BUDGET_NOT_SET: 'invalid',
  BUDGET_EXCEEDED: 'invalid',
  REQUISITION_NOT_FOUND: 'not-found',
  REQUISITION_NOT_PENDING: 'conflict',
  APPROVER_NOT_AUTHORISED: 'forbidden',
  SELF_APPROVAL: 'forbidden',
  SEGREGATION_OF_DUTIES: 'forbidden',
  DECISION_REASON_REQUIRED: 'invalid',
  DELEGATION_INVALID: 'invalid',
  DELEGATION_NOT_FOUND: 'not-found',
  PURCHASE_ORDER_NOT_FOUND: 'not-found',
  PURCHASE_ORDER_NOT_OPEN: 'conflict',
  AMENDMENT_INVALID: 'invalid',
  AMENDMENT_NEEDS_APPROVAL: 'conflict',
  RECEIPT_INVALID: 'invalid',
  OVER_INVOICED: 'conflict',
  INVOICED_LINES_INVALID: 'invalid',
  INVOICE_RECORD_CONFLICT: 'conflict',
  ORDERING_PROFILE_INVALID: 'invalid',
  ORDERING_PROFILE_MISSING: 'conflict',
  SUPPLIER_NOT_PEPPOL_READY: 'conflict',
  MEASURES_PERIOD_INVALID: 'invalid',
};

export const procurementError = (
  code: ProcurementErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, KIND[code], message, issues);

/** Issue rules that have an error code of their own, so a client can branch on the kind of mistake. */
const CODE_OF_RULE: Record<string, ProcurementErrorCode> = {
  'quantity-positive': 'QUANTITY_INVALID',
  'quantity-format': 'QUANTITY_INVALID',
  'cost-centre-known': 'COST_CENTRE_UNKNOWN',
  'account-known': 'ACCOUNT_UNKNOWN',
  'account-expenditure': 'ACCOUNT_UNKNOWN',
  'supplier-known': 'SUPPLIER_UNKNOWN',
  'item-known': 'CATALOGUE_ITEM_NOT_FOUND',
  'item-available': 'CATALOGUE_ITEM_NOT_AVAILABLE',
};

/**
 * One error for a batch of issues: the specific code when every issue is of
 * one kind (all unknown cost centres: COST_CENTRE_UNKNOWN), else `fallback`.
 */
export function issuesError(
  fallback: ProcurementErrorCode,
  issues: readonly ValidationIssue[],
  subject: string,
): DomainError {
  const codes = new Set(issues.map((issue) => CODE_OF_RULE[issue.rule] ?? fallback));
  const code = codes.size === 1 ? [...codes][0]! : fallback;
  const message = issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the ${subject}`;
  return new DomainError(code, code === 'CATALOGUE_ITEM_NOT_FOUND' ? 'invalid' : KIND[code], message, issues);
}
