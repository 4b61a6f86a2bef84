import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestF1Threshold, confusionAt, precisionOf, recallOf, rocAuc } from './classification-metrics';

/** Every (leaver, stayer) pair compared directly: the definition the fast version must equal. */
function pairwiseAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((positive, i) => {
    if (!labels[i]) return;
    scores.forEach((negative, j) => {
      if (labels[j]) return;
      pairs++;
      wins += positive > negative ? 1 : positive === negative ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('rocAuc', () => {
  it.each([
    { name: 'perfect ranking', scores: [0.1, 0.2, 0.8, 0.9], labels: [0, 0, 1, 1], auc: 1 },
    { name: 'reversed ranking', scores: [0.9, 0.8, 0.2, 0.1], labels: [0, 0, 1, 1], auc: 0 },
    { name: 'all scores tied', scores: [0.5, 0.5, 0.5, 0.5], labels: [0, 1, 0, 1], auc: 0.5 },
    { name: 'one misordered pair of four', scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1], auc: 0.75 },
    {
      name: 'a tie across classes counts one half',
      scores: [0.2, 0.5, 0.5, 0.9],
      labels: [0, 0, 1, 1],
      auc: 0.875,
    },
  ])('gives $auc for $name', ({ scores, labels, auc }) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(auc, 12);
  });

  it('is undefined when one class is absent', () => {
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNaN();
  });

  it('equals the pairwise definition, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { minLength: 2, maxLength: 60 }),
        (rows) => {
          const scores = rows.map(([score]) => score / 6);
          const labels = rows.map(([, label]) => (label ? 1 : 0));
          fc.pre(labels.includes(1) && labels.includes(0));
          expect(rocAuc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
        },
      ),
    );
  });
});

describe('bestF1Threshold', () => {
  it('picks the cut that flags exactly the leavers when one exists', () => {
    expect(bestF1Threshold([0.1, 0.2, 0.3, 0.7, 0.9], [0, 0, 0, 1, 1])).toBe(0.7);
  });

  it('is the best of every possible cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.boolean()), { minLength: 2, maxLength: 40 }),
        (rows) => {
          const scores = rows.map(([score]) => score / 20);
          const labels = rows.map(([, label]) => (label ? 1 : 0));
          fc.pre(labels.includes(1));
          const f1At = (threshold: number): number => {
            const c = confusionAt(scores, labels, threshold);
            return (2 * c.truePositives) / (2 * c.truePositives + c.falsePositives + c.falseNegatives);
          };
          const best = Math.max(...scores.map(f1At));
          expect(f1At(bestF1Threshold(scores, labels))).toBeCloseTo(best, 12);
        },
      ),
    );
  });
});

describe('precision and recall', () => {
  it('count leavers flagged at or above the threshold', () => {
    const confusion = confusionAt([0.9, 0.8, 0.3, 0.6, 0.1], [1, 0, 1, 0, 0], 0.6);
    expect(confusion).toEqual({ truePositives: 1, falsePositives: 2, trueNegatives: 1, falseNegatives: 1 });
    expect(precisionOf(confusion)).toBeCloseTo(1 / 3, 12);
    expect(recallOf(confusion)).toBe(0.5);
  });

  it('report zero precision rather than dividing by zero when nobody is flagged', () => {
    expect(precisionOf(confusionAt([0.1, 0.2], [1, 0], 0.5))).toBe(0);
  });
});
