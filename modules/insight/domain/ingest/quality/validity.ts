import type { QualityTally } from './tally';
import { OUT_OF_PERIOD_WEIGHT } from './thresholds';
import { timeSpan } from './time-values';
import type { DimensionScore, QualityContext } from './types';

/**
 * The share of the file's rows that were imported and pass every field check:
 * no unreadable optional value, and dated inside the dataset's period (a
 * spend file for April with payments from 2018 is either mislabelled or
 * carries another date than the guidance asks for; such rows count as half
 * doubtful, see OUT_OF_PERIOD_WEIGHT).
 */
export function validity(tally: QualityTally, { period }: QualityContext): DimensionScore {
  const rejected = tally.rejections;
  const rows = tally.records + rejected;
  if (rows === 0) return { score: 0, reasons: ['the dataset has no rows'] };
  let outOfPeriod = 0;
  let doubtful = tally.withWarnings;
  for (const [time, counts] of tally.times) {
    const span = timeSpan(time);
    if (span === null || (span.last >= period.start && span.first <= period.end)) continue;
    outOfPeriod += counts.rows;
    doubtful += counts.withoutWarnings * OUT_OF_PERIOD_WEIGHT;
  }
  const reasons: string[] = [];
  if (rejected > 0) {
    const byRule = [...tally.rejectionRules].map(([rule, count]) => `${rule} ${count}`).join(', ');
    reasons.push(`${rejected} of ${rows} rows were rejected (${byRule})`);
  }
  if (outOfPeriod > 0) {
    reasons.push(`${outOfPeriod} rows are dated outside the period ${period.start} to ${period.end}`);
  }
  if (tally.withWarnings > 0)
    reasons.push(`${tally.withWarnings} rows have optional values that could not be read`);
  return { score: (rows - rejected - doubtful) / rows, reasons };
}
