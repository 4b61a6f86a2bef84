import { completeness } from './completeness';
import { consistency } from './consistency';
import { type QualityTally, qualityTally } from './tally';
import {
  FIT_FOR_AUTOMATION,
  GOOD_ENOUGH_FOR_DECISION,
  type QualityDimension,
  type QualityLabel,
  type Thresholds,
} from './thresholds';
import { timeliness } from './timeliness';
import type { DimensionScore, QualityContext, QualityInput, QualityScore } from './types';
import { validity } from './validity';

const DIMENSIONS: readonly QualityDimension[] = ['completeness', 'validity', 'consistency', 'timeliness'];

const round = (value: number): number => Math.round(value * 1000) / 1000;

function shortfalls(
  dimensions: Record<QualityDimension, DimensionScore>,
  thresholds: Thresholds,
  purpose: string,
) {
  return DIMENSIONS.filter((dimension) => dimensions[dimension].score < thresholds[dimension]).map(
    (dimension) =>
      `${dimension} ${round(dimensions[dimension].score)} is below the ${thresholds[dimension]} needed ${purpose}`,
  );
}

/** The label the four scores earn, with the reasons it is not the next one up. */
export function labelFor(dimensions: Record<QualityDimension, DimensionScore>, rows: number) {
  if (rows === 0) return { label: 'not-fit' as QualityLabel, labelReasons: ['the dataset has no rows'] };
  const forAutomation = shortfalls(dimensions, FIT_FOR_AUTOMATION, 'for automation');
  if (forAutomation.length === 0) return { label: 'fit-for-automation' as QualityLabel, labelReasons: [] };
  const forDecision = shortfalls(dimensions, GOOD_ENOUGH_FOR_DECISION, 'for a decision');
  if (forDecision.length === 0) {
    return { label: 'good-enough-for-decision' as QualityLabel, labelReasons: forAutomation };
  }
  return { label: 'not-fit' as QualityLabel, labelReasons: forDecision };
}

/** Scores one dataset from its tally (see qualityTally) and labels what it is fit for. */
export function scoreTally(tally: QualityTally, context: QualityContext): QualityScore {
  const dimensions = {
    completeness: completeness(tally),
    validity: validity(tally, context),
    consistency: consistency(tally, context),
    timeliness: timeliness(tally, context),
  };
  const rows = tally.records + tally.rejections;
  return { ...labelFor(dimensions, rows), dimensions, rows };
}

/** Scores one dataset (the records and rejections of one import) and labels what it is fit for. */
export function scoreQuality(input: QualityInput): QualityScore {
  const tally = qualityTally(input.kind);
  for (const record of input.records) tally.addRecord(record);
  for (const rejection of input.rejections) tally.addRejection(rejection);
  return scoreTally(tally, input);
}

/**
 * An organisation's (or any group's) quality from its datasets' scores: each
 * dimension is the row-weighted mean, the reasons are kept with the dataset
 * they came from, and the label is earned afresh from the combined scores.
 */
export function combineQuality(datasets: readonly { name: string; score: QualityScore }[]): QualityScore {
  const rows = datasets.reduce((sum, dataset) => sum + dataset.score.rows, 0);
  const combine = (dimension: QualityDimension): DimensionScore => ({
    score:
      rows === 0
        ? 0
        : datasets.reduce(
            (sum, dataset) => sum + dataset.score.dimensions[dimension].score * dataset.score.rows,
            0,
          ) / rows,
    reasons: datasets.flatMap((dataset) =>
      dataset.score.dimensions[dimension].reasons.map((reason) => `${dataset.name}: ${reason}`),
    ),
  });
  const dimensions = {
    completeness: combine('completeness'),
    validity: combine('validity'),
    consistency: combine('consistency'),
    timeliness: combine('timeliness'),
  };
  return { ...labelFor(dimensions, rows), dimensions, rows };
}
