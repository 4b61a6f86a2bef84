import type { QualityTally } from './tally';
import { FRESH_DAYS, STALE_DAYS } from './thresholds';
import { daysBetween, timeSpan } from './time-values';
import type { DimensionScore, QualityContext } from './types';

/**
 * How current the data is on the reporting date: 1 while the latest row is at
 * most FRESH_DAYS old, falling linearly to 0 at STALE_DAYS. Without rows the
 * end of the dataset's period stands in for the latest row.
 */
export function timeliness(tally: QualityTally, { period, reportingDate }: QualityContext): DimensionScore {
  let latest: string | null = null;
  for (const time of tally.times.keys()) {
    const span = timeSpan(time);
    if (span && span.last <= reportingDate && (latest === null || span.last > latest)) latest = span.last;
  }
  const basis = latest ?? period.end;
  const age = daysBetween(basis, reportingDate);
  const score =
    age <= FRESH_DAYS ? 1 : age >= STALE_DAYS ? 0 : (STALE_DAYS - age) / (STALE_DAYS - FRESH_DAYS);
  const subject = latest === null ? 'the end of the period' : 'the latest row';
  const reasons = age > FRESH_DAYS ? [`${subject} (${basis}) is ${age} days old on ${reportingDate}`] : [];
  return { score, reasons };
}
