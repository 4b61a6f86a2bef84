import type { AuditRecord } from '../../../kernel/audit/types';
import type { Pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { orderNumberKey, orderReferenceKeys } from '../domain/numbers';
import { orderStatus, planInvoicing, statusAfterInvoicing } from '../domain/order-lifecycle';
import { formatQuantity, type Milli, parseQuantity } from '../domain/quantity';
import { procurementError } from '../errors';
import * as sql from '../sql/order-queries';
import { runWrites } from '../sql/writes';
import type { PurchaseOrderForMatching, RecordInvoicedInput, RecordInvoicedResult } from '../types';
import { commitmentMovements, facts, toPurchaseOrder } from './order-state';

function groupByOrder<T extends { purchaseOrderId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.purchaseOrderId);
    if (group) group.push(row);
    else grouped.set(row.purchaseOrderId, [row]);
  }
  return grouped;
}

function forMatching(header: sql.OrderHeaderRow, lines: readonly sql.LineState[]): PurchaseOrderForMatching {
  const order = toPurchaseOrder(header, lines);
  return {
    id: order.id,
    number: order.number,
    supplierId: order.supplierId,
    status: order.status,
    currency: 'GBP',
    lines: order.lines.map((line) => ({
      lineNo: line.lineNo,
      description: line.description,
      gtin: line.gtin,
      supplierItemCode: line.supplierItemCode,
      unitCode: line.unitCode,
      orderedQuantity: line.orderedQuantity,
      receivedQuantity: line.receivedQuantity,
      invoicedQuantity: line.invoicedQuantity,
      unitPricePence: line.unitPricePence,
      vatRateBasisPoints: line.vatRateBasisPoints,
      accountCode: line.accountCode,
      costCentreCode: line.costCentreCode,
    })),
  };
}

/**
 * What payables asks of procurement when invoices arrive: the orders they name, and recording
 * what each approved invoice takes from its order. Both work on a whole batch with a fixed number
 * of statements, because invoices arrive by the thousand; the single forms are a batch of one.
 */
export function createInvoicingService() {
  /**
   * The orders invoices name (EN 16931 BT-13), as payables matches against them: quantities as
   * decimal strings, money in pence. Null where no order of this organisation has that number
   * (with or without the organisation code).
   */
  async function purchaseOrdersForMatching(
    tx: TenantTx,
    references: readonly string[],
  ): Promise<(PurchaseOrderForMatching | null)[]> {
    const keysOf = references.map((reference) => orderReferenceKeys(tx.ctx.organisationId, reference));
    const keys = [...new Set(keysOf.flat())];
    if (keys.length === 0) return references.map(() => null);
    const headers = await sql.selectOrderHeaders(tx, { numberKeys: keys, limit: keys.length });
    const byKey = new Map(headers.map((header) => [orderNumberKey(header.number), header]));
    const named = keysOf.map((candidates) => candidates.map((key) => byKey.get(key)).find(Boolean) ?? null);
    const ids = [...new Set(named.flatMap((header) => (header ? [header.id] : [])))];
    const lines = groupByOrder(ids.length > 0 ? await sql.selectLineStates(tx, ids) : []);
    return named.map((header) => header && forMatching(header, lines.get(header.id) ?? []));
  }

  /**
   * Records what invoices (or, with negative quantities, credit notes) bill against order lines,
   * in order, each seeing the ones before it, and the accrual each releases; closes an order once
   * every line is invoiced in full and reopens it when a credit takes a line back. Recording the
   * same invoice again with the same lines returns the first result. All or nothing: the first
   * refusal throws before anything is written.
   */
  async function recordInvoicedMany(
    tx: TenantTx,
    inputs: readonly RecordInvoicedInput[],
  ): Promise<RecordInvoicedResult[]> {
    const orderIds = [...new Set(inputs.map((input) => input.purchaseOrderId))];
    // Locked before their lines are read: a second intake recording against the same order waits
    // here, then sees what the first took, so two invoices cannot both take the last of a line.
    const headers = new Map(
      (await sql.selectOrderHeaders(tx, { ids: orderIds, limit: orderIds.length, lock: true })).map((h) => [
        h.id,
        h,
      ]),
    );
    const linesOf = groupByOrder(await sql.selectLineStates(tx, orderIds));
    const recordKey = (orderId: string, invoiceId: string) => `${orderId}\u0000${invoiceId}`;
    const recorded = new Map<string, sql.InvoiceRecordRow[]>();
    const existing = await sql.selectInvoiceRecords(
      tx,
      inputs.map((input) => ({ orderId: input.purchaseOrderId, invoiceId: input.invoiceId })),
    );
    for (const record of existing) {
      const key = recordKey(record.purchaseOrderId, record.invoiceId);
      recorded.set(key, [...(recorded.get(key) ?? []), record]);
    }

    const records: sql.InvoiceRecordRow[] = [];
    const statusChanges = new Map<string, 'issued' | 'closed'>();
    const movements: sql.CommitmentMovement[] = [];
    const audits: AuditRecord[] = [];
    const results: RecordInvoicedResult[] = [];
    for (const input of inputs) {
      const header = headers.get(input.purchaseOrderId);
      if (!header) {
        throw procurementError('PURCHASE_ORDER_NOT_FOUND', `No purchase order ${input.purchaseOrderId}`);
      }
      const states = linesOf.get(header.id) ?? [];
      const invoicedOf = (lineNo: number) =>
        formatQuantity(states.find((s) => s.lineNo === lineNo)?.invoiced ?? 0n);
      const before = recorded.get(recordKey(header.id, input.invoiceId)) ?? [];
      if (before.length > 0) {
        const same =
          before.length === input.lines.length &&
          input.lines.every((line) => {
            const record = before.find((r) => r.lineNo === line.lineNo);
            return (
              record &&
              record.quantity === parseQuantity(line.quantity) &&
              record.netPence === BigInt(line.netPence)
            );
          });
        if (!same) {
          throw procurementError(
            'INVOICE_RECORD_CONFLICT',
            `Invoice ${input.invoiceId} is already recorded against ${header.number} with different lines`,
          );
        }
        results.push({
          purchaseOrderId: header.id,
          invoiceId: input.invoiceId,
          alreadyRecorded: true,
          status: orderStatus(header.storedStatus, states.map(facts)),
          lines: before.map((record) => ({
            lineNo: record.lineNo,
            invoicedQuantity: invoicedOf(record.lineNo),
            grniReleasedPence: record.grniReleasedPence,
          })),
        });
        continue;
      }
      if (header.storedStatus === 'cancelled') {
        throw procurementError(
          'PURCHASE_ORDER_NOT_OPEN',
          `Purchase order ${header.number} was cancelled: nothing can be invoiced against it`,
        );
      }
      const allowedOver = parseQuantity(input.allowedOverQuantity ?? '0');
      if (allowedOver === undefined || allowedOver < 0n) {
        throw procurementError(
          'INVOICED_LINES_INVALID',
          'allowedOverQuantity must be a quantity of 0 or more',
          [{ path: 'allowedOverQuantity', rule: 'quantity-format', message: 'A decimal of 0 or more' }],
        );
      }
      const plan = planInvoicing(input.lines, states.map(facts), allowedOver);
      if (plan.issues.length > 0) {
        const over = plan.issues.every(
          (i) => i.rule === 'invoice-within-order' || i.rule === 'credit-within-invoiced',
        );
        throw procurementError(
          over ? 'OVER_INVOICED' : 'INVOICED_LINES_INVALID',
          plan.issues.length === 1
            ? plan.issues[0]!.message
            : `${plan.issues.length} problems with the invoiced lines`,
          plan.issues,
        );
      }
      const written = plan.lines.map((line) => ({
        purchaseOrderId: header.id,
        invoiceId: input.invoiceId,
        lineNo: line.lineNo,
        quantity: line.quantity,
        netPence: line.netPence as Pence,
        grniReleasedPence: line.grniReleasedPence,
      }));
      records.push(...written);
      recorded.set(recordKey(header.id, input.invoiceId), written);

      const planned = new Map(plan.lines.map((line) => [line.lineNo, line]));
      const stored = statusAfterInvoicing(
        header.storedStatus,
        states.map(facts),
        new Map(plan.lines.map((line) => [line.lineNo, line.invoicedAfter])),
      );
      const moved =
        stored === header.storedStatus
          ? []
          : commitmentMovements(
              header,
              stored,
              states,
              stored === 'closed' ? 'closed' : 'reopened',
              input.invoiceId,
            );
      movements.push(...moved);
      const after = states.map((state): sql.LineState => {
        const line = planned.get(state.lineNo);
        const commitment = moved
          .filter((movement) => movement.lineNo === state.lineNo)
          .reduce((sum, movement) => sum + movement.amountPence, 0n);
        return {
          ...state,
          invoiced: line ? (line.invoicedAfter as Milli) : state.invoiced,
          invoicedNetPence: (state.invoicedNetPence + (line?.netPence ?? 0n)) as Pence,
          grniReleasedPence: (state.grniReleasedPence + (line?.grniReleasedPence ?? 0n)) as Pence,
          committedPence: (state.committedPence + commitment) as Pence,
        };
      });
      linesOf.set(header.id, after);
      if (stored !== header.storedStatus) {
        headers.set(header.id, { ...header, storedStatus: stored });
        statusChanges.set(header.id, stored === 'closed' ? 'closed' : 'issued');
      }
      audits.push({
        action: 'procurement.purchase-order.invoiced',
        entityType: 'purchase-order',
        entityId: header.id,
        after: {
          invoiceId: input.invoiceId,
          status: stored,
          lines: plan.lines.map((line) => ({
            lineNo: line.lineNo,
            quantity: formatQuantity(line.quantity),
            netPence: line.netPence,
            grniReleasedPence: line.grniReleasedPence,
          })),
        },
      });
      results.push({
        purchaseOrderId: header.id,
        invoiceId: input.invoiceId,
        alreadyRecorded: false,
        status: orderStatus(stored, after.map(facts)),
        lines: plan.lines.map((line) => ({
          lineNo: line.lineNo,
          invoicedQuantity: formatQuantity(line.invoicedAfter),
          grniReleasedPence: line.grniReleasedPence,
        })),
      });
    }

    const organisationId = tx.ctx.organisationId;
    await runWrites(tx, [
      sql.invoiceRecordInserts(organisationId, records, tx.ctx.actor.id, tx.now),
      sql.invoicedStatusUpdates(
        organisationId,
        [...statusChanges].map(([orderId, status]) => ({ orderId, status })),
        tx.now,
      ),
      sql.commitmentInserts(organisationId, movements, tx.now),
    ]);
    for (const audit of audits) tx.audit(audit);
    return results;
  }

  return {
    purchaseOrdersForMatching,
    async purchaseOrderForMatching(
      tx: TenantTx,
      orderReference: string,
    ): Promise<PurchaseOrderForMatching | null> {
      const [order] = await purchaseOrdersForMatching(tx, [orderReference]);
      return order ?? null;
    },
    recordInvoicedMany,
    async recordInvoiced(tx: TenantTx, input: RecordInvoicedInput): Promise<RecordInvoicedResult> {
      const [result] = await recordInvoicedMany(tx, [input]);
      return result!;
    },
  };
}
