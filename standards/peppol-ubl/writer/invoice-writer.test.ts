import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../testing/fixtures';
import { fullDocumentCases } from '../conformance/official-cases';
import { readInvoice } from '../read-invoice';
import { writeInvoiceXml } from './invoice-writer';
import { sampleInvoice } from './sample-invoice';

const peppolExamples = fullDocumentCases().filter((testCase) => testCase.corpus === 'peppol-bis-billing-3');

describe('write → read → validate', () => {
  it.each(peppolExamples.map((testCase) => [testCase.file] as const))(
    '%s: the written invoice reads back to the same model and has no fatal findings',
    (file) => {
      const original = readInvoice(readFileSync(fixturePath('peppol-bis-billing-3', file)));
      if (original.invoice === undefined) throw new Error('the example should read');
      const written = readInvoice(writeInvoiceXml(original.invoice));
      expect(written.findings.filter((finding) => finding.severity === 'fatal')).toEqual([]);
      expect(written.invoice).toEqual(original.invoice);
    },
  );

  it.each([1, 5, 10, 40])(
    'a generated %i-line invoice is valid PEPPOL BIS Billing 3.0 with no warnings',
    (lines) => {
      const reading = readInvoice(writeInvoiceXml(sampleInvoice({ lines, seed: lines })));
      expect(reading.findings).toEqual([]);
      expect(reading.invoice?.lines).toHaveLength(lines);
    },
  );

  it('escapes markup characters in text', () => {
    const invoice = sampleInvoice({ lines: 1 });
    const tricky = 'Smith & Sons <Trading> "Ltd" \'UK\'';
    const xml = writeInvoiceXml({ ...invoice, seller: { ...invoice.seller, name: tricky } });
    expect(xml).toContain('Smith &amp; Sons &lt;Trading&gt; &quot;Ltd&quot; &apos;UK&apos;');
    expect(readInvoice(xml).invoice?.seller.name).toBe(tricky);
  });

  it('writes a credit note with credit note lines and quantities', () => {
    const invoice = sampleInvoice({ lines: 2 });
    const reading = readInvoice(writeInvoiceXml({ ...invoice, documentType: 'CreditNote', typeCode: '381' }));
    expect(reading.documentType).toBe('CreditNote');
    expect(reading.findings.filter((finding) => finding.severity === 'fatal')).toEqual([]);
    expect(reading.invoice?.lines.map((line) => line.quantity)).toEqual(
      invoice.lines.map((line) => line.quantity),
    );
  });
});
