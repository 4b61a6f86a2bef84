import { parse } from 'csv-parse/sync';
import { invalid } from '../../../../kernel/errors';

/** A rectangular extract held column by column: `cells[c][r]` is row r of column c, trimmed. */
export type DataTable = {
  columns: readonly string[];
  cells: readonly (readonly string[])[];
  rowCount: number;
};

/**
 * Reads CSV text with a header row. Short rows are padded with empty cells;
 * a row longer than the header is an error naming the row, because the extra
 * cells cannot be given a column.
 */
export function parseCsvTable(text: string): DataTable {
  let records: string[][];
  try {
    records = parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    // csv-parse names the line and the fault ("Quote Not Closed: the parsing is finished with an opening quote at line 12")
    const message = error instanceof Error ? error.message : String(error);
    throw invalid('csv-unreadable', `The CSV file cannot be read: ${message}`, [
      { path: 'file', rule: 'csv-syntax', message },
    ]);
  }
  const header = records[0];
  if (!header || header.length === 0) throw invalid('csv-empty', 'The CSV file has no header row');
  const columns = header.map((name, index) => name || `column ${index + 1}`);
  const cells: string[][] = columns.map(() => []);
  for (let r = 1; r < records.length; r++) {
    const record = records[r] ?? [];
    if (record.length > columns.length) {
      throw invalid(
        'csv-row-too-long',
        `Row ${r + 1} has ${record.length} cells but the header has ${columns.length}`,
        [{ path: `row ${r + 1}`, rule: 'row-length', message: 'more cells than header columns' }],
      );
    }
    for (let c = 0; c < columns.length; c++) (cells[c] as string[]).push(record[c] ?? '');
  }
  return { columns, cells, rowCount: records.length - 1 };
}

/** Finds a column by name, ignoring case and surrounding spaces. */
export function findColumn(table: DataTable, name: string): number {
  const wanted = name.trim().toLowerCase();
  return table.columns.findIndex((column) => column.trim().toLowerCase() === wanted);
}
