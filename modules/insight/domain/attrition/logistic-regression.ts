import type { SparseDesign } from './feature-encoder';

/**
 * The quadratic penalty: `ridge` on every weight but the intercept (weight 0),
 * plus `smoothness` on the differences between neighbouring weights within each
 * run of ordered bins, so a binned numeric column gets a smooth, not jagged, effect.
 */
export type Penalty = {
  ridge: number;
  smoothness?: { strength: number; runs: readonly { first: number; count: number }[] };
};

export type LogisticModel = { penalty: Penalty; weights: Float64Array };

function penaltyValue(penalty: Penalty, weights: Float64Array): number {
  let value = 0;
  for (let feature = 1; feature < weights.length; feature++)
    value += 0.5 * penalty.ridge * (weights[feature] ?? 0) ** 2;
  for (const run of penalty.smoothness?.runs ?? []) {
    for (let feature = run.first; feature < run.first + run.count - 1; feature++) {
      const step = (weights[feature + 1] ?? 0) - (weights[feature] ?? 0);
      value += 0.5 * (penalty.smoothness?.strength ?? 0) * step * step;
    }
  }
  return value;
}

/** Adds the penalty's gradient and Hessian (row-major, `size` × `size`). */
function addPenalty(
  penalty: Penalty,
  weights: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const size = weights.length;
  for (let feature = 1; feature < size; feature++) {
    gradient[feature] = (gradient[feature] ?? 0) + penalty.ridge * (weights[feature] ?? 0);
    hessian[feature * size + feature] = (hessian[feature * size + feature] ?? 0) + penalty.ridge;
  }
  const strength = penalty.smoothness?.strength ?? 0;
  for (const run of penalty.smoothness?.runs ?? []) {
    for (let left = run.first; left < run.first + run.count - 1; left++) {
      const right = left + 1;
      const step = strength * ((weights[right] ?? 0) - (weights[left] ?? 0));
      gradient[left] = (gradient[left] ?? 0) - step;
      gradient[right] = (gradient[right] ?? 0) + step;
      hessian[left * size + left] = (hessian[left * size + left] ?? 0) + strength;
      hessian[right * size + right] = (hessian[right * size + right] ?? 0) + strength;
      hessian[left * size + right] = (hessian[left * size + right] ?? 0) - strength;
      hessian[right * size + left] = (hessian[right * size + left] ?? 0) - strength;
    }
  }
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function linearScore(design: SparseDesign, weights: Float64Array, row: number): number {
  let z = 0;
  const end = (row + 1) * design.stride;
  for (let at = row * design.stride; at < end; at++) {
    z += (weights[design.indices[at] ?? 0] ?? 0) * (design.values[at] ?? 0);
  }
  return z;
}

/**
 * The rows to fit on, copied side by side so Newton's passes read memory in
 * order; prepare once and fit several penalties on the same block.
 */
export type RowBlock = {
  stride: number;
  featureCount: number;
  indices: Int32Array;
  values: Float64Array;
  labels: Uint8Array;
  scores: Float64Array;
};

export function prepareRows(design: SparseDesign, labels: Uint8Array, rows: Int32Array): RowBlock {
  const stride = design.stride;
  const indices = new Int32Array(rows.length * stride);
  const values = new Float64Array(rows.length * stride);
  const blockLabels = new Uint8Array(rows.length);
  for (let at = 0; at < rows.length; at++) {
    const row = rows[at] ?? 0;
    blockLabels[at] = labels[row] ?? 0;
    for (let entry = 0; entry < stride; entry++) {
      indices[at * stride + entry] = design.indices[row * stride + entry] ?? 0;
      values[at * stride + entry] = design.values[row * stride + entry] ?? 0;
    }
  }
  return {
    stride,
    featureCount: design.featureCount,
    indices,
    values,
    labels: blockLabels,
    scores: new Float64Array(rows.length),
  };
}

/** Sets each row's linear score for these weights and returns the penalised log loss. */
function scoreAndLoss(block: RowBlock, weights: Float64Array, penalty: Penalty): number {
  const { stride, indices, values, labels, scores } = block;
  let loss = 0;
  for (let at = 0; at < scores.length; at++) {
    let z = 0;
    for (let entry = at * stride; entry < (at + 1) * stride; entry++) {
      z += (weights[indices[entry] ?? 0] ?? 0) * (values[entry] ?? 0);
    }
    scores[at] = z;
    // log(1 + e^z) − y·z, written to stay finite for large |z|
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - (labels[at] ?? 0) * z;
  }
  return loss + penaltyValue(penalty, weights);
}

/** The log loss's gradient and Hessian at the block's current scores. */
function gradientAndHessian(
  block: RowBlock,
  size: number,
): { gradient: Float64Array; hessian: Float64Array } {
  const { stride, indices, values, labels, scores } = block;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  for (let at = 0; at < scores.length; at++) {
    const probability = sigmoid(scores[at] ?? 0);
    const residual = probability - (labels[at] ?? 0);
    const curvature = Math.max(probability * (1 - probability), 1e-10);
    const end = (at + 1) * stride;
    for (let a = at * stride; a < end; a++) {
      const rowOffset = (indices[a] ?? 0) * size;
      const valueA = values[a] ?? 0;
      gradient[indices[a] ?? 0] = (gradient[indices[a] ?? 0] ?? 0) + residual * valueA;
      const scaled = curvature * valueA;
      // each pair of a row's entries is added once; the two triangles are folded together below
      for (let b = a; b < end; b++) {
        const cell = rowOffset + (indices[b] ?? 0);
        hessian[cell] = (hessian[cell] ?? 0) + scaled * (values[b] ?? 0);
      }
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const folded = (hessian[i * size + j] ?? 0) + (hessian[j * size + i] ?? 0);
      hessian[i * size + j] = folded;
      hessian[j * size + i] = folded;
    }
  }
  return { gradient, hessian };
}

/** Solves A·x = b for a symmetric positive-definite A (row-major, size n) by Cholesky. */
function solveSymmetric(matrix: Float64Array, rhs: Float64Array, size: number): Float64Array {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (lower[i * size + k] ?? 0) * (lower[j * size + k] ?? 0);
      if (i === j) lower[i * size + i] = Math.sqrt(Math.max(sum, 1e-12));
      else lower[i * size + j] = sum / (lower[j * size + j] ?? 1);
    }
  }
  const forward = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = rhs[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (lower[i * size + k] ?? 0) * (forward[k] ?? 0);
    forward[i] = sum / (lower[i * size + i] ?? 1);
  }
  const solution = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = forward[i] ?? 0;
    for (let k = i + 1; k < size; k++) sum -= (lower[k * size + i] ?? 0) * (solution[k] ?? 0);
    solution[i] = sum / (lower[i * size + i] ?? 1);
  }
  return solution;
}

/** Stop when a Newton step would lower the loss by less than this share of it. */
const convergenceTolerance = 1e-4;

/**
 * Newton's method (iteratively reweighted least squares) on the penalised log
 * loss, with step halving whenever a full step would not reduce it. The rows
 * are sparse with a fixed number of entries, so each Hessian costs rows × stride².
 */
export function fitLogistic(block: RowBlock, penalty: Penalty, start?: Float64Array): LogisticModel {
  const size = block.featureCount;
  let weights = start ? Float64Array.from(start) : new Float64Array(size);
  if (!start) {
    // starting from the base rate's log-odds saves an iteration or two
    const positives = block.labels.reduce((count, label) => count + label, 0);
    const rate = (positives + 0.5) / (block.labels.length + 1);
    weights[0] = Math.log(rate / (1 - rate));
  }
  let loss = scoreAndLoss(block, weights, penalty);
  for (let iteration = 0; iteration < 50; iteration++) {
    const { gradient, hessian } = gradientAndHessian(block, size);
    addPenalty(penalty, weights, gradient, hessian);
    // keeps a feature no training row uses solvable
    for (let feature = 0; feature < size; feature++) {
      hessian[feature * size + feature] = (hessian[feature * size + feature] ?? 0) + 1e-9;
    }
    const step = solveSymmetric(hessian, gradient, size);
    // Newton's own estimate of what a full step gains; below the tolerance this step is the last
    const predictedGain =
      0.5 * step.reduce((sum, value, feature) => sum + value * (gradient[feature] ?? 0), 0);
    let stepScale = 1;
    let candidate = weights;
    let candidateLoss = Number.POSITIVE_INFINITY;
    for (let halving = 0; halving < 30 && !(candidateLoss <= loss); halving++) {
      if (halving > 0) stepScale /= 2;
      candidate = weights.map((weight, feature) => weight - stepScale * (step[feature] ?? 0));
      candidateLoss = scoreAndLoss(block, candidate, penalty);
    }
    if (!(candidateLoss <= loss)) break;
    weights = candidate;
    loss = candidateLoss;
    if (predictedGain < convergenceTolerance * Math.max(1, loss)) break;
  }
  return { penalty, weights };
}

/** Probabilities of the positive class for the given rows (in the same order). */
export function predictLogistic(model: LogisticModel, design: SparseDesign, rows: Int32Array): Float64Array {
  const probabilities = new Float64Array(rows.length);
  for (let at = 0; at < rows.length; at++) {
    probabilities[at] = sigmoid(linearScore(design, model.weights, rows[at] ?? 0));
  }
  return probabilities;
}
