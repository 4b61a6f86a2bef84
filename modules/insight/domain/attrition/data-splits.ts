import { seededRandom } from './seeded-random';

/** Rows used to fit and rows used to score, as row numbers of the table. */
export type TrainTestSplit = { train: Int32Array; test: Int32Array };

/**
 * k folds with the leaver share kept in each: leavers and stayers are
 * shuffled separately (seeded) and dealt round-robin, so fold sizes and
 * leaver counts differ by at most one.
 */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): TrainTestSplit[] {
  const random = seededRandom(seed);
  const rowsWith = (label: number): number[] => {
    const rows: number[] = [];
    labels.forEach((value, row) => {
      if (value === label) rows.push(row);
    });
    return random.shuffle(rows);
  };
  // the stayers are dealt on from where the leavers stopped, so fold sizes stay within one of each other
  const dealt = [...rowsWith(1), ...rowsWith(0)];
  const foldOf = new Int32Array(labels.length);
  dealt.forEach((row, position) => {
    foldOf[row] = position % folds;
  });
  return Array.from({ length: folds }, (_, fold) => {
    const train: number[] = [];
    const test: number[] = [];
    foldOf.forEach((assigned, row) => {
      (assigned === fold ? test : train).push(row);
    });
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/** One stratified holdout: a share of each class (seeded) for validation, the rest for fitting. */
export function stratifiedHoldout(
  labels: Uint8Array,
  rows: Int32Array,
  validationShare: number,
  seed: number,
): TrainTestSplit {
  const random = seededRandom(seed);
  const held = new Uint8Array(labels.length);
  for (const label of [1, 0]) {
    const members: number[] = [];
    for (const row of rows) if (labels[row] === label) members.push(row);
    random.shuffle(members);
    const cut = Math.round(members.length * validationShare);
    for (let at = 0; at < cut; at++) held[members[at] ?? 0] = 1;
  }
  let validationCount = 0;
  for (const row of rows) validationCount += held[row] ?? 0;
  const train = new Int32Array(rows.length - validationCount);
  const validation = new Int32Array(validationCount);
  let trainAt = 0;
  let validationAt = 0;
  // rows keep their table order on both sides
  for (const row of Int32Array.from(rows).sort()) {
    if (held[row]) validation[validationAt++] = row;
    else train[trainAt++] = row;
  }
  return { train, test: validation };
}

/**
 * Earlier rows to fit, the latest share to test, cut between two different
 * dates so that no date is on both sides. Rows without a date take no part.
 */
export function timeSplit(
  rows: Int32Array,
  days: Float64Array,
  testShare: number,
): TrainTestSplit & { cutoffDay: number } {
  const dated = Array.from(rows).filter((row) => !Number.isNaN(days[row] ?? Number.NaN));
  dated.sort((a, b) => (days[a] ?? 0) - (days[b] ?? 0) || a - b);
  let cut = Math.min(dated.length - 1, Math.max(1, Math.round(dated.length * (1 - testShare))));
  const cutoffDay = days[dated[cut] ?? 0] ?? Number.NaN;
  while (cut > 0 && (days[dated[cut - 1] ?? 0] ?? 0) === cutoffDay) cut--;
  return {
    train: Int32Array.from(dated.slice(0, cut).sort((a, b) => a - b)),
    test: Int32Array.from(dated.slice(cut).sort((a, b) => a - b)),
    cutoffDay,
  };
}
