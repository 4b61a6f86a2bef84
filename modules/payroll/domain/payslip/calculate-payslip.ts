import type { ValidationIssue } from '../../../../kernel/errors';
import { calculateEmployeePeriodParts, type EmployeePeriodResult } from '../employee-period';
import { taxCodeProblemForYear } from '../income-tax';
import { calculateNationalInsurance, niCategoryFor } from '../national-insurance';
import { laterDate } from '../pay-period';
import { isPaymentAfterLeaving, sortChanges } from '../pay-record';
import { calculateStudentLoans, unavailableLoanPlans } from '../student-loans';
import { parseTaxCode, type TaxCode } from '../tax-code';
import { contractualPay } from './contractual-pay';
import { netPayDeductions, payrollGiving } from './deductions';
import type { CalculatedPayslip, DeductionLine, PayslipInput, PayslipOutcome, YtdFigures } from './types';
import { zeroYtd } from './types';

const REGIME_PREFIX = { scotland: 'S', wales: 'C', 'rest-of-uk': '' } as const;

/**
 * HMRC: a payment made after the P45 has been issued is taxed on 0T, week 1/month 1 — keeping the
 * Scottish or Welsh prefix, since where the leaver lives still decides the rates.
 */
function afterLeavingCode(code: TaxCode): TaxCode {
  const parsed = parseCode(`${REGIME_PREFIX[code.regime]}0T M1`);
  if (!parsed.ok) throw new Error(`0T M1 must parse: ${parsed.reason}`);
  return parsed.code;
}

const parsedCodes = new Map<string, ReturnType<typeof parseTaxCode>>();

/** Tax codes repeat (1257L, BR …): parse each text once. */
function parseCode(text: string) {
  let parsed = parsedCodes.get(text);
  if (!parsed) {
    if (parsedCodes.size > 4096) parsedCodes.clear();
    parsed = parseTaxCode(text);
    parsedCodes.set(text, parsed);
  }
  return parsed;
}

/**
 * One employee's payslip for one pay day: contractual pay and claims, any
 * arrears, salary sacrifice, the statutory deductions (PAYE on the year to
 * date, NI, student loans, NHS Pension), then deductions from net pay.
 * Nothing is thrown for bad input: every problem comes back as an issue that
 * names the field, so the pay run can list the employee and go on.
 */
export function calculatePayslip(input: PayslipInput): PayslipOutcome {
  const { period, reference, previous } = input;
  const sortedChanges = sortChanges(input.changes);
  const pay = contractualPay({
    startDate: input.employee.startDate,
    sortedChanges,
    period,
    scales: input.scales,
    claims: input.claims,
    sacrifices: input.orders.filter((order) => order.kind === 'salary-sacrifice'),
    // A supplementary run pays the contract only to someone the period's main run did not pay.
    includeContract: input.kind === 'main' || input.samePeriod === null,
  });
  const record = pay.record;
  if (!record || (pay.employedDays === 0 && input.claims.length === 0 && input.arrears.length === 0)) {
    return { ok: false, issues: [], skip: true };
  }
  const issues: ValidationIssue[] = [...pay.issues];
  const lines = [...pay.lines, ...input.arrears];
  const from = laterDate(input.employee.startDate, period.start);
  const to = record.leavingDate !== null && record.leavingDate < period.end ? record.leavingDate : period.end;

  const parsed = parseCode(record.taxCode);
  let taxCode: TaxCode | undefined;
  if (!parsed.ok)
    issues.push({ path: 'taxCode', rule: 'tax-code-form', message: `${record.taxCode}: ${parsed.reason}` });
  else {
    const problem = taxCodeProblemForYear(parsed.code, reference.incomeTax);
    if (problem) issues.push({ path: 'taxCode', rule: 'tax-code-in-year', message: problem.reason });
    else taxCode = parsed.code;
  }
  const category = niCategoryFor(record.niLetter, reference);
  if (!category) {
    issues.push({
      path: 'niLetter',
      rule: 'ni-category-known',
      message: `${record.niLetter} is not an NI category letter in ${reference.taxYear} (${Object.keys(reference.nationalInsurance.categories).join(', ')})`,
    });
  }
  for (const missing of unavailableLoanPlans(record.studentLoanPlans, reference)) {
    issues.push({ path: 'studentLoanPlans', rule: 'plan-collected-in-year', message: missing.reason });
  }
  if (issues.length > 0 || !taxCode || !category) return { ok: false, issues };
  if (isPaymentAfterLeaving(record.leavingDate, period.start)) taxCode = afterLeavingCode(taxCode);

  const giving = payrollGiving(input.orders, from, to, reference);
  const totals = { grossPay: 0, taxablePay: 0, niablePay: 0, pensionablePay: 0 };
  for (const line of lines) {
    const treatment = reference.payElementTreatment[line.kind];
    totals.grossPay += line.amount;
    if (treatment.taxable) totals.taxablePay += line.amount;
    if (treatment.niable) totals.niablePay += line.amount;
    if (treatment.pensionable) totals.pensionablePay += line.amount;
  }
  const givingTotal = giving.reduce((sum, line) => sum + line.amount, 0);
  const taxablePay = totals.taxablePay - givingTotal;
  const pensionablePay = record.pensionMember ? Math.max(0, totals.pensionablePay) : 0;
  const niablePay = Math.max(0, totals.niablePay);
  const sameYear = previous !== null && previous.taxYear === period.taxYear;
  const ytdBefore: YtdFigures = sameYear ? previous.ytd : zeroYtd();
  const p45 = input.employee.starter.previousPay;
  const p45Counts = p45 !== null && p45.taxYear === period.taxYear && record.taxCodeSource === 'p45';
  const statutoryParts = calculateEmployeePeriodParts(
    {
      frequency: period.frequency,
      period: period.taxPeriod,
      taxCode,
      week1Month1: record.week1Month1,
      taxablePay,
      previousTaxablePay: ytdBefore.taxable + (p45Counts ? p45.taxablePay : 0),
      previousTax: ytdBefore.tax + (p45Counts ? p45.tax : 0),
      niCategory: record.niLetter,
      niablePay,
      studentLoanPlans: record.studentLoanPlans,
      postgraduateLoan: record.postgraduateLoan,
      pensionablePay,
      annualPensionablePay: record.pensionMember ? pay.annualPensionable : 0,
      employerPensionFunding: input.employerPensionFunding,
    },
    reference,
  );
  const { incomeTax, studentLoans, pension } = statutoryParts;
  let { nationalInsurance } = statutoryParts;
  if (!incomeTax || !nationalInsurance || !studentLoans || !pension) {
    return {
      ok: false,
      issues: [
        { path: 'payslip', rule: 'statutory-inputs', message: 'the statutory calculation could not be made' },
      ],
    };
  }
  let employeeNi = nationalInsurance.employee;
  let employerNi = nationalInsurance.employer;
  let studentLoan = studentLoans.studentLoan;
  let postgraduateLoan = studentLoans.postgraduateLoan;
  const same = input.samePeriod;
  let earlierBands = { atLel: 0, lelToPt: 0, ptToUel: 0 };
  if (same) {
    earlierBands = calculateNationalInsurance(
      { category: record.niLetter, frequency: period.frequency, niablePay: same.niable },
      reference,
      category,
    ).bands;
    // A second payment in the same earnings period: NI and loans are due on the period's total earnings, less what was taken.
    nationalInsurance = calculateNationalInsurance(
      { category: record.niLetter, frequency: period.frequency, niablePay: niablePay + same.niable },
      reference,
      category,
    );
    employeeNi = nationalInsurance.employee - same.employeeNi;
    employerNi = nationalInsurance.employer - same.employerNi;
    const loans = calculateStudentLoans(
      {
        frequency: period.frequency,
        earnings: niablePay + same.studentLoanEarnings,
        plans: record.studentLoanPlans,
        postgraduate: record.postgraduateLoan,
      },
      reference,
    );
    studentLoan = Math.max(0, loans.studentLoan - same.studentLoan);
    postgraduateLoan = Math.max(0, loans.postgraduateLoan - same.postgraduateLoan);
  }
  const statutory: EmployeePeriodResult = { incomeTax, nationalInsurance, studentLoans, pension };
  const gross = totals.grossPay;
  const afterStatutory =
    gross - incomeTax.tax - employeeNi - pension.employee - studentLoan - postgraduateLoan - givingTotal;
  const netDeductions = netPayDeductions({
    orders: input.orders,
    from,
    to,
    attachableEarnings: gross - incomeTax.tax - employeeNi - pension.employee,
    netBefore: afterStatutory,
    carried: previous?.attachments ?? {},
    anytimePayOutstanding: input.anytimePayOutstanding,
  });
  const deductions: DeductionLine[] = [...giving, ...netDeductions];
  const otherDeductions = deductions.reduce((sum, line) => sum + line.amount, 0);
  const anytimePayRecovered = netDeductions
    .filter((line) => line.kind === 'anytime-pay-recovery')
    .reduce((sum, line) => sum + line.amount, 0);
  const netPay = afterStatutory - (otherDeductions - givingTotal);
  const bands = nationalInsurance.bands;
  const ytd: YtdFigures = {
    gross: ytdBefore.gross + gross,
    taxable: ytdBefore.taxable + taxablePay,
    tax: ytdBefore.tax + incomeTax.tax,
    niable: ytdBefore.niable + niablePay,
    employeeNi: ytdBefore.employeeNi + employeeNi,
    employerNi: ytdBefore.employerNi + employerNi,
    pensionEmployee: ytdBefore.pensionEmployee + pension.employee,
    pensionEmployer: ytdBefore.pensionEmployer + pension.employer,
    studentLoan: ytdBefore.studentLoan + studentLoan,
    postgraduateLoan: ytdBefore.postgraduateLoan + postgraduateLoan,
    // For a second payment in a period the bands describe the period's total; only the increase is new.
    atLel: ytdBefore.atLel + bands.atLel - earlierBands.atLel,
    lelToPt: ytdBefore.lelToPt + bands.lelToPt - earlierBands.lelToPt,
    ptToUel: ytdBefore.ptToUel + bands.ptToUel - earlierBands.ptToUel,
  };
  const payslip: CalculatedPayslip = {
    employeeId: input.employee.id,
    taxCode: taxCode.text,
    week1Month1: record.week1Month1 || taxCode.nonCumulative,
    niLetter: record.niLetter,
    studentLoanPlans: record.studentLoanPlans,
    postgraduateLoan: record.postgraduateLoan,
    costCentreCode: record.costCentreCode,
    accountCode: record.accountCode,
    pensionTier: pension.trace.tier,
    lines,
    deductions,
    figures: {
      gross,
      taxable: taxablePay,
      niable: niablePay,
      pensionable: pensionablePay,
      incomeTax: incomeTax.tax,
      employeeNi,
      employerNi,
      pensionEmployee: pension.employee,
      pensionEmployer: pension.employer,
      studentLoan,
      postgraduateLoan,
      otherDeductions,
      anytimePayRecovered,
      netPay,
    },
    ytd,
    statutory,
    contractedCentihours: record.contractedCentihours,
    leavingDate: record.leavingDate,
    firstPay: previous === null,
    taxCodeSource: record.taxCodeSource,
    claimIds: input.claims.map((claim) => claim.id),
  };
  return { ok: true, payslip };
}
