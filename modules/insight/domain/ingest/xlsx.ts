import ExcelJS from 'exceljs';
import { ingestError } from './errors';

export type SheetRecord = { line: number; cells: string[] };

export type SheetRead = {
  sheet: string;
  /** Other worksheets that hold data; only one sheet is read per file. */
  otherSheets: string[];
  records: SheetRecord[];
};

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Excel keeps dates as wall-clock times; exceljs hands them over as UTC instants of that wall clock. */
function dateCellText(date: Date): string {
  const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * A number as Excel shows it: 15 significant digits, so a stored 0.30000000000000004
 * reads as the 0.3 the user typed and amounts never pick up binary noise.
 */
export function excelNumberText(value: number): string {
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15 || magnitude < 1e-6) return String(value);
  const fixed = value.toPrecision(15);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return excelNumberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    return value.result === undefined ? '' : cellText(value.result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

function hasData(worksheet: ExcelJS.Worksheet): boolean {
  return worksheet.actualRowCount > 0;
}

/**
 * Reads one worksheet (the named one, else the first that holds data) into
 * records of cell text with their row numbers; empty rows are returned as
 * records with no non-empty cell so the caller can count them.
 */
export async function readWorkbook(bytes: Uint8Array, options: { sheet?: string } = {}): Promise<SheetRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw ingestError('ingest-unreadable-file', `The file is not a readable XLSX workbook (${reason})`);
  }
  const withData = workbook.worksheets.filter(hasData);
  const worksheet =
    options.sheet === undefined
      ? withData[0]
      : workbook.worksheets.find((candidate) => candidate.name === options.sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((candidate) => `"${candidate.name}"`).join(', ');
    throw ingestError(
      options.sheet === undefined ? 'ingest-empty-file' : 'ingest-unreadable-file',
      options.sheet === undefined
        ? 'The workbook has no worksheet with data'
        : `The workbook has no worksheet "${options.sheet}" (it has ${names || 'none'})`,
    );
  }
  const records: SheetRecord[] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    const count = row.cellCount;
    for (let column = 1; column <= count; column += 1) cells.push(cellText(row.getCell(column).value));
    records.push({ line: rowNumber, cells });
  });
  return {
    sheet: worksheet.name,
    otherSheets: withData.filter((candidate) => candidate !== worksheet).map((candidate) => candidate.name),
    records,
  };
}
