import { z } from '@hono/zod-openapi';
import { penceSchema } from '../../../kernel/http';
import { EXCEPTION_REASONS, RESOLUTION_ACTIONS } from '../domain/exceptions';
import type { InvoiceRow } from '../sql/queries';

const date = z.string().openapi({ example: '2026-06-15' });
const INVOICE_STATUSES = [
  'exception',
  'awaiting-approval',
  'approved',
  'in-payment-run',
  'paid',
  'rejected',
] as const;

export const FindingSchema = z
  .object({
    rule: z.string().openapi({ example: 'BR-CO-15' }),
    severity: z.enum(['fatal', 'warning']),
    message: z.string(),
    location: z.string(),
  })
  .openapi('InvoiceFinding');

const ExceptionSummarySchema = z.object({
  reason: z.enum(EXCEPTION_REASONS),
  rule: z.string(),
  detail: z.string(),
});

export const IngestOutcomeSchema = z
  .object({
    fileName: z.string(),
    documentId: z.string(),
    contentSha256: z.string(),
    alreadyReceived: z.boolean(),
    outcome: z.enum(['invoice', 'quarantined']),
    invoiceId: z.string().optional(),
    kind: z.enum(['invoice', 'credit-note']).optional(),
    invoiceNumber: z.string().optional(),
    supplierName: z.string().optional(),
    status: z.enum(INVOICE_STATUSES).optional(),
    exceptions: z.array(ExceptionSummarySchema).optional(),
    quarantineId: z.string().optional(),
    reasons: z.array(FindingSchema).optional(),
    rejection: z.object({ subject: z.string(), body: z.string() }).optional(),
  })
  .openapi('IngestOutcome');

export const IngestResultSchema = z
  .object({ outcomes: z.array(IngestOutcomeSchema) })
  .openapi('IngestResult');

export const InvoiceSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    kind: z.enum(['invoice', 'credit-note']),
    source: z.enum(['peppol', 'manual', 'history']),
    supplierId: z.string(),
    supplierName: z.string(),
    nhsSupplier: z.boolean(),
    invoiceNumber: z.string(),
    issueDate: date,
    receivedAt: z.string(),
    receivedOn: date,
    statedDueDate: date.nullable(),
    dueDate: date,
    currency: z.string(),
    orderReference: z.string().nullable(),
    purchaseOrderId: z.string().nullable(),
    precedingInvoiceNumbers: z.array(z.string()),
    netPence: penceSchema,
    vatPence: penceSchema,
    grossPence: penceSchema,
    route: z.enum(['po', 'non-po']),
    matchMode: z.string().nullable(),
    status: z.enum(INVOICE_STATUSES),
    firstPassMatched: z.boolean(),
    touchless: z.boolean(),
    requiredApproverRole: z.string().nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvalRule: z.string().nullable(),
    approvalRuleVersion: z.string().nullable(),
    journalId: z.string().nullable(),
    rejectionSubject: z.string().nullable(),
    rejectionBody: z.string().nullable(),
    paymentRunId: z.string().nullable(),
    paidOn: date.nullable(),
  })
  .openapi('SupplierInvoice');

/** The invoice as the API shows it: the duplicate register's hashes stay inside. */
export function invoiceForApi(invoice: InvoiceRow) {
  const {
    numberKey: _numberKey,
    amountKey: _amountKey,
    supplierKey: _supplierKey,
    normalisedNumber: _n,
    ...rest
  } = invoice;
  return rest;
}

export const InvoiceLineSchema = z
  .object({
    lineNo: z.number().int(),
    lineId: z.string(),
    description: z.string(),
    quantity: z.string().openapi({ description: 'Exact decimal', example: '12.5' }),
    unitCode: z.string().nullable(),
    unitPrice: z.string().nullable(),
    netPence: penceSchema,
    vatRateBasisPoints: z.number().int().nullable(),
    orderLineReference: z.string().nullable(),
    gtin: z.string().nullable(),
    poLineNo: z.number().int().nullable(),
    matchMode: z.string().nullable(),
    expectedPence: penceSchema.nullable(),
    variancePence: penceSchema.nullable(),
    grniReleasePence: penceSchema.nullable(),
    accountCode: z.string().nullable(),
    costCentreCode: z.string().nullable(),
  })
  .openapi('SupplierInvoiceLine');

export const ExceptionSchema = z
  .object({
    id: z.string(),
    invoiceId: z.string(),
    reason: z.enum(EXCEPTION_REASONS),
    rule: z.string(),
    lineNo: z.number().int().nullable(),
    detail: z.string(),
    amountPence: penceSchema.nullable(),
    suggestedAction: z.enum(RESOLUTION_ACTIONS),
    status: z.enum(['open', 'waiting', 'resolved']),
    raisedAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('InvoiceException');

export const DecisionSchema = z
  .object({
    id: z.string(),
    subjectType: z.enum(['invoice', 'quarantine', 'payment-run']),
    subjectId: z.string(),
    decision: z.string(),
    rule: z.string(),
    ruleVersion: z.string(),
    standardVersion: z.string().nullable(),
    variationId: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    decidedAt: z.string(),
  })
  .openapi('AutomaticDecision');

export const InvoiceDetailSchema = z
  .object({
    invoice: InvoiceSchema,
    lines: z.array(InvoiceLineSchema),
    exceptions: z.array(ExceptionSchema),
    decisions: z.array(DecisionSchema),
  })
  .openapi('SupplierInvoiceDetail');

export const QueueItemSchema = ExceptionSchema.extend({
  label: z.string(),
  suggestion: z.string(),
  actions: z.array(z.enum(RESOLUTION_ACTIONS)),
  invoice: z.object({
    id: z.string(),
    kind: z.enum(['invoice', 'credit-note']),
    invoiceNumber: z.string(),
    supplierName: z.string(),
    issueDate: date,
    grossPence: penceSchema,
    netPence: penceSchema,
    orderReference: z.string().nullable(),
    status: z.enum(INVOICE_STATUSES),
  }),
}).openapi('ExceptionQueueItem');

export const ResolutionSchema = z
  .object({
    action: z.enum(RESOLUTION_ACTIONS),
    note: z.string().max(2000).optional(),
    coding: z
      .object({ accountCode: z.string(), costCentreCode: z.string() })
      .optional()
      .openapi({ description: 'For code-invoice: where the invoice is charged' }),
  })
  .openapi('ExceptionResolution');

export const QuarantineSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    fileName: z.string(),
    contentSha256: z.string(),
    channel: z.string(),
    receivedAt: z.string(),
    reasons: z.array(FindingSchema),
    ruleIds: z.array(z.string()),
    documentType: z.string().nullable(),
    invoiceNumber: z.string().nullable(),
    sellerName: z.string().nullable(),
    supplierId: z.string().nullable(),
    rejectionSubject: z.string(),
    rejectionBody: z.string(),
    status: z.enum(['open', 'rejected', 'released']),
    quarantinedAt: z.string(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    invoiceId: z.string().nullable(),
  })
  .openapi('QuarantinedDocument');

export const ManualInvoiceSchema = z
  .object({
    supplierId: z.string().min(1),
    kind: z.enum(['invoice', 'credit-note']).optional(),
    invoiceNumber: z.string().min(1),
    issueDate: date,
    orderReference: z.string().nullable().optional(),
    precedingInvoiceNumber: z.string().nullable().optional(),
    vatPence: z.number().int().nonnegative(),
    lines: z
      .array(
        z.object({
          description: z.string(),
          quantity: z.string().openapi({ example: '12' }),
          netPence: z.number().int().nonnegative(),
          vatRateBasisPoints: z.number().int().min(0).max(10_000),
          orderLineReference: z.string().nullable().optional(),
          accountCode: z.string().nullable().optional(),
          costCentreCode: z.string().nullable().optional(),
        }),
      )
      .min(1),
  })
  .openapi('ManualInvoice');

export const BankAccountSchema = z
  .object({
    sortCode: z.string().openapi({ example: '608301' }),
    accountNumber: z.string().openapi({ example: '20000001' }),
    accountName: z.string(),
    serviceUserNumber: z.string().openapi({ example: '123456' }),
  })
  .openapi('PayingBankAccount');

const PaymentSchema = z.object({
  id: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  amountPence: penceSchema,
  sortCode: z.string(),
  accountEnding: z.string(),
  accountName: z.string(),
  bankVerifiedAt: z.string(),
  bankVerifiedBy: z.string(),
  reference: z.string(),
  journalId: z.string().nullable(),
  invoices: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      invoiceNumber: z.string(),
      issueDate: date,
      grossPence: penceSchema,
    }),
  ),
});

export const PaymentRunSchema = z
  .object({
    id: z.string(),
    runNumber: z.string(),
    status: z.enum(['proposed', 'approved', 'cancelled']),
    dueBy: date,
    processingDate: date,
    proposedBy: z.string(),
    proposedAt: z.string(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    cancelledBy: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    totalPence: penceSchema,
    paymentCount: z.number().int(),
    heldCount: z.number().int(),
    hasBacsFile: z.boolean(),
  })
  .openapi('PaymentRun');

export const PaymentRunDetailSchema = PaymentRunSchema.extend({
  payments: z.array(PaymentSchema),
  held: z.array(
    z.object({
      invoiceId: z.string(),
      invoiceNumber: z.string(),
      supplierId: z.string(),
      supplierName: z.string(),
      grossPence: penceSchema,
      reason: z.string(),
      detail: z.string(),
    }),
  ),
}).openapi('PaymentRunDetail');

export const MeasuresSchema = z
  .object({
    organisationId: z.string(),
    from: date,
    to: date,
    procurement: z.record(z.string(), z.unknown()).nullable(),
    invoices: z.object({
      received: z.number().int(),
      creditNotes: z.number().int(),
      quotedOrder: z.number().int(),
      firstPassMatched: z.number().int(),
      approved: z.number().int(),
      touchless: z.number().int(),
      exceptionsOpen: z.number().int(),
      medianReceiptToApprovalHours: z.number().nullable(),
      medianReceiptToPaymentDays: z.number().nullable(),
    }),
    firstPassMatchRateBasisPoints: z.number().int().nullable(),
    touchlessInvoiceRateBasisPoints: z.number().int().nullable(),
    duplicatesStopped: z.object({
      sameNumber: z.number().int(),
      suspectedRejected: z.number().int(),
      total: z.number().int(),
    }),
    bppc: z.object({
      paidCount: z.number().int(),
      paidWithinTermsCount: z.number().int(),
      paidPence: penceSchema,
      paidWithinTermsPence: penceSchema,
      countBasisPoints: z.number().int().nullable(),
      valueBasisPoints: z.number().int().nullable(),
      targetBasisPoints: z.number().int(),
      met: z.boolean().nullable(),
    }),
  })
  .openapi('PayablesMeasures');
