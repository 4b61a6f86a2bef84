import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import { explainPension } from './explain';
import { annualisePensionablePay, calculateNhsPension, nhsPensionTier } from './nhs-pension';

let previous: TaxYearReference;
let current: TaxYearReference;
beforeAll(async () => {
  previous = await loadTaxYearReference('2025-26');
  current = await loadTaxYearReference('2026-27');
});

describe('NHS Pension member tiers from actual annual pensionable pay', () => {
  it.each([
    [1325999, 1, 520], // £13,259.99 is still "up to £13,259"
    [1326000, 2, 650],
    [2779700, 2, 650],
    [2779800, 3, 830],
    [3386800, 3, 830],
    [3386900, 4, 980],
    [5084500, 4, 980],
    [5084600, 5, 1070],
    [6519000, 5, 1070],
    [6519100, 6, 1250],
    [0, 1, 520],
  ])('2025/26: %i pence a year is tier %i at %i bp', (annual, tier, rateBps) => {
    expect(nhsPensionTier(annual, previous)).toMatchObject({ tier, rateBps });
  });

  it('uses the (projected) 2026/27 tier limits in 2026/27', () => {
    expect(nhsPensionTier(2885400, current).tier).toBe(2);
    expect(nhsPensionTier(2885500, current).tier).toBe(3);
  });
});

describe('annualising one period for the tier: period pay × regular pay days in the year', () => {
  it.each([
    ['weekly', 52],
    ['fortnightly', 26],
    ['four-weekly', 13],
    ['monthly', 12],
  ] as const)('%s pay × %i', (frequency, periods) => {
    expect(annualisePensionablePay(250000, frequency)).toBe(250000 * periods);
  });
});

describe('contributions', () => {
  it('member rate of the tier and the employer’s local 14.38% for an NHS England employer', () => {
    const result = calculateNhsPension(
      { pensionablePay: 250000, annualPensionablePay: 3000000, employerFunding: 'central-funding' },
      current,
    );
    expect(result).toMatchObject({ employee: 20750, employer: 35950, employerCentral: 23500 });
    expect(explainPension(result.trace, result.employee, result.employer).text).toContain(
      'tier 3 (up to £35,156.00), member rate 8.3% of £2,500.00 = £207.50',
    );
  });

  it('the full 23.7% plus the 0.08% levy for an employer outside central funding', () => {
    const result = calculateNhsPension(
      { pensionablePay: 250000, annualPensionablePay: 3000000, employerFunding: 'full-rate' },
      current,
    );
    expect(result).toMatchObject({ employer: 59450, employerCentral: 0 });
  });

  it('rounds to the nearest penny, halves up', () => {
    const result = calculateNhsPension(
      { pensionablePay: 333333, annualPensionablePay: 3999996, employerFunding: 'central-funding' },
      current,
    );
    expect(result.employee).toBe(32667); // 3,333.33 × 9.8% = 326.666…
  });

  it('sets the tier on actual pay, so a part-timer pays a lower rate than a whole-timer on the same point', () => {
    const partTime = calculateNhsPension(
      { pensionablePay: 172960, annualPensionablePay: 2075520, employerFunding: 'central-funding' },
      current,
    );
    expect(partTime.trace.tier).toBe(2);
    expect(nhsPensionTier(3459200, current).tier).toBe(3);
  });
});
