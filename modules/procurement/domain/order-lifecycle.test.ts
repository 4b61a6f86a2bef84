import { describe, expect, it } from 'vitest';
import {
  commitmentChanges,
  type LineFacts,
  orderStatus,
  planInvoicing,
  planReceipt,
  statusAfterInvoicing,
} from './order-lifecycle';

/** Ten boxes at £4.85. Quantities in thousandths. */
const line = (overrides: Partial<LineFacts> = {}): LineFacts => ({
  lineNo: 1,
  ordered: 10_000n,
  unitPricePence: 485n,
  netPence: 4_850n,
  received: 0n,
  accruedPence: 0n,
  invoiced: 0n,
  grniReleasedPence: 0n,
  committedPence: 4_850n,
  ...overrides,
});

describe('order status', () => {
  it.each([
    { stored: 'issued' as const, lines: [line()], status: 'issued' },
    { stored: 'issued' as const, lines: [line({ received: 4_000n })], status: 'partially-received' },
    { stored: 'issued' as const, lines: [line({ received: 10_000n })], status: 'received' },
    { stored: 'closed' as const, lines: [line()], status: 'closed' },
    { stored: 'cancelled' as const, lines: [line()], status: 'cancelled' },
  ])('$stored with $status lines reads $status', ({ stored, lines, status }) => {
    expect(orderStatus(stored, lines)).toBe(status);
  });
});

describe('commitments', () => {
  it.each([
    { why: 'nothing has happened', stored: 'issued' as const, facts: line(), change: null },
    {
      why: 'part has been received',
      stored: 'issued' as const,
      facts: line({ accruedPence: 1_940n }),
      change: -1_940n,
    },
    { why: 'the order is cancelled', stored: 'cancelled' as const, facts: line(), change: -4_850n },
    {
      why: 'the order is closed',
      stored: 'closed' as const,
      facts: line({ committedPence: 1_000n }),
      change: -1_000n,
    },
    {
      why: 'goods came back',
      stored: 'issued' as const,
      facts: line({ accruedPence: 1_455n, committedPence: 2_910n }),
      change: 485n,
    },
    {
      why: 'more arrived than the order was worth',
      stored: 'issued' as const,
      facts: line({ accruedPence: 5_000n, committedPence: 0n }),
      change: null,
    },
  ])('moves the commitment to what is still outstanding when $why', ({ stored, facts, change }) => {
    const changes = commitmentChanges(stored, [facts]);
    expect(changes).toEqual(change === null ? [] : [{ lineNo: 1, amountPence: change }]);
  });
});

describe('receipts and returns', () => {
  it('values a part delivery at the order price, and the completing delivery at what is left of the line', () => {
    expect(planReceipt('receipt', [{ lineNo: 1, quantity: '3.333' }], [line()]).lines[0]!.valuePence).toBe(
      1_617n,
    );
    const completing = planReceipt(
      'receipt',
      [{ lineNo: 1, quantity: '6.667' }],
      [line({ received: 3_333n, accruedPence: 1_617n })],
    );
    expect(completing.lines[0]!.valuePence).toBe(3_233n);
  });

  it('reverses a return in proportion to what was received', () => {
    const plan = planReceipt(
      'return',
      [{ lineNo: 1, quantity: 1 }],
      [line({ received: 3_000n, accruedPence: 1_000n })],
    );
    expect(plan.lines[0]!.valuePence).toBe(333n);
  });

  it.each([
    { kind: 'receipt' as const, lines: [{ lineNo: 1, quantity: 11 }], rule: 'receipt-within-order' },
    { kind: 'return' as const, lines: [{ lineNo: 1, quantity: 1 }], rule: 'return-within-received' },
    { kind: 'receipt' as const, lines: [{ lineNo: 2, quantity: 1 }], rule: 'order-line-known' },
    { kind: 'receipt' as const, lines: [{ lineNo: 1, quantity: 0 }], rule: 'quantity-positive' },
    { kind: 'receipt' as const, lines: [{ lineNo: 1, quantity: 'two' }], rule: 'quantity-format' },
    {
      kind: 'receipt' as const,
      lines: [
        { lineNo: 1, quantity: 1 },
        { lineNo: 1, quantity: 1 },
      ],
      rule: 'order-line-once',
    },
    { kind: 'receipt' as const, lines: [], rule: 'lines-required' },
  ])('refuses a $kind breaking $rule', ({ kind, lines, rule }) => {
    expect(planReceipt(kind, lines, [line()]).issues.map((issue) => issue.rule)).toContain(rule);
  });
});

describe('invoicing against an order', () => {
  it('releases the accrual of the received goods an invoice is first to cover', () => {
    const facts = line({ received: 4_000n, accruedPence: 1_940n });
    const plan = planInvoicing([{ lineNo: 1, quantity: 2, netPence: 970 }], [facts], 0n);
    expect(plan.lines[0]).toMatchObject({ grniReleasedPence: 970n, invoicedAfter: 2_000n });
  });

  it('releases nothing for goods not yet received, and what is left when it covers the last of them', () => {
    const facts = line({ received: 4_000n, accruedPence: 1_940n, invoiced: 2_000n, grniReleasedPence: 970n });
    expect(
      planInvoicing([{ lineNo: 1, quantity: 8, netPence: 3_880 }], [facts], 0n).lines[0]!.grniReleasedPence,
    ).toBe(970n);
    expect(
      planInvoicing([{ lineNo: 1, quantity: 1, netPence: 485 }], [line()], 0n).lines[0]!.grniReleasedPence,
    ).toBe(0n);
  });

  it.each([
    { quantity: 11, allowed: 0n, rule: 'invoice-within-order' },
    { quantity: '10.5', allowed: 500n, rule: null },
    { quantity: '10.501', allowed: 500n, rule: 'invoice-within-order' },
    { quantity: -1, allowed: 0n, rule: 'credit-within-invoiced' },
  ])('quantity $quantity with $allowed thousandths allowed over: $rule', ({ quantity, allowed, rule }) => {
    const plan = planInvoicing([{ lineNo: 1, quantity, netPence: 0 }], [line()], allowed);
    expect(plan.issues[0]?.rule ?? null).toBe(rule);
  });

  it('closes an order when every line is invoiced in full and reopens it when a credit takes one back', () => {
    const lines = [line(), line({ lineNo: 2 })];
    expect(statusAfterInvoicing('issued', lines, new Map([[1, 10_000n]]))).toBe('issued');
    expect(
      statusAfterInvoicing(
        'issued',
        lines,
        new Map([
          [1, 10_000n],
          [2, 10_000n],
        ]),
      ),
    ).toBe('closed');
    const invoiced = lines.map((facts) => ({ ...facts, invoiced: 10_000n }));
    expect(statusAfterInvoicing('closed', invoiced, new Map([[2, 9_000n]]))).toBe('issued');
    expect(statusAfterInvoicing('cancelled', invoiced, new Map())).toBe('cancelled');
  });
});
