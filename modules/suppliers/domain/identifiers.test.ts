import { describe, expect, it } from 'vitest';
import { readBankDetails } from './bank-details';
import { checkCompaniesHouseNumber, checkGln, checkPeppolParticipant, checkUkVatNumber } from './identifiers';

describe('UK VAT numbers', () => {
  it.each([
    { raw: 'GB999999973', value: 'GB999999973', why: 'HMRC example, modulus 97' },
    { raw: 'gb 999 9999 73', value: 'GB999999973', why: 'spaces and lower case' },
    { raw: '999999973', value: 'GB999999973', why: 'without the country prefix' },
    { raw: 'GB999999973001', value: 'GB999999973', why: 'a branch suffix is dropped' },
    { raw: 'GB100000132', value: 'GB100000132', why: 'the 9755 scheme' },
    { raw: 'GBGD001', value: 'GBGD001', why: 'a government department' },
    { raw: 'HA500', value: 'GBHA500', why: 'a health authority' },
  ])('accepts $raw ($why)', ({ raw, value }) => {
    expect(checkUkVatNumber(raw)).toEqual({ ok: true, value });
  });

  it.each([
    { raw: 'GB999999974', rule: 'vat-number-check-digits' },
    { raw: 'GB12345678', rule: 'vat-number-format' },
    { raw: 'DE123456789', rule: 'vat-number-format' },
    { raw: 'GB12345678X', rule: 'vat-number-format' },
  ])('refuses $raw by $rule', ({ raw, rule }) => {
    expect(checkUkVatNumber(raw)).toMatchObject({ ok: false, rule });
  });
});

describe('Companies House numbers', () => {
  it.each([
    { raw: '01234567', value: '01234567' },
    { raw: '1234567', value: '01234567' },
    { raw: 'sc123456', value: 'SC123456' },
  ])('reads $raw as $value', ({ raw, value }) => {
    expect(checkCompaniesHouseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each(['123456789', 'S1234567', '00000000', ''])('refuses "%s"', (raw) => {
    expect(checkCompaniesHouseNumber(raw)).toMatchObject({
      ok: false,
      rule: 'companies-house-number-format',
    });
  });
});

describe('PEPPOL participant identifiers', () => {
  it.each([
    { scheme: '0088', id: '5012345000008', ok: true },
    { scheme: '0088', id: '5012345000009', ok: false, rule: 'gln-incorrect-check-digit' },
    { scheme: '9932', id: 'gb999999973', ok: true, value: 'GB999999973' },
    { scheme: '9932', id: 'GB999999974', ok: false, rule: 'vat-number-check-digits' },
    { scheme: '0060', id: '123456789', ok: true },
    { scheme: '0060', id: '12345', ok: false, rule: 'duns-format' },
    { scheme: '0192', id: '987654321', ok: true },
    { scheme: '0192', id: 'has space', ok: false, rule: 'peppol-identifier-format' },
    { scheme: '1234', id: 'x', ok: false, rule: 'peppol-scheme-known' },
  ])('scheme $scheme "$id": ok=$ok', ({ scheme, id, ok, rule, value }) => {
    const check = checkPeppolParticipant(scheme, id);
    expect(check.ok).toBe(ok);
    if (rule) expect(check).toMatchObject({ rule });
    if (value) expect(check).toMatchObject({ value });
  });

  it('checks a GLN by its GS1 check digit', () => {
    expect(checkGln('5012345000008')).toEqual({ ok: true, value: '5012345000008' });
    expect(checkGln('501234500000')).toMatchObject({ ok: false, rule: 'gln-too-short' });
  });
});

describe('bank details', () => {
  it('reads details as people write them into the form Bacs needs', () => {
    expect(
      readBankDetails({ sortCode: '12-34-56', accountNumber: '1234 5678', accountName: '  Example   Ltd ' }),
    ).toEqual({
      value: { sortCode: '123456', accountNumber: '12345678', accountName: 'Example Ltd' },
      issues: [],
    });
  });

  it.each([
    { input: { sortCode: '12345', accountNumber: '12345678', accountName: 'X' }, rule: 'sort-code-format' },
    {
      input: { sortCode: '123456', accountNumber: '1234567', accountName: 'X' },
      rule: 'account-number-format',
    },
    {
      input: { sortCode: '123456', accountNumber: '12345678', accountName: ' ' },
      rule: 'account-name-length',
    },
  ])('refuses by $rule', ({ input, rule }) => {
    expect(readBankDetails(input).issues.map((issue) => issue.rule)).toEqual([rule]);
  });
});
