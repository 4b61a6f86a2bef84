import { describe, expect, it } from 'vitest';
import { pairwisePrecisionRecall } from './pairwise-metrics';

describe('pairwisePrecisionRecall', () => {
  it('counts pairs put together against pairs truly together', () => {
    // truth: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}
    const score = pairwisePrecisionRecall([7, 7, 8, 8, 8], [1, 1, 1, 2, 2]);
    expect(score).toEqual({
      precision: 2 / 4,
      recall: 2 / 4,
      truePairs: 4,
      predictedPairs: 4,
      correctPairs: 2,
    });
  });

  it('is perfect for the truth itself and for all singletons has no precision to lose', () => {
    expect(pairwisePrecisionRecall([1, 1, 2], [5, 5, 6]).recall).toBe(1);
    const singletons = pairwisePrecisionRecall([1, 2, 3], [5, 5, 6]);
    expect(singletons.precision).toBe(1);
    expect(singletons.recall).toBe(0);
  });

  it('refuses groupings of different lengths', () => {
    expect(() => pairwisePrecisionRecall([1], [1, 2])).toThrow(/same items/);
  });
});
