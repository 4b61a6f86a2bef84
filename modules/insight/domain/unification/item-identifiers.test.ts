import { describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../../../standards/gs1';
import { normalisePartCode, readGtin } from './item-identifiers';

describe('readGtin', () => {
  const unit = '5012345678900';
  const box = `1501234567890${gs1CheckDigit('1501234567890')}`;

  it('gives a unit GTIN and its box GTIN-14 one family', () => {
    const read = [readGtin(unit), readGtin(box), readGtin(`0${unit}`)];
    expect(read.map((reading) => reading.kind)).toEqual(['gtin', 'gtin', 'gtin']);
    const families = read.map((reading) => (reading.kind === 'gtin' ? reading.family : ''));
    expect(new Set(families).size).toBe(1);
  });

  it.each([
    { raw: '5012345678901', message: /check digit is wrong/ },
    { raw: `201234567890${gs1CheckDigit('201234567890')}`, message: /restricted-circulation/ },
    { raw: '50123X5678900', message: /digits only/ },
  ])('refuses $raw', ({ raw, message }) => {
    const reading = readGtin(raw);
    expect(reading.kind).toBe('refused');
    if (reading.kind === 'refused') expect(reading.message).toMatch(message);
  });

  it('treats a blank GTIN as none', () => {
    expect(readGtin(' ')).toEqual({ kind: 'none' });
  });
});

describe('normalisePartCode', () => {
  it.each([
    ['302149', '302149'],
    ['302-149', '302149'],
    ['REF 302149', '302149'],
    ['ref302149', '302149'],
    ['0302149', '302149'],
    ['mx-3021s', 'MX3021S'],
    ['Cat No. AB 12', 'AB12'],
    ['12', ''],
  ])('reads "%s" as "%s"', (raw, code) => {
    expect(normalisePartCode(raw)).toBe(code);
  });
});
