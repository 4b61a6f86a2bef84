import { type Pence, pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import { CONTROL_ACCOUNTS, type JournalInput, type JournalLineInput } from '../../ledger';
import type { DeductionKind, PayElementKind } from '../reference-data';
import type { CalculatedPayslip, PayslipFigures } from './payslip/types';

/**
 * A pay run's postings, summed as payslips are calculated: pay costs by cost
 * centre and account, and the liabilities the run creates. One journal per
 * run is posted from these sums — the ledger sees a few hundred lines for a
 * run of any size, never a line per employee.
 */
export type RunPostings = {
  payslips: number;
  /** Signed pence by "costCentre|account" (debit positive). */
  costs: Record<string, number>;
  incomeTax: number;
  employeeNi: number;
  employerNi: number;
  pensionEmployee: number;
  pensionEmployer: number;
  studentLoan: number;
  postgraduateLoan: number;
  netPay: number;
  anytimePayRecovered: number;
  /** Deductions owed to third parties (payroll giving agencies, attachment bodies, unions …) by payee. */
  payees: Record<string, number>;
  gross: number;
};

export const emptyPostings = (): RunPostings => ({
  payslips: 0,
  costs: {},
  incomeTax: 0,
  employeeNi: 0,
  employerNi: 0,
  pensionEmployee: 0,
  pensionEmployer: 0,
  studentLoan: 0,
  postgraduateLoan: 0,
  netPay: 0,
  anytimePayRecovered: 0,
  payees: {},
  gross: 0,
});

/** Pay elements with an account of their own; the rest go to the contract's pay account (510100 for Agenda for Change). */
const ELEMENT_ACCOUNTS: Partial<Record<PayElementKind, string>> = {
  hcas: CONTROL_ACCOUNTS.highCostAreaSupplements,
  'unsocial-hours': CONTROL_ACCOUNTS.unsocialHours,
  overtime: CONTROL_ACCOUNTS.overtime,
  'on-call-availability': CONTROL_ACCOUNTS.onCall,
  'on-call-work': CONTROL_ACCOUNTS.onCall,
  'statutory-sick-pay': CONTROL_ACCOUNTS.statutoryPay,
  'statutory-maternity-pay': CONTROL_ACCOUNTS.statutoryPay,
  'bank-shift': CONTROL_ACCOUNTS.bankStaff,
};

export const accountForElement = (kind: PayElementKind, contractAccount: string): string =>
  ELEMENT_ACCOUNTS[kind] ?? contractAccount;

function addCost(costs: Record<string, number>, costCentre: string, account: string, amount: number): void {
  const key = `${costCentre}|${account}`;
  costs[key] = (costs[key] ?? 0) + amount;
}

/** What posting needs of a payslip, whether just calculated or read back from the database. */
export type PostablePayslip = {
  costCentreCode: string;
  figures: PayslipFigures;
  lines: readonly { kind: PayElementKind; amount: number; costCentreCode: string; accountCode: string }[];
  deductions: readonly { kind: DeductionKind; amount: number; payee: string | null }[];
};

/** Adds a payslip to the run's sums; `sign` −1 takes one off again (an employee left out at commit). */
export function addPayslipPostings(
  postings: RunPostings,
  payslip: PostablePayslip | CalculatedPayslip,
  sign: 1 | -1 = 1,
): void {
  const { figures } = payslip;
  postings.payslips += sign;
  for (const line of payslip.lines) {
    addCost(
      postings.costs,
      line.costCentreCode,
      accountForElement(line.kind, line.accountCode),
      sign * line.amount,
    );
  }
  const employer = payslip.costCentreCode;
  addCost(postings.costs, employer, CONTROL_ACCOUNTS.employerNationalInsurance, sign * figures.employerNi);
  addCost(postings.costs, employer, CONTROL_ACCOUNTS.employerPension, sign * figures.pensionEmployer);
  postings.incomeTax += sign * figures.incomeTax;
  postings.employeeNi += sign * figures.employeeNi;
  postings.employerNi += sign * figures.employerNi;
  postings.pensionEmployee += sign * figures.pensionEmployee;
  postings.pensionEmployer += sign * figures.pensionEmployer;
  postings.studentLoan += sign * figures.studentLoan;
  postings.postgraduateLoan += sign * figures.postgraduateLoan;
  postings.netPay += sign * figures.netPay;
  postings.anytimePayRecovered += sign * figures.anytimePayRecovered;
  postings.gross += sign * figures.gross;
  for (const line of payslip.deductions) {
    if (line.kind === 'anytime-pay-recovery' || line.amount === 0) continue;
    const payee = line.payee ?? line.kind;
    postings.payees[payee] = (postings.payees[payee] ?? 0) + sign * line.amount;
  }
}

/** Drops sums that came to nothing (a cost centre whose only employee was left out). */
export function withoutZeroes(postings: RunPostings): RunPostings {
  const keep = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).filter(([, amount]) => amount !== 0));
  return { ...postings, costs: keep(postings.costs), payees: keep(postings.payees) };
}

export function mergePostings(into: RunPostings, from: RunPostings): void {
  for (const [key, amount] of Object.entries(from.costs)) into.costs[key] = (into.costs[key] ?? 0) + amount;
  for (const [payee, amount] of Object.entries(from.payees))
    into.payees[payee] = (into.payees[payee] ?? 0) + amount;
  into.payslips += from.payslips;
  into.incomeTax += from.incomeTax;
  into.employeeNi += from.employeeNi;
  into.employerNi += from.employerNi;
  into.pensionEmployee += from.pensionEmployee;
  into.pensionEmployer += from.pensionEmployer;
  into.studentLoan += from.studentLoan;
  into.postgraduateLoan += from.postgraduateLoan;
  into.netPay += from.netPay;
  into.anytimePayRecovered += from.anytimePayRecovered;
  into.gross += from.gross;
}

const thirdPartyTotal = (postings: RunPostings) =>
  Object.values(postings.payees).reduce((sum, amount) => sum + amount, 0);

/**
 * The run's journal: pay costs debited by cost centre and account; PAYE
 * (230100), NI (230200), NHS Pensions (230300), student loans (230400), net
 * pay (230500) and third parties (230600) credited; anytime pay already
 * advanced credited back to salary advances (130500). A figure that comes out
 * negative (a net refund of tax) is posted on the other side.
 */
export function runJournal(
  postings: RunPostings,
  run: { id: string; payDate: LocalDate; description: string },
): JournalInput {
  const lines: JournalLineInput[] = [];
  const post = (accountCode: string, creditAmount: number, costCentreCode: string | null = null) => {
    if (creditAmount === 0) return;
    lines.push({
      accountCode,
      costCentreCode,
      side: creditAmount > 0 ? 'credit' : 'debit',
      amountPence: pence(Math.abs(creditAmount)) as Pence,
    });
  };
  for (const key of Object.keys(postings.costs).sort()) {
    const [costCentre = '', account = ''] = key.split('|');
    post(account, -(postings.costs[key] ?? 0), costCentre);
  }
  post(CONTROL_ACCOUNTS.payeIncomeTax, postings.incomeTax);
  post(CONTROL_ACCOUNTS.nationalInsurance, postings.employeeNi + postings.employerNi);
  post(CONTROL_ACCOUNTS.nhsPension, postings.pensionEmployee + postings.pensionEmployer);
  post(CONTROL_ACCOUNTS.studentLoans, postings.studentLoan + postings.postgraduateLoan);
  post(CONTROL_ACCOUNTS.thirdPartyDeductions, thirdPartyTotal(postings));
  post(CONTROL_ACCOUNTS.salaryAdvances, postings.anytimePayRecovered);
  post(CONTROL_ACCOUNTS.netPayControl, postings.netPay);
  return {
    accountingDate: run.payDate,
    sourceModule: 'payroll',
    sourceId: run.id,
    reasonCode: 'PAYROLL_COMMIT',
    description: run.description,
    idempotencyKey: `payroll:${run.id}:commit`,
    lines,
  };
}
