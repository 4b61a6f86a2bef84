import { readFileSync } from 'node:fs';
import { type CliRuntime, type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { badRequest, errorKindStatus, isDomainError, notFound } from '../../../kernel/errors';
import {
  defaultValidation,
  evaluateLeaverRisk,
  type LeaverRiskEvaluation,
  parseCsvTable,
  type ValidationScheme,
} from '../domain/attrition';
import { decodeText } from '../domain/ingest/decode';

export type AttritionEvaluateOptions = {
  csv: string;
  target: string;
  positive: string;
  json?: boolean;
  folds: string;
  seed: string;
  timeColumn?: string;
  testShare: string;
  exclude?: string[];
};

const rounded = (value: number, places = 4): number => Math.round(value * 10 ** places) / 10 ** places;
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const count = (value: number): string => value.toLocaleString('en-GB');

function positiveInteger(text: string, option: string, minimum: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw badRequest(
      'invalid-option',
      `${option} must be a whole number of at least ${minimum}, got "${text}"`,
    );
  }
  return value;
}

function validationFrom(options: AttritionEvaluateOptions): ValidationScheme {
  const seed = positiveInteger(options.seed, '--seed', 0);
  if (options.timeColumn) {
    const testShare = Number(options.testShare);
    if (!(testShare > 0 && testShare < 1)) {
      throw badRequest('invalid-option', `--test-share must be between 0 and 1, got "${options.testShare}"`);
    }
    return { kind: 'time-split', dateColumn: options.timeColumn, testShare, seed };
  }
  return { kind: 'stratified-cross-validation', folds: positiveInteger(options.folds, '--folds', 2), seed };
}

/** The contract's six figures first, then everything else the evaluation found. */
function jsonLine(result: LeaverRiskEvaluation): string {
  return JSON.stringify({
    n: result.n,
    positives: result.positives,
    auc: rounded(result.auc),
    precision: rounded(result.precision),
    recall: rounded(result.recall),
    baselineAccuracy: rounded(result.baselineAccuracy),
    accuracy: rounded(result.accuracy),
    confusion: result.confusion,
    validation: result.validation,
    folds: result.folds.map((fold) => ({
      ...fold,
      model: { ...fold.model, validationAuc: rounded(fold.model.validationAuc) },
      threshold: rounded(fold.threshold),
      testAuc: rounded(fold.testAuc),
    })),
    featuresUsed: result.featuresUsed,
    featuresIgnored: result.featuresIgnored,
    warnings: result.warnings,
  });
}

function describeValidation(result: LeaverRiskEvaluation): string {
  const validation = result.validation;
  if (validation.kind === 'stratified-cross-validation') {
    return `${validation.folds}-fold stratified cross-validation (seed ${validation.seed}); every row scored by a model that never saw it`;
  }
  return `time split on "${validation.dateColumn}": trained on ${count(validation.trainRows ?? 0)} rows before ${validation.cutoffDate}, tested on the ${count(result.n)} from then on${validation.rowsWithoutDate ? ` (${count(validation.rowsWithoutDate)} rows without a date left out)` : ''}`;
}

function report(result: LeaverRiskEvaluation, options: AttritionEvaluateOptions): string[] {
  const line = (label: string, value: string, note = ''): string =>
    `  ${label.padEnd(28)}${value.padStart(8)}  ${note}`.trimEnd();
  const lines = [
    'Leaver-risk model: honest evaluation',
    `  ${describeValidation(result)}`,
    `  ${count(result.n)} rows scored, ${count(result.positives)} leavers ("${options.positive}" in "${options.target}", ${percent(result.positives / result.n)})`,
    '',
    line('ROC AUC', result.auc.toFixed(3), '0.5 is chance, 1 is perfect ranking'),
    line('Precision for leavers', percent(result.precision), 'of the people flagged, the share who left'),
    line('Recall for leavers', percent(result.recall), 'of the leavers, the share flagged'),
    line('Accuracy', percent(result.accuracy)),
    line(
      'Always-"stays" baseline',
      percent(result.baselineAccuracy),
      'accuracy of predicting that nobody leaves',
    ),
    '',
    'Model chosen inside each training set (on its own validation rows):',
    ...result.folds.map((fold, index) => {
      const model =
        fold.model.kind === 'linear'
          ? `linear, ridge ${fold.model.ridge}`
          : `binned additive, smoothness ${fold.model.smoothness}`;
      return `  ${index + 1}. ${model.padEnd(30)} validation AUC ${fold.model.validationAuc.toFixed(3)}  threshold ${fold.threshold.toFixed(3)}  test AUC ${fold.testAuc.toFixed(3)} (${count(fold.testRows)} rows, ${count(fold.testPositives)} leavers)`;
    }),
    '',
    `Features used (${result.featuresUsed.length}):`,
    ...result.featuresUsed.map((feature) => `  ${feature.name} (${feature.kind})`),
    `Columns ignored (${result.featuresIgnored.length}):`,
    ...result.featuresIgnored.map((column) => `  ${column.name}: ${column.reason}`),
  ];
  if (result.warnings.length > 0)
    lines.push('Warnings:', ...result.warnings.map((warning) => `  ${warning}`));
  return lines;
}

export function runAttritionEvaluate(options: AttritionEvaluateOptions, runtime: CliRuntime): number {
  try {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(options.csv);
    } catch {
      throw notFound('file-not-found', `Cannot read the file "${options.csv}"`);
    }
    const table = parseCsvTable(decodeText(bytes).text);
    const result = evaluateLeaverRisk(table, {
      target: options.target,
      positive: options.positive,
      validation: validationFrom(options),
      exclude: options.exclude ?? [],
    });
    if (options.json) runtime.out(jsonLine(result));
    else for (const text of report(result, options)) runtime.out(text);
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      runtime.note(`error: ${error.message}`);
      return errorKindStatus[error.kind].exitCode;
    }
    throw error;
  }
}

/** `mainstay insight attrition evaluate`: trains and honestly evaluates the leaver-risk model on a workforce extract. */
export const registerAttritionCommand: CommandRegistrar = (program, runtime) => {
  const insight = commandGroup(program, 'insight', 'Operational insight: import, harmonise, analyse');
  const attrition = commandGroup(
    insight,
    'attrition',
    'Early warning: leaver-risk models on workforce extracts',
  );
  attrition
    .command('evaluate')
    .description('Train and evaluate a leaver-risk model on a CSV extract with a leaver flag')
    .requiredOption('--csv <file>', 'the workforce extract (CSV with a header row)')
    .requiredOption('--target <column>', 'the column that says whether the person left')
    .requiredOption('--positive <value>', 'the value of the target column that means "left"')
    .option('--json', 'print one JSON line instead of the report')
    .option('--folds <k>', 'cross-validation folds', '5')
    .option('--seed <n>', 'seed for the fold shuffle', String(defaultValidation.seed))
    .option(
      '--time-column <column>',
      'validate on a time split instead: train on earlier dates, test on later ones',
    )
    .option('--test-share <share>', 'with --time-column, the latest share of rows to test on', '0.2')
    .option('--exclude <columns...>', 'columns never to use as features')
    .action((options: AttritionEvaluateOptions) => {
      const exitCode = runAttritionEvaluate(options, runtime);
      if (exitCode !== 0) process.exitCode = exitCode;
    });
};
