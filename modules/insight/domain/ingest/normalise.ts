import type { ValidationIssue } from '../../../../kernel/errors';
import type { Pence } from '../../../../kernel/money';
import { bindColumns } from './columns';
import { type FieldReader, fieldReader, Refusal } from './field-readers';
import { type FileWarning, fileWarnings } from './file-warnings';
import { rowFingerprinter } from './fingerprint';
import { parseAmount } from './parse/amount';
import { type DateOrder, type DateOrderDecision, detectDateOrder } from './parse/dates';
import { compactKey } from './parse/text';
import type { ColumnProfile } from './profile';
import type { Table } from './read-table';
import {
  type DraftValues,
  type FieldSpec,
  fieldSpecs,
  type RecordValues,
  type SourceKind,
  schemaFor,
} from './schema';
import type { FinancialYear, IsoDate } from './values';

export type NormalisedRecord<K extends SourceKind = SourceKind> = {
  kind: K;
  sourceFile: string;
  /** The line (CSV) or worksheet row (XLSX) the row came from. */
  line: number;
  /** Stable across re-imports of the same rows: a content hash, with ":n" for the n-th repeat in the file (see rowFingerprinter). */
  fingerprint: string;
  values: RecordValues<K>;
  /** The file's unmapped columns, by header, so nothing in the row is lost. */
  extras: Readonly<Record<string, string>>;
  /** Optional values that could not be read: the value is null, the row is kept, the problem is named. */
  warnings: readonly ValidationIssue[];
};

/** A row that could not be imported, kept with its cells and every reason. */
export type Rejection = {
  sourceFile: string;
  line: number;
  fingerprint: string;
  /** The row's cells as they were in the file, in column order. */
  raw: string[];
  reason: string;
  issues: ValidationIssue[];
};

export type NormaliseSummary = {
  kind: SourceKind;
  sourceFile: string;
  fileHash: string;
  /** Data rows: non-blank rows after the header. Always imported + rejected. */
  rows: number;
  imported: number;
  rejected: number;
  blankLines: number;
  /** Sum of the kind's amount field over imported rows; null for kinds without one. */
  totalPence: Pence | null;
  /** The amount on a totals line in the file, when it has one (that line is rejected, not imported). */
  declaredTotalPence: Pence | null;
  dateOrder: DateOrderDecision | null;
  /** Earliest and latest value of the kind's time field among imported rows. */
  timeRange: { first: string; last: string } | null;
  rejectionsByRule: Record<string, number>;
  warnings: FileWarning[];
};

export type NormaliseResult<K extends SourceKind = SourceKind> = {
  records: NormalisedRecord<K>[];
  rejections: Rejection[];
  summary: NormaliseSummary;
};

/** A slice of a file's rows, normalised: what an importer writes in one transaction. */
export type NormaliseBatch<K extends SourceKind = SourceKind> = {
  records: NormalisedRecord<K>[];
  rejections: Rejection[];
};

export type NormaliseOptions = {
  /** The as-at date of a snapshot extract with no as-at column (staff in post); also scopes the fingerprints. */
  asAt?: IsoDate;
  /** Overrides the date order detected from the file's values. */
  dateOrder?: DateOrder;
  /** Added to every fingerprint: separates datasets whose rows may legitimately repeat. */
  fingerprintScope?: string;
};

type BoundField = { field: string; spec: FieldSpec; index: number; header: string; read: FieldReader };

/** Shared by every record without extras or warnings, so a million clean rows do not allocate a million empty objects. */
const NO_EXTRAS: Readonly<Record<string, string>> = Object.freeze({});
const NO_WARNINGS: readonly ValidationIssue[] = Object.freeze([]);

const TOTAL_LINE_KEYS = new Set(['total', 'totals', 'grandtotal', 'totalspend', 'totalamount']);

/** Financial years first: period columns read "period 1" with the row's financial year. */
const readingOrder = (spec: FieldSpec): number =>
  spec.type === 'financial-year' ? 0 : spec.type === 'period' ? 2 : 1;

function* cellsOf(table: Table, columns: readonly number[]): Generator<string> {
  for (const row of table.rows) for (const index of columns) yield row.cells[index] ?? '';
}

function isTotalsLine(cells: readonly string[]): boolean {
  const first = cells.find((cell) => cell.trim() !== '');
  if (first === undefined || first.length > 20) return false;
  const initial = first.trim().charAt(0).toLowerCase();
  return (initial === 't' || initial === 'g') && TOTAL_LINE_KEYS.has(compactKey(first));
}

const issuePath = (line: number, column: string): string => `row ${line}, ${column}`;

/** Empty or only spaces; the first character settles it for nearly every cell. */
function isBlankCell(cell: string): boolean {
  if (cell.length === 0) return true;
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first !== 0xa0 && first !== 0xfeff) return false;
  return cell.trim() === '';
}

export const DEFAULT_BATCH_ROWS = 10_000;

/**
 * Turns a table into normalised records of one kind using a column profile,
 * a batch of rows at a time, so an importer can write each batch and let it
 * go; the generator's return value is the file's summary. Every data row
 * becomes either a record or a rejection naming each problem by line and
 * column. A file missing a required column is refused as a whole before any
 * row is read (`ingest-missing-required-column`, or `ingest-profile-mismatch`
 * when a saved profile's column has gone), so a file is never half-imported silently.
 */
export function* normaliseInBatches<K extends SourceKind>(
  table: Table,
  profile: ColumnProfile<K>,
  options: NormaliseOptions = {},
  batchRows: number = DEFAULT_BATCH_ROWS,
): Generator<NormaliseBatch<K>, NormaliseSummary, undefined> {
  const kind = profile.kind;
  const schema = schemaFor(kind);
  const { bound, extras, absentSaved } = bindColumns(table, profile, schema, options.asAt !== undefined);

  const dateColumns = bound
    .filter((entry) => schema.fields[entry.field]?.type === 'date')
    .map((entry) => entry.index);
  const dateOrder: DateOrderDecision | null =
    options.dateOrder !== undefined
      ? { order: options.dateOrder, evidence: 'given', dayFirstValues: 0, monthFirstValues: 0 }
      : dateColumns.length > 0
        ? detectDateOrder(cellsOf(table, dateColumns))
        : null;
  const context = {
    order: dateOrder?.order ?? 'day-first',
    excelSerials: table.source.format === 'xlsx',
  } as const;

  const fields: BoundField[] = bound
    .flatMap((entry) => {
      const spec = schema.fields[entry.field];
      return spec ? [{ ...entry, spec, read: fieldReader(spec, context) }] : [];
    })
    .sort((a, b) => readingOrder(a.spec) - readingOrder(b.spec));
  const financialYearField = fields.find((entry) => entry.spec.type === 'financial-year')?.field;
  const headerOf = (field: string): string =>
    fields.find((entry) => entry.field === field)?.header ?? schema.fields[field]?.label ?? field;
  const requiredFields = fieldSpecs(schema)
    .filter(([, spec]) => spec.presence === 'required')
    .map(([field]) => field);
  const emptyValues: DraftValues = Object.fromEntries(fieldSpecs(schema).map(([field]) => [field, null]));
  const amountColumn = fields.find((entry) => entry.field === schema.amountField)?.index;
  // A snapshot's as-at date is part of what a row says even when no column holds it: the same
  // employee in two months' staff-in-post files is two rows, not a re-import.
  const scope = [kind, options.fingerprintScope ?? '', options.asAt ?? ''].join('\u001e');
  const fingerprint = rowFingerprinter(table.headers, scope);
  const headerCount = table.headers.length;
  const { amountField, timeField, datasetDateField } = schema;
  const refineContext = { asAt: options.asAt ?? null };

  let records: NormalisedRecord<K>[] = [];
  let rejections: Rejection[] = [];
  let imported = 0;
  let rejected = 0;
  const rejectionsByRule: Record<string, number> = {};
  let declaredTotal: bigint | null = null;
  let total = 0n;
  let first: string | null = null;
  let last: string | null = null;

  const reject = (line: number, cells: string[], rowFingerprint: string, issues: ValidationIssue[]) => {
    for (const issue of issues) rejectionsByRule[issue.rule] = (rejectionsByRule[issue.rule] ?? 0) + 1;
    const reason = issues
      .map((issue) => `${issue.path.replace(/^row \d+, /, '')}: ${issue.message}`)
      .join('; ');
    rejections.push({
      sourceFile: table.fileName,
      line,
      fingerprint: rowFingerprint,
      raw: cells,
      reason,
      issues,
    });
    rejected += 1;
  };

  let inBatch = 0;
  for (const { line, cells } of table.rows) {
    if (inBatch === batchRows) {
      yield { records, rejections };
      records = [];
      rejections = [];
      inBatch = 0;
    }
    inBatch += 1;
    const rowFingerprint = fingerprint(cells);
    if (cells.length > headerCount && cells.slice(headerCount).some((cell) => !isBlankCell(cell))) {
      reject(line, cells, rowFingerprint, [
        {
          path: issuePath(line, 'columns'),
          rule: 'column-count',
          message: `the row has ${cells.length} cells but the header has ${headerCount} (an unquoted comma?)`,
        },
      ]);
      continue;
    }
    if (isTotalsLine(cells)) {
      if (amountColumn !== undefined) {
        const amount = parseAmount(cells[amountColumn] ?? '');
        if (amount.ok) declaredTotal = amount.value;
      }
      reject(line, cells, rowFingerprint, [
        { path: issuePath(line, 'row'), rule: 'totals-line', message: 'a totals line, not a transaction' },
      ]);
      continue;
    }

    const values: DraftValues = { ...emptyValues };
    let issues: ValidationIssue[] | null = null;
    let warnings: ValidationIssue[] | null = null;
    for (const entry of fields) {
      const cell = cells[entry.index];
      if (cell === undefined || isBlankCell(cell)) continue;
      const financialYear = financialYearField ? (values[financialYearField] as FinancialYear | null) : null;
      const outcome = entry.read(cell, financialYear);
      if (!(outcome instanceof Refusal)) {
        values[entry.field] = outcome === '' ? null : outcome;
      } else if (entry.spec.presence === 'required') {
        issues ??= [];
        issues.push({ path: issuePath(line, entry.header), rule: outcome.rule, message: outcome.message });
      } else {
        warnings ??= [];
        warnings.push({ path: issuePath(line, entry.header), rule: outcome.rule, message: outcome.message });
      }
    }
    if (datasetDateField && values[datasetDateField] === null && options.asAt) {
      values[datasetDateField] = options.asAt;
    }
    if (schema.refine) {
      for (const problem of schema.refine(values, refineContext)) {
        issues ??= [];
        issues.push({
          path: issuePath(line, headerOf(problem.field)),
          rule: problem.rule,
          message: problem.message,
        });
      }
    }
    for (const field of requiredFields) {
      if (values[field] !== null) continue;
      const path = issuePath(line, headerOf(field));
      if (issues?.some((issue) => issue.path === path)) continue;
      issues ??= [];
      issues.push({
        path,
        rule: 'required-value',
        message: `${schema.fields[field]?.label ?? field} is empty`,
      });
    }
    if (issues) {
      reject(line, cells, rowFingerprint, issues);
      continue;
    }

    let extraValues: Record<string, string> | null = null;
    for (const extra of extras) {
      const cell = cells[extra.index];
      if (cell === undefined || cell === '') continue;
      extraValues ??= {};
      extraValues[extra.header] = cell;
    }
    if (amountField) {
      const amount = values[amountField];
      if (typeof amount === 'bigint') total += amount;
    }
    const time = values[timeField];
    if (typeof time === 'string') {
      if (first === null || time < first) first = time;
      if (last === null || time > last) last = time;
    }
    records.push({
      kind,
      sourceFile: table.fileName,
      line,
      fingerprint: rowFingerprint,
      // Every required field was checked non-null above and each value was read by its field's type.
      values: values as RecordValues<K>,
      extras: extraValues ?? NO_EXTRAS,
      warnings: warnings ?? NO_WARNINGS,
    });
    imported += 1;
  }
  if (records.length > 0 || rejections.length > 0) yield { records, rejections };

  return {
    kind,
    sourceFile: table.fileName,
    fileHash: table.fileHash,
    rows: table.rows.length,
    imported,
    rejected,
    blankLines: table.blankLines.length,
    totalPence: amountField ? (total as Pence) : null,
    declaredTotalPence: declaredTotal as Pence | null,
    dateOrder,
    timeRange: first !== null && last !== null ? { first, last } : null,
    rejectionsByRule,
    warnings: fileWarnings(table, absentSaved, schema),
  };
}

/** The whole file at once: every record, every rejection and the summary. See normaliseInBatches. */
export function normaliseRows<K extends SourceKind>(
  table: Table,
  profile: ColumnProfile<K>,
  options: NormaliseOptions = {},
): NormaliseResult<K> {
  const records: NormalisedRecord<K>[] = [];
  const rejections: Rejection[] = [];
  const batches = normaliseInBatches(table, profile, options);
  for (;;) {
    const step = batches.next();
    if (step.done) return { records, rejections, summary: step.value };
    for (const record of step.value.records) records.push(record);
    for (const rejection of step.value.rejections) rejections.push(rejection);
  }
}
