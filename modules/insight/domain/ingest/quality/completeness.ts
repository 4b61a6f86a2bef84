import { schemaFor } from '../schema';
import type { QualityTally } from './tally';
import { REPORTED_FILL_RATE } from './thresholds';
import type { DimensionScore } from './types';

const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** The mean fill rate of the kind's expected (optional but normally present) fields. */
export function completeness(tally: QualityTally): DimensionScore {
  const rows = tally.records;
  if (rows === 0) return { score: 0, reasons: ['no rows were imported'] };
  if (tally.filled.size === 0) return { score: 1, reasons: [] };
  const { fields } = schemaFor(tally.kind);
  const reasons: string[] = [];
  let sum = 0;
  for (const [field, filled] of tally.filled) {
    const rate = filled / rows;
    sum += rate;
    if (rate < REPORTED_FILL_RATE) {
      const label = fields[field]?.label ?? field;
      reasons.push(
        filled === 0
          ? `${label} is missing from every row`
          : `${label} is filled in ${filled} of ${rows} rows (${percent(rate)})`,
      );
    }
  }
  return { score: sum / tally.filled.size, reasons };
}
