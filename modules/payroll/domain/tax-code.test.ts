import { describe, expect, it } from 'vitest';
import { parseTaxCode } from './tax-code';

describe('parseTaxCode accepts every HMRC code form', () => {
  it.each([
    [
      '1257L',
      { kind: 'allowance', codeNumber: 1257, suffix: 'L', regime: 'rest-of-uk', nonCumulative: false },
    ],
    ['1383M', { kind: 'allowance', codeNumber: 1383, suffix: 'M' }],
    ['1131N', { kind: 'allowance', codeNumber: 1131, suffix: 'N' }],
    ['757T', { kind: 'allowance', codeNumber: 757, suffix: 'T' }],
    ['999999T', { kind: 'allowance', codeNumber: 999999 }],
    ['0T', { kind: 'allowance', codeNumber: 0, suffix: 'T' }],
    ['K475', { kind: 'k-code', codeNumber: 475 }],
    ['BR', { kind: 'flat-rate', ratesAboveBasic: 0 }],
    ['D0', { kind: 'flat-rate', ratesAboveBasic: 1 }],
    ['D1', { kind: 'flat-rate', ratesAboveBasic: 2 }],
    ['NT', { kind: 'no-tax', regime: 'rest-of-uk' }],
    ['S1257L', { kind: 'allowance', regime: 'scotland' }],
    ['SK585', { kind: 'k-code', codeNumber: 585, regime: 'scotland' }],
    ['SBR', { kind: 'flat-rate', ratesAboveBasic: 0, regime: 'scotland' }],
    ['SD0', { kind: 'flat-rate', ratesAboveBasic: 1, regime: 'scotland' }],
    ['SD3', { kind: 'flat-rate', ratesAboveBasic: 4, regime: 'scotland' }],
    ['S0T', { kind: 'allowance', codeNumber: 0, regime: 'scotland' }],
    ['C1257L', { kind: 'allowance', regime: 'wales' }],
    ['CBR', { kind: 'flat-rate', regime: 'wales' }],
    ['CD0', { kind: 'flat-rate', ratesAboveBasic: 1, regime: 'wales' }],
    ['CD1', { kind: 'flat-rate', ratesAboveBasic: 2, regime: 'wales' }],
    ['C0T', { kind: 'allowance', codeNumber: 0, regime: 'wales' }],
  ])('%s', (text, expected) => {
    const parsed = parseTaxCode(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.code).toMatchObject({ ...expected, text });
  });

  it.each([
    ['1257L W1', '1257L W1'],
    ['1257LW1', '1257L W1'],
    ['1257L M1', '1257L M1'],
    ['1257L/M1', '1257L M1'],
    ['1257L X', '1257L X'],
    ['K475X', 'K475 X'],
    ['s1257l w1', 'S1257L W1'],
    ['  BR  ', 'BR'],
    ['NT M1', 'NT M1'],
  ])('%j is a code with a week 1/month 1 marker or spacing, normalised to %j', (text, normalised) => {
    const parsed = parseTaxCode(text);
    expect(parsed.ok && parsed.code.text).toBe(normalised);
    if (parsed.ok) expect(parsed.code.nonCumulative).toBe(/W1|M1|X/.test(normalised));
  });
});

describe('parseTaxCode refuses invalid codes with the precise reason', () => {
  it.each([
    ['', /empty/],
    ['1257Q', /suffix Q, which is not a tax code letter/],
    ['1257P', /suffix P/],
    ['1257', /no suffix letter/],
    ['01257L', /must not start with 0/],
    ['1234567L', /more than 6 digits/],
    ['0L', /zero allowance is written 0T/],
    ['K', /K must be followed by the code number/],
    ['K0', /must not start with 0/],
    ['K01', /must not start with 0/],
    ['K12L', /K is followed by digits only/],
    ['K1234567', /more than 6 digits/],
    ['D', /D is followed by one digit/],
    ['D12', /D is followed by one digit/],
    ['S', /nothing after the prefix/],
    ['1257L-W1', /contains "-"/],
    ['12 57L', /space or slash inside the code/],
    ['XYZ', /not a recognised tax code form/],
    ['1257M1', /no suffix letter/],
  ])('%j', (text, reason) => {
    const parsed = parseTaxCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
