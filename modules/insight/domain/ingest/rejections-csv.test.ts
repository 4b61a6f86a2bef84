import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Rejection } from './normalise';
import { rejectionsCsv } from './rejections-csv';

const rejection = (line: number, raw: string[], reason: string): Rejection => ({
  sourceFile: 'f.csv',
  line,
  fingerprint: 'x',
  raw,
  reason,
  issues: [],
});

describe('rejectionsCsv', () => {
  it('writes each rejected row under the file’s headers with its line and reason, readable as CSV', () => {
    const text = rejectionsCsv(
      ['Supplier', 'Amount'],
      [
        rejection(3, ['Smith, "J"', 'abc'], 'Amount: "abc" is not an amount'),
        rejection(9, ['Acme', '-5', 'extra'], 'columns'),
      ],
    );
    expect(parse(text)).toEqual([
      ['Line', 'Reason', 'Supplier', 'Amount', 'column 3'],
      ['3', 'Amount: "abc" is not an amount', 'Smith, "J"', 'abc', ''],
      ['9', 'columns', 'Acme', '-5', 'extra'],
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas but leaves negative numbers alone', () => {
    const text = rejectionsCsv(
      ['A', 'B', 'C'],
      [rejection(2, ['=HYPERLINK("x")', '-85,260.00', '@SUM(A1)'], 'r')],
    );
    expect(parse(text)[1]).toEqual(['2', 'r', `'=HYPERLINK("x")`, '-85,260.00', "'@SUM(A1)"]);
  });
});
