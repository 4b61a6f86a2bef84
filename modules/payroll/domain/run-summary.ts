import type { VarianceFlag } from './variance';

/** What a calculated (previewed) run comes to: counts, variances by kind, and its totals (pence). */
export type PreviewSummary = {
  complete: boolean;
  batches: number;
  considered: number;
  payslips: number;
  withIssues: number;
  notEmployed: number;
  variances: Partial<Record<VarianceFlag, number>>;
  totals: RunTotals;
};

export type RunTotals = {
  gross: number;
  incomeTax: number;
  employeeNi: number;
  employerNi: number;
  pensionEmployee: number;
  pensionEmployer: number;
  studentLoan: number;
  postgraduateLoan: number;
  otherDeductions: number;
  netPay: number;
};

export const zeroTotals = (): RunTotals => ({
  gross: 0,
  incomeTax: 0,
  employeeNi: 0,
  employerNi: 0,
  pensionEmployee: 0,
  pensionEmployer: 0,
  studentLoan: 0,
  postgraduateLoan: 0,
  otherDeductions: 0,
  netPay: 0,
});
