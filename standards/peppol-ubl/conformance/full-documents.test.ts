import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../testing/fixtures';
import type { Amount } from '../model/types';
import { readInvoice } from '../read-invoice';
import { fullDocumentCases } from './official-cases';

/**
 * The complete example documents: our fatal findings equal the reference implementation's
 * (all are clean), and the totals and VAT breakdown we read equal the document's own values as
 * an independent XML parser (fast-xml-parser) sees them.
 */
const cases = fullDocumentCases();

const independent = new XMLParser({
  ignoreAttributes: false,
  removeNSPrefix: true,
  parseTagValue: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ['TaxTotal', 'TaxSubtotal', 'InvoiceLine', 'CreditNoteLine'].includes(name),
});

type Node = Record<string, unknown>;
const child = (node: unknown, name: string): unknown =>
  node !== null && typeof node === 'object' ? (node as Node)[name] : undefined;
const textOf = (node: unknown): string | undefined => {
  const text = typeof node === 'string' ? node : child(node, '#text');
  return typeof text === 'string' ? text.trim() : undefined;
};
const list = (node: unknown): unknown[] => (Array.isArray(node) ? node : node === undefined ? [] : [node]);
const amountText = (amount: Amount | undefined) => amount?.value;

it('covers the complete UBL documents of both corpora', () => {
  expect(cases).toHaveLength(28);
});

describe.each(cases.map((testCase) => [`${testCase.corpus}/${testCase.file}`, testCase] as const))(
  '%s',
  (_name, testCase) => {
    const bytes = readFileSync(fixturePath(testCase.corpus, testCase.file));
    const reading = readInvoice(bytes);
    const tree = independent.parse(bytes.toString('utf8')) as Node;
    const root = child(tree, 'Invoice') ?? child(tree, 'CreditNote');

    it('raises exactly the fatal rules the reference implementation raised', () => {
      const fatal = reading.findings
        .filter((finding) => finding.severity === 'fatal')
        .map((finding) => finding.rule)
        .filter((rule) => !testCase.cenOnly || reading.profile === 'en16931' || !rule.startsWith('PEPPOL'));
      expect([...new Set(fatal)].sort()).toEqual(testCase.fatal);
    });

    it('reads the document totals BT-106…BT-115 as written', () => {
      const monetary = child(root, 'LegalMonetaryTotal');
      const totals = reading.invoice?.totals;
      expect({
        lineNetTotal: amountText(totals?.lineNetTotal),
        allowanceTotal: amountText(totals?.allowanceTotal),
        chargeTotal: amountText(totals?.chargeTotal),
        totalWithoutVat: amountText(totals?.totalWithoutVat),
        totalWithVat: amountText(totals?.totalWithVat),
        paidAmount: amountText(totals?.paidAmount),
        roundingAmount: amountText(totals?.roundingAmount),
        amountDue: amountText(totals?.amountDue),
      }).toEqual({
        lineNetTotal: textOf(child(monetary, 'LineExtensionAmount')),
        allowanceTotal: textOf(child(monetary, 'AllowanceTotalAmount')),
        chargeTotal: textOf(child(monetary, 'ChargeTotalAmount')),
        totalWithoutVat: textOf(child(monetary, 'TaxExclusiveAmount')),
        totalWithVat: textOf(child(monetary, 'TaxInclusiveAmount')),
        paidAmount: textOf(child(monetary, 'PrepaidAmount')),
        roundingAmount: textOf(child(monetary, 'PayableRoundingAmount')),
        amountDue: textOf(child(monetary, 'PayableAmount')),
      });
    });

    it('reads the VAT total (BT-110) and the VAT breakdown (BG-23) as written', () => {
      const currency = textOf(child(root, 'DocumentCurrencyCode'));
      const vatTotal = list(child(root, 'TaxTotal')).find(
        (total) => child(child(total, 'TaxAmount'), '@currencyID') === currency,
      );
      expect(amountText(reading.invoice?.totals.totalVat)).toBe(textOf(child(vatTotal, 'TaxAmount')));
      const subtotals = list(child(root, 'TaxTotal')).flatMap((total) => list(child(total, 'TaxSubtotal')));
      expect(
        reading.invoice?.vatBreakdown.map((entry) => [
          entry.categoryCode,
          entry.rate,
          amountText(entry.taxableAmount),
          amountText(entry.taxAmount),
        ]),
      ).toEqual(
        subtotals.map((subtotal) => [
          textOf(child(child(subtotal, 'TaxCategory'), 'ID')),
          textOf(child(child(subtotal, 'TaxCategory'), 'Percent')),
          textOf(child(subtotal, 'TaxableAmount')),
          textOf(child(subtotal, 'TaxAmount')),
        ]),
      );
    });

    it('reads every line with its net amount (BT-131)', () => {
      const lines = list(child(root, 'InvoiceLine') ?? child(root, 'CreditNoteLine'));
      expect(reading.invoice?.lines.map((line) => [line.id, amountText(line.netAmount)])).toEqual(
        lines.map((line) => [textOf(child(line, 'ID')), textOf(child(line, 'LineExtensionAmount'))]),
      );
    });
  },
);

describe('the 3.3 MB Italian invoice with an embedded PDF', () => {
  const file = fixturePath(
    'en16931-validation',
    'ubl',
    'examples',
    'FT G2G_TD01 con Allegato, Bonifico e Split Payment.xml',
  );
  const text = readFileSync(file, 'utf8');
  const reading = readInvoice(readFileSync(file));

  it('is read within the default limits and is valid', () => {
    expect(reading.valid).toBe(true);
  });

  it('keeps the attachment byte for byte', () => {
    const attachment = reading.invoice?.additionalDocuments.find(
      (document) => document.attachment,
    )?.attachment;
    const written = /<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]*)</.exec(text)?.[1]?.trim();
    expect(attachment?.base64).toBe(written);
    const pdf = Buffer.from(attachment?.base64 ?? '', 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('base64')).toBe(written?.replace(/\s+/g, ''));
  });
});
