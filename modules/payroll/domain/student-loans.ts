import type { LoanTerms, StudentLoanPlan, TaxYearReference } from '../reference-data';
import { frequencyRules, type PayFrequency } from './pay-frequency';
import { floorDivide } from './rounding';

/**
 * Student and postgraduate loan deductions (CSLM10111, CSLM17065): non-cumulative,
 * on the period's NI-able earnings, 9% (6% PGL) of earnings above the period
 * threshold, rounded down to the whole pound. Fortnightly and four-weekly
 * pay is averaged per week, the weekly deduction found and multiplied back
 * (CSLM17065 "multiples of weeks"), without rounding the weekly average.
 */
export type StudentLoanInput = {
  readonly frequency: PayFrequency;
  /** Earnings for the period as for Class 1 NI (pence). */
  readonly earnings: number;
  readonly plans: readonly StudentLoanPlan[];
  readonly postgraduate: boolean;
};

export type LoanDeductionTrace = {
  readonly rule: 'student-loan.period' | 'student-loan.none';
  /** The plan whose (lowest) threshold applied, or "postgraduate". */
  readonly scheme: StudentLoanPlan | 'postgraduate' | null;
  readonly earnings: number;
  /** Threshold for the whole pay period (weekly threshold × weeks for multi-week periods). */
  readonly periodThreshold: number;
  readonly rateBps: number;
  readonly weeksAveraged: number;
  readonly deduction: number;
};

export type StudentLoanResult = {
  readonly studentLoan: number;
  readonly postgraduateLoan: number;
  readonly studentLoanTrace: LoanDeductionTrace;
  readonly postgraduateTrace: LoanDeductionTrace;
};

export type MissingLoanPlan = { readonly plan: StudentLoanPlan; readonly reason: string };

/** Plans the year's data has no repayment terms for (plan 5 before April 2026). */
export function unavailableLoanPlans(
  plans: readonly StudentLoanPlan[],
  reference: TaxYearReference,
): MissingLoanPlan[] {
  return plans
    .filter((plan) => reference.studentLoans.plans[plan] === undefined)
    .map((plan) => ({
      plan,
      reason: `plan ${plan} loans are not collected through payroll in ${reference.taxYear}`,
    }));
}

function loanDeduction(
  scheme: StudentLoanPlan | 'postgraduate',
  terms: LoanTerms,
  frequency: PayFrequency,
  earnings: number,
): LoanDeductionTrace {
  const rules = frequencyRules[frequency];
  const weeks = rules.weeksPerPeriod;
  const periodThreshold = weeks === 0 ? terms.monthlyThreshold : terms.weeklyThreshold * weeks;
  const averaged = Math.max(1, weeks);
  const excess = earnings - periodThreshold;
  // (excess ÷ weeks) × rate, down to the pound, then × weeks — one exact division.
  const perWeekPounds = excess > 0 ? floorDivide(excess * terms.rateBps, averaged * 1_000_000) : 0;
  return {
    rule: 'student-loan.period',
    scheme,
    earnings,
    periodThreshold,
    rateBps: terms.rateBps,
    weeksAveraged: weeks,
    deduction: perWeekPounds * averaged * 100,
  };
}

const noDeduction = (earnings: number): LoanDeductionTrace => ({
  rule: 'student-loan.none',
  scheme: null,
  earnings,
  periodThreshold: 0,
  rateBps: 0,
  weeksAveraged: 0,
  deduction: 0,
});

/**
 * Someone with more than one plan repays one 9% deduction above the lowest of
 * their plans' thresholds; the postgraduate loan is deducted in addition.
 * Plans must be available in the year (see unavailableLoanPlans).
 */
export function calculateStudentLoans(
  input: StudentLoanInput,
  reference: TaxYearReference,
): StudentLoanResult {
  let lowest: { plan: StudentLoanPlan; terms: LoanTerms } | null = null;
  for (const plan of input.plans) {
    const terms = reference.studentLoans.plans[plan];
    if (terms && (lowest === null || terms.annualThreshold < lowest.terms.annualThreshold))
      lowest = { plan, terms };
  }
  const studentLoanTrace = lowest
    ? loanDeduction(lowest.plan, lowest.terms, input.frequency, input.earnings)
    : noDeduction(input.earnings);
  const postgraduateTrace = input.postgraduate
    ? loanDeduction('postgraduate', reference.studentLoans.postgraduate, input.frequency, input.earnings)
    : noDeduction(input.earnings);
  return {
    studentLoan: studentLoanTrace.deduction,
    postgraduateLoan: postgraduateTrace.deduction,
    studentLoanTrace,
    postgraduateTrace,
  };
}
