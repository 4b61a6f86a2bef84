/**
 * Pairwise precision and recall of a grouping against the truth: of the
 * pairs of items put in one group, the share that truly are one product; of
 * the pairs truly one product, the share put in one group. Counted through
 * the group/truth overlaps, never pair by pair.
 */
export type PairwiseScore = {
  precision: number;
  recall: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
};

const pairs = (size: number): number => (size * (size - 1)) / 2;

function groupSizes(labels: ArrayLike<number>): Map<number, number> {
  const sizes = new Map<number, number>();
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index] ?? -1;
    sizes.set(label, (sizes.get(label) ?? 0) + 1);
  }
  return sizes;
}

export function pairwisePrecisionRecall(
  predicted: ArrayLike<number>,
  truth: ArrayLike<number>,
): PairwiseScore {
  if (predicted.length !== truth.length)
    throw new RangeError('the grouping and the truth must cover the same items');
  const overlap = new Map<string, number>();
  for (let index = 0; index < predicted.length; index++) {
    const key = `${predicted[index]}|${truth[index]}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  let predictedPairs = 0;
  for (const size of groupSizes(predicted).values()) predictedPairs += pairs(size);
  let truePairs = 0;
  for (const size of groupSizes(truth).values()) truePairs += pairs(size);
  let correctPairs = 0;
  for (const size of overlap.values()) correctPairs += pairs(size);
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    truePairs,
    predictedPairs,
    correctPairs,
  };
}
