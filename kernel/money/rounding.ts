/**
 * Every division of money goes through one of these named rules, so the rule
 * a figure was rounded by can be named in an audit or a payslip explanation.
 * Each takes an exact rational numerator/denominator in integers.
 */
export type RoundingRule = 'half-up' | 'half-even' | 'down' | 'up' | 'toward-zero';

function assertDenominator(denominator: bigint): void {
  if (denominator === 0n) throw new RangeError('division by zero');
}

/** Floor division for bigint (JS bigint division truncates toward zero). */
export function floorDiv(numerator: bigint, denominator: bigint): bigint {
  assertDenominator(denominator);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return remainder !== 0n && remainder < 0n !== denominator < 0n ? quotient - 1n : quotient;
}

export function ceilDiv(numerator: bigint, denominator: bigint): bigint {
  return -floorDiv(-numerator, denominator);
}

/** Half away from zero: 2.5 → 3, −2.5 → −3 (commercial rounding, as in EN 16931 amounts). */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  assertDenominator(denominator);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

/** Banker's rounding: halves go to the even neighbour. */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  assertDenominator(denominator);
  const floor = floorDiv(numerator, denominator);
  const remainderTwice = 2n * (numerator - floor * denominator);
  const d = denominator < 0n ? -denominator : denominator;
  const r = denominator < 0n ? -remainderTwice : remainderTwice;
  if (r < d) return floor;
  if (r > d) return floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

export function roundDown(numerator: bigint, denominator: bigint): bigint {
  return floorDiv(numerator, denominator);
}

export function roundUp(numerator: bigint, denominator: bigint): bigint {
  return ceilDiv(numerator, denominator);
}

export function roundTowardZero(numerator: bigint, denominator: bigint): bigint {
  assertDenominator(denominator);
  return numerator / denominator;
}

export function divide(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint {
  switch (rule) {
    case 'half-up':
      return roundHalfUp(numerator, denominator);
    case 'half-even':
      return roundHalfEven(numerator, denominator);
    case 'down':
      return roundDown(numerator, denominator);
    case 'up':
      return roundUp(numerator, denominator);
    case 'toward-zero':
      return roundTowardZero(numerator, denominator);
  }
}

/** amount × basisPoints / 10 000 under the given rule (1 bp = 0.01%). */
export function applyBasisPoints(amount: bigint, basisPoints: bigint, rule: RoundingRule): bigint {
  return divide(amount * basisPoints, 10_000n, rule);
}
