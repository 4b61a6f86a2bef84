export {
  accuracyOf,
  bestF1Threshold,
  type Confusion,
  confusionAt,
  precisionOf,
  recallOf,
  rocAuc,
} from './classification-metrics';
export { type ColumnProfile, type FeatureColumn, type IgnoredColumn, profileColumns } from './column-profile';
export { stratifiedFolds, stratifiedHoldout, type TrainTestSplit, timeSplit } from './data-splits';
export { type DataTable, findColumn, parseCsvTable } from './data-table';
export {
  defaultValidation,
  evaluateLeaverRisk,
  type FoldReport,
  type LeaverRiskEvaluation,
  type LeaverRiskOptions,
  leaverLabels,
  type UsedFeature,
  type ValidationScheme,
} from './leaver-risk';
export { type FittedLeaverModel, fitLeaverModel, type ModelChoice } from './model-selection';
export { type SeededRandom, seededRandom } from './seeded-random';
export { type SyntheticWorkforceOptions, syntheticWorkforceExtract } from './synthetic-workforce';
export {
  type AlertTrigger,
  defaultEarlyWarningRules,
  type EarlyWarningRules,
  type MedianMargin,
  type MonthlyValue,
  type TeamAlert,
  type TeamMeasure,
  type TeamSeries,
  teamEarlyWarnings,
} from './team-alerts';
