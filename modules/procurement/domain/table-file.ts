import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export type TableRow = { rowNumber: number; values: Record<string, string> };
export type TableFile = { format: 'csv' | 'xlsx'; headers: string[]; rows: TableRow[] };

/** A file's format from its name: .xlsx is a workbook, anything else is read as CSV text. */
export function tableFormatOf(fileName: string): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/**
 * Reads the first sheet of a workbook, or CSV text, into rows keyed by the
 * header row's names. Row numbers are the spreadsheet's (header = row 1), so a
 * rejection points at the row a person sees. Blank rows are skipped, not counted.
 */
export async function readTableFile(fileName: string, content: string | Uint8Array): Promise<TableFile> {
  const format = tableFormatOf(fileName);
  let grid: { rowNumber: number; cells: string[] }[];
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const bytes = typeof content === 'string' ? Buffer.from(content, 'base64') : Buffer.from(content);
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    grid = [];
    sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let column = 1; column <= row.cellCount; column += 1)
        cells.push(cellText(row.getCell(column).value));
      grid.push({ rowNumber, cells });
    });
  } else {
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    const records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    grid = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  }
  const nonBlank = grid.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = nonBlank;
  const headers = (header?.cells ?? []).map((cell) => cell.trim());
  return {
    format,
    headers,
    rows: body.map((row) => ({
      rowNumber: row.rowNumber,
      values: Object.fromEntries(headers.map((name, index) => [name, (row.cells[index] ?? '').trim()])),
    })),
  };
}

/** Header names compared loosely: "Supplier Item Code", "supplier_item_code" and "SupplierItemCode" are one column. */
export const headerKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
