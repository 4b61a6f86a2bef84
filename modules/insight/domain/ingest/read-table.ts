import { hash } from 'node:crypto';
import { type Delimiter, type LineEndings, parseCsv } from './csv';
import { type Decoding, decodeText, type TextEncoding } from './decode';
import { ingestError } from './errors';
import { readWorkbook } from './xlsx';

export type TableRow = { line: number; cells: string[] };

export type CsvSource = {
  format: 'csv';
  decoding: Decoding;
  delimiter: Delimiter;
  lineEndings: LineEndings;
  unterminatedQuoteLine: number | null;
};

export type XlsxSource = { format: 'xlsx'; sheet: string; otherSheets: string[] };

export type Table = {
  fileName: string;
  /** sha-256 of the file's bytes, so a file seen before is recognised before any row is read. */
  fileHash: string;
  /** How the text was decoded (a workbook's XML is always UTF-8); details are in `source`. */
  encoding: TextEncoding | 'mixed';
  source: CsvSource | XlsxSource;
  /** Title lines above the header row (a one-cell "Spend over £25,000 – April 2020"). */
  preamble: TableRow[];
  headerLine: number;
  headers: string[];
  /** Non-blank rows after the header, each with the line (CSV) or row number (XLSX) it came from. */
  rows: TableRow[];
  /** Lines after the header with no non-blank cell: skipped, but counted and listed. */
  blankLines: number[];
};

export type ReadTableOptions = { fileName: string; sheet?: string };

/** How many leading rows are looked at to find the header below a title block. */
const MAX_PREAMBLE_ROWS = 20;
/** A header names nearly every column; a title line that happens to contain commas does not. */
const HEADER_FILL_SHARE = 0.75;

/** A row with no visible content; the first character of the first cell settles it for nearly every row. */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length === 0) continue;
    const first = cell.charCodeAt(0);
    if (first > 0x20 && first !== 0xa0 && first !== 0xfeff) return false;
    if (cell.trim() !== '') return false;
  }
  return true;
}
const filledCells = (cells: readonly string[]): number => cells.filter((cell) => cell.trim() !== '').length;

/**
 * The header is the first non-blank row that fills at least three quarters as
 * many cells as the fullest of the first rows (and at least two); any rows
 * above it are a title block kept as the preamble ("Spend over £25,000, April
 * 2020" splits into cells but is no header). Blank rows are skipped everywhere, as
 * Python's csv-based checks do.
 */
function shapeTable(
  records: readonly TableRow[],
): Pick<Table, 'preamble' | 'headerLine' | 'headers' | 'rows' | 'blankLines'> {
  const leading: number[] = [];
  for (let index = 0; index < records.length && leading.length < MAX_PREAMBLE_ROWS; index += 1) {
    if (!isBlank(records[index]?.cells ?? [])) leading.push(index);
  }
  const fullest = Math.max(0, ...leading.map((index) => filledCells(records[index]?.cells ?? [])));
  const needed = Math.max(2, Math.ceil(fullest * HEADER_FILL_SHARE));
  const headerIndex =
    leading.find((index) => filledCells(records[index]?.cells ?? []) >= needed) ?? leading[0] ?? -1;
  const header = records[headerIndex];
  if (!header) throw ingestError('ingest-empty-file', 'The file has no non-blank rows');
  const preamble = records.slice(0, headerIndex).filter((record) => !isBlank(record.cells));
  const rows: TableRow[] = [];
  const blankLines: number[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (!record) continue;
    if (isBlank(record.cells)) blankLines.push(record.line);
    else rows.push(record);
  }
  return { preamble, headerLine: header.line, headers: header.cells, rows, blankLines };
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

function assertNotEmpty(bytes: Uint8Array): void {
  if (bytes.length === 0) throw ingestError('ingest-empty-file', 'The file is empty (0 bytes)');
}

/** Reads delimited text (any of the supported encodings) into a table; synchronous for speed. */
export function readCsvTable(bytes: Uint8Array, options: ReadTableOptions): Table {
  assertNotEmpty(bytes);
  const { text, decoding } = decodeText(bytes);
  const parsed = parseCsv(text);
  return {
    fileName: options.fileName,
    fileHash: hash('sha256', bytes, 'hex'),
    encoding: decoding.encoding,
    source: {
      format: 'csv',
      decoding,
      delimiter: parsed.delimiter,
      lineEndings: parsed.lineEndings,
      unterminatedQuoteLine: parsed.unterminatedQuoteLine,
    },
    ...shapeTable(parsed.records),
  };
}

/**
 * Reads a CSV or XLSX file as it is. The format is recognised from the bytes,
 * not the file name; old binary .xls files, PDFs and other non-tables are
 * refused with `ingest-unreadable-file`, empty files with `ingest-empty-file`.
 */
export async function readTable(bytes: Uint8Array, options: ReadTableOptions): Promise<Table> {
  assertNotEmpty(bytes);
  if (startsWith(bytes, OLE2)) {
    throw ingestError(
      'ingest-unreadable-file',
      'The file is in the old Excel 97–2003 (.xls) format or is password-protected; save it as .xlsx or CSV',
    );
  }
  if (startsWith(bytes, PDF)) {
    throw ingestError(
      'ingest-unreadable-file',
      'The file is a PDF document, not a table; export the data as CSV or XLSX',
    );
  }
  if (!startsWith(bytes, ZIP)) return readCsvTable(bytes, options);
  const workbook = await readWorkbook(bytes, options.sheet === undefined ? {} : { sheet: options.sheet });
  return {
    fileName: options.fileName,
    fileHash: hash('sha256', bytes, 'hex'),
    encoding: 'utf-8',
    source: { format: 'xlsx', sheet: workbook.sheet, otherSheets: workbook.otherSheets },
    ...shapeTable(workbook.records),
  };
}
