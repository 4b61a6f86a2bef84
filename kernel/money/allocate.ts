import type { Pence } from './pence';

/**
 * Splits a total across weights by the largest-remainder method, so the parts
 * always sum exactly to the total (no penny created or lost). Ties in the
 * remainder go to the earlier weight, which keeps the split deterministic.
 */
export function allocate(total: Pence, weights: readonly bigint[]): Pence[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((weight) => weight < 0n)) throw new RangeError('allocate weights must not be negative');
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError('allocate weights must not all be zero');

  const negative = total < 0n;
  const magnitude = negative ? -total : total;
  const shares = weights.map((weight, index) => {
    const exact = magnitude * weight;
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = magnitude - shares.reduce((sum, share) => sum + share.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.floor += 1n;
    leftover -= 1n;
  }
  return shares.map((share) => (negative ? -share.floor : share.floor) as Pence);
}
