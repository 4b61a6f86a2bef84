import type { ValidationIssue } from '../../../../kernel/errors';
import type { LocalDate } from '../../../../kernel/time';
import type { DeductionKind, PayElementKind, StudentLoanPlan, TaxYearReference } from '../../reference-data';
import type { Claim } from '../claims';
import type { EmployeePeriodResult } from '../employee-period';
import type { Explanation } from '../explain';
import type { EmployerPensionFunding } from '../nhs-pension';
import type { PayPeriod } from '../pay-period';
import type { PayRecordChange, TaxCodeSource } from '../pay-record';
import type { PayScales } from '../pay-scales';

/** Figures for the tax year so far in this employment (pence), as the FPS reports them. */
export type YtdFigures = {
  gross: number;
  taxable: number;
  tax: number;
  niable: number;
  employeeNi: number;
  employerNi: number;
  pensionEmployee: number;
  pensionEmployer: number;
  studentLoan: number;
  postgraduateLoan: number;
  atLel: number;
  lelToPt: number;
  ptToUel: number;
};

export const YTD_FIELDS = [
  'gross',
  'taxable',
  'tax',
  'niable',
  'employeeNi',
  'employerNi',
  'pensionEmployee',
  'pensionEmployer',
  'studentLoan',
  'postgraduateLoan',
  'atLel',
  'lelToPt',
  'ptToUel',
] as const satisfies readonly (keyof YtdFigures)[];

export const zeroYtd = (): YtdFigures => ({
  gross: 0,
  taxable: 0,
  tax: 0,
  niable: 0,
  employeeNi: 0,
  employerNi: 0,
  pensionEmployee: 0,
  pensionEmployer: 0,
  studentLoan: 0,
  postgraduateLoan: 0,
  atLel: 0,
  lelToPt: 0,
  ptToUel: 0,
});

/** State an attachment of earnings order carries from one pay day to the next. */
export type AttachmentCarry = { shortfall: number; paidToDate: number };

/** What the pay run needs from the employee's latest committed payslip. */
export type PreviousPayslip = {
  runSequence: bigint;
  taxYear: string;
  taxPeriod: number;
  netPay: number;
  taxCode: string;
  week1Month1: boolean;
  ytd: YtdFigures;
  attachments: Readonly<Record<string, AttachmentCarry>>;
};

/** Figures already paid in the same tax period by an earlier run (for a supplementary run). */
export type SamePeriodFigures = {
  niable: number;
  employeeNi: number;
  employerNi: number;
  studentLoanEarnings: number;
  studentLoan: number;
  postgraduateLoan: number;
};

export type StarterFacts = {
  basis: 'p45' | 'A' | 'B' | 'C';
  /** From the P45 of the previous employment in the tax year of the start date. */
  previousPay: { taxYear: string; taxablePay: number; tax: number } | null;
};

export type EmployeeFacts = {
  id: string;
  startDate: LocalDate;
  starter: StarterFacts;
};

export type DeductionOrderKind =
  | 'salary-sacrifice'
  | 'payroll-giving'
  | 'voluntary-deduction'
  | 'attachment-of-earnings';

export type DeductionOrder = {
  id: string;
  kind: DeductionOrderKind;
  description: string;
  payee: string;
  /** Per pay period, for sacrifices, giving and voluntary deductions (pence). */
  amountPerPeriod: number;
  attachment: {
    priority: boolean;
    normalDeduction: number;
    protectedEarnings: number;
    /** The debt the order collects; null when it runs until stopped (maintenance). */
    totalDebt: number | null;
    orderDate: LocalDate;
  } | null;
  startsOn: LocalDate;
  endsOn: LocalDate | null;
};

/** A pay line: an element of gross pay, where it is costed, and (for arrears) the period it belongs to. */
export type PayLine = {
  kind: PayElementKind;
  amount: number;
  costCentreCode: string;
  accountCode: string;
  /** The claim, order or award behind the line. */
  ref: string | null;
  /** Arrears: the pay period key ("2026-27/M03") the difference belongs to. */
  arrearsFor: string | null;
  explanation: Explanation;
};

export type DeductionLine = {
  kind: DeductionKind;
  amount: number;
  ref: string | null;
  payee: string | null;
  explanation: Explanation;
  /** Attachments: what is carried to the next pay day. */
  carry: AttachmentCarry | null;
};

export type PayslipInput = {
  employee: EmployeeFacts;
  /** Every change recorded by the run's cut-off, in any order. */
  changes: readonly PayRecordChange[];
  period: PayPeriod;
  kind: 'main' | 'supplementary';
  /** The tax year reference of the pay day. */
  reference: TaxYearReference;
  scales: PayScales;
  claims: readonly Claim[];
  orders: readonly DeductionOrder[];
  previous: PreviousPayslip | null;
  samePeriod: SamePeriodFigures | null;
  anytimePayOutstanding: number;
  arrears: readonly PayLine[];
  employerPensionFunding: EmployerPensionFunding;
};

export type PayslipFigures = {
  gross: number;
  taxable: number;
  niable: number;
  pensionable: number;
  incomeTax: number;
  employeeNi: number;
  employerNi: number;
  pensionEmployee: number;
  pensionEmployer: number;
  studentLoan: number;
  postgraduateLoan: number;
  otherDeductions: number;
  anytimePayRecovered: number;
  netPay: number;
};

export type CalculatedPayslip = {
  employeeId: string;
  taxCode: string;
  week1Month1: boolean;
  niLetter: string;
  studentLoanPlans: readonly StudentLoanPlan[];
  postgraduateLoan: boolean;
  costCentreCode: string;
  accountCode: string;
  pensionTier: number;
  lines: PayLine[];
  deductions: DeductionLine[];
  figures: PayslipFigures;
  ytd: YtdFigures;
  /** The statutory calculation with its traces, for "why is my tax this?". */
  statutory: EmployeePeriodResult;
  /** Hours-worked band for the FPS (A–E) from contracted hours. */
  contractedCentihours: number;
  leavingDate: LocalDate | null;
  /** True for the first payslip of the employment (the FPS starter block). */
  firstPay: boolean;
  taxCodeSource: TaxCodeSource;
  /** Claims paid by this payslip. */
  claimIds: string[];
};

/** A payslip may come out with negative net pay: the pay run lists it as a variance and refuses to commit it. */
export type PayslipOutcome =
  | { ok: true; payslip: CalculatedPayslip }
  | { ok: false; issues: ValidationIssue[]; skip?: false }
  /** Not employed in the period (started later, left earlier): nothing to pay and nothing wrong. */
  | { ok: false; issues: []; skip: true };
