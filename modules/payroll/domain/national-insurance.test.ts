import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import { explainNationalInsurance } from './explain';
import { calculateNationalInsurance, niCategoryFor } from './national-insurance';
import type { PayFrequency } from './pay-frequency';

let reference: TaxYearReference;
beforeAll(async () => {
  reference = await loadTaxYearReference('2026-27');
});

function ni(category: string, frequency: PayFrequency, niablePay: number) {
  const letter = niCategoryFor(category, reference);
  if (!letter) throw new Error(`no category ${category}`);
  return calculateNationalInsurance({ category, frequency, niablePay }, reference, letter);
}

describe('Class 1 NI by category letter, 2026/27', () => {
  it('rounds each employee band on its own: B fortnightly £1,934.05 is £26.82, not £26.83 (reference §2.4)', () => {
    const result = ni('B', 'fortnightly', 193405);
    expect(result.trace.employeeMainBand).toBe(145000);
    expect(result.trace.employeeAdditionalBand).toBe(5);
    expect(result.employee).toBe(2682);
  });

  it('charges 2% above the upper earnings limit: A monthly £5,000', () => {
    // (4,189 − 1,048) × 8% = 251.28; (5,000 − 4,189) × 2% = 16.22; employer (5,000 − 417) × 15% = 687.45
    const result = ni('A', 'monthly', 500000);
    expect(result.employee).toBe(25128 + 1622);
    expect(result.employer).toBe(68745);
    expect(result.bands).toEqual({
      atLel: 55900,
      lelToPt: 104800 - 55900,
      ptToUel: 418900 - 104800,
      aboveUel: 81100,
    });
  });

  it('reports no band earnings below the lower earnings limit but still charges employer NI above ST', () => {
    const result = ni('A', 'weekly', 12800);
    expect(result.bands).toEqual({ atLel: 0, lelToPt: 0, ptToUel: 0, aboveUel: 0 });
    expect(result.employer).toBe(480); // (128 − 96) × 15%
  });

  it('letter M has no employer NI up to the upper secondary threshold', () => {
    expect(ni('M', 'monthly', 418900).employer).toBe(0);
    expect(ni('M', 'monthly', 428900).employer).toBe(1500);
  });

  it('letter X owes nothing and reports no earnings', () => {
    const result = ni('X', 'monthly', 500000);
    expect(result).toMatchObject({
      employee: 0,
      employer: 0,
      bands: { atLel: 0, lelToPt: 0, ptToUel: 0, aboveUel: 0 },
    });
    expect(explainNationalInsurance(result.trace, 0, 0)[0]?.text).toMatch(/no Class 1/);
  });

  it('explains both contributions with the thresholds used', () => {
    const result = ni('A', 'monthly', 250000);
    const [employee, employer] = explainNationalInsurance(result.trace, result.employee, result.employer);
    expect(employee?.text).toContain('£1,452.00 between the primary threshold £1,048.00');
    expect(employee?.text).toContain('= £116.16');
    expect(employer?.text).toContain('above the ST £417.00 at 15% = £312.45');
  });

  it('does not know mariners’ letters', () => {
    expect(niCategoryFor('G', reference)).toBeUndefined();
    expect(niCategoryFor('toString', reference)).toBeUndefined();
  });
});
