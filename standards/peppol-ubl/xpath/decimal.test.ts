import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  decimal,
  divide,
  formatDecimal,
  formatFixed,
  multiply,
  parseDecimal,
  round,
  subtract,
} from './decimal';

const d = (text: string) => decimal(text);

describe('parseDecimal (xs:decimal casting)', () => {
  it.each([
    ['100', '100'],
    ['100.00', '100'],
    ['  -0.50\n', '-0.5'],
    ['+7', '7'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['12345678901234567890.123', '12345678901234567890.123'],
  ])('reads %j as %s', (text, canonical) => {
    const value = parseDecimal(text);
    expect(value && formatDecimal(value)).toBe(canonical);
  });

  it.each(['', ' ', '1e3', '1,5', '--1', '.', 'NaN', 'INF', '1 2', '0x10'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly, where binary floating point would not', () => {
    expect(formatDecimal(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(formatDecimal(subtract(d('1460.50'), d('0.01')))).toBe('1460.49');
  });

  it('multiplies exactly', () => {
    expect(formatDecimal(multiply(d('1460.5'), d('0.25')))).toBe('365.125');
  });

  it('divides to at least 18 places, halves rounded down as Saxon does', () => {
    expect(formatDecimal(divide(d('10'), d('3')) ?? d('0'))).toBe('3.333333333333333333');
    expect(formatDecimal(divide(d('2'), d('3')) ?? d('0'))).toBe('0.666666666666666667');
    expect(divide(d('1'), d('0'))).toBeUndefined();
  });

  it.each([
    ['2.5', 0, '3'],
    ['-2.5', 0, '-2'],
    ['-2.6', 0, '-3'],
    ['365.125', 2, '365.13'],
    ['-365.125', 2, '-365.12'],
    ['0.004', 2, '0'],
  ])('round(%s, %i) = %s: halves go towards positive infinity (fn:round)', (value, digits, expected) => {
    expect(formatDecimal(round(d(value), digits))).toBe(expected);
  });

  it('compares values of different scales', () => {
    expect(compare(d('100'), d('100.00'))).toBe(0);
    expect(compare(d('-1'), d('0.001'))).toBe(-1);
  });

  it('formats to fixed places', () => {
    expect(formatFixed(d('12.5'), 2)).toBe('12.50');
    expect(formatFixed(d('-0.005'), 2)).toBe('0.00');
    expect(formatFixed(d('1234.565'), 2)).toBe('1234.57');
  });
});
