import { detectDayMonthOrder, isMissingCell, parseDateCell, parseNumberCell } from './cell-values';
import { type DataTable, findColumn } from './data-table';

/** A column the model may learn from, already parsed: numbers (NaN = missing) or category codes (-1 = missing). */
export type FeatureColumn =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'date'; values: Float64Array }
  | { name: string; kind: 'categorical'; codes: Int32Array; levels: readonly string[] };

export type IgnoredColumn = { name: string; reason: string };

export type ColumnProfile = { features: FeatureColumn[]; ignored: IgnoredColumn[] };

export type ProfileOptions = {
  /** The outcome column; never a feature. */
  target: string;
  /** Columns the caller excludes (e.g. a leaving date that records the outcome). */
  exclude?: readonly string[];
  /** Why each excluded column is left out, by column name (defaults to "excluded by the caller"). */
  excludeReasons?: Readonly<Record<string, string>>;
};

/** Whole column names that identify a person or record rather than describe them ("Number of dependants" is not one). */
const identifierName =
  /^(?:id|.*[ _]id|identifier|.*\bnumber|.*\bno|.*\bref|.*\breference|nhs|employee|staff|person|uuid|guid|e-?mail.*|(?:first |last |sur|fore|full )?name)$/;

const readableShare = 0.98;

function normalisedName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function share(count: number, total: number): string {
  return `${Math.round((count / total) * 100)}%`;
}

/**
 * Decides, from the data alone and before any split, what each column is:
 * a number, a date, a category, or something to ignore (an identifier, free
 * text, a constant) — with the reason, so the report can say why.
 */
export function profileColumns(table: DataTable, options: ProfileOptions): ColumnProfile {
  const targetIndex = findColumn(table, options.target);
  const excluded = new Set((options.exclude ?? []).map((name) => name.trim().toLowerCase()));
  const features: FeatureColumn[] = [];
  const ignored: IgnoredColumn[] = [];
  table.columns.forEach((name, index) => {
    if (index === targetIndex) return;
    const excludedKey = name.trim().toLowerCase();
    if (excluded.has(excludedKey)) {
      const reason = Object.entries(options.excludeReasons ?? {}).find(
        ([column]) => column.trim().toLowerCase() === excludedKey,
      );
      ignored.push({ name, reason: reason?.[1] ?? 'excluded by the caller' });
      return;
    }
    const outcome = profileColumn(name, table.cells[index] ?? []);
    if ('reason' in outcome) ignored.push(outcome);
    else features.push(outcome);
  });
  return { features, ignored };
}

/** A quick look at the first values before reading a whole column one way. */
function readsMostlyAs(present: readonly string[], read: (cell: string) => number): boolean {
  const sample = present.slice(0, 1000);
  return sample.filter((cell) => !Number.isNaN(read(cell))).length >= readableShare * sample.length;
}

function parseAll(cells: readonly string[], read: (cell: string) => number): Float64Array {
  const values = new Float64Array(cells.length);
  cells.forEach((cell, row) => {
    values[row] = isMissingCell(cell) ? Number.NaN : read(cell);
  });
  return values;
}

function countReadable(values: Float64Array): number {
  let count = 0;
  for (const value of values) if (!Number.isNaN(value)) count++;
  return count;
}

function profileColumn(name: string, cells: readonly string[]): FeatureColumn | IgnoredColumn {
  const present = cells.filter((cell) => !isMissingCell(cell));
  if (present.length === 0) return { name, reason: 'no values' };
  const distinct = new Set(present);
  if (distinct.size === 1 && present.length === cells.length) {
    return { name, reason: `the same value in every row ("${present[0]}")` };
  }
  const nearlyUnique = distinct.size >= 0.95 * present.length;
  if (identifierName.test(normalisedName(name)) && distinct.size > 0.05 * present.length) {
    return { name, reason: `its name marks an identifier (${distinct.size} distinct values)` };
  }

  const numbers = readsMostlyAs(present, parseNumberCell) ? parseAll(cells, parseNumberCell) : undefined;
  if (numbers && countReadable(numbers) >= readableShare * present.length) {
    const wholeNumbers = numbers.every((value) => Number.isNaN(value) || Number.isInteger(value));
    if (wholeNumbers && nearlyUnique && distinct.size > 20) {
      return {
        name,
        reason: `whole numbers unique per row (${share(distinct.size, present.length)} distinct): an identifier`,
      };
    }
    return { name, kind: 'numeric', values: numbers };
  }

  const order = detectDayMonthOrder(present.slice(0, 5000));
  const readDate = (cell: string): number => parseDateCell(cell, order);
  const days = readsMostlyAs(present, readDate) ? parseAll(cells, readDate) : undefined;
  if (days && countReadable(days) >= readableShare * present.length)
    return { name, kind: 'date', values: days };

  if (nearlyUnique) {
    return {
      name,
      reason: `text unique per row (${share(distinct.size, present.length)} distinct): an identifier or free text`,
    };
  }
  if (distinct.size > 50 && distinct.size > 0.5 * present.length) {
    return { name, reason: `free text with very high cardinality (${distinct.size} distinct values)` };
  }
  return categorical(name, cells);
}

function categorical(name: string, cells: readonly string[]): FeatureColumn {
  const levels: string[] = [];
  const levelIndex = new Map<string, number>();
  const codes = new Int32Array(cells.length);
  cells.forEach((cell, row) => {
    if (isMissingCell(cell)) {
      codes[row] = -1;
      return;
    }
    const key = cell.toLowerCase();
    let code = levelIndex.get(key);
    if (code === undefined) {
      code = levels.length;
      levels.push(cell);
      levelIndex.set(key, code);
    }
    codes[row] = code;
  });
  return { name, kind: 'categorical', codes, levels };
}
