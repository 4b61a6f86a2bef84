import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedHoldout, timeSplit } from './data-splits';

const labels = Uint8Array.from({ length: 103 }, (_, row) => (row % 10 === 3 ? 1 : 0));

describe('stratifiedFolds', () => {
  const folds = stratifiedFolds(labels, 5, 42);

  it('tests every row exactly once and never on a row it trained on', () => {
    const tested = folds.flatMap((fold) => [...fold.test]).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from(labels.keys()));
    for (const fold of folds) {
      const train = new Set(fold.train);
      expect([...fold.test].some((row) => train.has(row))).toBe(false);
      expect(fold.train.length + fold.test.length).toBe(labels.length);
    }
  });

  it('keeps the leaver count of every fold within one of the others', () => {
    const leavers = folds.map((fold) => [...fold.test].filter((row) => labels[row] === 1).length);
    expect(Math.max(...leavers) - Math.min(...leavers)).toBeLessThanOrEqual(1);
    const sizes = folds.map((fold) => fold.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('shuffles the same way for the same seed and differently for another', () => {
    expect(stratifiedFolds(labels, 5, 42)[0]?.test).toEqual(folds[0]?.test);
    expect(stratifiedFolds(labels, 5, 43)[0]?.test).not.toEqual(folds[0]?.test);
  });
});

describe('stratifiedHoldout', () => {
  it('holds out the share of each class from the given rows only', () => {
    const rows = Int32Array.from({ length: 80 }, (_, index) => index);
    const split = stratifiedHoldout(labels, rows, 0.25, 1);
    expect(split.test.length + split.train.length).toBe(80);
    expect([...split.test].every((row) => row < 80)).toBe(true);
    expect([...split.test].filter((row) => labels[row] === 1).length).toBe(2);
  });
});

describe('timeSplit', () => {
  it('trains on earlier dates, tests on later ones, and never splits a date', () => {
    const days = Float64Array.from(
      { length: 10 },
      (_, row) => [5, 1, 3, 3, 9, 7, 3, Number.NaN, 8, 2][row] ?? 0,
    );
    const split = timeSplit(Int32Array.from(days.keys()), days, 0.5);
    const latestTrain = Math.max(...[...split.train].map((row) => days[row] ?? 0));
    const earliestTest = Math.min(...[...split.test].map((row) => days[row] ?? 0));
    expect(latestTrain).toBeLessThan(earliestTest);
    expect(split.train.length + split.test.length).toBe(9);
  });
});
