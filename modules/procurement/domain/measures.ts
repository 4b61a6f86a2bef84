/**
 * The nearest-rank percentile (the smallest value with at least p% of the
 * values at or below it), so a reported figure is always one that happened.
 */
export function nearestRank(values: readonly number[], percentile: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
