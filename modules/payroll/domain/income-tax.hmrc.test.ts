import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import { calculateIncomeTax } from './income-tax';
import { parseTaxCode } from './tax-code';
import { hmrcPayeRows2025, hmrcPayeRows2026, type PayeTestRow } from './testing/hmrc-rows';

function taxFor(row: PayeTestRow, reference: TaxYearReference): number {
  const parsed = parseTaxCode(row.taxCode);
  if (!parsed.ok) throw new Error(parsed.reason);
  return calculateIncomeTax({ ...row, code: parsed.code }, reference).tax;
}

describe.each([
  { taxYear: '2025-26', rows: hmrcPayeRows2025(), exact: 162 },
  { taxYear: '2026-27', rows: hmrcPayeRows2026(), exact: 168 },
])('HMRC $taxYear PAYE test data', ({ taxYear, rows, exact }) => {
  let reference: TaxYearReference;
  beforeAll(async () => {
    reference = await loadTaxYearReference(taxYear);
  });

  it('has HMRC’s 168 rows', () => {
    expect(rows).toHaveLength(168);
  });

  it.each(rows)('$id ($taxCode) is within HMRC’s ±1p of its tax due', (row) => {
    expect(Math.abs(taxFor(row, reference) - row.expectedTax)).toBeLessThanOrEqual(1);
  });

  it(`matches ${exact} of 168 rows to the penny (HMRC accepts ±1p for the rest)`, () => {
    const matching = rows.filter((row) => taxFor(row, reference) === row.expectedTax);
    expect(matching).toHaveLength(exact);
  });
});
