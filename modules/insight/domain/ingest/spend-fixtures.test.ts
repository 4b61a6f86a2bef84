import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../testing/fixtures';
import { ingestFile } from './ingest-file';

const SPEND_FILES = readdirSync(fixturePath('spend')).filter((name) => name.endsWith('.csv'));

/**
 * An independent tally, computed the way ../shared/tools/check-spend-import
 * does: decode as UTF-8 (BOM allowed) or else Windows-1252, keep rows with a
 * non-blank cell, take the last "amount" column, strip ",", "£", U+00A0 and
 * spaces, brackets mean negative. It uses csv-parse and string arithmetic, not
 * the importer's own reader or the kernel's parsePounds.
 */
function tally(bytes: Uint8Array): { rows: number; totalPence: bigint; negatives: number } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  const records: string[][] = parse(text, { relax_column_count: true, relax_quotes: true });
  const rows = records.filter((row) => row.some((cell) => cell.trim() !== ''));
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const amountIndex = header.lastIndexOf('amount');
  let totalPence = 0n;
  let negatives = 0;
  for (const row of rows.slice(1)) {
    const cleaned = (row[amountIndex] ?? '')
      .replaceAll(',', '')
      .replaceAll('£', '')
      .replaceAll('\u00a0', '')
      .trim();
    const bracketed = cleaned.startsWith('(') && cleaned.endsWith(')');
    const [whole = '0', fraction = ''] = cleaned.replace(/^\(|\)$/g, '').split('.');
    if (fraction.length > 2) throw new Error(`the tally does not expect ${cleaned}`);
    const negative = whole.startsWith('-') !== bracketed;
    const pence = BigInt(whole.replace('-', '') || '0') * 100n + BigInt(fraction.padEnd(2, '0'));
    if (negative) negatives += 1;
    totalPence += negative ? -pence : pence;
  }
  return { rows: rows.length - 1, totalPence, negatives };
}

/** Row counts the fixtures' README states per file (the table column "rows"). */
function readmeRowCounts(): Map<string, number> {
  const readme = readFileSync(fixturePath('spend', 'README.md'), 'utf8');
  const counts = new Map<string, number>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = /^`([^`]+\.csv)`/.exec(cells[1] ?? '')?.[1];
    const rows = cells[4] ?? '';
    if (file && /^\d+$/.test(rows)) counts.set(file, Number(rows));
  }
  return counts;
}

async function importFixture(name: string) {
  const bytes = readFileSync(fixturePath('spend', name));
  const result = await ingestFile(bytes, { fileName: name, kind: 'spend' });
  if (result.status !== 'read') throw new Error(`${name} failed: ${result.error.message}`);
  return { bytes, result };
}

describe('the real spend-over-£25,000 files', () => {
  it.each(SPEND_FILES)(
    '%s imports every row, with no rejection, to the exact independent tally',
    async (name) => {
      const { bytes, result } = await importFixture(name);
      const expected = tally(bytes);
      expect(result.rejections).toEqual([]);
      expect(result.summary).toMatchObject({
        rows: expected.rows,
        imported: expected.rows,
        rejected: 0,
        totalPence: expected.totalPence,
      });
      expect(result.records.filter((record) => record.values.amount < 0n)).toHaveLength(expected.negatives);
    },
  );

  it('has the row counts the fixtures README states', async () => {
    const counts = readmeRowCounts();
    expect(counts.size).toBeGreaterThanOrEqual(5);
    for (const [file, rows] of counts) {
      const { result } = await importFixture(file);
      expect([file, result.summary.rows]).toEqual([file, rows]);
    }
  });

  it.each(SPEND_FILES)(
    '%s keeps each row’s file and line, and fingerprints that survive a re-import',
    async (name) => {
      const first = await importFixture(name);
      const second = await importFixture(name);
      const lines = first.result.records.map((record) => record.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      expect(new Set(lines).size).toBe(lines.length);
      expect(first.result.records.every((record) => record.sourceFile === name)).toBe(true);
      const fingerprints = first.result.records.map((record) => record.fingerprint);
      expect(new Set(fingerprints).size).toBe(fingerprints.length);
      expect(second.result.records.map((record) => record.fingerprint)).toEqual(fingerprints);
    },
  );

  it.each([
    ['epsom-st-helier-uh-nhst_2020-04.csv', 'month-first', '2020-04-30'],
    ['kings-college-hospital-nhsft_2020-04.csv', 'day-first', '2020-04-05'],
    ['lewisham-greenwich-nhst_2020-04.csv', 'day-first', '2020-04-30'],
  ])('%s: reads its dates in %s order', async (name, order, firstDate) => {
    const { result } = await importFixture(name);
    expect(result.summary.dateOrder?.order).toBe(order);
    expect(result.records[0]?.values.date).toBe(firstDate);
  });

  it('maps every file’s drifting headers onto the same schema', async () => {
    for (const name of SPEND_FILES) {
      const { result } = await importFixture(name);
      const fields = result.profile.columns.map((column) => column.field);
      expect([name, fields]).toEqual([
        name,
        expect.arrayContaining(['date', 'supplier', 'amount', 'transactionNumber']),
      ]);
      expect([name, result.detection?.unmapped]).toEqual([name, []]);
    }
  });

  it('cleans no-break spaces, keeps Windows-1252 dashes and reads King’s financial year', async () => {
    const epsom = (await importFixture('epsom-st-helier-uh-nhst_2020-04.csv')).result;
    expect(epsom.records.map((record) => record.values.expenseArea)).toContain(
      'SH and C @ Home - Start - LBS',
    );
    const chelsea = (await importFixture('chelsea-westminster-nhsft_2020-04.csv')).result;
    expect(chelsea.records.find((record) => record.line === 19)?.values.expenseType).toMatch(
      /^Recharges – Pay/,
    );
    const kings = (await importFixture('kings-college-hospital-nhsft_2020-04.csv')).result;
    expect(kings.records[0]?.values).toMatchObject({
      entity: "King's College Hospital NHS Foundation Trust",
      financialYear: '2020/21',
      financialPeriod: 1,
    });
  });
});
