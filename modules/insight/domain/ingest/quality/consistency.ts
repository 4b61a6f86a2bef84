import { penceToNumber } from '../../../../../kernel/money';
import { schemaFor } from '../schema';
import { nameKey } from './name-key';
import type { QualityTally } from './tally';
import { CONTROL_TOTAL_MISMATCH_CAP, NAME_VARIANT_WEIGHT, REUSED_KEY_WEIGHT } from './thresholds';
import type { DimensionScore, QualityContext } from './types';

function duplicates(tally: QualityTally, reasons: string[]): number {
  const schema = schemaFor(tally.kind);
  const exact = tally.exactRepeats;
  if (exact > 0) reasons.push(`${exact} rows repeat an earlier row exactly`);
  const key = schema.duplicateKey;
  if (!key) return exact;
  const probable = tally.probableRepeats;
  let reused = 0;
  let reusedKeys = 0;
  for (const group of tally.keyGroups.values()) {
    if (typeof group === 'string') continue;
    reused += group.differing + 1;
    reusedKeys += 1;
  }
  const labels = key.map((field) => schema.fields[field]?.label ?? field).join(' + ');
  if (probable > 0)
    reasons.push(`${probable} rows repeat the ${labels}, amount, name and date of another row`);
  if (reused > 0) reasons.push(`${reused} rows share ${reusedKeys} ${labels} values with different content`);
  return exact + probable + reused * REUSED_KEY_WEIGHT;
}

function nameVariants(tally: QualityTally, reasons: string[]): number {
  const spellings = new Map<string, Map<string, number>>();
  for (const [name, count] of tally.names) {
    const key = nameKey(name);
    const keyed = spellings.get(key) ?? new Map<string, number>();
    keyed.set(name, count);
    spellings.set(key, keyed);
  }
  let variantRows = 0;
  const examples: string[] = [];
  for (const keyed of spellings.values()) {
    if (keyed.size < 2) continue;
    const counts = [...keyed.entries()].sort((a, b) => b[1] - a[1]);
    variantRows += counts.slice(1).reduce((sum, [, count]) => sum + count, 0);
    if (examples.length < 3) examples.push(counts.map(([name]) => `"${name}"`).join(' / '));
  }
  if (variantRows > 0)
    reasons.push(`${variantRows} rows use a variant spelling of a name (${examples.join('; ')})`);
  return variantRows * NAME_VARIANT_WEIGHT;
}

function lineArithmetic(tally: QualityTally, reasons: string[]): number {
  const mismatched = tally.lineValueMismatches;
  if (mismatched > 0) reasons.push(`${mismatched} lines have a value other than quantity × unit price`);
  return mismatched;
}

/**
 * Agreement within the dataset: exact and probable duplicate rows, transaction
 * keys reused for different content, spelling variants of one name, PO line
 * arithmetic, and the total against a control total when one is known.
 */
export function consistency(tally: QualityTally, { controlTotalPence }: QualityContext): DimensionScore {
  const rows = tally.records;
  if (rows === 0) return { score: 0, reasons: ['no rows were imported'] };
  const reasons: string[] = [];
  const weight = duplicates(tally, reasons) + nameVariants(tally, reasons) + lineArithmetic(tally, reasons);
  let score = Math.max(0, 1 - weight / rows);
  const { amountField } = schemaFor(tally.kind);
  if (amountField && controlTotalPence !== undefined && controlTotalPence !== null) {
    if (tally.totalPence !== controlTotalPence) {
      reasons.push(
        `the rows total ${penceToNumber(tally.totalPence)}p but the control total is ${penceToNumber(controlTotalPence)}p`,
      );
      score = Math.min(score, CONTROL_TOTAL_MISMATCH_CAP);
    }
  }
  return { score, reasons };
}
