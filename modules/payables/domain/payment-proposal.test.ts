import { describe, expect, it } from 'vitest';
import { pence } from '../../../kernel/money';
import { localDate } from '../../../kernel/time';
import { type PayableItem, proposePayments } from './payment-proposal';

const bank = {
  sortCode: '401276',
  accountNumber: '12345678',
  accountName: 'Medisupply',
  verifiedAt: '2026-05-01',
  verifiedBy: 'usr_2',
};

const item = (
  invoiceId: string,
  supplierId: string,
  grossPence: number,
  kind: PayableItem['kind'] = 'invoice',
): PayableItem => ({
  invoiceId,
  supplierId,
  kind,
  number: invoiceId.toUpperCase(),
  issueDate: localDate('2026-06-01'),
  dueDate: localDate('2026-07-01'),
  grossPence: pence(grossPence),
});

const suppliers = new Map([
  ['sup_a', { id: 'sup_a', name: 'Alpha Medical', bank }],
  ['sup_b', { id: 'sup_b', name: 'Beta Supplies', bank: null }],
  ['sup_c', { id: 'sup_c', name: 'Cedar Catering', bank }],
]);

describe('payment proposals', () => {
  const proposal = proposePayments(
    [
      item('a1', 'sup_a', 10_000),
      item('a2', 'sup_a', 5_000),
      item('a3', 'sup_a', 2_000, 'credit-note'),
      item('b1', 'sup_b', 7_000),
      item('c1', 'sup_c', 1_000),
      item('c2', 'sup_c', 1_500, 'credit-note'),
    ],
    suppliers,
  );

  it('pays each supplier once, credit notes set against its invoices', () => {
    expect(
      proposal.payments.map((payment) => [payment.supplierName, payment.amountPence, payment.items.length]),
    ).toEqual([['Alpha Medical', 13_000n, 3]]);
  });

  it.each([
    ['Beta Supplies', 'no-verified-bank-details'],
    ['Cedar Catering', 'credits-exceed-invoices'],
  ])('holds %s with the reason (%s)', (name, reason) => {
    expect(proposal.held.find((hold) => hold.supplierName === name)?.reason).toBe(reason);
  });

  it('never pays to unverified details: the payment carries the verified ones', () => {
    expect(proposal.payments[0]?.bank).toBe(bank);
  });
});
