import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import { calculateNationalInsurance, niCategoryFor } from './national-insurance';
import { hmrcCalculateNiExamples, hmrcNiRows2025, type NiTestRow } from './testing/hmrc-rows';

function niFor(row: NiTestRow, reference: TaxYearReference) {
  const category = niCategoryFor(row.category, reference);
  if (!category) throw new Error(`no category ${row.category}`);
  return calculateNationalInsurance(
    { category: row.category, frequency: row.frequency, niablePay: row.niablePay },
    reference,
    category,
  );
}

describe('HMRC 2025/26 NI test data (all letters, all four frequencies)', () => {
  const rows = hmrcNiRows2025();
  let reference: TaxYearReference;
  beforeAll(async () => {
    reference = await loadTaxYearReference('2025-26');
  });

  it('has HMRC’s 896 rows', () => {
    expect(rows).toHaveLength(896);
  });

  it.each(rows)('$id: $frequency, $niablePay pence gives HMRC’s employee and employer NI exactly', (row) => {
    const result = niFor(row, reference);
    expect({ employee: result.employee, employer: result.employer }).toEqual({
      employee: row.employee,
      employer: row.employer,
    });
  });

  it.each(rows)('$id: earnings at LEL, LEL–PT and PT–UEL match the FPS figures', (row) => {
    const { bands } = niFor(row, reference);
    expect({ atLel: bands.atLel, lelToPt: bands.lelToPt, ptToUel: bands.ptToUel }).toEqual(row.bands);
  });
});

describe('HMRC NI calculator examples 2025/26 and 2026/27', () => {
  const rows = hmrcCalculateNiExamples();
  const references = new Map<string, TaxYearReference>();
  beforeAll(async () => {
    for (const taxYear of ['2025-26', '2026-27'])
      references.set(taxYear, await loadTaxYearReference(taxYear));
  });

  it('covers both years (16 + 13 examples)', () => {
    expect(rows.filter((row) => row.taxYear === '2025-26')).toHaveLength(16);
    expect(rows.filter((row) => row.taxYear === '2026-27')).toHaveLength(13);
  });

  it.each(rows)('$id gives HMRC’s employee and employer NI exactly', (row) => {
    const reference = references.get(row.taxYear);
    if (!reference) throw new Error(`no reference for ${row.taxYear}`);
    const result = niFor(row, reference);
    expect({ employee: result.employee, employer: result.employer }).toEqual({
      employee: row.employee,
      employer: row.employer,
    });
  });
});
