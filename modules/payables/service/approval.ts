import { newId } from '../../../kernel/ids';
import type { Pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import type { JournalInput } from '../../ledger';
import { requiredLevel, withinAuthority } from '../domain/authority';
import {
  type ExceptionReason,
  isResolutionAction,
  REASON_GUIDE,
  type ResolutionAction,
} from '../domain/exceptions';
import type { CapturedInvoice } from '../domain/invoice';
import { MATCH_RULES_VERSION, type MatchedLine, matchToOrder, toleranceQuantity } from '../domain/match';
import { type InvoiceCharging, invoiceJournal } from '../domain/postings';
import { quantityOf } from '../domain/quantity';
import { payablesError } from '../errors';
import * as sql from '../sql/queries';
import { type PayablesDeps, today } from './context';
import { recordAgainstOrders } from './invoicing';

/** Exceptions that coding an invoice by hand makes moot: it is then charged where it is coded, not to an order. */
const SUPERSEDED_BY_CODING: readonly ExceptionReason[] = [
  'no-po',
  'po-not-found',
  'po-closed',
  'line-not-on-order',
  'coding-invalid',
  'credit-note-unmatched',
  'price-variance',
  'quantity-not-received',
  'quantity-over-ordered',
];

export type Coding = { accountCode: string; costCentreCode: string };

export type Resolution = {
  action: ResolutionAction | string;
  note?: string;
  /** For code-invoice: one coding for the whole invoice. */
  coding?: Coding;
};

/** An invoice as it was captured, rebuilt from its stored rows for matching again. */
export function capturedFromRows(
  invoice: sql.InvoiceRow,
  lines: readonly sql.InvoiceLineRow[],
): CapturedInvoice {
  return {
    kind: invoice.kind,
    number: invoice.invoiceNumber,
    issueDate: invoice.issueDate,
    statedDueDate: invoice.statedDueDate,
    currency: invoice.currency,
    orderReference: invoice.orderReference,
    precedingInvoiceNumbers: invoice.precedingInvoiceNumbers,
    buyerReference: null,
    seller: {
      name: invoice.supplierName,
      vatNumber: null,
      companiesHouseNumber: null,
      endpointScheme: null,
      endpointId: null,
      gln: null,
    },
    netPence: invoice.netPence,
    vatPence: invoice.vatPence,
    grossPence: invoice.grossPence,
    prepaidPence: invoice.prepaidPence,
    amountDuePence: invoice.amountDuePence,
    lines: lines.map((line) => ({
      lineNo: line.lineNo,
      lineId: line.lineId,
      description: line.description,
      quantity: quantityOf(line.quantity),
      unitCode: line.unitCode,
      unitPrice: line.unitPrice,
      netPence: line.netPence as Pence,
      vatRateBasisPoints: line.vatRateBasisPoints,
      vatCategory: line.vatCategory,
      orderLineReference: line.orderLineReference,
      gtin: line.gtin,
      sellerItemCode: line.sellerItemCode,
      accountCode: line.accountCode,
      costCentreCode: line.costCentreCode,
    })),
  };
}

/** What a stored invoice line keeps of its match to an order line. */
const storedMatch = (line: MatchedLine) => ({
  lineNo: line.invoiceLineNo,
  poLineNo: line.poLineNo,
  matchMode: line.mode,
  expectedPence: line.expectedPence,
  variancePence: line.variancePence,
  grniReleasePence: line.grniReleasePence,
  accountCode: line.accountCode,
  costCentreCode: line.costCentreCode,
});

/** How a stored invoice is charged: to its order lines as matched, or where it was coded. */
function chargingOf(invoice: sql.InvoiceRow, lines: readonly sql.InvoiceLineRow[]): InvoiceCharging {
  if (invoice.route === 'po') {
    const matched: MatchedLine[] = lines
      .filter((line) => line.poLineNo !== null)
      .map((line) => ({
        invoiceLineNo: line.lineNo,
        poLineNo: line.poLineNo!,
        mode: line.matchMode === 'two-way' ? 'two-way' : 'three-way',
        quantity: quantityOf(line.quantity),
        expectedPence: (line.expectedPence ?? line.netPence) as Pence,
        variancePence: (line.variancePence ?? 0n) as Pence,
        grniReleasePence: (line.grniReleasePence ?? 0n) as Pence,
        accountCode: line.accountCode ?? '',
        costCentreCode: line.costCentreCode ?? '',
      }));
    return { kind: 'matched', lines: matched };
  }
  return {
    kind: 'coded',
    lines: lines.map((line) => ({
      netPence: line.netPence as Pence,
      accountCode: line.accountCode ?? '',
      costCentreCode: line.costCentreCode ?? '',
    })),
  };
}

export function createApproval(deps: PayablesDeps) {
  const { ledger, framework, procurement } = deps;

  async function loadInvoice(tx: TenantTx, invoiceId: string) {
    const [invoice] = await sql.selectInvoices(tx, { ids: [invoiceId], limit: 1 });
    if (!invoice)
      throw payablesError('INVOICE_NOT_FOUND', `No invoice ${invoiceId} in ${tx.ctx.organisationId}`);
    return { invoice, lines: await sql.selectLines(tx, [invoiceId]) };
  }

  /**
   * Makes invoices payable: posts each one's journal through the ledger (all in one batch),
   * records what was invoiced against each order, and marks them approved by the person (or
   * the rule) that decided.
   */
  async function approve(
    tx: TenantTx,
    entries: readonly { invoice: sql.InvoiceRow; lines: readonly sql.InvoiceLineRow[] }[],
    approval: { by: string; rule: string; ruleVersion: string },
  ): Promise<void> {
    if (entries.length === 0) return;
    const slack = toleranceQuantity(
      (await framework.resolve(tx, 'payables.matchTolerance')).value.quantityUnits,
    );
    const journals: { invoiceId: string; journal: JournalInput }[] = [];
    for (const { invoice, lines } of entries) {
      let charging = chargingOf(invoice, lines);
      if (charging.kind === 'matched' && invoice.purchaseOrderId) {
        const [recorded] = await recordAgainstOrders(
          procurement,
          tx,
          [
            {
              invoice: { id: invoice.id, kind: invoice.kind, purchaseOrderId: invoice.purchaseOrderId },
              lines: charging.lines,
              netOf: (lineNo) => lines.find((line) => line.lineNo === lineNo)?.netPence ?? 0n,
            },
          ],
          slack,
        );
        if (!recorded || 'refused' in recorded) {
          throw payablesError(
            'RESOLUTION_INVALID',
            `Procurement would not take the invoice: ${recorded?.refused ?? 'no answer'}`,
            [
              {
                path: 'invoice',
                rule: 'order-takes-invoice',
                message: 'The order has less left to invoice than this invoice',
              },
            ],
          );
        }
        charging = { kind: 'matched', lines: recorded };
        await sql.updateLines(tx, invoice.id, recorded.map(storedMatch));
      }
      const journal = invoiceJournal(
        {
          id: invoice.id,
          kind: invoice.kind,
          number: invoice.invoiceNumber,
          supplierName: invoice.supplierName,
          netPence: invoice.netPence,
          vatPence: invoice.vatPence,
          grossPence: invoice.grossPence,
          nhsSupplier: invoice.nhsSupplier,
        },
        charging,
        today(tx),
      );
      if (journal) journals.push({ invoiceId: invoice.id, journal });
    }
    const posted = await ledger.postJournals(
      tx,
      journals.map((entry) => entry.journal),
    );
    const journalIds = new Map(journals.map((entry, index) => [entry.invoiceId, posted[index]!.id]));
    await sql.markApproved(
      tx,
      entries.map(({ invoice }) => ({ id: invoice.id, journalId: journalIds.get(invoice.id) ?? null })),
      { at: tx.now, ...approval },
    );
    for (const { invoice } of entries) {
      tx.audit({
        action: 'payables.invoice.approved',
        entityType: 'invoice',
        entityId: invoice.id,
        before: { status: invoice.status },
        after: {
          status: 'approved',
          approvedBy: approval.by,
          rule: approval.rule,
          journalId: journalIds.get(invoice.id) ?? null,
        },
      });
    }
  }

  /** When nothing is left open on an invoice, it goes on: to approval by the budget holder (non-PO) or straight to payable. */
  async function advance(tx: TenantTx, invoiceId: string, decidedBy: string): Promise<sql.InvoiceStatus> {
    const { invoice, lines } = await loadInvoice(tx, invoiceId);
    if (invoice.status !== 'exception') return invoice.status;
    const open = await sql.selectExceptions(tx, {
      invoiceIds: [invoiceId],
      statuses: ['open', 'waiting'],
      limit: 1,
    });
    if (open.length > 0) return invoice.status;
    if (invoice.route === 'non-po' && invoice.kind === 'invoice') {
      const thresholds = await framework.resolve(tx, 'procurement.approvalThresholds');
      const level = requiredLevel(invoice.netPence, thresholds.value);
      await sql.updateInvoice(tx, invoiceId, {
        status: 'awaiting-approval',
        requiredApproverRole: level?.role ?? null,
      });
      tx.audit({
        action: 'payables.invoice.awaiting-approval',
        entityType: 'invoice',
        entityId: invoiceId,
        after: { requiredApproverRole: level?.role ?? null },
      });
      return 'awaiting-approval';
    }
    const tolerance = await framework.resolve(tx, 'payables.matchTolerance');
    await approve(tx, [{ invoice, lines }], {
      by: decidedBy,
      rule: invoice.kind === 'credit-note' ? 'PAYABLES-CREDIT-APPLY' : 'PAYABLES-EXCEPTIONS-CLEARED',
      ruleVersion: `${MATCH_RULES_VERSION}; standard ${tolerance.standardVersion}`,
    });
    return 'approved';
  }

  async function reject(tx: TenantTx, invoice: sql.InvoiceRow, message: string): Promise<void> {
    const open = await sql.selectExceptions(tx, {
      invoiceIds: [invoice.id],
      statuses: ['open', 'waiting'],
      limit: 1000,
    });
    await sql.resolveExceptions(
      tx,
      open.map((e) => e.id),
      {
        status: 'resolved',
        at: tx.now,
        by: tx.ctx.actor.id,
        resolution: 'reject-to-supplier',
        note: message,
      },
    );
    const reasons = open.map((e) => `- ${REASON_GUIDE[e.reason].label}: ${e.detail}`);
    const subject = `Invoice ${invoice.invoiceNumber} returned unpaid`;
    const body = [
      `Dear ${invoice.supplierName},`,
      '',
      `We cannot pay your ${invoice.kind === 'credit-note' ? 'credit note' : 'invoice'} ${invoice.invoiceNumber} dated ${invoice.issueDate}.`,
      '',
      message,
      ...(reasons.length ? ['', 'What we found:', ...reasons] : []),
      '',
      'It has not been paid and will not be. Please send a corrected document under a new number, or a credit note, as appropriate.',
    ].join('\n');
    await sql.updateInvoice(tx, invoice.id, {
      status: 'rejected',
      touchless: false,
      rejectedAt: tx.now,
      rejectedBy: tx.ctx.actor.id,
      rejectionSubject: subject,
      rejectionBody: body,
    });
    await sql.deleteFingerprint(tx, tx.ctx.organisationId, invoice);
    tx.audit({
      action: 'payables.invoice.rejected',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { status: invoice.status },
      after: { status: 'rejected', subject },
      reason: message,
    });
  }

  return {
    loadInvoice,
    approve,

    /** One-click resolution of an exception from the queue, within the person's authority. */
    async resolveException(
      tx: TenantTx,
      exceptionId: string,
      resolution: Resolution,
      roles: readonly string[],
    ): Promise<{ invoiceId: string; invoiceStatus: sql.InvoiceStatus }> {
      const [exception] = await sql.selectExceptions(tx, { ids: [exceptionId], limit: 1 });
      if (!exception) throw payablesError('EXCEPTION_NOT_FOUND', `No exception ${exceptionId}`);
      const { invoice, lines } = await loadInvoice(tx, exception.invoiceId);
      if (exception.status === 'resolved' || invoice.status !== 'exception') {
        throw payablesError(
          'EXCEPTION_CLOSED',
          `That exception is already ${exception.status === 'resolved' ? `resolved (${exception.resolution})` : `closed: the invoice is ${invoice.status}`}`,
        );
      }
      const guide = REASON_GUIDE[exception.reason];
      const action = resolution.action;
      if (!isResolutionAction(action) || !guide.actions.includes(action)) {
        throw payablesError(
          'RESOLUTION_NOT_OFFERED',
          `“${action}” does not resolve ${guide.label.toLowerCase()}`,
          [
            {
              path: 'action',
              rule: 'resolution-offered',
              message: `Choose one of: ${guide.actions.join(', ')}`,
            },
          ],
        );
      }
      const note = resolution.note?.trim() || null;
      const needsNote: readonly ResolutionAction[] = ['mark-not-duplicate', 'accept-with-reason'];
      if (needsNote.includes(action) && !note) {
        throw payablesError('RESOLUTION_INVALID', 'Give the reason: it is kept with the invoice for audit', [
          { path: 'note', rule: 'reason-required', message: 'Say why, for the audit trail' },
        ]);
      }
      const resolve = (
        ids: string[],
        resolvedAs: sql.ExceptionRow['resolution'],
        status: sql.ExceptionStatus = 'resolved',
      ) =>
        sql.resolveExceptions(tx, ids, {
          status,
          at: tx.now,
          by: tx.ctx.actor.id,
          resolution: resolvedAs,
          note,
        });

      switch (action) {
        case 'reject-to-supplier':
          await reject(tx, invoice, note ?? `${guide.label}: ${exception.detail}`);
          return { invoiceId: invoice.id, invoiceStatus: 'rejected' };
        case 'accept-variance': {
          const limits = await framework.resolve(tx, 'payables.varianceApprovalLimits');
          const variance = exception.amountPence ?? 0n;
          if (!withinAuthority(variance, roles, limits.value)) {
            const needed = requiredLevel(variance, limits.value);
            throw payablesError(
              'OUTSIDE_AUTHORITY',
              `A variance of ${variance}p is beyond your authority to accept${needed ? `: it needs a ${needed.role}` : ''}`,
              [
                {
                  path: 'action',
                  rule: 'variance-within-authority',
                  message: 'Refer it to someone with the authority, or reject it to the supplier',
                },
              ],
            );
          }
          await resolve([exception.id], 'accept-variance');
          break;
        }
        case 'wait-for-receipt':
          await resolve([exception.id], 'wait-for-receipt', 'waiting');
          break;
        case 'mark-not-duplicate':
        case 'accept-with-reason':
          await resolve([exception.id], action);
          break;
        case 'code-invoice': {
          const coding = resolution.coding;
          const chart = new Set((await ledger.chart(tx)).filter((a) => a.postable).map((a) => a.code));
          const centres = new Set((await ledger.costCentres(tx)).filter((c) => c.active).map((c) => c.code));
          const issues = [
            ...(!coding?.accountCode || !chart.has(coding.accountCode)
              ? [
                  {
                    path: 'coding.accountCode',
                    rule: 'account-known',
                    message: 'Choose a postable account of the common chart',
                  },
                ]
              : []),
            ...(!coding?.costCentreCode || !centres.has(coding.costCentreCode)
              ? [
                  {
                    path: 'coding.costCentreCode',
                    rule: 'cost-centre-known',
                    message: 'Choose an open cost centre',
                  },
                ]
              : []),
          ];
          if (!coding || issues.length > 0) {
            throw payablesError(
              'RESOLUTION_INVALID',
              'Code the invoice to an open cost centre and a postable account',
              issues,
            );
          }
          await sql.updateLines(
            tx,
            invoice.id,
            lines.map((line) => ({
              lineNo: line.lineNo,
              poLineNo: null,
              matchMode: null,
              expectedPence: null,
              variancePence: null,
              grniReleasePence: null,
              accountCode: coding.accountCode,
              costCentreCode: coding.costCentreCode,
            })),
          );
          await sql.updateInvoice(tx, invoice.id, {
            route: 'non-po',
            purchaseOrderId: null,
            matchMode: null,
            codedBy: tx.ctx.actor.id,
            codedAt: tx.now,
          });
          const open = await sql.selectExceptions(tx, {
            invoiceIds: [invoice.id],
            statuses: ['open', 'waiting'],
            limit: 1000,
          });
          await resolve([exception.id], 'code-invoice');
          await resolve(
            open
              .filter((e) => e.id !== exception.id && SUPERSEDED_BY_CODING.includes(e.reason))
              .map((e) => e.id),
            'superseded',
          );
          break;
        }
      }
      await sql.updateInvoice(tx, invoice.id, { touchless: false });
      tx.audit({
        action: 'payables.exception.resolved',
        entityType: 'exception',
        entityId: exception.id,
        before: { status: exception.status, reason: exception.reason },
        after: { resolution: action, coding: resolution.coding ?? null },
        reason: note ?? undefined,
      });
      return { invoiceId: invoice.id, invoiceStatus: await advance(tx, invoice.id, tx.ctx.actor.id) };
    },

    /** The budget holder (or higher) approves a coded non-PO invoice within their delegated authority. */
    async approveInvoice(tx: TenantTx, invoiceId: string, roles: readonly string[]): Promise<sql.InvoiceRow> {
      const { invoice, lines } = await loadInvoice(tx, invoiceId);
      if (invoice.status !== 'awaiting-approval') {
        throw payablesError(
          'INVOICE_NOT_AWAITING_APPROVAL',
          `Invoice ${invoice.invoiceNumber} is ${invoice.status}, not awaiting approval`,
        );
      }
      const thresholds = await framework.resolve(tx, 'procurement.approvalThresholds');
      if (!withinAuthority(invoice.netPence, roles, thresholds.value)) {
        throw payablesError(
          'OUTSIDE_AUTHORITY',
          `${invoice.invoiceNumber} (${invoice.netPence}p before VAT) needs a ${invoice.requiredApproverRole ?? 'more senior approver'} to approve it`,
          [
            {
              path: 'invoice',
              rule: 'approval-within-authority',
              message: 'Your delegated limit is lower than the invoice',
            },
          ],
        );
      }
      const duties = await framework.resolve(tx, 'governance.segregationOfDuties');
      if (!duties.value.requesterMayApprove && invoice.codedBy === tx.ctx.actor.id) {
        throw payablesError(
          'SEGREGATION_OF_DUTIES',
          'You coded this invoice, so someone else must approve it',
          [
            {
              path: 'invoice',
              rule: 'requester-may-not-approve',
              message: 'Segregation of duties (governance.segregationOfDuties)',
            },
          ],
        );
      }
      await approve(tx, [{ invoice, lines }], {
        by: tx.ctx.actor.id,
        rule: 'PAYABLES-NON-PO-APPROVED',
        ruleVersion: `${MATCH_RULES_VERSION}; standard ${thresholds.standardVersion}`,
      });
      return (await loadInvoice(tx, invoiceId)).invoice;
    },

    /**
     * Matches again every invoice waiting on its goods (or any given invoices): receipts
     * recorded since clear the quantity exceptions automatically, and an invoice with nothing
     * left open is approved. Each automatic clearance is recorded with its rule.
     */
    async rematch(tx: TenantTx, options: { invoiceIds?: readonly string[] } = {}) {
      const waiting = await sql.selectExceptions(tx, {
        invoiceIds: options.invoiceIds,
        statuses: ['open', 'waiting'],
        reasons: ['quantity-not-received'],
        limit: 5_000,
      });
      const invoiceIds = [...new Set(waiting.map((e) => e.invoiceId))];
      const tolerance = await framework.resolve(tx, 'payables.matchTolerance');
      let cleared = 0;
      let approved = 0;
      for (const invoiceId of invoiceIds) {
        const { invoice, lines } = await loadInvoice(tx, invoiceId);
        if (invoice.status !== 'exception' || invoice.route !== 'po' || !invoice.orderReference) continue;
        const order = await procurement.purchaseOrderForMatching(tx, invoice.orderReference);
        if (!order) continue;
        const result = matchToOrder({
          invoice: capturedFromRows(invoice, lines),
          supplierId: invoice.supplierId,
          order,
          tolerance: tolerance.value,
        });
        if (result.findings.some((f) => f.reason === 'quantity-not-received')) continue;
        const clearing = waiting.filter((e) => e.invoiceId === invoiceId);
        await sql.resolveExceptions(
          tx,
          clearing.map((e) => e.id),
          {
            status: 'resolved',
            at: tx.now,
            by: 'system',
            resolution: 'rematched',
            note: 'Goods receipt recorded',
          },
        );
        await sql.updateLines(tx, invoiceId, result.lines.map(storedMatch));
        await sql.insertDecisions(
          tx,
          tx.ctx.organisationId,
          tx.now,
          clearing.map((e) => ({
            id: newId('dec'),
            subjectType: 'invoice' as const,
            subjectId: invoiceId,
            decision: 'exception-cleared',
            rule: 'PAYABLES-QUANTITY-RECEIVED',
            ruleVersion: MATCH_RULES_VERSION,
            standardVersion: tolerance.standardVersion,
            variationId: tolerance.variationId,
            detail: { exceptionId: e.id, reason: e.reason },
          })),
        );
        cleared += clearing.length;
        if ((await advance(tx, invoiceId, 'system')) === 'approved') approved += 1;
      }
      return { checked: invoiceIds.length, cleared, approved };
    },
  };
}
