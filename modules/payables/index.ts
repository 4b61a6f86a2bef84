export { type AuthorityLevel, authorityOf, requiredLevel, withinAuthority } from './domain/authority';
export {
  EXCEPTION_REASONS,
  type ExceptionReason,
  REASON_GUIDE,
  RESOLUTION_ACTIONS,
  type ResolutionAction,
} from './domain/exceptions';
export { invoiceFingerprint, normaliseInvoiceNumber, supplierKey } from './domain/fingerprint';
export type { CapturedInvoice, CapturedLine } from './domain/invoice';
export type { ManualInvoiceInput } from './domain/manual';
export { MATCH_RULES_VERSION, type MatchTolerance } from './domain/match';
export { type Channel, type IncomingFile, type PreparedDocument, prepareDocument } from './domain/prepare';
export { PAYABLES_RULES, type PayablesRule } from './domain/quarantine-rules';
export { type RemittanceAdvice, remittanceCsv, remittanceHtml, remittanceText } from './domain/remittance';
export { BPPC_DAYS, type BppcFigures } from './domain/terms';
export { type PayablesErrorCode, payablesError } from './errors';
export { payablesPermissions } from './permissions';
export type {
  ProcurementPort,
  PurchaseOrderForMatching,
  PurchaseOrderLineForMatching,
  SupplierSummary,
  SuppliersPort,
  VerifiedBankDetails,
} from './ports';
export {
  createPayablesService,
  type IngestOutcome,
  type InvoiceDetail,
  type PayablesMeasures,
  type PayablesService,
  type QueueItem,
} from './service';
export type { Coding, Resolution } from './service/approval';
export type { PayablesDeps } from './service/context';
export type { HistoricInvoice } from './service/history';
export type { PaymentRunDetail } from './service/payments';
export { payablesMigrations } from './sql/migrations';
export type { BankAccount, PaymentRunRow, PaymentRunStatus } from './sql/payment-queries';
export type {
  DecisionRow,
  ExceptionRow,
  ExceptionStatus,
  InvoiceLineRow,
  InvoiceRow,
  InvoiceStatus,
  QuarantineRow,
  QuarantineStatus,
} from './sql/queries';
