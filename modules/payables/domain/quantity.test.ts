import { describe, expect, it } from 'vitest';
import { extendPence, formatQuantity, quantityOf, readQuantity } from './quantity';

describe('quantities', () => {
  it.each([
    ['12', 12_000_000n],
    ['2.5', 2_500_000n],
    ['0.125000', 125_000n],
    [' 7 ', 7_000_000n],
    ['-3', -3_000_000n],
    ['1.0000000', 1_000_000n],
  ])('reads %j exactly', (text, micro) => {
    expect(readQuantity(text)).toEqual({ ok: true, quantity: micro });
  });

  it.each([['1.0000001'], ['abc'], [''], ['1e3'], ['1,5']])('refuses %j with a reason', (text) => {
    const reading = readQuantity(text);
    expect(reading.ok).toBe(false);
  });

  it.each([
    [2_500_000n, '2.5'],
    [12_000_000n, '12'],
    [-125_000n, '-0.125'],
    [0n, '0'],
  ])('formats %s as %s', (micro, text) => {
    expect(formatQuantity(micro)).toBe(text);
  });

  it('adds tenths exactly where floating point would not', () => {
    expect(quantityOf('0.1') + quantityOf('0.2')).toBe(quantityOf('0.3'));
  });

  it('takes whole units as bigint or safe integers and refuses fractional numbers', () => {
    expect(quantityOf(4n)).toBe(4_000_000n);
    expect(quantityOf(4)).toBe(4_000_000n);
    expect(() => quantityOf(0.5)).toThrow(/as text/);
  });

  it.each([
    ['3', 485n, 1455n],
    ['2.5', 333n, 833n], // 832.5 rounds half up
    ['0.333333', 100n, 33n],
    ['-2.5', 333n, -833n],
  ])('extends %s × %sp to %sp', (quantity, price, expected) => {
    expect(extendPence(quantityOf(quantity), price)).toBe(expected);
  });
});
