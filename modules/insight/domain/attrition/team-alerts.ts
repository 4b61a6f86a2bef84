import { invalid } from '../../../../kernel/errors';

/**
 * Team-level early warning: a measure that has risen month after month, or
 * that stands well above the ICS median, raises an alert that says exactly
 * which figures triggered it.
 */
export type TeamMeasure = 'turnover' | 'leavers' | 'sickness-absence' | 'agency-share';

/** Rates are fractions (0.041 is 4.1%); leavers is a count of people. */
const measures: Record<TeamMeasure, { label: string; unit: 'rate' | 'count' }> = {
  turnover: { label: 'staff turnover', unit: 'rate' },
  leavers: { label: 'leavers', unit: 'count' },
  'sickness-absence': { label: 'sickness absence', unit: 'rate' },
  'agency-share': { label: 'agency share of pay', unit: 'rate' },
};

/** A calendar month as `YYYY-MM`. */
export type MonthlyValue = { month: string; value: number };

export type TeamSeries = {
  organisation: string;
  team: string;
  measure: TeamMeasure;
  values: readonly MonthlyValue[];
};

/** How far above the ICS median is too far: both parts must be exceeded (a missing part is no limit). */
export type MedianMargin = { relative?: number; absolute?: number };

export type EarlyWarningRules = {
  /** A run of this many consecutive months, each higher than the month before, raises an alert (the example's 3 months show 2 rises). */
  risingMonths: number;
  marginAboveMedian: Record<TeamMeasure, MedianMargin>;
  /** Alert on either trigger, or only when both fire. */
  require: 'either' | 'both';
  /** Judge every series at this month; by default each at its own latest month. */
  asOfMonth?: string;
  /** ICS medians by measure and month; by default the median of the series given, team by team. */
  icsMedians?: Partial<Record<TeamMeasure, Readonly<Record<string, number>>>>;
};

export const defaultEarlyWarningRules: EarlyWarningRules = {
  risingMonths: 3,
  marginAboveMedian: {
    turnover: { relative: 0.25 },
    leavers: { relative: 0.5, absolute: 2 },
    'sickness-absence': { relative: 0.25 },
    'agency-share': { relative: 0.25 },
  },
  require: 'either',
};

export type AlertTrigger =
  | { kind: 'rising'; months: MonthlyValue[] }
  | { kind: 'above-ics-median'; month: string; value: number; median: number; margin: MedianMargin };

export type TeamAlert = {
  organisation: string;
  team: string;
  measure: TeamMeasure;
  month: string;
  /** "alert" when both triggers fire, "watch" when one does. */
  severity: 'alert' | 'watch';
  triggers: AlertTrigger[];
  /** What triggered it, in words and figures. */
  message: string;
};

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthNumber(month: string, path: string): number {
  const match = monthPattern.exec(month);
  if (!match)
    throw invalid('invalid-month', `"${month}" is not a month written YYYY-MM`, [
      { path, rule: 'month', message: 'must be YYYY-MM' },
    ]);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] ?? 0) + (sorted[Math.ceil(middle)] ?? 0)) / 2;
}

function formatValue(measure: TeamMeasure, value: number): string {
  return measures[measure].unit === 'rate'
    ? `${(value * 100).toFixed(1)}%`
    : `${Math.round(value * 10) / 10}`;
}

function formatDifference(measure: TeamMeasure, difference: number): string {
  return measures[measure].unit === 'rate'
    ? `${(difference * 100).toFixed(1)} percentage points`
    : `${Math.round(difference * 10) / 10} more`;
}

function formatMargin(measure: TeamMeasure, margin: MedianMargin): string {
  const parts = [
    margin.relative === undefined ? '' : `${Math.round(margin.relative * 100)}% above it`,
    margin.absolute === undefined
      ? ''
      : `${measures[measure].unit === 'rate' ? `${(margin.absolute * 100).toFixed(1)} points` : margin.absolute} over it`,
  ].filter(Boolean);
  return parts.length === 0 ? 'any amount above it' : parts.join(' and ');
}

/** Medians across all given series of a measure, month by month. */
function mediansFromSeries(series: readonly TeamSeries[]): Map<string, number> {
  const byKey = new Map<string, number[]>();
  for (const one of series) {
    for (const point of one.values) {
      const key = `${one.measure} ${point.month}`;
      byKey.set(key, [...(byKey.get(key) ?? []), point.value]);
    }
  }
  return new Map([...byKey].map(([key, values]) => [key, median(values)]));
}

function risingRun(points: readonly MonthlyValue[], at: number, numbers: readonly number[]): MonthlyValue[] {
  let start = at;
  while (
    start > 0 &&
    numbers[start - 1] === (numbers[start] ?? 0) - 1 &&
    (points[start - 1]?.value ?? 0) < (points[start]?.value ?? 0)
  ) {
    start--;
  }
  return points.slice(start, at + 1);
}

/** The alerts for every team series, most serious first, then by organisation, team and measure. */
export function teamEarlyWarnings(
  series: readonly TeamSeries[],
  rules: EarlyWarningRules = defaultEarlyWarningRules,
): TeamAlert[] {
  const computedMedians = mediansFromSeries(series);
  const medianFor = (measure: TeamMeasure, month: string): number | undefined =>
    rules.icsMedians?.[measure]?.[month] ?? computedMedians.get(`${measure} ${month}`);
  const alerts: TeamAlert[] = [];

  series.forEach((one, index) => {
    const path = `series[${index}]`;
    const points = [...one.values].sort((a, b) => monthNumber(a.month, path) - monthNumber(b.month, path));
    const numbers = points.map((point) => monthNumber(point.month, path));
    numbers.forEach((number, at) => {
      if (at > 0 && numbers[at - 1] === number) {
        throw invalid(
          'duplicate-month',
          `${one.team} has two ${one.measure} values for ${points[at]?.month}`,
          [{ path, rule: 'one-value-per-month', message: `two values for ${points[at]?.month}` }],
        );
      }
    });
    const at =
      rules.asOfMonth === undefined
        ? points.length - 1
        : numbers.indexOf(monthNumber(rules.asOfMonth, 'asOfMonth'));
    const current = points[at];
    if (!current) return;

    const label = measures[one.measure].label;
    const icsMedian = medianFor(one.measure, current.month);
    const triggers: AlertTrigger[] = [];
    const sentences: string[] = [];

    const run = risingRun(points, at, numbers);
    if (run.length >= rules.risingMonths) {
      triggers.push({ kind: 'rising', months: run });
      const medianNote = icsMedian === undefined ? '' : `, ICS median ${formatValue(one.measure, icsMedian)}`;
      sentences.push(
        `${label} rose for ${run.length} consecutive months: ${run.map((point) => formatValue(one.measure, point.value)).join(' → ')}${medianNote}`,
      );
    }

    const margin = rules.marginAboveMedian[one.measure];
    if (icsMedian !== undefined) {
      const difference = current.value - icsMedian;
      const aboveRelative =
        margin.relative === undefined || current.value > icsMedian * (1 + margin.relative);
      const aboveAbsolute = margin.absolute === undefined || difference > margin.absolute;
      if (difference > 0 && aboveRelative && aboveAbsolute) {
        triggers.push({
          kind: 'above-ics-median',
          month: current.month,
          value: current.value,
          median: icsMedian,
          margin,
        });
        sentences.push(
          `${label} of ${formatValue(one.measure, current.value)} in ${current.month} is ${formatDifference(one.measure, difference)} above the ICS median of ${formatValue(one.measure, icsMedian)} (alert at ${formatMargin(one.measure, margin)})`,
        );
      }
    }

    if (triggers.length === 0 || (rules.require === 'both' && triggers.length < 2)) return;
    alerts.push({
      organisation: one.organisation,
      team: one.team,
      measure: one.measure,
      month: current.month,
      severity: triggers.length === 2 ? 'alert' : 'watch',
      triggers,
      message: `${one.team} (${one.organisation}): ${sentences.join('; ')}`,
    });
  });

  const severityRank = { alert: 0, watch: 1 };
  return alerts.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      a.organisation.localeCompare(b.organisation) ||
      a.team.localeCompare(b.team) ||
      a.measure.localeCompare(b.measure),
  );
}
