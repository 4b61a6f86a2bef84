import { describe, expect, it } from 'vitest';
import { choiceReader, parseFlag, parseGtin } from './codes';
import { cleanCode, cleanText, compactKey } from './text';

describe('codes and text', () => {
  it.each([
    ['5012345678900', '05012345678900'],
    ['05012345678900', '05012345678900'],
    ['96385074', '00000096385074'],
    ['5 012345 678900', '05012345678900'],
  ])('reads the GTIN %j as %s', (text, gtin) => {
    expect(parseGtin(text)).toEqual({ ok: true, value: gtin });
  });

  it.each([
    ['5012345678901', 'gtin-check-digit'],
    ['12345', 'gtin-format'],
    ['5.01234567890E+12', 'gtin-format'],
  ])('refuses the GTIN %j (%s)', (text, rule) => {
    expect(parseGtin(text)).toMatchObject({ ok: false, rule });
  });

  it.each([
    ['Yes', true],
    ['n', false],
    ['TRUE', true],
    ['0', false],
  ])('reads the flag %j as %s', (text, value) => {
    expect(parseFlag(text)).toEqual({ ok: true, value });
  });

  it('reads a choice by its name or any synonym', () => {
    const read = choiceReader({ debit: ['dr', 'd'], credit: ['cr', 'c'] });
    expect(read(' CR ')).toEqual({ ok: true, value: 'credit' });
    expect(read('Debit')).toEqual({ ok: true, value: 'debit' });
    expect(read('both')).toMatchObject({ ok: false, rule: 'choice-unknown' });
  });

  it.each([
    ['  247 TIME LTD     1-9400-92406 ', '247 TIME LTD 1-9400-92406'],
    ['SH and C @ Home\u00a0- Start\u00a0- LBS', 'SH and C @ Home - Start - LBS'],
    ['Zero\u200bwidth', 'Zerowidth'],
    ['Plain text', 'Plain text'],
    ['\t', ''],
  ])('cleans %j to %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });

  it('compares headers by a compact key and codes without spaces', () => {
    expect(compactKey('Expense Type ')).toBe(compactKey('expense_type'));
    expect(compactKey('Bank & Agency')).toBe('bankandagency');
    expect(cleanCode(' gb 123 4567 89 ')).toBe('GB123456789');
  });
});
