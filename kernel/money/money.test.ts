import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  formatPounds,
  type Pence,
  parsePounds,
  pence,
  roundDown,
  roundHalfEven,
  roundHalfUp,
  roundUp,
  sumPence,
} from './index';

describe('named rounding', () => {
  it.each([
    [25n, 10n, 3n, 2n, 2n, 3n],
    [-25n, 10n, -3n, -2n, -3n, -2n],
    [35n, 10n, 4n, 4n, 3n, 4n],
    [34n, 10n, 3n, 3n, 3n, 4n],
    [36n, 10n, 4n, 4n, 3n, 4n],
    [-36n, 10n, -4n, -4n, -4n, -3n],
  ])('%i/%i → half-up %i, half-even %i, down %i, up %i', (n, d, halfUp, halfEven, down, up) => {
    expect(roundHalfUp(n, d)).toBe(halfUp);
    expect(roundHalfEven(n, d)).toBe(halfEven);
    expect(roundDown(n, d)).toBe(down);
    expect(roundUp(n, d)).toBe(up);
  });

  it('refuses division by zero', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(/division by zero/);
  });
});

describe('allocate', () => {
  it('splits £100 three ways without losing a penny', () => {
    expect(allocate(pence(10000), [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
  });

  it('always sums to the total, for any total and weights', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const parts = allocate(total as Pence, weights);
          expect(sumPence(parts)).toBe(total);
          weights.forEach((weight, index) => {
            if (weight === 0n) expect(parts[index]).toBe(0n);
          });
        },
      ),
    );
  });
});

describe('parsePounds', () => {
  it.each([
    ['£1,234.56', 123456n],
    ['-49,521.52 ', -4952152n],
    ['"49,521.52 "'.slice(1, -1), 4952152n],
    ['(1,234.00)', -123400n],
    ['1234', 123400n],
    ['0.5', 50n],
    ['-£12.00', -1200n],
    ['\u00a025,000.00', 2500000n],
    ['100.000', 10000n],
  ])('reads %s as %i pence', (text, expected) => {
    const parsed = parsePounds(text);
    expect(parsed).toEqual({ ok: true, pence: expected });
  });

  it.each(['', 'abc', '12.345', '1,23.00', '£'])('refuses %j with a reason', (text) => {
    const parsed = parsePounds(text);
    expect(parsed.ok).toBe(false);
  });

  it('round-trips with formatPounds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (value) => {
        expect(parsePounds(formatPounds(value))).toEqual({ ok: true, pence: value });
      }),
    );
  });
});
