import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pence } from '../../../../../kernel/money';
import { fixturePath } from '../../../../../testing/fixtures';
import { ingestFile } from '../ingest-file';
import { normaliseRows } from '../normalise';
import { detectProfile } from '../profile';
import { readCsvTable } from '../read-table';
import type { SourceKind } from '../schema';
import type { IsoDate } from '../values';
import { combineQuality, scoreQuality } from './score';
import { FIT_FOR_AUTOMATION, FRESH_DAYS, GOOD_ENOUGH_FOR_DECISION, STALE_DAYS } from './thresholds';

const APRIL = { start: '2020-04-01' as IsoDate, end: '2020-04-30' as IsoDate };
const HMT = 'Department Family,Entity,Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount';

function dataset(kind: SourceKind, lines: readonly string[]) {
  const table = readCsvTable(Buffer.from(lines.join('\n')), { fileName: 'test.csv' });
  return normaliseRows(table, detectProfile(table.headers, kind).profile);
}

function spendRows(
  count: number,
  row: (index: number) => string = (index) =>
    `DH,Trust,15/04/2020,Drugs,Pharmacy,Supplier ${index},T${index},100.00`,
) {
  return [HMT, ...Array.from({ length: count }, (_, index) => row(index))];
}

function score(
  kind: SourceKind,
  lines: readonly string[],
  reportingDate = '2020-05-15',
  controlTotalPence?: Pence,
) {
  const { records, rejections } = dataset(kind, lines);
  return scoreQuality({
    kind,
    records,
    rejections,
    period: APRIL,
    reportingDate: reportingDate as IsoDate,
    controlTotalPence,
  });
}

describe('scoreQuality', () => {
  it('labels a complete, valid, consistent and current dataset fit for automation', () => {
    const quality = score('spend', spendRows(200));
    expect(quality.label).toBe('fit-for-automation');
    expect(Object.values(quality.dimensions).map((dimension) => dimension.score)).toEqual([1, 1, 1, 1]);
    expect(quality.labelReasons).toEqual([]);
  });

  it('labels data a few months old good enough for a decision, and says why not more', () => {
    const quality = score('spend', spendRows(200), '2020-08-31');
    expect(quality.dimensions.timeliness.score).toBeLessThan(FIT_FOR_AUTOMATION.timeliness);
    expect(quality.dimensions.timeliness.score).toBeGreaterThanOrEqual(GOOD_ENOUGH_FOR_DECISION.timeliness);
    expect(quality.label).toBe('good-enough-for-decision');
    expect(quality.labelReasons).toEqual([
      expect.stringMatching(/^timeliness 0\.\d+ is below the 0.9 needed for automation$/),
    ]);
  });

  it('labels a dataset with many rejected rows not fit, naming the rules', () => {
    const quality = score(
      'spend',
      spendRows(
        20,
        (index) => `DH,Trust,15/04/2020,Drugs,Pharmacy,Acme,T${index},${index % 4 === 0 ? 'n/a' : '1.00'}`,
      ),
    );
    expect(quality.dimensions.validity.score).toBe(0.75);
    expect(quality.dimensions.validity.reasons).toEqual(['5 of 20 rows were rejected (amount-format 5)']);
    expect(quality.label).toBe('not-fit');
  });

  it('scores completeness by the fill rate of expected fields, naming the gaps', () => {
    const quality = score(
      'spend',
      spendRows(
        10,
        (index) => `DH,Trust,15/04/2020,${index < 5 ? '' : 'Drugs'},Pharmacy,Acme ${index},T${index},1`,
      ),
    );
    expect(quality.dimensions.completeness).toEqual({
      score: (0.5 + 1 + 1) / 3,
      reasons: ['Expense Type is filled in 5 of 10 rows (50%)'],
    });
  });

  it('counts rows dated outside the period as half doubtful', () => {
    const quality = score(
      'spend',
      spendRows(
        10,
        (index) =>
          `DH,Trust,${index < 2 ? '15/03/2020' : '15/04/2020'},Drugs,Pharmacy,Acme ${index},T${index},1`,
      ),
    );
    expect(quality.dimensions.validity.score).toBe(0.9);
    expect(quality.dimensions.validity.reasons).toEqual([
      '2 rows are dated outside the period 2020-04-01 to 2020-04-30',
    ]);
  });

  it('finds exact and probable duplicates, reused transaction numbers and name variants', () => {
    const quality = score('spend', [
      HMT,
      'DH,Trust,15/04/2020,Drugs,Pharmacy,Boots UK Ltd,T1,100.00',
      'DH,Trust,15/04/2020,Drugs,Pharmacy,Boots UK Ltd,T1,100.00',
      'DH,Trust,15/04/2020,Other,Pharmacy,Boots UK Ltd,T1,100.00',
      'DH,Trust,15/04/2020,Drugs,Estates,Cerner Ltd,T2,5.00',
      'DH,Trust,15/04/2020,Drugs,Estates,Cerner Ltd,T2,7.00',
      'DH,Trust,15/04/2020,Drugs,Pharmacy,BOOTS U.K. LIMITED,T3,1.00',
      'DH,Trust,15/04/2020,Drugs,Pharmacy,Acme,T4,1.00',
      'DH,Trust,15/04/2020,Drugs,Pharmacy,Acme,T5,1.00',
    ]);
    expect(quality.dimensions.consistency.reasons).toEqual([
      '1 rows repeat an earlier row exactly',
      '1 rows repeat the Transaction Number, amount, name and date of another row',
      '2 rows share 1 Transaction Number values with different content',
      '1 rows use a variant spelling of a name ("Boots UK Ltd" / "BOOTS U.K. LIMITED")',
    ]);
    expect(quality.dimensions.consistency.score).toBeCloseTo(1 - (1 + 1 + 2 * 0.1 + 0.5) / 8, 10);
  });

  it('caps consistency when the rows do not reproduce a control total', () => {
    const matching = score('spend', spendRows(10), '2020-05-15', 100000n as Pence);
    expect(matching.dimensions.consistency.score).toBe(1);
    const mismatched = score('spend', spendRows(10), '2020-05-15', 99999n as Pence);
    expect(mismatched.dimensions.consistency.score).toBe(0.5);
    expect(mismatched.dimensions.consistency.reasons).toEqual([
      'the rows total 100000p but the control total is 99999p',
    ]);
  });

  it('checks PO line values against quantity × unit price', () => {
    const quality = score('po-lines', [
      'PO Number,Line,Order Date,Supplier,Description,Quantity,Unit Price,Line Value',
      'PO1,1,01/04/2020,Acme,Gloves,10,1.25,12.50',
      'PO1,2,01/04/2020,Acme,Aprons,10,1.25,15.00',
    ]);
    expect(quality.dimensions.consistency.reasons).toEqual([
      '1 lines have a value other than quantity × unit price',
    ]);
  });

  it.each([
    [0, 1],
    [FRESH_DAYS, 1],
    [(FRESH_DAYS + STALE_DAYS) / 2, 0.5],
    [STALE_DAYS, 0],
    [STALE_DAYS + 100, 0],
  ])('scores data %i days old on the reporting date at %d for timeliness', (age, expected) => {
    const reportingDate = new Date(Date.parse('2020-04-15') + age * 86_400_000).toISOString().slice(0, 10);
    const quality = score('spend', spendRows(3), reportingDate);
    expect(quality.dimensions.timeliness.score).toBeCloseTo(expected, 2);
  });

  it('labels an empty dataset not fit', () => {
    const quality = score('spend', [HMT]);
    expect(quality).toMatchObject({ label: 'not-fit', rows: 0, labelReasons: ['the dataset has no rows'] });
  });

  it('combines datasets into an organisation’s score weighted by rows', () => {
    const good = score('spend', spendRows(30));
    const poor = score(
      'spend',
      spendRows(10, (index) => `DH,Trust,15/04/2020,Drugs,Pharmacy,Acme,T${index},${index < 5 ? 'x' : '1'}`),
    );
    const combined = combineQuality([
      { name: 'April', score: good },
      { name: 'May', score: poor },
    ]);
    expect(combined.rows).toBe(40);
    expect(combined.dimensions.validity.score).toBeCloseTo((30 * 1 + 10 * 0.5) / 40, 10);
    expect(combined.dimensions.validity.reasons).toEqual([
      'May: 5 of 10 rows were rejected (amount-format 5)',
    ]);
    expect(combined.label).toBe('not-fit');
  });
});

describe('scoreQuality on the real spend files', () => {
  async function fixtureQuality(name: string, period: { start: string; end: string }, reportingDate: string) {
    const result = await ingestFile(readFileSync(fixturePath('spend', name)), {
      fileName: name,
      kind: 'spend',
    });
    if (result.status !== 'read') throw new Error(result.error.message);
    return scoreQuality({
      kind: 'spend',
      records: result.records,
      rejections: result.rejections,
      period: period as { start: IsoDate; end: IsoDate },
      reportingDate: reportingDate as IsoDate,
      controlTotalPence: result.summary.declaredTotalPence,
    });
  }

  it('finds Chelsea and Westminster’s June file fit for automation a month later', async () => {
    const quality = await fixtureQuality(
      'chelsea-westminster-nhsft_2020-06.csv',
      { start: '2020-06-01', end: '2020-06-30' },
      '2020-07-31',
    );
    expect(quality.label).toBe('fit-for-automation');
  });

  it('finds King’s April file not fit, because most of its dates fall outside April', async () => {
    const quality = await fixtureQuality('kings-college-hospital-nhsft_2020-04.csv', APRIL, '2020-05-31');
    expect(quality.label).toBe('not-fit');
    expect(quality.dimensions.validity.reasons).toEqual([
      '150 rows are dated outside the period 2020-04-01 to 2020-04-30',
    ]);
  });
});
