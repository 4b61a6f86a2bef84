import {
  combineQuality,
  FRESH_DAYS,
  type NormalisedRecord,
  QUALITY_LABEL_TEXT,
  type QualityDimension,
  type QualityLabel,
  type QualityScore,
  type SourceKind,
  STALE_DAYS,
  schemaFor,
} from './ingest';

/** The framework setting `insight.dataQualityThresholds`: the score every dimension must reach for each label. */
export type QualityThresholds = { automation: number; decision: number };

const DIMENSIONS: readonly QualityDimension[] = ['completeness', 'validity', 'consistency', 'timeliness'];

/** What a figure carries beside it: the label of the data it was computed from, and why. */
export type DataQuality = {
  label: QualityLabel;
  labelText: string;
  /** Each dimension's score, 0–1 (rounded to 3 places). */
  scores: Record<QualityDimension, number>;
  /** Why the label is not the next one up, and what the scores found. */
  reasons: string[];
  /** Rows the scores are over. */
  rows: number;
  /** The datasets behind the figure. */
  datasets: number;
};

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Labels scored data with an organisation's thresholds: fit for automation
 * when every dimension reaches `automation`, good enough for a human decision
 * when every dimension reaches `decision`, otherwise not fit. The weakest
 * dimension decides, so a label never hides one bad dimension behind good ones.
 */
export function labelQuality(score: QualityScore, thresholds: QualityThresholds, datasets = 1): DataQuality {
  const scores = Object.fromEntries(
    DIMENSIONS.map((dimension) => [dimension, round(score.dimensions[dimension].score)]),
  ) as Record<QualityDimension, number>;
  const below = (bar: number) =>
    DIMENSIONS.filter((dimension) => score.dimensions[dimension].score < bar).map(
      (dimension) => `${dimension} ${scores[dimension]} is below ${bar}`,
    );
  const findings = DIMENSIONS.flatMap((dimension) => score.dimensions[dimension].reasons);
  let label: QualityLabel;
  let reasons: string[];
  if (score.rows === 0) {
    label = 'not-fit';
    reasons = ['there are no rows'];
  } else if (below(thresholds.automation).length === 0) {
    label = 'fit-for-automation';
    reasons = [];
  } else if (below(thresholds.decision).length === 0) {
    label = 'good-enough-for-decision';
    reasons = below(thresholds.automation).map((reason) => `${reason} (needed for automation)`);
  } else {
    label = 'not-fit';
    reasons = below(thresholds.decision).map((reason) => `${reason} (needed for a decision)`);
  }
  return {
    label,
    labelText: QUALITY_LABEL_TEXT[label],
    scores,
    reasons: [...reasons, ...findings.slice(0, 6)],
    rows: score.rows,
    datasets,
  };
}

/** The combined label of several datasets (an organisation's, or everything behind one figure). */
export function labelDatasets(
  datasets: readonly { name: string; score: QualityScore }[],
  thresholds: QualityThresholds,
): DataQuality {
  return labelQuality(combineQuality(datasets), thresholds, datasets.length);
}

/** Data Mainstay recorded itself (the ledger, payroll): validated at entry, so only its age can count against it. */
export function platformDataQuality(
  latest: string | null,
  reportingDate: string,
  thresholds: QualityThresholds,
): DataQuality {
  const age = latest === null ? Number.POSITIVE_INFINITY : daysBetween(latest, reportingDate);
  const timeliness = age <= FRESH_DAYS ? 1 : Math.max(0, (STALE_DAYS - age) / (STALE_DAYS - FRESH_DAYS));
  const score: QualityScore = {
    label: 'fit-for-automation',
    labelReasons: [],
    rows: latest === null ? 0 : 1,
    dimensions: {
      completeness: { score: 1, reasons: [] },
      validity: { score: 1, reasons: [] },
      consistency: { score: 1, reasons: [] },
      timeliness: {
        score: timeliness,
        reasons:
          age > FRESH_DAYS && latest !== null ? [`the latest entry (${latest}) is ${age} days old`] : [],
      },
    },
  };
  return labelQuality(score, thresholds);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
}

const lastDayOf = (month: string): string => {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
};

/** A share of rows in one month that makes a file that month's extract (a few late or early rows aside). */
const MONTHLY_SHARE = 0.8;

/**
 * The period a dataset describes, for the validity and timeliness checks: the
 * calendar month most rows fall in when at least 80% do (a monthly extract
 * with a few stragglers), otherwise the whole span of its rows.
 */
export function inferPeriod(
  kind: SourceKind,
  records: readonly NormalisedRecord[],
): { start: string; end: string } | null {
  const field = schemaFor(kind).timeField;
  const times = new Map<string, { rows: number }>();
  for (const record of records) {
    const value = (record.values as Readonly<Record<string, unknown>>)[field];
    if (typeof value !== 'string') continue;
    const counts = times.get(value);
    if (counts) counts.rows += 1;
    else times.set(value, { rows: 1 });
  }
  return periodOfTimes(times, records.length);
}

/** inferPeriod from a dataset's distinct time values and how many of its `records` have each (see qualityTally). */
export function periodOfTimes(
  times: ReadonlyMap<string, { rows: number }>,
  records: number,
): { start: string; end: string } | null {
  const months = new Map<string, number>();
  let first: string | null = null;
  let last: string | null = null;
  for (const [value, { rows }] of times) {
    if (value.length < 7) continue;
    const month = value.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + rows);
    if (first === null || value < first) first = value;
    if (last === null || value > last) last = value;
  }
  if (first === null || last === null) return null;
  let busiest = '';
  let count = 0;
  for (const [month, rows] of months) {
    if (rows > count) {
      busiest = month;
      count = rows;
    }
  }
  if (count >= records * MONTHLY_SHARE) return { start: `${busiest}-01`, end: lastDayOf(busiest) };
  return {
    start: first.length === 7 ? `${first}-01` : first.slice(0, 10),
    end: last.length === 7 ? lastDayOf(last) : last.slice(0, 10),
  };
}
