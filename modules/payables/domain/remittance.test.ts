import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pence } from '../../../kernel/money';
import { localDate } from '../../../kernel/time';
import { type RemittanceAdvice, remittanceCsv, remittanceHtml, remittanceText } from './remittance';

const advice: RemittanceAdvice = {
  organisationName: 'Northshire Teaching Hospitals NHS Foundation Trust',
  supplierName: 'Smith & "Sons", Ltd <UK>',
  runNumber: 'PR-000012',
  paymentReference: 'RN1 PR000012',
  paymentDate: localDate('2026-07-03'),
  accountEnding: '5678',
  items: [
    { kind: 'invoice', number: 'INV-001', issueDate: localDate('2026-06-01'), amountPence: pence(123_456) },
    { kind: 'credit-note', number: 'CN-7', issueDate: localDate('2026-06-05'), amountPence: pence(-1_000) },
  ],
  totalPence: pence(122_456),
};

describe('remittance advice', () => {
  it('tells the supplier the amount, date, statement reference and each document in text', () => {
    const text = remittanceText(advice);
    expect(text).toContain('Payment of £1,224.56 by Bacs on 2026-07-03 to the account ending 5678');
    expect(text).toContain('Reference on your statement: RN1 PR000012');
    expect(text).toMatch(/Credit note\s+CN-7\s+2026-06-05\s+-£10\.00/);
  });

  it('escapes names in HTML', () => {
    const html = remittanceHtml(advice);
    expect(html).toContain('Smith &#38; &#34;Sons&#34;, Ltd &#60;UK&#62;');
    expect(html).not.toContain('<UK>');
  });

  it('writes CSV a spreadsheet reads back to the same figures', () => {
    const rows = parse(remittanceCsv(advice), { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({ supplier: advice.supplierName, number: 'INV-001', amount: '1234.56' }),
      expect.objectContaining({ document: 'Credit note', number: 'CN-7', amount: '-10.00' }),
    ]);
  });
});
