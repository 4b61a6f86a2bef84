/**
 * The engine's named rounding rules on integer pence held in JS numbers.
 *
 * Why numbers and not bigint here: the calculation core runs for every
 * employee-period (hundreds of thousands a second), and integer arithmetic in
 * doubles is exact while every operand and product stays below 2^53. Inputs
 * are capped at MAX_MONEY_INPUT (£10m); the largest product formed is pay in
 * ten-thousandths of a pound times a rate in basis points (10^11 × 4,800 ≈
 * 4.8 × 10^14), far below 2^53 ≈ 9 × 10^15. For integers n, d below 2^53,
 * Math.floor(n / d) is the exact floor quotient, so no result is ever
 * fractional. Pay-element calculators, whose products can be larger, use the
 * kernel's bigint rounding instead.
 */
export const MAX_MONEY_INPUT = 1_000_000_000;

/** Floor of numerator / denominator (denominator > 0). */
export function floorDivide(numerator: number, denominator: number): number {
  return Math.floor(numerator / denominator);
}

/** Ceiling of numerator / denominator (denominator > 0). */
export function ceilDivide(numerator: number, denominator: number): number {
  return Math.ceil(numerator / denominator);
}

/** Nearest integer with halves away from zero, for 0 ≤ numerator < 2^51 and denominator > 0. */
export function halfUpDivide(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * NI exact-percentage rounding (NIM11002): amount = pence × basisPoints / 10,000.
 * Truncate to a tenth of a penny (the third decimal place of pounds); a tenth
 * of 6–9 rounds up, 0–5 rounds down — "a half-penny or less is disregarded".
 */
export function niRoundedPercentage(pence: number, basisPoints: number): number {
  if (pence <= 0 || basisPoints === 0) return 0;
  const tenthsOfPenny = Math.floor((pence * basisPoints) / 1000);
  const wholePence = Math.floor(tenthsOfPenny / 10);
  return tenthsOfPenny - wholePence * 10 >= 6 ? wholePence + 1 : wholePence;
}
