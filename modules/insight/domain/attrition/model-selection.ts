import { bestF1Threshold, rocAuc } from './classification-metrics';
import type { FeatureColumn } from './column-profile';
import { stratifiedHoldout, type TrainTestSplit } from './data-splits';
import { encodeBinIndicators, encodeSparse, fitFeatureEncoder, type SparseDesign } from './feature-encoder';
import {
  fitLogistic,
  type Penalty,
  predictLogistic,
  prepareRows,
  type RowBlock,
} from './logistic-regression';

/**
 * The candidates, all L2-penalised logistic regressions fitted by Newton's
 * method: "linear" on standardised numbers and one-hot categories, and
 * "binned additive" on quantile-bin indicators with a smoothness penalty, which
 * lets a number act non-linearly (e.g. the first year of service being the riskiest).
 */
export const linearPenalties = [1, 10, 100] as const;
export const additiveSmoothness = [10, 100] as const;
const additiveRidge = 1;

/** The binned model must beat the best linear one by this much validation AUC to be preferred. */
const additiveMargin = 0.005;

export type ModelChoice =
  | { kind: 'linear'; ridge: number; validationAuc: number }
  | { kind: 'binned-additive'; smoothness: number; validationAuc: number };

/** A model fitted on one set of training rows, able to score any row of the same table. */
export type FittedLeaverModel = {
  choice: ModelChoice;
  /** Predict a leaver at or above this probability (F1-best on the training rows). */
  threshold: number;
  score(rows: Int32Array): Float64Array;
};

const aucOrZero = (scores: Float64Array, labels: Uint8Array, rows: Int32Array): number => {
  const auc = rocAuc(
    scores,
    Uint8Array.from(rows, (row) => labels[row] ?? 0),
  );
  return Number.isNaN(auc) ? 0 : auc;
};

/**
 * Choosing between models needs fewer rows than fitting the chosen one: on
 * a large extract the choice is made on a stratified sample of the
 * validation split (still from the training rows alone), the refit on all of them.
 */
const selectionTrainRows = 20_000;
const selectionValidationRows = 10_000;

function sampled(labels: Uint8Array, rows: Int32Array, limit: number): Int32Array {
  return rows.length <= limit ? rows : stratifiedHoldout(labels, rows, limit / rows.length, rows.length).test;
}

function capped(labels: Uint8Array, split: TrainTestSplit): TrainTestSplit {
  return {
    train: sampled(labels, split.train, selectionTrainRows),
    test: sampled(labels, split.test, selectionValidationRows),
  };
}

type Candidate = { choice: ModelChoice; design: SparseDesign; penalty: Penalty; weights?: Float64Array };

/**
 * Everything learnt from the training rows alone: the encoding, the choice of
 * model and penalty (on a validation split carved out of the training rows),
 * the refit on all training rows, and the alert threshold.
 */
export function fitLeaverModel(
  features: readonly FeatureColumn[],
  labels: Uint8Array,
  trainRows: Int32Array,
  validationSplit: (rows: Int32Array) => TrainTestSplit,
): FittedLeaverModel {
  const encoder = fitFeatureEncoder(features, trainRows);
  const linearDesign = encodeSparse(encoder, labels.length);
  const bins = encodeBinIndicators(encoder, labels.length);
  const inner = capped(labels, validationSplit(trainRows));

  const evaluate = (candidate: Candidate, block: RowBlock, start: Float64Array | undefined): Float64Array => {
    const model = fitLogistic(block, candidate.penalty, start);
    candidate.choice.validationAuc = aucOrZero(
      predictLogistic(model, candidate.design, inner.test),
      labels,
      inner.test,
    );
    candidate.weights = model.weights;
    return model.weights;
  };
  const best = (candidates: Candidate[]): Candidate =>
    candidates.reduce((winner, candidate) =>
      candidate.choice.validationAuc > winner.choice.validationAuc ? candidate : winner,
    );

  // penalties are tried strongest first so each fit starts from the previous, smoother solution
  const linear: Candidate[] = [...linearPenalties].reverse().map((ridge) => ({
    choice: { kind: 'linear', ridge, validationAuc: 0 },
    design: linearDesign,
    penalty: { ridge },
  }));
  const linearBlock = prepareRows(linearDesign, labels, inner.train);
  let start: Float64Array | undefined;
  for (const candidate of linear) start = evaluate(candidate, linearBlock, start);
  const additive: Candidate[] = [...additiveSmoothness].reverse().map((smoothness) => ({
    choice: { kind: 'binned-additive', smoothness, validationAuc: 0 },
    design: bins.design,
    penalty: { ridge: additiveRidge, smoothness: { strength: smoothness, runs: bins.orderedRuns } },
  }));
  const additiveBlock = prepareRows(bins.design, labels, inner.train);
  start = undefined;
  for (const candidate of additive) start = evaluate(candidate, additiveBlock, start);

  const bestLinear = best(linear);
  const bestAdditive = best(additive);
  const chosen =
    bestAdditive.choice.validationAuc > bestLinear.choice.validationAuc + additiveMargin
      ? bestAdditive
      : bestLinear;
  const model = fitLogistic(prepareRows(chosen.design, labels, trainRows), chosen.penalty, chosen.weights);
  const score = (rows: Int32Array): Float64Array => predictLogistic(model, chosen.design, rows);
  const threshold = bestF1Threshold(
    score(trainRows),
    Uint8Array.from(trainRows, (row) => labels[row] ?? 0),
  );
  return { choice: chosen.choice, threshold, score };
}
