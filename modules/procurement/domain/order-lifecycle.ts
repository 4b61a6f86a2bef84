import type { ValidationIssue } from '../../../kernel/errors';
import type { Pence } from '../../../kernel/money';
import type { PurchaseOrderStatus } from '../types';
import { formatQuantity, lineValue, type Milli, parseQuantity, proportion } from './quantity';

/** What the lifecycle rules need to know about one current order line. */
export type LineFacts = {
  lineNo: number;
  ordered: bigint;
  unitPricePence: bigint;
  netPence: bigint;
  received: bigint;
  accruedPence: bigint;
  invoiced: bigint;
  grniReleasedPence: bigint;
  committedPence: bigint;
};

export type StoredStatus = 'issued' | 'cancelled' | 'closed';

/** The status people see: receipt progress is worked out from the lines, never stored. */
export function orderStatus(stored: StoredStatus, lines: readonly LineFacts[]): PurchaseOrderStatus {
  if (stored !== 'issued') return stored;
  const open = lines.filter((line) => line.ordered > 0n);
  if (open.length > 0 && open.every((line) => line.received >= line.ordered)) return 'received';
  return lines.some((line) => line.received > 0n) ? 'partially-received' : 'issued';
}

/**
 * What a line should still hold against its cost centre's budget: the value
 * ordered and not yet received (received goods are in the actuals through the
 * accrual), nothing once the order is cancelled or closed.
 */
export function commitmentTarget(stored: StoredStatus, line: LineFacts): bigint {
  if (stored !== 'issued') return 0n;
  const open = line.netPence - line.accruedPence;
  return open > 0n ? open : 0n;
}

/** The movements that bring each line's commitment to its target. */
export function commitmentChanges(
  stored: StoredStatus,
  lines: readonly LineFacts[],
): { lineNo: number; amountPence: bigint }[] {
  return lines
    .map((line) => ({
      lineNo: line.lineNo,
      amountPence: commitmentTarget(stored, line) - line.committedPence,
    }))
    .filter((change) => change.amountPence !== 0n);
}

const byLine = <T extends { lineNo: number }>(lines: readonly T[]) =>
  new Map(lines.map((line) => [line.lineNo, line]));

function readQuantities(
  requested: readonly { lineNo: number; quantity: string | number }[],
  lines: ReadonlyMap<number, LineFacts>,
  options: { allowNegative: boolean },
): { quantities: { line: LineFacts; quantity: Milli; index: number }[]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const seen = new Set<number>();
  const quantities: { line: LineFacts; quantity: Milli; index: number }[] = [];
  for (const [index, entry] of requested.entries()) {
    const line = lines.get(entry.lineNo);
    if (!line) {
      issues.push({
        path: `lines[${index}].lineNo`,
        rule: 'order-line-known',
        message: `The order has no line ${entry.lineNo}`,
      });
      continue;
    }
    if (seen.has(entry.lineNo)) {
      issues.push({
        path: `lines[${index}].lineNo`,
        rule: 'order-line-once',
        message: `Line ${entry.lineNo} is given twice`,
      });
      continue;
    }
    seen.add(entry.lineNo);
    const quantity = parseQuantity(entry.quantity);
    if (quantity === undefined) {
      issues.push({
        path: `lines[${index}].quantity`,
        rule: 'quantity-format',
        message: `"${entry.quantity}" is not a quantity (a number with at most 3 decimal places)`,
      });
    } else if (quantity === 0n || (quantity < 0n && !options.allowNegative)) {
      issues.push({
        path: `lines[${index}].quantity`,
        rule: 'quantity-positive',
        message: 'The quantity must be more than 0',
      });
    } else {
      quantities.push({ line, quantity, index });
    }
  }
  if (requested.length === 0)
    issues.push({ path: 'lines', rule: 'lines-required', message: 'Give at least one line' });
  return { quantities, issues };
}

export type PlannedReceiptLine = { lineNo: number; quantity: Milli; valuePence: Pence };

/**
 * A receipt values what arrived at the order price (the last delivery takes
 * whatever is left of the line, so the accruals add up to the line exactly);
 * a return reverses the accrual in proportion to the quantity sent back.
 */
export function planReceipt(
  kind: 'receipt' | 'return',
  requested: readonly { lineNo: number; quantity: string | number }[],
  lines: readonly LineFacts[],
): { lines: PlannedReceiptLine[]; issues: ValidationIssue[] } {
  const { quantities, issues } = readQuantities(requested, byLine(lines), { allowNegative: false });
  const planned: PlannedReceiptLine[] = [];
  for (const { line, quantity, index } of quantities) {
    if (kind === 'receipt') {
      const outstanding = line.ordered - line.received;
      if (quantity > outstanding) {
        issues.push({
          path: `lines[${index}].quantity`,
          rule: 'receipt-within-order',
          message: `Line ${line.lineNo} has ${formatQuantity(outstanding)} still to receive, not ${formatQuantity(quantity)}`,
        });
        continue;
      }
      const completes = quantity === outstanding;
      const valuePence = (
        completes ? line.netPence - line.accruedPence : lineValue(quantity, line.unitPricePence)
      ) as Pence;
      planned.push({
        lineNo: line.lineNo,
        quantity,
        valuePence: (valuePence < 0n ? 0n : valuePence) as Pence,
      });
    } else {
      if (quantity > line.received) {
        issues.push({
          path: `lines[${index}].quantity`,
          rule: 'return-within-received',
          message: `Line ${line.lineNo} has ${formatQuantity(line.received)} received, so ${formatQuantity(quantity)} cannot be returned`,
        });
        continue;
      }
      planned.push({
        lineNo: line.lineNo,
        quantity,
        valuePence: proportion(line.accruedPence, quantity, line.received),
      });
    }
  }
  return { lines: planned, issues };
}

export type PlannedInvoiceLine = {
  lineNo: number;
  quantity: Milli;
  netPence: bigint;
  grniReleasedPence: Pence;
  invoicedAfter: bigint;
};

/**
 * Records an invoice (or credit note) against order lines. The invoiced total
 * may exceed the quantity ordered by `allowedOver` at most, and never fall
 * below zero. Each invoice releases the accrual of the received goods it is the
 * first to cover, at the order price (the last of them releasing what is left).
 */
export function planInvoicing(
  requested: readonly { lineNo: number; quantity: string | number; netPence: number | bigint }[],
  lines: readonly LineFacts[],
  allowedOver: bigint,
): { lines: PlannedInvoiceLine[]; issues: ValidationIssue[] } {
  const { quantities, issues } = readQuantities(requested, byLine(lines), { allowNegative: true });
  const planned: PlannedInvoiceLine[] = [];
  for (const { line, quantity, index } of quantities) {
    const netPence = BigInt(requested[index]!.netPence);
    const after = line.invoiced + quantity;
    if (after > line.ordered + allowedOver) {
      issues.push({
        path: `lines[${index}].quantity`,
        rule: 'invoice-within-order',
        message: `Line ${line.lineNo}: ${formatQuantity(after)} would be invoiced against ${formatQuantity(line.ordered)} ordered${
          allowedOver > 0n ? ` (${formatQuantity(allowedOver)} over allowed)` : ''
        }`,
      });
      continue;
    }
    if (after < 0n) {
      issues.push({
        path: `lines[${index}].quantity`,
        rule: 'credit-within-invoiced',
        message: `Line ${line.lineNo} has ${formatQuantity(line.invoiced)} invoiced; a credit of ${formatQuantity(-quantity)} is more than that`,
      });
      continue;
    }
    let released = 0n;
    if (quantity > 0n) {
      const open = line.accruedPence - line.grniReleasedPence;
      const receivedNotInvoiced = line.received - (line.invoiced > 0n ? line.invoiced : 0n);
      const matched = quantity < receivedNotInvoiced ? quantity : receivedNotInvoiced;
      if (matched > 0n && open > 0n) {
        const atOrderPrice = matched === receivedNotInvoiced ? open : lineValue(matched, line.unitPricePence);
        released = atOrderPrice < open ? atOrderPrice : open;
      }
    }
    planned.push({
      lineNo: line.lineNo,
      quantity,
      netPence,
      grniReleasedPence: released as Pence,
      invoicedAfter: after,
    });
  }
  return { lines: planned, issues };
}

/** An order is closed once every line is invoiced in full, and reopened if a credit note takes a line back below. */
export function statusAfterInvoicing(
  stored: StoredStatus,
  lines: readonly LineFacts[],
  invoicedAfter: ReadonlyMap<number, bigint>,
): StoredStatus {
  if (stored === 'cancelled') return stored;
  const full = lines.every((line) => (invoicedAfter.get(line.lineNo) ?? line.invoiced) >= line.ordered);
  return full ? 'closed' : 'issued';
}
