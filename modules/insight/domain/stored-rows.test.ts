import { describe, expect, it } from 'vitest';
import { detectProfile, normaliseRows, readCsvTable, SOURCE_KINDS, schemaFor } from './ingest';
import { columnArrayBuilder, STORED_COLUMNS } from './stored-rows';

const table = (lines: string[]) =>
  readCsvTable(Buffer.from(`${lines.join('\r\n')}\r\n`), { fileName: 'x.csv' });

describe('rows as stored', () => {
  it.each(SOURCE_KINDS)('keeps only fields of the %s schema in typed columns', (kind) => {
    const fields = Object.keys(schemaFor(kind).fields);
    for (const column of STORED_COLUMNS[kind]) expect(fields).toContain(column.field);
  });

  it('puts every other field, the unmapped columns and unreadable optional values in the detail, and loses nothing', () => {
    const read = table([
      'Date,Supplier,Amount,Financial Period,Our Notes',
      '01/04/2026,Acme Ltd,10.00,13,call back',
      '02/04/2026,Beta Ltd,20.00,2,',
    ]);
    const { records } = normaliseRows(read, detectProfile(read.headers, 'spend').profile);
    const columns = columnArrayBuilder('spend')(records);
    const supplier = STORED_COLUMNS.spend.findIndex((column) => column.column === 'supplier');
    const period = STORED_COLUMNS.spend.findIndex((column) => column.column === 'financial_period');
    expect(columns.columns[supplier]).toEqual(['Acme Ltd', 'Beta Ltd']);
    expect(columns.columns[period]).toEqual([null, 2]);
    const detail = JSON.parse(columns.details[0] ?? '{}');
    expect(detail.extras).toEqual({ 'Our Notes': 'call back' });
    expect(detail.warnings[0].path).toBe('row 2, Financial Period');
    expect(columns.details[1]).toBeNull();
    expect(columns.anyDetail).toBe(true);
  });

  it('marks columns empty in the whole batch so the insert can leave them out', () => {
    const read = table(['Date,Supplier,Amount', '01/04/2026,Acme Ltd,10.00']);
    const { records } = normaliseRows(read, detectProfile(read.headers, 'spend').profile);
    const { present } = columnArrayBuilder('spend')(records);
    const presentColumns = STORED_COLUMNS.spend
      .filter((_, index) => present[index])
      .map((column) => column.column);
    expect(presentColumns).toEqual(['payment_date', 'supplier', 'amount_pence']);
  });

  it('sends money as exact pence text, never as a float', () => {
    const read = table(['Date,Supplier,Amount', '01/04/2026,Acme Ltd,"90,071,992,547,409.93"']);
    const { records } = normaliseRows(read, detectProfile(read.headers, 'spend').profile);
    const amount = STORED_COLUMNS.spend.findIndex((column) => column.column === 'amount_pence');
    expect(columnArrayBuilder('spend')(records).columns[amount]).toEqual(['9007199254740993']);
  });
});
