import { describe, expect, it } from 'vitest';
import { formatQuantity, lineValue, parseQuantity, proportion } from './quantity';

describe('quantities', () => {
  it.each([
    { input: '12', milli: 12_000n, text: '12' },
    { input: '2.5', milli: 2_500n, text: '2.5' },
    { input: '0.125', milli: 125n, text: '0.125' },
    { input: ' 3.10 ', milli: 3_100n, text: '3.1' },
    { input: '-1.25', milli: -1_250n, text: '-1.25' },
    { input: 7, milli: 7_000n, text: '7' },
    { input: 2.5, milli: 2_500n, text: '2.5' },
    { input: 0.1, milli: 100n, text: '0.1' },
    { input: '2.500000', milli: 2_500n, text: '2.5' },
  ])('reads $input exactly as $text', ({ input, milli, text }) => {
    expect(parseQuantity(input)).toBe(milli);
    expect(formatQuantity(milli)).toBe(text);
  });

  it.each(['', 'abc', '1.2345', '1e3', '1,000', '.5', Number.NaN, 1e21, 0.0001])('refuses %s', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it.each([
    { quantity: '3', price: 1_250n, value: 3_750n },
    { quantity: '2.5', price: 999n, value: 2_498n },
    { quantity: '0.333', price: 100n, value: 33n },
    { quantity: '0.005', price: 100n, value: 1n },
    { quantity: '-2.5', price: 999n, value: -2_498n },
  ])('values $quantity at $price p as $value p, halves away from zero', ({ quantity, price, value }) => {
    expect(lineValue(parseQuantity(quantity)!, price)).toBe(value);
  });

  it('splits an accrual in proportion to the quantity returned, to the penny', () => {
    expect(proportion(1_000n, 1_000n, 3_000n)).toBe(333n);
    expect(proportion(1_000n, 3_000n, 3_000n)).toBe(1_000n);
    expect(proportion(1_000n, 0n, 0n)).toBe(0n);
  });
});
