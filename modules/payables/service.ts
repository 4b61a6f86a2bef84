import type { TenantTx } from '../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../kernel/time';
import { REASON_GUIDE } from './domain/exceptions';
import { type ManualInvoiceInput, prepareManual } from './domain/manual';
import { type IncomingFile, type PreparedDocument, prepareDocument } from './domain/prepare';
import { bppcSummary } from './domain/terms';
import { payablesError } from './errors';
import type { ProcurementMeasures } from './ports';
import { createApproval } from './service/approval';
import type { PayablesDeps } from './service/context';
import { createHistory } from './service/history';
import { createIngestion, type IngestOptions, type IngestOutcome } from './service/ingest';
import { createPayments } from './service/payments';
import * as measuresSql from './sql/measure-queries';
import * as sql from './sql/queries';

export type InvoiceDetail = {
  invoice: sql.InvoiceRow;
  lines: sql.InvoiceLineRow[];
  exceptions: sql.ExceptionRow[];
  decisions: sql.DecisionRow[];
};

export type QueueItem = sql.ExceptionRow & {
  label: string;
  suggestion: string;
  actions: readonly string[];
  invoice: Pick<
    sql.InvoiceRow,
    | 'id'
    | 'kind'
    | 'invoiceNumber'
    | 'supplierName'
    | 'issueDate'
    | 'grossPence'
    | 'netPence'
    | 'orderReference'
    | 'status'
  >;
};

export type PayablesMeasures = {
  organisationId: string;
  from: LocalDate;
  to: LocalDate;
  procurement: ProcurementMeasures | null;
  invoices: measuresSql.InvoiceFlowFigures;
  /** Shares in basis points (9500 = 95%); null when there is nothing to measure. */
  firstPassMatchRateBasisPoints: number | null;
  touchlessInvoiceRateBasisPoints: number | null;
  duplicatesStopped: { sameNumber: number; suspectedRejected: number; total: number };
  bppc: ReturnType<typeof bppcSummary>;
};

const share = (part: number, whole: number) => (whole === 0 ? null : Math.floor((part * 10_000) / whole));

/**
 * Supplier invoices from receipt to payment: PEPPOL and paper intake with quarantine, duplicate
 * prevention across every member organisation, 2- and 3-way matching, the exception queue,
 * approval, postings, payment runs with Bacs files and remittances, and the measures a shared
 * service reports. Every method takes the caller's transaction first.
 */
export function createPayablesService(deps: PayablesDeps) {
  const ingestion = createIngestion(deps);
  const approval = createApproval(deps);
  const payments = createPayments(deps);
  const history = createHistory(deps);

  async function requireQuarantine(tx: TenantTx, id: string) {
    const [item] = await sql.selectQuarantines(tx, { ids: [id], limit: 1 });
    if (!item)
      throw payablesError(
        'QUARANTINE_NOT_FOUND',
        `No quarantined document ${id} in ${tx.ctx.organisationId}`,
      );
    if (item.status !== 'open')
      throw payablesError('QUARANTINE_CLOSED', `That document was already ${item.status}`);
    return item;
  }

  /** Runs a quarantined document through intake again (after a supplier was added, or a person released it). */
  async function reprocess(
    tx: TenantTx,
    id: string,
    options: Pick<IngestOptions, 'notDuplicate' | 'organisationName'>,
  ) {
    const item = await requireQuarantine(tx, id);
    const document = await sql.selectDocument(tx, item.documentId);
    if (!document) throw payablesError('DOCUMENT_NOT_FOUND', `No document ${item.documentId}`);
    let prepared: PreparedDocument;
    if (document.mediaType === 'application/json') {
      const manual = prepareManual(
        JSON.parse(new TextDecoder().decode(document.content)) as ManualInvoiceInput,
      );
      if (!manual.ok)
        throw payablesError('INVOICE_INVALID', 'The captured invoice is no longer valid', manual.issues);
      prepared = manual.document;
    } else {
      prepared = prepareDocument({
        fileName: document.fileName,
        content: document.content,
        channel: 'api',
        mediaType: document.mediaType,
      });
    }
    const [outcome] = await ingestion.ingestPrepared(
      tx,
      [{ ...prepared, channel: item.channel === 'manual' ? 'manual' : prepared.channel }],
      {
        ...options,
        reprocess: { documentId: item.documentId, quarantineId: item.id },
      },
    );
    if (outcome?.outcome === 'invoice') {
      await sql.updateQuarantine(tx, id, {
        status: 'released',
        resolvedBy: tx.ctx.actor.id,
        resolvedAt: tx.now,
        note: options.notDuplicate?.reason ?? 'Processed again',
        invoiceId: outcome.invoiceId,
      });
      tx.audit({
        action: 'payables.quarantine.released',
        entityType: 'quarantine',
        entityId: id,
        before: { status: 'open', rules: item.ruleIds },
        after: { status: 'released', invoiceId: outcome.invoiceId },
        reason: options.notDuplicate?.reason,
      });
    } else if (outcome?.outcome === 'quarantined') {
      await sql.updateQuarantine(tx, id, {
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
        note: null,
        reasons: outcome.reasons,
        rejectionSubject: outcome.rejection.subject,
        rejectionBody: outcome.rejection.body,
      });
    }
    return outcome!;
  }

  return {
    /** Reads, validates and records documents received by any channel; one outcome per file, in order. */
    async receiveDocuments(
      tx: TenantTx,
      files: readonly IncomingFile[],
      options: Pick<IngestOptions, 'organisationName'> = {},
    ): Promise<IngestOutcome[]> {
      return ingestion.ingestPrepared(tx, files.map(prepareDocument), options);
    },

    /** The database half of intake, for documents parsed and validated elsewhere (worker threads in a bulk import). */
    ingestPrepared: (
      tx: TenantTx,
      documents: readonly PreparedDocument[],
      options: Pick<IngestOptions, 'organisationName'> = {},
    ) => ingestion.ingestPrepared(tx, documents, options),

    /** A paper invoice keyed in by hand; it then goes through the same duplicate checks, matching and approval. */
    async captureManual(tx: TenantTx, input: ManualInvoiceInput): Promise<IngestOutcome> {
      const prepared = prepareManual(input);
      if (!prepared.ok)
        throw payablesError('INVOICE_INVALID', 'The invoice cannot be captured as entered', prepared.issues);
      await deps.suppliers.getSupplier(tx, input.supplierId);
      const [outcome] = await ingestion.ingestPrepared(tx, [prepared.document]);
      if (
        outcome?.outcome === 'invoice' &&
        !outcome.alreadyReceived &&
        outcome.status === 'awaiting-approval'
      ) {
        await sql.updateInvoice(tx, outcome.invoiceId, {
          codedBy: tx.ctx.actor.id,
          codedAt: tx.now,
          touchless: false,
        });
      }
      return outcome!;
    },

    async invoice(tx: TenantTx, invoiceId: string): Promise<InvoiceDetail> {
      const { invoice, lines } = await approval.loadInvoice(tx, invoiceId);
      return {
        invoice,
        lines,
        exceptions: await sql.selectExceptions(tx, { invoiceIds: [invoiceId], limit: 1000 }),
        decisions: await sql.selectDecisions(tx, [invoiceId]),
      };
    },

    async invoices(
      tx: TenantTx,
      filter: { statuses?: sql.InvoiceStatus[]; supplierId?: string; before?: string; limit?: number } = {},
    ): Promise<sql.InvoiceRow[]> {
      return sql.selectInvoices(tx, { ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    },

    async document(tx: TenantTx, documentId: string) {
      const document = await sql.selectDocument(tx, documentId);
      if (!document)
        throw payablesError('DOCUMENT_NOT_FOUND', `No document ${documentId} in ${tx.ctx.organisationId}`);
      return document;
    },

    /** The exception queue, oldest first: each reason with its suggested resolution and the one-click actions. */
    async exceptionQueue(
      tx: TenantTx,
      filter: { statuses?: sql.ExceptionStatus[]; limit?: number } = {},
    ): Promise<QueueItem[]> {
      const exceptions = await sql.selectExceptions(tx, {
        statuses: filter.statuses ?? ['open'],
        limit: Math.min(filter.limit ?? 100, 1000),
      });
      const invoices = await sql.selectInvoices(tx, {
        ids: [...new Set(exceptions.map((e) => e.invoiceId))],
        limit: exceptions.length || 1,
      });
      const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
      return exceptions.flatMap((exception) => {
        const invoice = byId.get(exception.invoiceId);
        if (!invoice) return [];
        const guide = REASON_GUIDE[exception.reason];
        return [
          {
            ...exception,
            label: guide.label,
            suggestion: guide.suggestion,
            actions: guide.actions,
            invoice: {
              id: invoice.id,
              kind: invoice.kind,
              invoiceNumber: invoice.invoiceNumber,
              supplierName: invoice.supplierName,
              issueDate: invoice.issueDate,
              grossPence: invoice.grossPence,
              netPence: invoice.netPence,
              orderReference: invoice.orderReference,
              status: invoice.status,
            },
          },
        ];
      });
    },

    /** Invoices waiting for a budget holder's approval. */
    async awaitingApproval(tx: TenantTx, limit = 100): Promise<sql.InvoiceRow[]> {
      return sql.selectInvoices(tx, { statuses: ['awaiting-approval'], limit: Math.min(limit, 500) });
    },

    resolveException: approval.resolveException,
    approveInvoice: approval.approveInvoice,
    rematch: approval.rematch,

    async quarantined(
      tx: TenantTx,
      filter: { statuses?: sql.QuarantineStatus[]; before?: string; limit?: number } = {},
    ) {
      return sql.selectQuarantines(tx, {
        statuses: filter.statuses ?? ['open'],
        before: filter.before,
        limit: Math.min(filter.limit ?? 50, 500),
      });
    },

    async quarantineItem(
      tx: TenantTx,
      id: string,
    ): Promise<sql.QuarantineRow & { decisions: sql.DecisionRow[] }> {
      const [item] = await sql.selectQuarantines(tx, { ids: [id], limit: 1 });
      if (!item)
        throw payablesError(
          'QUARANTINE_NOT_FOUND',
          `No quarantined document ${id} in ${tx.ctx.organisationId}`,
        );
      return { ...item, decisions: await sql.selectDecisions(tx, [id]) };
    },

    /** The supplier has been sent the rejection message: the document is closed, still kept. */
    async rejectQuarantined(tx: TenantTx, id: string, note: string | null = null) {
      const item = await requireQuarantine(tx, id);
      await sql.updateQuarantine(tx, id, {
        status: 'rejected',
        resolvedBy: tx.ctx.actor.id,
        resolvedAt: tx.now,
        note,
      });
      tx.audit({
        action: 'payables.quarantine.rejected',
        entityType: 'quarantine',
        entityId: id,
        before: { status: 'open' },
        after: { status: 'rejected', subject: item.rejectionSubject },
        reason: note ?? undefined,
      });
      return { ...item, status: 'rejected' as const };
    },

    /** Processes a quarantined document again, e.g. once its supplier has been set up. */
    retryQuarantined: (tx: TenantTx, id: string, options: Pick<IngestOptions, 'organisationName'> = {}) =>
      reprocess(tx, id, options),

    /** A person has compared it with the earlier invoice and says it is not the same: it is processed, recorded as an override. */
    async releaseDuplicate(tx: TenantTx, id: string, reason: string): Promise<IngestOutcome> {
      const item = await requireQuarantine(tx, id);
      if (!item.ruleIds.includes('MAINSTAY-DUPLICATE-INVOICE')) {
        throw payablesError(
          'RESOLUTION_NOT_OFFERED',
          'Only a document stopped as a duplicate can be released as not a duplicate',
        );
      }
      if (!reason.trim()) {
        throw payablesError('RESOLUTION_INVALID', 'Say why it is not a duplicate', [
          { path: 'reason', rule: 'reason-required', message: 'Kept with the invoice for audit' },
        ]);
      }
      return reprocess(tx, id, { notDuplicate: { by: tx.ctx.actor.id, reason: reason.trim() } });
    },

    ...payments,

    importInvoiceHistory: history.importInvoiceHistory,

    /** The shared service's figures for one organisation over a period. */
    async measures(tx: TenantTx, range: { from: string; to: string }): Promise<PayablesMeasures> {
      const issues = (['from', 'to'] as const).flatMap((field) =>
        isLocalDate(range[field])
          ? []
          : [{ path: field, rule: 'date-format', message: 'Use the form YYYY-MM-DD' }],
      );
      if (issues.length === 0 && range.from > range.to) {
        issues.push({ path: 'to', rule: 'range-order', message: '`to` is before `from`' });
      }
      if (issues.length > 0)
        throw payablesError('MEASURE_RANGE_INVALID', 'Give a period as two dates, from before to', issues);
      const from = range.from as LocalDate;
      const to = range.to as LocalDate;
      const procurement = await deps.procurement.measures(tx, { from, to });
      const invoices = await measuresSql.selectInvoiceFlow(tx, from, to);
      const duplicates = await measuresSql.selectDuplicatesStopped(tx, from, to);
      const target = await deps.framework.resolve(tx, 'payables.bppcTargetBasisPoints');
      return {
        organisationId: tx.ctx.organisationId,
        from,
        to,
        procurement,
        invoices,
        firstPassMatchRateBasisPoints: share(invoices.firstPassMatched, invoices.quotedOrder),
        touchlessInvoiceRateBasisPoints: share(invoices.touchless, invoices.received),
        duplicatesStopped: { ...duplicates, total: duplicates.sameNumber + duplicates.suspectedRejected },
        bppc: bppcSummary(await measuresSql.selectPaidTotals(tx, from, to), target.value),
      };
    },
  };
}

export type PayablesService = ReturnType<typeof createPayablesService>;
export type { IngestOutcome } from './service/ingest';
