import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../testing/fixtures';
import { readInvoice } from './read-invoice';
import { buildRejectionMessage } from './rejection';

const example = readFileSync(fixturePath('peppol-bis-billing-3', 'examples', 'base-example.xml'), 'utf8');

describe('buildRejectionMessage', () => {
  const wrongTotal = readInvoice(
    example.replace(
      '<cbc:TaxInclusiveAmount currencyID="EUR">1656.25',
      '<cbc:TaxInclusiveAmount currencyID="EUR">1700.00',
    ),
  );
  const message = buildRejectionMessage(wrongTotal.findings, {
    supplierName: 'SupplierOfficialName Ltd',
    invoiceNumber: wrongTotal.invoice?.number,
    issueDate: wrongTotal.invoice?.issueDate,
    contact: 'ap@example.nhs.uk',
  });

  it('names the invoice and the supplier', () => {
    expect(message.subject).toMatch(/^Invoice rejected: Snippet1 \(\d+ problems?\)$/);
    expect(message.body).toMatch(/^Dear SupplierOfficialName Ltd,/);
    expect(message.body).toContain('your invoice Snippet1 dated 2017-11-13');
  });

  it('explains each broken rule in words with its business terms, without the id prefix', () => {
    const reason = message.reasons.find((entry) => entry.rule === 'BR-CO-15');
    expect(reason?.explanation).toMatch(
      /^Invoice total amount with VAT \(BT-112\) = Invoice total amount without VAT \(BT-109\)/,
    );
    expect(message.body).toContain('(rule BR-CO-15, at /Invoice)');
  });

  it('lists only fatal problems, each rule once', () => {
    const rules = message.reasons.map((reason) => reason.rule);
    expect(new Set(rules).size).toBe(rules.length);
    const fatal = new Set(
      wrongTotal.findings.filter((finding) => finding.severity === 'fatal').map((finding) => finding.rule),
    );
    expect(new Set(rules)).toEqual(fatal);
  });

  it('says how to respond', () => {
    expect(message.body).toContain('reply to ap@example.nhs.uk quoting the rule identifiers');
  });

  it('explains a file that is not an invoice at all', () => {
    const unreadable = buildRejectionMessage(readInvoice('not xml').findings, { fileName: 'scan.pdf' });
    expect(unreadable.subject).toBe('Invoice rejected: scan.pdf (1 problem)');
    expect(unreadable.body).toContain('could not read it as a PEPPOL BIS Billing 3.0 (UBL) invoice');
    expect(unreadable.reasons[0]?.rule).toBe('MAINSTAY-XML-WELLFORMED');
  });

  it('groups repeated failures of one rule', () => {
    const findings = [1, 2, 3].map((line) => ({
      rule: 'BR-25',
      severity: 'fatal' as const,
      message: '[BR-25]-Each Invoice line (BG-25) shall contain the Item name (BT-153).',
      location: `/Invoice/cac:InvoiceLine[${line}]`,
    }));
    const grouped = buildRejectionMessage(findings);
    expect(grouped.reasons).toHaveLength(1);
    expect(grouped.body).toContain('3 times, first at /Invoice/cac:InvoiceLine[1]');
  });
});
