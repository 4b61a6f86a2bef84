import { normaliseInBatches } from './normalise';
import { detectProfile } from './profile';
import { readCsvTable } from './read-table';
import { syntheticSpendCsv } from './synthetic-spend';

export type SpendParseBench = {
  rowsPerSecond: number;
  rows: number;
  rounds: number;
  secondsPerRound: number[];
};

/**
 * Parsing and normalising speed for a spend CSV on one core: decode, CSV,
 * header detection, row normalisation with fingerprints — everything but the
 * database, batch by batch as the importer consumes it. The file is generated
 * in memory first; the figure is the median of the timed rounds after one
 * warm-up round.
 */
export function benchSpendParse(rows: number, rounds = 5): SpendParseBench {
  const { bytes, totalPence } = syntheticSpendCsv(rows);
  const secondsPerRound: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const started = performance.now();
    const table = readCsvTable(bytes, { fileName: 'synthetic-spend.csv' });
    const batches = normaliseInBatches(table, detectProfile(table.headers, 'spend').profile);
    let step = batches.next();
    while (!step.done) step = batches.next();
    const seconds = (performance.now() - started) / 1000;
    const summary = step.value;
    if (summary.imported !== rows || summary.totalPence !== totalPence) {
      throw new Error(
        `the benchmark file did not import exactly: ${JSON.stringify(summary.rejectionsByRule)}`,
      );
    }
    if (round > 0) secondsPerRound.push(seconds);
  }
  const sorted = [...secondsPerRound].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  return { rowsPerSecond: Math.round(rows / median), rows, rounds, secondsPerRound };
}
