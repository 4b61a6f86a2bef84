import { describe, expect, it } from 'vitest';
import { pence } from '../../../kernel/money';
import { localDate } from '../../../kernel/time';
import type { JournalInput } from '../../ledger';
import type { MatchedLine } from './match';
import { invoiceJournal, type PostingInvoice, paymentJournal } from './postings';
import { quantityOf } from './quantity';

const date = localDate('2026-06-15');

const invoice = (overrides: Partial<PostingInvoice> = {}): PostingInvoice => ({
  id: 'inv_1',
  kind: 'invoice',
  number: 'INV-001',
  supplierName: 'Medisupply UK Ltd',
  netPence: pence(4850),
  vatPence: pence(970),
  grossPence: pence(5820),
  nhsSupplier: false,
  ...overrides,
});

const matched = (overrides: Partial<MatchedLine> = {}): MatchedLine => ({
  invoiceLineNo: 1,
  poLineNo: 1,
  mode: 'three-way',
  quantity: quantityOf('10'),
  expectedPence: pence(4850),
  variancePence: pence(0),
  grniReleasePence: pence(4850),
  accountCode: '610100',
  costCentreCode: 'WARD1',
  ...overrides,
});

const summary = (journal: JournalInput | null) =>
  journal?.lines.map(
    (line) =>
      `${line.side === 'debit' ? 'Dr' : 'Cr'} ${line.accountCode}${line.costCentreCode ? `/${line.costCentreCode}` : ''} ${line.amountPence}`,
  );

function balanced(journal: JournalInput | null): boolean {
  const total = (side: string) =>
    (journal?.lines ?? [])
      .filter((line) => line.side === side)
      .reduce((sum, line) => sum + line.amountPence, 0n);
  return total('debit') === total('credit');
}

describe('invoice postings', () => {
  it.each([
    [
      'a matched invoice releases the accrual',
      invoice(),
      { kind: 'matched' as const, lines: [matched()] },
      ['Dr 210300 4850', 'Dr 130300 970', 'Cr 210200 5820'],
    ],
    [
      'an accepted price variance goes to 690100 on the line’s cost centre',
      invoice({ netPence: pence(5000), vatPence: pence(1000), grossPence: pence(6000) }),
      { kind: 'matched' as const, lines: [matched({ variancePence: pence(150) })] },
      ['Dr 210300 4850', 'Dr 690100/WARD1 150', 'Dr 130300 1000', 'Cr 210200 6000'],
    ],
    [
      'a cheaper invoice credits the variance',
      invoice({ netPence: pence(4800), vatPence: pence(960), grossPence: pence(5760) }),
      { kind: 'matched' as const, lines: [matched({ variancePence: pence(-50) })] },
      ['Dr 210300 4850', 'Cr 690100/WARD1 50', 'Dr 130300 960', 'Cr 210200 5760'],
    ],
    [
      'a 2-way line is charged to the order line’s account',
      invoice(),
      { kind: 'matched' as const, lines: [matched({ mode: 'two-way', grniReleasePence: pence(0) })] },
      ['Dr 610100/WARD1 4850', 'Dr 130300 970', 'Cr 210200 5820'],
    ],
    [
      'a part invoiced ahead of its receipt is charged to the account, the rest released',
      invoice(),
      { kind: 'matched' as const, lines: [matched({ grniReleasePence: pence(4608) })] },
      ['Dr 210300 4608', 'Dr 610100/WARD1 242', 'Dr 130300 970', 'Cr 210200 5820'],
    ],
    [
      'a delivery charge on the document follows the variance account',
      invoice({ netPence: pence(5350), vatPence: pence(1070), grossPence: pence(6420) }),
      { kind: 'matched' as const, lines: [matched()] },
      ['Dr 210300 4850', 'Dr 690100/WARD1 500', 'Dr 130300 1070', 'Cr 210200 6420'],
    ],
    [
      'a coded non-PO invoice is charged where it was coded; an NHS supplier is owed on 210100',
      invoice({ nhsSupplier: true }),
      {
        kind: 'coded' as const,
        lines: [{ netPence: pence(4850), accountCode: '620100', costCentreCode: 'FIN01' }],
      },
      ['Dr 620100/FIN01 4850', 'Dr 130300 970', 'Cr 210100 5820'],
    ],
    [
      'a credit note posts the mirror image',
      invoice({ kind: 'credit-note' }),
      { kind: 'matched' as const, lines: [matched()] },
      ['Cr 210300 4850', 'Cr 130300 970', 'Dr 210200 5820'],
    ],
  ])('%s', (_label, document, charging, expected) => {
    const journal = invoiceJournal(document, charging, date);
    expect(summary(journal)).toEqual(expected);
    expect(balanced(journal)).toBe(true);
  });

  it('names the invoice, its supplier and the reason code', () => {
    expect(invoiceJournal(invoice(), { kind: 'matched', lines: [matched()] }, date)).toMatchObject({
      sourceModule: 'payables',
      sourceId: 'inv_1',
      reasonCode: 'AP_INVOICE',
      description: 'Invoice INV-001 from Medisupply UK Ltd',
    });
    expect(
      invoiceJournal(invoice({ kind: 'credit-note' }), { kind: 'matched', lines: [matched()] }, date)
        ?.reasonCode,
    ).toBe('AP_CREDIT_NOTE');
  });

  it('posts nothing for a zero invoice', () => {
    const zero = invoice({ netPence: pence(0), vatPence: pence(0), grossPence: pence(0) });
    expect(invoiceJournal(zero, { kind: 'coded', lines: [] }, date)).toBeNull();
  });
});

describe('payment postings', () => {
  it.each([
    [false, ['Dr 210200 12000', 'Cr 140200 12000']],
    [true, ['Dr 210100 12000', 'Cr 140200 12000']],
  ])('pays trade payables from the commercial bank account (NHS supplier: %s)', (nhsSupplier, expected) => {
    const journal = paymentJournal({
      paymentId: 'pay_1',
      runNumber: 'PR-000001',
      supplierName: 'Medisupply UK Ltd',
      amountPence: pence(12000),
      nhsSupplier,
      accountingDate: date,
    });
    expect(summary(journal)).toEqual(expected);
    expect(journal.reasonCode).toBe('AP_PAYMENT');
  });
});
