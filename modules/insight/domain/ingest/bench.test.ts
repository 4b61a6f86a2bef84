import { describe, expect, it } from 'vitest';
import { benchSpendParse } from './bench';
import { syntheticSpendCsv } from './synthetic-spend';

describe('benchSpendParse', () => {
  it('imports its synthetic file exactly and reports a median rate', () => {
    const result = benchSpendParse(2_000, 3);
    expect(result.rows).toBe(2_000);
    expect(result.secondsPerRound).toHaveLength(3);
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(result.rowsPerSecond)).toBe(true);
  });

  it('generates the same file for the same seed, with credits among the rows', () => {
    const a = syntheticSpendCsv(500, 7);
    const b = syntheticSpendCsv(500, 7);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).toString()).toMatch(/"-\d/);
  });
});
