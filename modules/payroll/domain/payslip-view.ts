import type { DeductionKind, PayElementKind } from '../reference-data';
import type { Explanation } from './explain';
import { explainIncomeTax, explainLoan, explainNationalInsurance, explainPension } from './explain';
import type { CalculatedPayslip, PayslipFigures, YtdFigures } from './payslip/types';

/**
 * A payslip as people read it: every line with a stable reference (so a
 * query can be raised from it), a label, the amount and the rule that made
 * it — "why is my tax this?" answered line by line.
 */
export type PayslipLineView = {
  ref: string;
  kind: string;
  label: string;
  amount: number;
  arrearsFor: string | null;
  explanation: Explanation | null;
};

export type PayslipView = {
  pay: PayslipLineView[];
  deductions: PayslipLineView[];
  employerCosts: PayslipLineView[];
  figures: PayslipFigures;
  ytd: YtdFigures;
  taxCode: string;
  week1Month1: boolean;
  niLetter: string;
  pensionTier: number;
  costCentreCode: string;
};

export const LINE_LABELS: Record<PayElementKind | DeductionKind, string> = {
  'basic-pay': 'Basic pay',
  'additional-hours': 'Additional hours',
  hcas: 'High Cost Area Supplement',
  'unsocial-hours': 'Unsocial hours',
  overtime: 'Overtime',
  'on-call-availability': 'On-call availability',
  'on-call-work': 'On-call work',
  'statutory-sick-pay': 'Statutory sick pay',
  'statutory-maternity-pay': 'Statutory maternity pay',
  'salary-sacrifice': 'Salary sacrifice',
  'bank-shift': 'Bank shifts',
  'payroll-giving': 'Payroll giving',
  'voluntary-deduction': 'Voluntary deduction',
  'attachment-of-earnings': 'Attachment of earnings',
  'anytime-pay-recovery': 'Anytime pay already drawn',
};

export function payslipView(payslip: CalculatedPayslip): PayslipView {
  const { statutory, figures } = payslip;
  const [employeeNi, employerNi] = explainNationalInsurance(
    statutory.nationalInsurance.trace,
    figures.employeeNi,
    figures.employerNi,
  );
  const deductions: PayslipLineView[] = [
    {
      ref: 'income-tax',
      kind: 'income-tax',
      label: figures.incomeTax < 0 ? 'Income tax refund' : 'Income tax',
      amount: figures.incomeTax,
      arrearsFor: null,
      explanation: explainIncomeTax(statutory.incomeTax.trace, figures.incomeTax),
    },
    {
      ref: 'employee-ni',
      kind: 'employee-ni',
      label: 'National Insurance',
      amount: figures.employeeNi,
      arrearsFor: null,
      explanation: employeeNi ?? null,
    },
  ];
  if (figures.pensionEmployee > 0 || figures.pensionable > 0)
    deductions.push({
      ref: 'pension',
      kind: 'pension',
      label: `NHS Pension (tier ${payslip.pensionTier})`,
      amount: figures.pensionEmployee,
      arrearsFor: null,
      explanation: explainPension(statutory.pension.trace, figures.pensionEmployee, figures.pensionEmployer),
    });
  if (figures.studentLoan > 0)
    deductions.push({
      ref: 'student-loan',
      kind: 'student-loan',
      label: 'Student loan',
      amount: figures.studentLoan,
      arrearsFor: null,
      explanation: explainLoan(statutory.studentLoans.studentLoanTrace),
    });
  if (figures.postgraduateLoan > 0)
    deductions.push({
      ref: 'postgraduate-loan',
      kind: 'postgraduate-loan',
      label: 'Postgraduate loan',
      amount: figures.postgraduateLoan,
      arrearsFor: null,
      explanation: explainLoan(statutory.studentLoans.postgraduateTrace),
    });
  payslip.deductions.forEach((line, index) => {
    deductions.push({
      ref: `deduction-${index + 1}`,
      kind: line.kind,
      label: line.payee ? `${LINE_LABELS[line.kind]}: ${line.payee}` : LINE_LABELS[line.kind],
      amount: line.amount,
      arrearsFor: null,
      explanation: line.explanation,
    });
  });
  return {
    pay: payslip.lines.map((line, index) => ({
      ref: `pay-${index + 1}`,
      kind: line.kind,
      label: line.arrearsFor
        ? `${LINE_LABELS[line.kind]} arrears (${line.arrearsFor})`
        : LINE_LABELS[line.kind],
      amount: line.amount,
      arrearsFor: line.arrearsFor,
      explanation: line.explanation,
    })),
    deductions,
    employerCosts: [
      {
        ref: 'employer-ni',
        kind: 'employer-ni',
        label: 'Employer National Insurance',
        amount: figures.employerNi,
        arrearsFor: null,
        explanation: employerNi ?? null,
      },
      {
        ref: 'employer-pension',
        kind: 'employer-pension',
        label: 'Employer NHS Pension contribution',
        amount: figures.pensionEmployer,
        arrearsFor: null,
        explanation: explainPension(
          statutory.pension.trace,
          figures.pensionEmployee,
          figures.pensionEmployer,
        ),
      },
    ],
    figures,
    ytd: payslip.ytd,
    taxCode: payslip.taxCode,
    week1Month1: payslip.week1Month1,
    niLetter: payslip.niLetter,
    pensionTier: payslip.pensionTier,
    costCentreCode: payslip.costCentreCode,
  };
}

/** Finds a line of a payslip view by its reference. */
export function lineOf(view: PayslipView, ref: string): PayslipLineView | null {
  return [...view.pay, ...view.deductions, ...view.employerCosts].find((line) => line.ref === ref) ?? null;
}
