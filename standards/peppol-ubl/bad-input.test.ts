import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../testing/fixtures';
import { INPUT_RULES } from './input-rules';
import { readInvoice } from './read-invoice';
import { validateInvoiceXml } from './validate';

const example = readFileSync(fixturePath('peppol-bis-billing-3', 'examples', 'base-example.xml'), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

function singleFatal(input: Uint8Array | string) {
  const report = validateInvoiceXml(input);
  expect(report.valid).toBe(false);
  expect(report.findings).toHaveLength(1);
  const [finding] = report.findings;
  expect(finding?.severity).toBe('fatal');
  return finding;
}

describe('input that is not a readable UBL invoice gets one fatal finding with its own rule', () => {
  it.each([
    ['an empty file', 'MAINSTAY-XML-EMPTY', new Uint8Array(0)],
    ['whitespace only', 'MAINSTAY-XML-EMPTY', encode(' \n\t ')],
    [
      'binary garbage',
      'MAINSTAY-XML-ENCODING',
      Uint8Array.from({ length: 512 }, (_, index) => (index * 151 + 7) % 256),
    ],
    ['a PDF', 'MAINSTAY-XML-WELLFORMED', encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj')],
    [
      'invalid UTF-8',
      'MAINSTAY-XML-ENCODING',
      Uint8Array.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]),
    ],
    [
      'an unsupported declared encoding',
      'MAINSTAY-XML-ENCODING',
      encode('<?xml version="1.0" encoding="x-martian"?><a/>'),
    ],
    ['truncated XML', 'MAINSTAY-XML-WELLFORMED', encode(example.slice(0, example.length / 2))],
    [
      'a DTD',
      'MAINSTAY-XML-DOCTYPE',
      encode(`<!DOCTYPE Invoice SYSTEM "x.dtd">${example.slice(example.indexOf('<Invoice'))}`),
    ],
    [
      'a UBL Order',
      'MAINSTAY-UBL-ROOT',
      encode('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>'),
    ],
    ['an HTML page', 'MAINSTAY-UBL-ROOT', encode('<html><body>Invoice</body></html>')],
    ['an Invoice with no namespace', 'MAINSTAY-UBL-NAMESPACE', encode('<Invoice><ID>1</ID></Invoice>')],
    [
      'an Invoice in the CreditNote namespace',
      'MAINSTAY-UBL-NAMESPACE',
      encode('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>'),
    ],
    [
      'a UBL 2.0-style namespace typo',
      'MAINSTAY-UBL-NAMESPACE',
      encode(example.replace('xsd:Invoice-2', 'xsd:Invoice-1')),
    ],
    [
      'a CII invoice',
      'MAINSTAY-UBL-ROOT',
      encode(readFileSync(fixturePath('en16931-validation', 'cii', 'examples', 'CII_example1.xml'), 'utf8')),
    ],
  ])('%s → %s', (_what, rule, input) => {
    const finding = singleFatal(input);
    expect(finding?.rule).toBe(rule);
    expect(finding?.message.startsWith(INPUT_RULES[rule as keyof typeof INPUT_RULES])).toBe(true);
  });

  it('refuses input over the size limit', () => {
    const report = validateInvoiceXml(`${example}<!--${'x'.repeat(2000)}-->`, {
      limits: { maxLength: example.length },
    });
    expect(report.findings.map((finding) => finding.rule)).toEqual(['MAINSTAY-XML-LIMIT']);
  });

  it('refuses bytes far over the size limit before decoding them', () => {
    const bytes = new Uint8Array(4001);
    const report = validateInvoiceXml(bytes, { limits: { maxLength: 1000 } });
    expect(report.findings.map((finding) => finding.rule)).toEqual(['MAINSTAY-XML-LIMIT']);
  });

  it('still reads the model of a document that breaks business rules, so it can be kept with its reasons', () => {
    const reading = readInvoice(
      example.replace('<cbc:PayableAmount currencyID="EUR">', '<cbc:PayableAmount currencyID="EUR">9'),
    );
    expect(reading.valid).toBe(false);
    expect(reading.invoice?.number).toBe('Snippet1');
  });

  it('says where a well-formedness error is', () => {
    const finding = singleFatal(example.replace('</cbc:IssueDate>', '</cbc:IssueDat>'));
    expect(finding?.message).toMatch(/line \d+/);
    expect(finding?.message).toContain('</cbc:IssueDat>');
  });
});

describe('encodings other than UTF-8 are read when declared or marked', () => {
  it('reads UTF-16 with a byte order mark', () => {
    const utf16 = new Uint8Array(2 + example.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < example.length; index++) {
      const code = example.charCodeAt(index);
      utf16[2 + index * 2] = code & 0xff;
      utf16[3 + index * 2] = code >> 8;
    }
    expect(validateInvoiceXml(utf16).valid).toBe(true);
  });

  it('reads ISO-8859-1 when the declaration says so', () => {
    const latin1 = example.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"');
    const bytes = Uint8Array.from(latin1, (char) => char.charCodeAt(0) & 0xff);
    expect(validateInvoiceXml(bytes).valid).toBe(true);
  });

  it('reads a UTF-8 byte order mark', () => {
    expect(validateInvoiceXml(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(example)])).valid).toBe(true);
  });
});

describe('hostile values do not stall the validator', () => {
  it('checks a German invoice with huge telephone, e-mail and payment terms in linear time', async () => {
    const { sampleInvoice } = await import('./writer/sample-invoice');
    const { writeInvoiceXml } = await import('./writer/invoice-writer');
    const german = writeInvoiceXml(sampleInvoice({ lines: 1 }))
      .replaceAll(
        '<cbc:IdentificationCode>GB</cbc:IdentificationCode>',
        '<cbc:IdentificationCode>DE</cbc:IdentificationCode>',
      )
      .replace('0113 496 0000', `1${'x'.repeat(200_000)}2`)
      .replace('ar@medisupply.example', `${'a'.repeat(100_000)}@${'b'.repeat(100_000)}`)
      .replace('Payment within 30 days of invoice date', `#${'#'.repeat(200_000)}\n#SKONTO#`);
    const started = performance.now();
    const rules = validateInvoiceXml(german).findings.map((finding) => finding.rule);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(rules).toEqual(expect.arrayContaining(['DE-R-027', 'DE-R-028', 'DE-R-018']));
  });
});

describe('documents with very many errors', () => {
  it('lists each rule at most a thousand times and counts the rest, quickly', () => {
    const notes = '<cbc:Note></cbc:Note>'.repeat(200_000);
    const xml = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">${notes}</Invoice>`;
    const started = performance.now();
    const empty = validateInvoiceXml(xml).findings.filter(
      (finding) => finding.rule === 'PEPPOL-EN16931-R008',
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(empty).toHaveLength(1001);
    expect(empty.at(-1)?.message).toContain('(and 199000 further occurrences not listed)');
    expect(empty[999]?.location).toBe('/Invoice/cbc:Note[1000]');
  });
});
