import { invalid, type ValidationIssue } from '../../../../kernel/errors';
import { detectDayMonthOrder, isMissingCell, parseDateCell } from './cell-values';
import {
  accuracyOf,
  addConfusion,
  type Confusion,
  confusionAt,
  precisionOf,
  recallOf,
  rocAuc,
} from './classification-metrics';
import { type FeatureColumn, type IgnoredColumn, profileColumns } from './column-profile';
import { stratifiedFolds, stratifiedHoldout, type TrainTestSplit, timeSplit } from './data-splits';
import { type DataTable, findColumn } from './data-table';
import { fitLeaverModel, type ModelChoice } from './model-selection';

export type ValidationScheme =
  | { kind: 'stratified-cross-validation'; folds: number; seed: number }
  | { kind: 'time-split'; dateColumn: string; testShare: number; seed: number };

export type LeaverRiskOptions = {
  /** The column that says whether the person left. */
  target: string;
  /** The value of `target` that means "left" (compared ignoring case and surrounding spaces). */
  positive: string;
  /** Defaults to 5-fold stratified cross-validation with seed 20240401. */
  validation?: ValidationScheme;
  /** Columns never to use as features (e.g. a leaving reason that records the outcome). */
  exclude?: readonly string[];
};

export type FoldReport = {
  trainRows: number;
  testRows: number;
  testPositives: number;
  model: ModelChoice;
  threshold: number;
  testAuc: number;
};

export type UsedFeature = { name: string; kind: FeatureColumn['kind'] };

export type LeaverRiskEvaluation = {
  /** Rows scored out of sample (all rows under cross-validation; the later rows under a time split). */
  n: number;
  positives: number;
  /** ROC AUC of the pooled out-of-sample probabilities. */
  auc: number;
  /** For leavers, at each fold's own threshold (chosen on its training rows), pooled. */
  precision: number;
  recall: number;
  accuracy: number;
  /** Accuracy of predicting that everybody stays. */
  baselineAccuracy: number;
  confusion: Confusion;
  validation: ValidationScheme & { trainRows?: number; cutoffDate?: string; rowsWithoutDate?: number };
  folds: FoldReport[];
  featuresUsed: UsedFeature[];
  featuresIgnored: IgnoredColumn[];
  /** Columns that on their own separate leavers almost perfectly: probably a record of the outcome. */
  warnings: string[];
};

export const defaultValidation: ValidationScheme = {
  kind: 'stratified-cross-validation',
  folds: 5,
  seed: 20240401,
};

function fail(code: string, path: string, message: string): never {
  const issue: ValidationIssue = { path, rule: code, message };
  throw invalid(code, message, [issue]);
}

/** 1 for rows whose target equals the positive value, else 0; checks there is something to learn. */
export function leaverLabels(table: DataTable, target: string, positive: string): Uint8Array {
  const targetIndex = findColumn(table, target);
  if (targetIndex < 0) {
    fail(
      'target-column-missing',
      target,
      `There is no column "${target}". The columns are: ${table.columns.join(', ')}`,
    );
  }
  const wanted = positive.trim().toLowerCase();
  const cells = table.cells[targetIndex] ?? [];
  const labels = Uint8Array.from(cells, (cell) => (cell.trim().toLowerCase() === wanted ? 1 : 0));
  if (!labels.includes(1)) {
    const seen = [...new Set(cells.filter((cell) => !isMissingCell(cell)))].slice(0, 10);
    fail(
      'positive-value-absent',
      target,
      `The value "${positive}" never occurs in column "${table.columns[targetIndex]}" (values seen: ${seen.join(', ') || 'none'})`,
    );
  }
  if (!labels.includes(0))
    fail(
      'no-stayers',
      target,
      `Every row of "${target}" is "${positive}": there is nothing to compare leavers with`,
    );
  return labels;
}

function separationWarnings(features: readonly FeatureColumn[], labels: Uint8Array): string[] {
  const warnings: string[] = [];
  const flag = (name: string, what: string, auc: number): void => {
    if (!Number.isNaN(auc) && Math.max(auc, 1 - auc) >= 0.98) {
      warnings.push(
        `"${name}" ${what} separates leavers almost perfectly (AUC ${Math.max(auc, 1 - auc).toFixed(3)}): it probably records the outcome; consider excluding it`,
      );
    }
  };
  for (const feature of features) {
    if (feature.kind === 'categorical') {
      const leavers = new Float64Array(feature.levels.length + 1);
      const totals = new Float64Array(feature.levels.length + 1);
      feature.codes.forEach((code, row) => {
        leavers[code + 1] = (leavers[code + 1] ?? 0) + (labels[row] ?? 0);
        totals[code + 1] = (totals[code + 1] ?? 0) + 1;
      });
      const rate = Float64Array.from(
        feature.codes,
        (code) => (leavers[code + 1] ?? 0) / (totals[code + 1] ?? 1),
      );
      flag(feature.name, 'on its own', rocAuc(rate, labels));
    } else {
      const missing = Float64Array.from(feature.values, (value) => (Number.isNaN(value) ? 1 : 0));
      if (missing.includes(1)) flag(feature.name, 'being blank or not', rocAuc(missing, labels));
      const observed = feature.values.map((value) =>
        Number.isNaN(value) ? Number.NEGATIVE_INFINITY : value,
      );
      flag(feature.name, 'on its own', rocAuc(observed, labels));
    }
  }
  return warnings;
}

function dateColumnDays(table: DataTable, dateColumn: string): Float64Array {
  const index = findColumn(table, dateColumn);
  if (index < 0) {
    fail(
      'date-column-missing',
      dateColumn,
      `There is no column "${dateColumn}". The columns are: ${table.columns.join(', ')}`,
    );
  }
  const cells = table.cells[index] ?? [];
  const order = detectDayMonthOrder(cells.slice(0, 5000));
  const days = Float64Array.from(cells, (cell) => parseDateCell(cell, order));
  if (days.every(Number.isNaN))
    fail('date-column-unreadable', dateColumn, `No value in "${dateColumn}" reads as a date`);
  return days;
}

const isoDate = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Trains and evaluates the leaver-risk model honestly: every row is scored by
 * a model that never saw it, with all preprocessing, model choice and the
 * alert threshold learnt inside the training rows only.
 */
export function evaluateLeaverRisk(table: DataTable, options: LeaverRiskOptions): LeaverRiskEvaluation {
  const validation = options.validation ?? defaultValidation;
  const labels = leaverLabels(table, options.target, options.positive);
  const exclude = [...(options.exclude ?? [])];
  const excludeReasons: Record<string, string> = {};
  let splits: TrainTestSplit[];
  let validationReport: LeaverRiskEvaluation['validation'] = validation;
  let innerSplit: (rows: Int32Array) => TrainTestSplit;

  if (validation.kind === 'stratified-cross-validation') {
    const positives = labels.reduce((count, label) => count + label, 0);
    const negatives = labels.length - positives;
    if (positives < validation.folds || negatives < validation.folds) {
      fail(
        'too-few-leavers',
        options.target,
        `${validation.folds}-fold cross-validation needs at least ${validation.folds} rows of each outcome; there are ${positives} with "${options.positive}" and ${negatives} without`,
      );
    }
    splits = stratifiedFolds(labels, validation.folds, validation.seed);
    innerSplit = (rows) => stratifiedHoldout(labels, rows, 0.25, validation.seed + 1);
  } else {
    const days = dateColumnDays(table, validation.dateColumn);
    exclude.push(validation.dateColumn);
    excludeReasons[validation.dateColumn] = 'used for the time-based split';
    const allRows = Int32Array.from(labels, (_, row) => row);
    const split = timeSplit(allRows, days, validation.testShare);
    const testPositives = split.test.reduce((count, row) => count + (labels[row] ?? 0), 0);
    const trainPositives = split.train.reduce((count, row) => count + (labels[row] ?? 0), 0);
    if (testPositives === 0 || trainPositives < 2) {
      fail(
        'too-few-leavers',
        options.target,
        `The time split leaves ${trainPositives} leavers to train on and ${testPositives} to test on; both sides need leavers`,
      );
    }
    splits = [split];
    innerSplit = (rows) => timeSplit(rows, days, 0.25);
    validationReport = {
      ...validation,
      trainRows: split.train.length,
      cutoffDate: isoDate(split.cutoffDay),
      rowsWithoutDate: labels.length - split.train.length - split.test.length,
    };
  }

  const profile = profileColumns(table, { target: options.target, exclude, excludeReasons });
  if (profile.features.length === 0) {
    fail('no-usable-columns', options.target, 'No column besides the target can be used as a feature');
  }

  const scored: number[] = [];
  const scores: number[] = [];
  let confusion: Confusion = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  const folds: FoldReport[] = splits.map((split) => {
    const fitted = fitLeaverModel(profile.features, labels, split.train, innerSplit);
    const testScores = fitted.score(split.test);
    const testLabels = Uint8Array.from(split.test, (row) => labels[row] ?? 0);
    confusion = addConfusion(confusion, confusionAt(testScores, testLabels, fitted.threshold));
    scored.push(...split.test);
    scores.push(...testScores);
    return {
      trainRows: split.train.length,
      testRows: split.test.length,
      testPositives: testLabels.reduce((count, label) => count + label, 0),
      model: fitted.choice,
      threshold: fitted.threshold,
      testAuc: rocAuc(testScores, testLabels),
    };
  });

  const scoredLabels = Uint8Array.from(scored, (row) => labels[row] ?? 0);
  const positives = scoredLabels.reduce((count, label) => count + label, 0);
  return {
    n: scored.length,
    positives,
    auc: rocAuc(scores, scoredLabels),
    precision: precisionOf(confusion),
    recall: recallOf(confusion),
    accuracy: accuracyOf(confusion),
    baselineAccuracy: (scored.length - positives) / scored.length,
    confusion,
    validation: validationReport,
    folds,
    featuresUsed: profile.features.map((feature) => ({ name: feature.name, kind: feature.kind })),
    featuresIgnored: profile.ignored,
    warnings: separationWarnings(profile.features, labels),
  };
}
