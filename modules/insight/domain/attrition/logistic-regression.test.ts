import { describe, expect, it } from 'vitest';
import type { SparseDesign } from './feature-encoder';
import { fitLogistic, predictLogistic, prepareRows } from './logistic-regression';
import { seededRandom } from './seeded-random';

/** Rows with intercept, x1, x2 drawn from a known model: logit = -1 + 2·x1 − 0.5·x2. */
function simulated(rows: number) {
  const random = seededRandom(5);
  const stride = 3;
  const indices = new Int32Array(rows * stride);
  const values = new Float64Array(rows * stride);
  const labels = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    const x1 = random.normal();
    const x2 = random.normal();
    indices.set([0, 1, 2], row * stride);
    values.set([1, x1, x2], row * stride);
    labels[row] = random.next() < 1 / (1 + Math.exp(-(-1 + 2 * x1 - 0.5 * x2))) ? 1 : 0;
  }
  const design: SparseDesign = { rowCount: rows, stride, featureCount: 3, indices, values };
  return { design, labels, rows: Int32Array.from(labels.keys()) };
}

describe('fitLogistic', () => {
  const { design, labels, rows } = simulated(40_000);
  const block = prepareRows(design, labels, rows);

  it('recovers the coefficients of the model that generated the data', () => {
    const { weights } = fitLogistic(block, { ridge: 0.01 });
    expect(weights[0]).toBeCloseTo(-1, 1);
    expect(weights[1]).toBeCloseTo(2, 1);
    expect(weights[2]).toBeCloseTo(-0.5, 1);
  });

  it('shrinks the coefficients, but not the intercept, as the ridge penalty grows', () => {
    const light = fitLogistic(block, { ridge: 1 }).weights;
    const heavy = fitLogistic(block, { ridge: 100_000 }).weights;
    expect(Math.abs(heavy[1] ?? 0)).toBeLessThan(Math.abs(light[1] ?? 0) / 2);
    expect(Math.abs(heavy[0] ?? 0)).toBeGreaterThan(0.5);
  });

  it('pulls neighbouring bins together under the smoothness penalty', () => {
    const rough = fitLogistic(block, { ridge: 0.01 }).weights;
    const smooth = fitLogistic(block, {
      ridge: 0.01,
      smoothness: { strength: 1e7, runs: [{ first: 1, count: 2 }] },
    });
    expect(Math.abs((smooth.weights[1] ?? 0) - (smooth.weights[2] ?? 0))).toBeLessThan(0.01);
    expect(Math.abs((rough[1] ?? 0) - (rough[2] ?? 0))).toBeGreaterThan(2);
  });

  it('gives probabilities strictly between 0 and 1', () => {
    const model = fitLogistic(block, { ridge: 1 });
    const probabilities = predictLogistic(model, design, rows.subarray(0, 100));
    expect(probabilities.every((p) => p > 0 && p < 1)).toBe(true);
  });
});
