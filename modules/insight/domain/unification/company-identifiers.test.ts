import { describe, expect, it } from 'vitest';
import { checkCompanyNumber, checkVatNumber } from './company-identifiers';

describe('checkCompanyNumber', () => {
  it.each([
    { raw: '01234567', value: '01234567' },
    { raw: '1234567', value: '01234567' },
    { raw: 'sc 123456', value: 'SC123456' },
    { raw: 'OC301234', value: 'OC301234' },
    { raw: 'R0000123', value: 'R0000123' },
  ])('reads "$raw" as $value', ({ raw, value }) => {
    expect(checkCompanyNumber(raw)).toEqual({ valid: true, value });
  });

  it.each(['123456789', 'S1234567', '0', 'ABC12345'])('refuses "%s"', (raw) => {
    expect(checkCompanyNumber(raw).valid).toBe(false);
  });
});

describe('checkVatNumber', () => {
  it.each([
    { raw: 'GB 999 9999 73', value: '999999973', scheme: 'modulus 97' },
    { raw: '999999973001', value: '999999973', scheme: 'branch suffix dropped' },
    { raw: 'GB100000132', value: '100000132', scheme: 'modulus 9755' },
    { raw: 'GD001', value: 'GD001', scheme: 'government department' },
    { raw: 'gb ha500', value: 'HA500', scheme: 'health authority' },
  ])('accepts "$raw" ($scheme)', ({ raw, value }) => {
    expect(checkVatNumber(raw)).toEqual({ valid: true, value });
  });

  it.each([
    { raw: 'GB999999974', reason: /check digits/ },
    { raw: 'GB12345', reason: /not a UK VAT number/ },
    { raw: 'DE123456789', reason: /not a UK VAT number/ },
  ])('refuses "$raw"', ({ raw, reason }) => {
    const check = checkVatNumber(raw);
    expect(check.valid).toBe(false);
    if (!check.valid) expect(check.reason).toMatch(reason);
  });
});
