import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import type { Pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { type DocumentKind, invoiceFingerprint } from '../domain/fingerprint';
import { sha256Hex } from '../domain/prepare';
import { dueDate } from '../domain/terms';
import { payablesError } from '../errors';
import * as sql from '../sql/queries';
import { type PayablesDeps, supplierProfiles } from './context';

/** One invoice as the legacy accounts payable system processed it, settled or still to pay. */
export type HistoricInvoice = {
  supplierId: string;
  kind?: DocumentKind;
  invoiceNumber: string;
  issueDate: string;
  receivedOn: string;
  orderReference: string | null;
  netPence: bigint;
  vatPence: bigint;
  /** Approved by matching with no person involved. */
  touchless: boolean;
  /** Matched to its order at the first attempt. */
  firstPassMatched: boolean;
  approvedOn: string;
  /** Null while still to pay: it is then payable in Mainstay's next payment run. */
  paidOn: string | null;
};

const BATCH = 2_000;

/**
 * Brings over an organisation's invoices from the accounts payable system it used before
 * Mainstay, in bulk. Their postings stayed in the legacy ledger, so nothing is posted; they are
 * kept so that a supplier re-sending one is stopped as a duplicate, the year's measures (BPPC,
 * cycle times, touchless rate) are complete, and invoices still unpaid go into Mainstay's
 * payment runs. Checked in full first: all or nothing.
 */
export function createHistory(deps: PayablesDeps) {
  return {
    async importInvoiceHistory(
      tx: TenantTx,
      history: readonly HistoricInvoice[],
    ): Promise<{ invoices: number; unpaid: number }> {
      const issues: ValidationIssue[] = [];
      history.forEach((entry, index) => {
        const at = (field: string) => `invoices[${index}].${field}`;
        for (const field of ['issueDate', 'receivedOn', 'approvedOn'] as const) {
          if (!isLocalDate(entry[field]))
            issues.push({ path: at(field), rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
        }
        if (entry.paidOn !== null && (!isLocalDate(entry.paidOn) || entry.paidOn < entry.approvedOn)) {
          issues.push({
            path: at('paidOn'),
            rule: 'paid-after-approval',
            message: 'Paid on or after approval, YYYY-MM-DD',
          });
        }
        if (entry.netPence < 0n || entry.vatPence < 0n) {
          issues.push({
            path: at('netPence'),
            rule: 'amount-not-negative',
            message: 'Give credit notes as kind credit-note with positive amounts',
          });
        }
        if (!entry.invoiceNumber.trim())
          issues.push({ path: at('invoiceNumber'), rule: 'required', message: 'Give the invoice number' });
      });
      if (issues.length > 0) {
        throw payablesError(
          'INVOICE_INVALID',
          `${issues.length} problem(s) with the invoice history`,
          issues.slice(0, 100),
        );
      }
      const profiles = supplierProfiles(deps, tx);
      let unpaid = 0;
      for (let start = 0; start < history.length; start += BATCH) {
        const rows: sql.NewInvoice[] = [];
        const documents: sql.NewDocument[] = [];
        for (const entry of history.slice(start, start + BATCH)) {
          const supplier = await profiles.byId(entry.supplierId);
          const kind = entry.kind ?? 'invoice';
          const gross = (entry.netPence + entry.vatPence) as Pence;
          const keys = invoiceFingerprint({
            supplierKey: supplier.key,
            kind,
            number: entry.invoiceNumber,
            grossPence: gross,
            issueDate: entry.issueDate,
          });
          const content = new TextEncoder().encode(
            JSON.stringify(entry, (_key, value) => (typeof value === 'bigint' ? value.toString() : value)),
          );
          const documentId = newId('doc');
          documents.push({
            id: documentId,
            contentSha256: sha256Hex(content),
            fileName: `legacy-${entry.invoiceNumber.replace(/[^A-Za-z0-9-]/g, '_')}.json`,
            mediaType: 'application/json',
            channel: 'history',
            content,
          });
          if (entry.paidOn === null) unpaid += 1;
          rows.push({
            id: newId('inv'),
            documentId,
            kind,
            source: 'history',
            supplierId: supplier.id,
            supplierName: supplier.name,
            supplierKey: supplier.key,
            nhsSupplier: supplier.nhsBody,
            invoiceNumber: entry.invoiceNumber,
            normalisedNumber: keys.normalisedNumber,
            issueDate: entry.issueDate as LocalDate,
            receivedAt: new Date(`${entry.receivedOn}T09:00:00Z`),
            receivedOn: entry.receivedOn as LocalDate,
            statedDueDate: null,
            dueDate: dueDate(entry.issueDate as LocalDate, entry.receivedOn as LocalDate, supplier.termsDays),
            currency: 'GBP',
            orderReference: entry.orderReference,
            purchaseOrderId: null,
            precedingInvoiceNumbers: [],
            netPence: entry.netPence as Pence,
            vatPence: entry.vatPence as Pence,
            grossPence: gross,
            prepaidPence: 0n as Pence,
            amountDuePence: gross,
            route: entry.orderReference ? 'po' : 'non-po',
            matchMode: entry.orderReference ? 'three-way' : null,
            status: entry.paidOn === null ? 'approved' : 'paid',
            firstPassMatched: entry.firstPassMatched,
            touchless: entry.touchless,
            numberKey: keys.numberKey,
            amountKey: keys.amountKey,
            requiredApproverRole: null,
            approvedAt: new Date(`${entry.approvedOn}T15:00:00Z`),
            approvedBy: entry.touchless ? 'legacy-matching' : 'legacy-approver',
            approvalRule: 'LEGACY-SYSTEM',
            approvalRuleVersion: 'brought over from the legacy accounts payable system',
            journalId: null,
            paidOn: entry.paidOn as LocalDate | null,
            lines: [],
          });
        }
        await sql.insertDocuments(tx, tx.ctx.organisationId, tx.ctx.actor.id, tx.now, documents);
        await sql.insertInvoices(tx, tx.ctx.organisationId, rows);
        const refused = await sql.insertFingerprints(
          tx,
          tx.ctx.organisationId,
          rows.map((row) => ({
            numberKey: row.numberKey,
            amountKey: row.amountKey,
            invoiceId: row.id,
            overrides: false,
          })),
        );
        if (refused.length > 0) {
          const numbers = rows
            .filter((row) => refused.includes(row.id))
            .map((row) => `${row.supplierName} ${row.invoiceNumber}`);
          throw payablesError(
            'INVOICE_INVALID',
            `The history holds ${refused.length} invoice number(s) already on file: ${numbers.slice(0, 5).join(', ')}`,
            numbers
              .slice(0, 100)
              .map((number) => ({ path: 'invoices', rule: 'history-duplicate', message: number })),
          );
        }
      }
      const dates = history.map((entry) => entry.receivedOn).sort();
      tx.audit({
        action: 'payables.history.imported',
        entityType: 'invoice-history',
        entityId: tx.ctx.organisationId,
        after: { invoices: history.length, unpaid, from: dates[0] ?? null, to: dates.at(-1) ?? null },
      });
      return { invoices: history.length, unpaid };
    },
  };
}
