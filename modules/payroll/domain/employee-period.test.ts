import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, parseTaxYearReference, type TaxYearReference } from '../reference-data';
import {
  calculateEmployeePeriod,
  calculateEmployeePeriodParts,
  type EmployeePeriodInput,
} from './employee-period';
import { readEmployeePeriodRequest } from './employee-period-request';
import { explainEmployeePeriod } from './explain';
import { parseTaxCode, type TaxCode } from './tax-code';

let reference: TaxYearReference;
beforeAll(async () => {
  reference = await loadTaxYearReference('2026-27');
});

function code(text: string): TaxCode {
  const parsed = parseTaxCode(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.code;
}

const issueExample = {
  taxYear: '2026-27',
  payFrequency: 'monthly',
  period: 3,
  taxCode: '1257L',
  week1Month1: false,
  taxablePay: 250000,
  previousTaxablePay: 500000,
  previousTax: 41800,
  niCategory: 'A',
  niablePay: 250000,
  studentLoanPlans: ['2'],
  postgraduateLoan: false,
  pensionablePay: 250000,
};

const nurse: EmployeePeriodInput = {
  frequency: 'monthly',
  period: 3,
  taxCode: code('1257L'),
  week1Month1: false,
  taxablePay: 250000,
  previousTaxablePay: 500000,
  previousTax: 41800,
  niCategory: 'A',
  niablePay: 250000,
  studentLoanPlans: ['2'],
  postgraduateLoan: false,
  pensionablePay: 250000,
};

describe('one employee-period', () => {
  it('calculates the issue’s example: tax, NI, plan 2 loan and NHS Pension', () => {
    const result = calculateEmployeePeriod(nurse, reference);
    // 7,500 − 3 × 1,048.26 = 4,355.22 → £4,355 × 20% = 871.00 − 418.00
    expect(result.incomeTax.tax).toBe(45300);
    expect([result.nationalInsurance.employee, result.nationalInsurance.employer]).toEqual([11616, 31245]);
    expect(result.studentLoans.studentLoan).toBe(400);
    // £2,500 × 12 = £30,000 → tier 3 at 8.3%; employer 14.38%
    expect([result.pension.employee, result.pension.employer]).toEqual([20750, 35950]);
  });

  it('explains every figure with the rule and the figures used', () => {
    const lines = explainEmployeePeriod(calculateEmployeePeriod(nurse, reference));
    expect(lines.map((line) => line.rule)).toEqual([
      'paye.tables',
      'ni.employee',
      'ni.employer',
      'student-loan.period',
      'nhs-pension.tiered',
    ]);
    expect(lines[0]?.text).toContain('Tax code 1257L, month 3, cumulative to month 3');
    expect(lines[0]?.text).toContain('free pay £3,144.78 (£1,048.26 × 3)');
    expect(lines[0]?.text).toContain('less tax already deducted £418.00 = £453.00');
  });

  it('uses the actual annual pensionable pay from the pay record when it is given', () => {
    const result = calculateEmployeePeriod({ ...nurse, annualPensionablePay: 6000000 }, reference);
    expect(result.pension.trace.tier).toBe(5);
  });
});

describe('reading a request (CLI and what-if calculator)', () => {
  it('reads the issue’s example without issues', () => {
    const read = readEmployeePeriodRequest(issueExample, reference);
    expect(read.issues).toEqual([]);
    expect(calculateEmployeePeriod(read.fields as EmployeePeriodInput, reference).incomeTax.tax).toBe(45300);
  });

  it.each([
    [{ taxCode: '1257Q' }, 'taxCode', /suffix Q/],
    [{ taxCode: 'D2' }, 'taxCode', /D0 to D1/],
    [{ niCategory: 'Q' }, 'niCategory', /not an NI category letter in 2026-27/],
    [{ period: 13 }, 'period', /month 13 does not exist: monthly pay days run 1 to 12/],
    [{ period: 2.5 }, 'period', /whole pay-day number/],
    [{ payFrequency: 'daily' }, 'payFrequency', /weekly, fortnightly, four-weekly, monthly/],
    [{ taxablePay: 12.5 }, 'taxablePay', /whole number of pence/],
    [{ niablePay: -1 }, 'niablePay', /must not be negative/],
    [{ pensionablePay: 2_000_000_000 }, 'pensionablePay', /beyond the engine's limit/],
    [{ previousTax: undefined }, 'previousTax', /required/],
    [{ week1Month1: 'no' }, 'week1Month1', /true or false/],
    [{ studentLoanPlans: ['3'] }, 'studentLoanPlans[0]', /use "1", "2", "4" or "5"/],
    [{ studentLoanPlans: 'plan 2' }, 'studentLoanPlans', /list of plans/],
    [{ niCatgory: 'A' }, 'niCatgory', /not a field/],
  ])('%j is refused, naming %s', (change, path, message) => {
    const read = readEmployeePeriodRequest({ ...issueExample, ...change }, reference);
    const issue = read.issues.find((candidate) => candidate.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('still calculates what does not depend on a bad field', () => {
    const read = readEmployeePeriodRequest({ ...issueExample, period: 0 }, reference);
    const parts = calculateEmployeePeriodParts(read.fields, reference);
    expect(parts.incomeTax).toBeNull();
    expect(parts.nationalInsurance?.employee).toBe(11616);
    expect(parts.pension?.employee).toBe(20750);
  });

  it('refuses plan 5 in 2025/26', async () => {
    const previous = await loadTaxYearReference('2025-26');
    const read = readEmployeePeriodRequest(
      { ...issueExample, taxYear: '2025-26', studentLoanPlans: ['2', '5'] },
      previous,
    );
    expect(read.issues).toEqual([
      {
        path: 'studentLoanPlans[1]',
        rule: 'plan-collected-in-year',
        message: expect.stringMatching(/plan 5/),
      },
    ]);
  });
});

describe('a new tax year is a data change: a synthetic 2027/28 file drives every calculation', () => {
  const synthetic = () => {
    const file = JSON.parse(
      readFileSync(new URL('../reference-data/years/2026-27.json', import.meta.url), 'utf8'),
    );
    Object.assign(file, { taxYear: '2027-28', start: '2027-04-06', end: '2028-04-05' });
    file.incomeTax.tablesA.value.codeUplift = 0; // drop HMRC's "+9": 2 × 416.67 + ceil(2,570 ÷ 12) = £1,047.51 a month
    file.nationalInsurance.thresholds.PT.value.monthly = 110000;
    file.nationalInsurance.categories.A.value.employeeMainBps = 600;
    file.studentLoans.plans['2'].value.monthlyThreshold = 200000;
    file.nhsPension.memberTiers.value[2].upToAnnual = 2900000;
    file.nhsPension.memberTiers.value[3].rateBps = 1000;
    return parseTaxYearReference(file);
  };

  it('uses the new year’s free pay, NI threshold and rate, loan threshold and pension tiers', () => {
    const next = synthetic();
    const result = calculateEmployeePeriod(nurse, next);
    // 7,500 − 3 × 1,047.51 = 4,357.47 → £4,357 × 20% = 871.40 − 418.00
    expect(result.incomeTax.trace.freePayToDate).toBe(314253);
    expect(result.incomeTax.tax).toBe(45340);
    expect(result.nationalInsurance.employee).toBe(8400); // (2,500 − 1,100) × 6%
    expect(result.studentLoans.studentLoan).toBe(4500); // (2,500 − 2,000) × 9%
    expect(result.pension.trace).toMatchObject({ tier: 4, memberRateBps: 1000 }); // £30,000 is now above tier 3
  });
});
