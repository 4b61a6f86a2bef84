import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type StudentLoanPlan, type TaxYearReference } from '../reference-data';
import { explainLoan } from './explain';
import type { PayFrequency } from './pay-frequency';
import { calculateStudentLoans, unavailableLoanPlans } from './student-loans';

let reference: TaxYearReference;
beforeAll(async () => {
  reference = await loadTaxYearReference('2026-27');
});

const loans = (frequency: PayFrequency, earnings: number, plans: StudentLoanPlan[], postgraduate = false) =>
  calculateStudentLoans({ frequency, earnings, plans, postgraduate }, reference);

describe('student loans 2026/27: 9% above the period threshold, rounded down to the pound', () => {
  it.each([
    // plan, frequency, earnings, deduction — arithmetic in the comments
    ['2', 'monthly', 250000, 400], // (2,500 − 2,448.75) × 9% = 4.61 → £4
    ['1', 'weekly', 60000, 700], // (600 − 517.30) × 9% = 7.44 → £7
    ['4', 'monthly', 300000, 1600], // (3,000 − 2,816.25) × 9% = 16.54 → £16
    ['5', 'monthly', 250000, 3700], // (2,500 − 2,083.33) × 9% = 37.50 → £37
    ['2', 'monthly', 244875, 0], // at the threshold
    ['2', 'fortnightly', 150000, 3200], // per week (750 − 565.09) × 9% = 16.64 → £16, × 2 = £32 (not £33 on the whole)
    ['4', 'four-weekly', 300000, 3600], // per week (750 − 649.90) × 9% = 9.01 → £9, × 4
  ] as const)('plan %s, %s, %i pence → %i pence', (plan, frequency, earnings, expected) => {
    expect(loans(frequency, earnings, [plan]).studentLoan).toBe(expected);
  });

  it('takes one deduction above the lowest threshold when someone has several plans', () => {
    const result = loans('monthly', 300000, ['2', '1']);
    expect(result.studentLoanTrace.scheme).toBe('1');
    expect(result.studentLoan).toBe(6800); // (3,000 − 2,241.66) × 9% = 68.25 → £68
  });

  it('deducts the postgraduate loan at 6% in addition', () => {
    const result = loans('monthly', 300000, ['2'], true);
    expect(result.postgraduateLoan).toBe(7500); // (3,000 − 1,750) × 6%
    expect(result.studentLoan).toBe(4900); // (3,000 − 2,448.75) × 9% = 49.61 → £49
  });

  it('explains the deduction with its threshold', () => {
    const result = loans('fortnightly', 150000, ['2']);
    expect(explainLoan(result.studentLoanTrace)?.text).toContain('averaged over 2 weeks');
    expect(explainLoan(result.postgraduateTrace)).toBeNull();
  });

  it('knows plan 5 is not collected in 2025/26', async () => {
    const previous = await loadTaxYearReference('2025-26');
    expect(unavailableLoanPlans(['2', '5'], previous)).toEqual([
      { plan: '5', reason: 'plan 5 loans are not collected through payroll in 2025-26' },
    ]);
    expect(unavailableLoanPlans(['5'], reference)).toEqual([]);
  });
});
