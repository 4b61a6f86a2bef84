/**
 * PEPPOL BIS Billing 3.0 / EN 16931 for UBL 2.1: read invoices and credit notes into a typed
 * model, validate them against the official CEN and PEPPOL rules, explain rejections to
 * suppliers, and write UBL invoices and PEPPOL BIS orders. The only import target for other code.
 */

export {
  type BenchDocument,
  benchmarkValidation,
  type DocumentFigures,
  typicalInvoices,
  type ValidationBenchFigures,
  type ValidationBenchOptions,
} from './bench';
export { isPeppolEasCode, unitName } from './data/code-lists';
export { catalogueEntry, catalogueRuleIds } from './data/rule-catalogue';
export { type Finding, hasFatal, type Severity } from './finding';
export { INPUT_RULES, type InputRule, inputFinding } from './input-rules';
export { type LoadedDocument, loadUblDocument, type UblDocumentType } from './load';
export { readEn16931 } from './model/read';
export type * from './model/types';
export type { OrderLine, OrderParty, PurchaseOrder } from './order/types';
export { PEPPOL_ORDER_CUSTOMIZATION, PEPPOL_ORDERING_PROFILE, writeOrderXml } from './order/write-order';
export { type InvoiceReading, readInvoice } from './read-invoice';
export {
  buildRejectionMessage,
  type RejectionContext,
  type RejectionMessage,
  type RejectionReason,
  rejectionReasons,
} from './rejection';
export {
  resolveProfile,
  type ValidationOptions,
  type ValidationProfile,
  type ValidationReport,
  validateInvoiceXml,
  validateUblDocument,
} from './validate';
export {
  type InvoiceWithoutTotals,
  lineNetAmount,
  type TotalsOptions,
  withCalculatedTotals,
} from './writer/calculate-totals';
export { writeInvoiceXml } from './writer/invoice-writer';
export {
  PEPPOL_BILLING_CUSTOMIZATION,
  PEPPOL_BILLING_PROFILE,
  type SampleInvoiceOptions,
  sampleInvoice,
  withGs1CheckDigit,
} from './writer/sample-invoice';
export { escapeXml } from './writer/xml-builder';
export { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/parse';
export { type Decimal, formatDecimal, formatFixed, parseDecimal } from './xpath/decimal';
