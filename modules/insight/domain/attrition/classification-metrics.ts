/** The scores of one class, sorted ascending (native numeric sort, no comparator). */
function sortedScoresOf(scores: ArrayLike<number>, labels: ArrayLike<number>, label: 0 | 1): Float64Array {
  let count = 0;
  for (let index = 0; index < scores.length; index++) if ((labels[index] ? 1 : 0) === label) count++;
  const chosen = new Float64Array(count);
  let at = 0;
  for (let index = 0; index < scores.length; index++) {
    if ((labels[index] ? 1 : 0) === label) chosen[at++] = scores[index] ?? 0;
  }
  return chosen.sort();
}

/**
 * Area under the ROC curve, exactly: the share of (leaver, stayer) pairs in
 * which the leaver scores higher, a tie counting one half — the Mann–Whitney
 * statistic, equal to the trapezoid rule on the ROC curve. NaN when either
 * class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const positives = sortedScoresOf(scores, labels, 1);
  const negatives = sortedScoresOf(scores, labels, 0);
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  let below = 0;
  let tiedAbove = 0;
  let wins = 0;
  for (const score of positives) {
    while (below < negatives.length && (negatives[below] ?? 0) < score) below++;
    tiedAbove = Math.max(tiedAbove, below);
    while (tiedAbove < negatives.length && (negatives[tiedAbove] ?? 0) === score) tiedAbove++;
    wins += below + (tiedAbove - below) / 2;
  }
  return wins / (positives.length * negatives.length);
}

export type Confusion = {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
};

/** Counts at "predict a leaver when the score is at least the threshold". */
export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): Confusion {
  const confusion: Confusion = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let index = 0; index < scores.length; index++) {
    const predicted = (scores[index] ?? 0) >= threshold;
    if (labels[index]) {
      if (predicted) confusion.truePositives++;
      else confusion.falseNegatives++;
    } else if (predicted) confusion.falsePositives++;
    else confusion.trueNegatives++;
  }
  return confusion;
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    trueNegatives: a.trueNegatives + b.trueNegatives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
  };
}

/** Share of predicted leavers who left; 0 when nobody is predicted to leave. */
export const precisionOf = (c: Confusion): number =>
  c.truePositives + c.falsePositives === 0 ? 0 : c.truePositives / (c.truePositives + c.falsePositives);

/** Share of leavers who were predicted; 0 when there are none. */
export const recallOf = (c: Confusion): number =>
  c.truePositives + c.falseNegatives === 0 ? 0 : c.truePositives / (c.truePositives + c.falseNegatives);

export const accuracyOf = (c: Confusion): number =>
  (c.truePositives + c.trueNegatives) /
  Math.max(1, c.truePositives + c.trueNegatives + c.falsePositives + c.falseNegatives);

/**
 * The score threshold with the highest F1 for the positive class on these
 * rows (ties go to the higher threshold, i.e. fewer alerts).
 */
export function bestF1Threshold(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const positives = sortedScoresOf(scores, labels, 1);
  const negatives = sortedScoresOf(scores, labels, 0);
  // walk the distinct scores from the highest down, predicting a leaver at or above each
  let nextPositive = positives.length - 1;
  let nextNegative = negatives.length - 1;
  let bestF1 = -1;
  let bestThreshold = Number.POSITIVE_INFINITY;
  while (nextPositive >= 0 || nextNegative >= 0) {
    const threshold = Math.max(
      positives[nextPositive] ?? Number.NEGATIVE_INFINITY,
      negatives[nextNegative] ?? Number.NEGATIVE_INFINITY,
    );
    while (nextPositive >= 0 && positives[nextPositive] === threshold) nextPositive--;
    while (nextNegative >= 0 && negatives[nextNegative] === threshold) nextNegative--;
    const truePositives = positives.length - 1 - nextPositive;
    const predicted = truePositives + negatives.length - 1 - nextNegative;
    const f1 = (2 * truePositives) / (predicted + positives.length);
    if (f1 > bestF1) {
      bestF1 = f1;
      bestThreshold = threshold;
    }
  }
  return bestThreshold;
}
