import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { normaliseInBatches, normaliseRows } from './normalise';
import { detectProfile } from './profile';
import { readCsvTable, readTable } from './read-table';
import type { SourceKind } from './schema';
import type { IsoDate } from './values';

const HMT = 'Department Family,Entity,Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount';

function csv(lines: readonly string[]): Uint8Array {
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

function normaliseCsv<K extends SourceKind>(kind: K, lines: readonly string[], options = {}) {
  const table = readCsvTable(csv(lines), { fileName: `${kind}.csv` });
  return normaliseRows(table, detectProfile(table.headers, kind).profile, options);
}

function fileError(run: () => unknown): {
  code: string;
  message: string;
  issues: readonly { path: string; rule: string; message: string }[];
} {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, issues: error.issues };
    throw error;
  }
  throw new Error('expected a file-level error');
}

describe('normaliseRows on spend files', () => {
  it('imports good rows with typed values and keeps unmapped columns as extras', () => {
    const result = normaliseCsv('spend', [
      `${HMT},Cost Centre Code`,
      'Department of Health,Example Trust,30/04/2020,Drugs,Pharmacy,  Boots UK Ltd ,T1,"1,234.56 ",CC100',
    ]);
    expect(result.rejections).toEqual([]);
    expect(result.records).toEqual([
      expect.objectContaining({
        kind: 'spend',
        sourceFile: 'spend.csv',
        line: 2,
        fingerprint: expect.stringMatching(/^[\w-]{43}$/),
        values: expect.objectContaining({
          date: '2020-04-30',
          supplier: 'Boots UK Ltd',
          amount: 123456n,
          transactionNumber: 'T1',
        }),
        extras: { 'Cost Centre Code': 'CC100' },
        warnings: [],
      }),
    ]);
    expect(result.summary).toMatchObject({ rows: 1, imported: 1, rejected: 0, totalPence: 123456n });
  });

  it('rejects unparseable dates and amounts with the row, column and rule, and keeps the raw cells', () => {
    const result = normaliseCsv('spend', [
      HMT,
      'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00',
      'DH,Trust,31/04/2020,Drugs,Pharmacy,Acme,T2,abc',
      'DH,Trust,someday,Drugs,Pharmacy,,T3,200.00',
    ]);
    expect(result.summary).toMatchObject({ rows: 3, imported: 1, rejected: 2, totalPence: 10000n });
    expect(result.rejections).toEqual([
      {
        sourceFile: 'spend.csv',
        line: 3,
        fingerprint: expect.any(String),
        raw: ['DH', 'Trust', '31/04/2020', 'Drugs', 'Pharmacy', 'Acme', 'T2', 'abc'],
        reason:
          'Date: "31/04/2020" is not a calendar date (day 31 of month 4); Amount: "abc" is not an amount',
        issues: [
          {
            path: 'row 3, Date',
            rule: 'date-invalid',
            message: '"31/04/2020" is not a calendar date (day 31 of month 4)',
          },
          { path: 'row 3, Amount', rule: 'amount-format', message: '"abc" is not an amount' },
        ],
      },
      expect.objectContaining({
        line: 4,
        issues: [
          {
            path: 'row 4, Date',
            rule: 'date-format',
            message: '"someday" is not a date in a recognised format',
          },
          { path: 'row 4, Supplier', rule: 'required-value', message: 'Supplier is empty' },
        ],
      }),
    ]);
    expect(result.summary.rejectionsByRule).toEqual({
      'date-invalid': 1,
      'amount-format': 1,
      'date-format': 1,
      'required-value': 1,
    });
  });

  it('detects US-style dates from the values and rejects a date that contradicts the file’s order', () => {
    const result = normaliseCsv('spend', [
      HMT,
      'DH,Trust,4/30/2020,Drugs,Pharmacy,Acme,T1,1',
      'DH,Trust,4/29/2020,Drugs,Pharmacy,Acme,T2,1',
      'DH,Trust,4/5/2020,Drugs,Pharmacy,Acme,T3,1',
      'DH,Trust,30/4/2020,Drugs,Pharmacy,Acme,T4,1',
    ]);
    expect(result.summary.dateOrder).toEqual({
      order: 'month-first',
      evidence: 'conflicting',
      dayFirstValues: 1,
      monthFirstValues: 2,
    });
    expect(result.records.map((record) => record.values.date)).toEqual([
      '2020-04-30',
      '2020-04-29',
      '2020-04-05',
    ]);
    expect(result.rejections.map((rejection) => rejection.issues[0]?.rule)).toEqual(['date-order-conflict']);
  });

  it('rejects a row with more cells than the header (an unquoted comma) rather than shifting its amount', () => {
    const result = normaliseCsv('spend', [
      HMT,
      'DH,Trust,30/04/2020,Drugs,Pharmacy,Smith, J and Co,T1,1,000.00',
    ]);
    expect(result.records).toEqual([]);
    expect(result.rejections[0]?.issues).toEqual([
      {
        path: 'row 2, columns',
        rule: 'column-count',
        message: 'the row has 10 cells but the header has 8 (an unquoted comma?)',
      },
    ]);
  });

  it('rejects a totals line and keeps its figure as the declared total', () => {
    const result = normaliseCsv('spend', [
      HMT,
      'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00',
      'Total,,,,,,,100.00',
    ]);
    expect(result.summary).toMatchObject({
      imported: 1,
      rejected: 1,
      declaredTotalPence: 10000n,
      rejectionsByRule: { 'totals-line': 1 },
    });
  });

  it('keeps identical rows as two records with distinct fingerprints, the same on every import', () => {
    const lines = [
      HMT,
      'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00',
      'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00',
    ];
    const first = normaliseCsv('spend', lines).records.map((record) => record.fingerprint);
    const again = normaliseCsv('spend', lines).records.map((record) => record.fingerprint);
    expect(first).toHaveLength(2);
    expect(first[1]).toBe(`${first[0]}:1`);
    expect(again).toEqual(first);
  });

  it('gives the same fingerprint to a row whatever the column order, and a different one in another scope', () => {
    const reordered =
      'Amount,Supplier,Transaction Number,Expense Area,Expense Type,Date,Entity,Department Family';
    const a = normaliseCsv('spend', [HMT, 'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00']);
    const b = normaliseCsv('spend', [reordered, '100.00,Acme,T1,Pharmacy,Drugs,30/04/2020,Trust,DH']);
    const c = normaliseCsv('spend', [HMT, 'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,100.00'], {
      fingerprintScope: 'snapshot 2020-04',
    });
    expect(b.records[0]?.fingerprint).toBe(a.records[0]?.fingerprint);
    expect(c.records[0]?.fingerprint).not.toBe(a.records[0]?.fingerprint);
  });

  it('refuses a file missing a required column, naming it and the synonyms tried', () => {
    const table = readCsvTable(csv(['Date,Supplier,Expense Type', '30/04/2020,Acme,Drugs']), {
      fileName: 'no-amount.csv',
    });
    const error = fileError(() => normaliseRows(table, detectProfile(table.headers, 'spend').profile));
    expect(error.code).toBe('ingest-missing-required-column');
    expect(error.issues).toEqual([
      {
        path: 'header',
        rule: 'required-column',
        message: expect.stringMatching(
          /^no column for Amount \(tried: Amount, Amount \(£\), Amount £, Value, /,
        ),
      },
    ]);
    expect(error.message).toContain('no-amount.csv');
  });

  it('refuses a file whose saved profile reads a required column the file no longer has', () => {
    const saved = detectProfile(HMT.split(','), 'spend').profile;
    const table = readCsvTable(
      csv([HMT.replace('Amount', 'Amount Paid (GBP)'), 'DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T1,1']),
      {
        fileName: 'drift.csv',
      },
    );
    const error = fileError(() => normaliseRows(table, saved));
    expect(error.code).toBe('ingest-profile-mismatch');
    expect(error.issues[0]?.message).toBe(
      'the saved mapping reads Amount from "Amount", which this file does not have',
    );
  });

  it('warns about a file that is only a header, and counts its rows as zero', () => {
    const result = normaliseCsv('spend', [HMT]);
    expect(result.summary).toMatchObject({
      rows: 0,
      imported: 0,
      rejected: 0,
      totalPence: 0n,
      timeRange: null,
    });
    expect(result.summary.warnings).toEqual([
      { rule: 'no-data-rows', message: 'The file has a header but no data rows' },
    ]);
  });

  it('yields batches of the requested size and returns the summary', () => {
    const lines = [
      HMT,
      ...Array.from({ length: 5 }, (_, index) => `DH,Trust,30/04/2020,Drugs,Pharmacy,Acme,T${index},1`),
    ];
    const table = readCsvTable(csv(lines), { fileName: 'batches.csv' });
    const batches = normaliseInBatches(table, detectProfile(table.headers, 'spend').profile, {}, 2);
    const sizes: number[] = [];
    let step = batches.next();
    while (!step.done) {
      sizes.push(step.value.records.length);
      step = batches.next();
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(step.value).toMatchObject({ rows: 5, imported: 5, totalPence: 500n });
  });

  it('reads Excel serial dates and numeric amounts from a workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Spend').addRows([
      ['Date', 'Supplier', 'Amount'],
      [43951, 'Acme', 1234.56],
      [new Date(Date.UTC(2020, 3, 1)), 'Beta', -85260],
    ]);
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), {
      fileName: 'spend.xlsx',
    });
    const result = normaliseRows(table, detectProfile(table.headers, 'spend').profile);
    expect(result.records.map((record) => [record.line, record.values.date, record.values.amount])).toEqual([
      [2, '2020-04-30', 123456n],
      [3, '2020-04-01', -8526000n],
    ]);
  });
});

describe('normaliseRows on the other kinds of extract', () => {
  it('PO lines: derives a missing line value from quantity × unit price and normalises GTINs', () => {
    const result = normaliseCsv('po-lines', [
      'OrderNo,Line,DateOrdered,SupplierName,Description,SupPartNo,GTIN,UOM,Pack Size,Quantity,UnitPrice,GrossTotal',
      'PO1,1,01/04/2020,Acme,Gloves nitrile M,AB-1,5012345678900,Box,100,10,0.0125,',
      'PO1,2,01/04/2020,Acme,Gloves nitrile L,AB-2,5012345678901,Box,100,2,1.50,3.00',
    ]);
    expect(
      result.records.map((record) => [record.values.lineValue, record.values.gtin, record.values.unitPrice]),
    ).toEqual([
      [13n, '05012345678900', '0.0125'],
      [300n, null, '1.5'],
    ]);
    expect(result.records[1]?.warnings).toEqual([
      {
        path: 'row 3, GTIN',
        rule: 'gtin-check-digit',
        message: '"5012345678901" fails the GTIN check digit (expected 0)',
      },
    ]);
    expect(result.summary.totalPence).toBe(313n);
  });

  it('GL: signs amounts by a debit/credit marker, or from separate debit and credit columns', () => {
    const marked = normaliseCsv('gl', [
      'Account Code,Cost Centre,Financial Year,Period,Amount,DR/CR',
      '5100,CC1,2020/21,1,100.00,DR',
      '5100,CC1,2020/21,1,40.00,CR',
    ]);
    expect(marked.records.map((record) => [record.values.period, record.values.amount])).toEqual([
      ['2020-04', 10000n],
      ['2020-04', -4000n],
    ]);
    const split = normaliseCsv('gl', [
      'Account,Posting Date,Debit,Credit',
      '5100,15/05/2020,,25.00',
      '5100,15/05/2020,10.00,',
    ]);
    expect(split.records.map((record) => [record.values.period, record.values.amount])).toEqual([
      ['2020-05', -2500n],
      ['2020-05', 1000n],
    ]);
  });

  it('GL: rejects a period number without a financial year', () => {
    const result = normaliseCsv('gl', ['Account Code,Period,Amount', '5100,3,1.00']);
    expect(result.rejections[0]?.issues).toEqual([
      {
        path: 'row 2, Period',
        rule: 'period-needs-financial-year',
        message: 'period "3" needs a financial year to name a month',
      },
    ]);
  });

  it('staff in post: takes the snapshot date for the whole file when no column has it, keeping months apart', () => {
    const lines = [
      'Employee Number,Staff Group,Band,Team,FTE',
      'E1,Nursing and Midwifery Registered,Band 5,Ward 1,1.0',
    ];
    const result = normaliseCsv('staff-in-post', lines, { asAt: '2020-04-30' as IsoDate });
    expect(result.records[0]?.values).toMatchObject({
      employeeId: 'E1',
      snapshotDate: '2020-04-30',
      contractedFte: '1',
    });
    const may = normaliseCsv('staff-in-post', lines, { asAt: '2020-05-31' as IsoDate });
    expect(may.records[0]?.fingerprint).not.toBe(result.records[0]?.fingerprint);
    const table = readCsvTable(csv(lines), { fileName: 'sip.csv' });
    const error = fileError(() =>
      normaliseRows(table, detectProfile(table.headers, 'staff-in-post').profile),
    );
    expect(error.issues[0]?.message).toMatch(/As At Date .* the date can also be given for the whole file/);
  });

  it('sickness: counts calendar days from start and end dates and rejects an absence that ends before it starts', () => {
    const result = normaliseCsv('sickness', [
      'Employee Number,Absence Start Date,Absence End Date,FTE Days Lost,Absence Reason',
      'E1,01/04/2020,03/04/2020,2.4,Cold',
      'E2,05/04/2020,04/04/2020,1,Flu',
    ]);
    expect(result.records[0]?.values).toMatchObject({ calendarDaysLost: '3', fteDaysLost: '2.4' });
    expect(result.rejections[0]?.issues[0]).toMatchObject({
      path: 'row 3, Absence End Date',
      rule: 'absence-ends-before-start',
    });
  });

  it('vacancies: derives the vacancy from establishment and staff in post', () => {
    const result = normaliseCsv('vacancies', [
      'Period,Team,Staff Group,Establishment FTE,Staff in Post FTE',
      '2020-04,Ward 1,Nursing,20.5,18.25',
    ]);
    expect(result.records[0]?.values).toMatchObject({ period: '2020-04', vacancyFte: '2.25' });
  });

  it('temporary staffing: reads bank or agency and takes the period from the shift date', () => {
    const result = normaliseCsv('temporary-staffing', [
      'Shift Date,Bank or Agency,Team,Hours,Cost,Agency Name,Over Cap',
      '03/04/2020,NHSP,Ward 1,7.5,150.00,,No',
      '04/04/2020,Agency,Ward 1,7.5,420.00,Acme Nursing,Yes',
      '05/04/2020,Locum,Ward 1,7.5,420.00,Acme Nursing,Yes',
    ]);
    expect(
      result.records.map((record) => [
        record.values.period,
        record.values.staffingType,
        record.values.overPriceCap,
      ]),
    ).toEqual([
      ['2020-04', 'bank', false],
      ['2020-04', 'agency', true],
    ]);
    expect(result.rejections[0]?.issues[0]).toMatchObject({
      rule: 'choice-unknown',
      path: 'row 4, Bank or Agency',
    });
  });
});
