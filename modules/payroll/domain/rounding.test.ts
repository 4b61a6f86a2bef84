import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilDivide, floorDivide, halfUpDivide, niRoundedPercentage } from './rounding';

describe('NI exact-percentage rounding (NIM11002)', () => {
  it.each([
    // pence, basis points, result: £52.6558 → £52.65 and £52.6562 → £52.66 (third decimal 5 down, 6 up)
    [526558, 100, 5265],
    [526562, 100, 5266],
    [145000, 185, 2682], // 1,450 × 1.85% = 26.825 → 26.82
    [5, 200, 0], // 0.05 × 2% = 0.001 → 0.00
    [0, 800, 0],
  ])('%i pence at %i bp is %i pence', (pence, bps, expected) => {
    expect(niRoundedPercentage(pence, bps)).toBe(expected);
  });

  it('never differs from the exact value by more than 0.6 of a penny', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (pence, bps) => {
          const rounded = niRoundedPercentage(pence, bps);
          expect(Math.abs(rounded * 10_000 - pence * bps)).toBeLessThanOrEqual(6_000);
        },
      ),
    );
  });
});

describe('integer division on number pence is exact below 2^53', () => {
  it('agrees with bigint floor, ceiling and half-up division', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 51 }), fc.integer({ min: 1, max: 10_000_000 }), (n, d) => {
        const big = BigInt(n);
        const divisor = BigInt(d);
        expect(BigInt(floorDivide(n, d))).toBe(big / divisor);
        expect(BigInt(ceilDivide(n, d))).toBe((big + divisor - 1n) / divisor);
        expect(BigInt(halfUpDivide(n, d))).toBe((2n * big + divisor) / (2n * divisor));
      }),
    );
  });
});
