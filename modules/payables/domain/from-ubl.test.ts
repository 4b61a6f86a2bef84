import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInvoice, sampleInvoice, writeInvoiceXml } from '../../../standards/peppol-ubl';
import { fixturePath } from '../../../testing/fixtures';
import { capturedFromUbl } from './from-ubl';

const read = (xml: string | Uint8Array) => {
  const reading = readInvoice(xml);
  if (!reading.invoice) throw new Error('not UBL');
  return capturedFromUbl(reading.invoice);
};

describe('reading a PEPPOL invoice into exact pence', () => {
  const document = sampleInvoice({ lines: 3, seed: 4, number: 'INV-0042' });
  const converted = read(writeInvoiceXml(document));

  it('takes the totals in pence from BT-109, BT-110, BT-112 and BT-115', () => {
    if (!converted.ok) throw new Error(JSON.stringify(converted.findings));
    const totals = document.totals;
    const toPence = (value: string | undefined) => BigInt((value ?? '0').replace('.', ''));
    expect(converted.invoice).toMatchObject({
      kind: 'invoice',
      number: 'INV-0042',
      currency: 'GBP',
      orderReference: 'PO-000004',
      netPence: toPence(totals.totalWithoutVat?.value),
      vatPence: toPence(totals.totalVat?.value),
      grossPence: toPence(totals.totalWithVat?.value),
      amountDuePence: toPence(totals.amountDue?.value),
    });
  });

  it('names the seller the way the suppliers register is searched', () => {
    if (!converted.ok) throw new Error('not converted');
    expect(converted.invoice.seller).toEqual({
      name: 'Medisupply UK Ltd',
      vatNumber: 'GB123456789',
      companiesHouseNumber: '01234567',
      endpointScheme: '0088',
      endpointId: document.seller.electronicAddress?.id,
      gln: document.seller.electronicAddress?.id,
    });
  });

  it('keeps each line’s quantity exactly, its order line, GTIN and VAT rate', () => {
    if (!converted.ok) throw new Error('not converted');
    expect(
      converted.invoice.lines.map((line) => [
        line.lineNo,
        line.orderLineReference,
        line.gtin,
        line.vatRateBasisPoints,
      ]),
    ).toEqual(
      document.lines.map((line, index) => [
        index + 1,
        line.orderLineReference,
        line.item.standardId?.id,
        2000,
      ]),
    );
    expect(converted.invoice.lines.map((line) => line.quantity)).toEqual(
      document.lines.map((line) => BigInt(line.quantity?.value ?? '0') * 1_000_000n),
    );
  });

  it('reads a credit note as a credit note with the invoice it credits', () => {
    const credit = read(
      writeInvoiceXml({
        ...sampleInvoice({ lines: 1, seed: 5, number: 'CN-0007' }),
        documentType: 'CreditNote',
        typeCode: '381',
        precedingInvoices: [{ number: 'INV-0042', issueDate: '2026-03-02' }],
      }),
    );
    if (!credit.ok) throw new Error(JSON.stringify(credit.findings));
    expect(credit.invoice).toMatchObject({
      kind: 'credit-note',
      number: 'CN-0007',
      precedingInvoiceNumbers: ['INV-0042'],
    });
    expect(credit.invoice.netPence > 0n).toBe(true);
  });

  it('refuses another currency, naming the rule', () => {
    const euro = read(readFileSync(fixturePath('peppol-bis-billing-3', 'examples', 'base-example.xml')));
    expect(euro.ok).toBe(false);
    if (!euro.ok) {
      expect(euro.findings).toEqual([
        expect.objectContaining({
          rule: 'MAINSTAY-PAYABLES-CURRENCY',
          severity: 'fatal',
          message: expect.stringContaining('EUR'),
        }),
      ]);
    }
  });
});
