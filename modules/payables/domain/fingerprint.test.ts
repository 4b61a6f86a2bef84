import { describe, expect, it } from 'vitest';
import { invoiceFingerprint, normaliseInvoiceNumber, supplierKey } from './fingerprint';

const base = {
  supplierKey: 'vat:GB123456789',
  kind: 'invoice' as const,
  grossPence: 12_000n,
  issueDate: '2026-05-01',
};

describe('invoice number normalisation', () => {
  it.each([
    ['INV-001', 'INV001'],
    ['INV001', 'INV001'],
    ['inv 001', 'INV001'],
    [' Inv/001. ', 'INV001'],
    ['INV-0042', 'INV0042'],
    ['ＩＮＶ００１', 'INV001'],
  ])('reads %j as %j', (raw, normalised) => {
    expect(normaliseInvoiceNumber(raw)).toBe(normalised);
  });

  it('keeps different numbers different, leading zeros included', () => {
    expect(normaliseInvoiceNumber('INV-0042')).not.toBe(normaliseInvoiceNumber('INV-042'));
  });
});

describe('supplier key', () => {
  const record = { supplierId: 'sup_1', organisationId: 'RA1' };
  it.each([
    [{ ...record, vatNumber: 'gb 123 4567 89', companiesHouseNumber: '01234567' }, 'vat:GB123456789'],
    [{ ...record, companiesHouseNumber: '01234567' }, 'ch:01234567'],
    [{ ...record, endpointScheme: '0088', endpointId: '5012345000009' }, 'peppol:0088:5012345000009'],
    [record, 'record:RA1:sup_1'],
  ])('names the supplier by its strongest shared identifier', (identity, key) => {
    expect(supplierKey(identity)).toBe(key);
  });

  it('gives the same key to two organisations’ records of one supplier', () => {
    expect(supplierKey({ supplierId: 'a', organisationId: 'RA1', vatNumber: 'GB123456789' })).toBe(
      supplierKey({ supplierId: 'b', organisationId: 'RB1', vatNumber: 'GB 123456789' }),
    );
  });
});

describe('fingerprints', () => {
  it('match across spellings of one number and any date or amount', () => {
    const first = invoiceFingerprint({ ...base, number: 'INV-001' });
    const second = invoiceFingerprint({
      ...base,
      number: 'inv 001',
      grossPence: 1n,
      issueDate: '2027-01-01',
    });
    expect(second.numberKey).toBe(first.numberKey);
    expect(second.amountKey).not.toBe(first.amountKey);
  });

  it('match on amount and date whatever the number', () => {
    const first = invoiceFingerprint({ ...base, number: 'INV-001' });
    const second = invoiceFingerprint({ ...base, number: 'INV-777' });
    expect(second.amountKey).toBe(first.amountKey);
    expect(second.numberKey).not.toBe(first.numberKey);
  });

  it.each([
    ['another supplier', { supplierKey: 'vat:GB999999973' }],
    ['a credit note', { kind: 'credit-note' as const }],
  ])('differ for %s', (_label, change) => {
    const first = invoiceFingerprint({ ...base, number: 'INV-001' });
    const other = invoiceFingerprint({ ...base, ...change, number: 'INV-001' });
    expect(other.numberKey).not.toBe(first.numberKey);
    expect(other.amountKey).not.toBe(first.amountKey);
  });

  it('are signed 64-bit integers', () => {
    const { numberKey } = invoiceFingerprint({ ...base, number: 'X' });
    expect(numberKey >= -(2n ** 63n) && numberKey < 2n ** 63n).toBe(true);
  });
});
