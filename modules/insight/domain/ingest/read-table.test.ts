import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { readTable } from './read-table';
import { excelNumberText } from './xlsx';

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function readError(
  bytes: Uint8Array,
  fileName = 'file.csv',
): Promise<{ code: string; message: string }> {
  try {
    await readTable(bytes, { fileName });
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'no error', message: '' };
}

describe('readTable on CSV', () => {
  it('finds the header below a title block and keeps the title as the preamble', async () => {
    const table = await readTable(
      Buffer.from(
        'Spend over £25,000, April 2020\r\n\r\nDate,Expense Type,Supplier,Transaction Number,Amount\r\n' +
          '30/04/2020,Drugs,Acme,1,"1,000.00"\r\n',
      ),
      { fileName: 'title.csv' },
    );
    expect(table.preamble).toEqual([{ line: 1, cells: ['Spend over £25', '000', ' April 2020'] }]);
    expect(table.headerLine).toBe(3);
    expect(table.headers).toEqual(['Date', 'Expense Type', 'Supplier', 'Transaction Number', 'Amount']);
    expect(table.rows).toEqual([{ line: 4, cells: ['30/04/2020', 'Drugs', 'Acme', '1', '1,000.00'] }]);
  });

  it('skips blank lines (including whitespace-only and comma-only rows) but lists them', async () => {
    const table = await readTable(Buffer.from('Supplier,Amount\n\nAcme,1\n , \n,,\nBeta,2\n'), {
      fileName: 'b.csv',
    });
    expect(table.rows.map((row) => row.line)).toEqual([3, 6]);
    expect(table.blankLines).toEqual([2, 4, 5]);
  });

  it('records how the file was decoded and split, and a hash of its bytes', async () => {
    const bytes = Buffer.from('Supplier;Amount\r\nAcme;1\r\n');
    const table = await readTable(bytes, { fileName: 'semi.csv' });
    expect(table.encoding).toBe('utf-8');
    expect(table.source).toMatchObject({ format: 'csv', delimiter: ';', lineEndings: 'crlf' });
    expect(table.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a file that is only a header as a table with no rows', async () => {
    const table = await readTable(Buffer.from('Supplier,Amount\r\n'), { fileName: 'header-only.csv' });
    expect(table.headers).toEqual(['Supplier', 'Amount']);
    expect(table.rows).toEqual([]);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'ingest-empty-file', /empty/],
    ['a file of blank lines', Buffer.from('\r\n  \r\n,,\r\n'), 'ingest-empty-file', /no non-blank rows/],
    [
      'an Excel 97–2003 workbook',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'ingest-unreadable-file',
      /\.xls/,
    ],
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'ingest-unreadable-file', /PDF/],
    [
      'a damaged workbook',
      Buffer.from('PK\u0003\u0004 this is not a zip archive'),
      'ingest-unreadable-file',
      /XLSX/,
    ],
    [
      'binary bytes',
      Buffer.from([0x41, 0, 0x42, 0x43, 0, 0, 0x44, 0x45, 0x46, 0]),
      'ingest-unknown-encoding',
      /NUL/,
    ],
  ])('refuses %s with a file-level error', async (_name, bytes, code, message) => {
    const error = await readError(bytes);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('readTable on XLSX', () => {
  it('reads cells as text: dates as ISO, numbers as Excel shows them, formulas by their result', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Spend');
      sheet.addRow(['Date', 'Supplier', 'Amount', 'Serial', 'Formula', 'Rich']);
      sheet.addRow([
        new Date(Date.UTC(2020, 3, 30)),
        'Acme',
        0.1 + 0.2,
        43951,
        { formula: 'C2*2', result: 0.6000000000000001 },
        { richText: [{ text: 'Bold ' }, { text: 'part' }] },
      ]);
      sheet.addRow([]);
      sheet.addRow(['', 'Beta', 1234.5, '', '', '']);
    });
    const table = await readTable(bytes, { fileName: 'spend.xlsx' });
    expect(table.source).toEqual({ format: 'xlsx', sheet: 'Spend', otherSheets: [] });
    expect(table.headers).toEqual(['Date', 'Supplier', 'Amount', 'Serial', 'Formula', 'Rich']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['2020-04-30', 'Acme', '0.3', '43951', '0.6', 'Bold part'] },
      { line: 4, cells: ['', 'Beta', '1234.5', '', '', ''] },
    ]);
    expect(table.blankLines).toEqual([3]);
  });

  it('reads the first worksheet with data and names the others', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Cover');
      workbook.addWorksheet('April').addRows([
        ['Supplier', 'Amount'],
        ['Acme', 1],
      ]);
      workbook.addWorksheet('May').addRows([
        ['Supplier', 'Amount'],
        ['Beta', 2],
      ]);
    });
    const table = await readTable(bytes, { fileName: 'months.xlsx' });
    expect(table.source).toEqual({ format: 'xlsx', sheet: 'April', otherSheets: ['May'] });
    const may = await readTable(bytes, { fileName: 'months.xlsx', sheet: 'May' });
    expect(may.rows).toEqual([{ line: 2, cells: ['Beta', '2'] }]);
  });

  it('refuses a workbook with no data, and a sheet name it does not have', async () => {
    const empty = await workbookBytes((workbook) => workbook.addWorksheet('Blank'));
    expect((await readError(empty, 'empty.xlsx')).code).toBe('ingest-empty-file');
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('April').addRow(['a', 'b']));
    await expect(readTable(bytes, { fileName: 'x.xlsx', sheet: 'June' })).rejects.toMatchObject({
      code: 'ingest-unreadable-file',
      message: expect.stringContaining('"April"'),
    });
  });

  it.each([
    [0.1 + 0.2, '0.3'],
    [49521.52, '49521.52'],
    [-85260, '-85260'],
    [1e20, '100000000000000000000'],
    [0.000001234, '0.000001234'],
  ])('shows the number %d as %s', (value, text) => {
    expect(excelNumberText(value)).toBe(text);
  });
});
