import { describe, expect, it } from 'vitest';
import type { DecimalText } from '../values';
import {
  multiplyDecimals,
  parseDecimal,
  parseInteger,
  poundsProductToPence,
  subtractDecimals,
} from './decimal';

const decimal = (text: string) => text as DecimalText;

describe('exact decimals', () => {
  it.each([
    ['1,250.50', '1250.5'],
    ['0.0125', '0.0125'],
    ['.5', '0.5'],
    ['-0', '0'],
    ['(3)', '-3'],
    ['007.100', '7.1'],
    [' 12 ', '12'],
  ])('reads %j as %s', (text, canonical) => {
    expect(parseDecimal(text)).toEqual({ ok: true, value: canonical });
  });

  it.each(['', '1e5', '1,2', 'ten', '1.2.3'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toMatchObject({ ok: false, rule: 'decimal-format' });
  });

  it.each([
    ['12', undefined, 12],
    ['12.0', undefined, 12],
    ['1,000', undefined, 1000],
  ])('reads %j as the whole number %i', (text, range, value) => {
    expect(parseInteger(text, range)).toEqual({ ok: true, value });
  });

  it.each([
    ['12.5', undefined, 'integer-format'],
    ['13', [1, 12] as const, 'integer-range'],
  ])('refuses %j as a whole number (%s)', (text, range, rule) => {
    expect(parseInteger(text, range)).toMatchObject({ ok: false, rule });
  });

  it.each([
    ['10', '0.0125', 13n],
    ['3', '1.005', 302n],
    ['-2', '1.125', -225n],
    ['1.5', '19.99', 2999n],
  ])('%s × £%s is %i pence, rounded half away from zero', (quantity, price, pence) => {
    expect(poundsProductToPence(decimal(quantity), decimal(price))).toBe(pence);
  });

  it('subtracts and multiplies exactly', () => {
    expect(subtractDecimals(decimal('10.5'), decimal('12.25'))).toBe('-1.75');
    expect(subtractDecimals(decimal('3'), decimal('3.0'))).toBe('0');
    expect(multiplyDecimals(decimal('0.1'), decimal('0.2'))).toBe('0.02');
  });
});
