import { formatPounds } from '../../../kernel/money';
import type { EmployeePeriodResult } from './employee-period';
import type { IncomeTaxTrace } from './income-tax';
import type { NationalInsuranceTrace } from './national-insurance';
import type { NhsPensionTrace } from './nhs-pension';
import { frequencyRules } from './pay-frequency';
import type { LoanDeductionTrace } from './student-loans';

/**
 * Why a payslip figure is what it is: the rule that produced it and the
 * figures it used, in words a payroll officer or employee can follow.
 * Rendering is separate from calculation so that the engine stays fast and
 * the words are only built when someone asks.
 */
export type Explanation = { readonly rule: string; readonly text: string };

const money = (pence: number): string => formatPounds(BigInt(pence));

export const formatRate = (basisPoints: number): string => {
  const whole = Math.floor(basisPoints / 100);
  const fraction = (basisPoints % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
};

function payDayLabel(trace: IncomeTaxTrace): string {
  const rules = frequencyRules[trace.frequency];
  const day = `${rules.periodName} ${trace.period}`;
  return rules.weeksPerPeriod > 1 ? `${day} (tax week ${trace.period * rules.weeksPerPeriod})` : day;
}

function basisLabel(trace: IncomeTaxTrace): string {
  const table = trace.tableBase === 12 ? `month ${trace.tablePeriod}` : `week ${trace.tablePeriod}`;
  switch (trace.basis) {
    case 'cumulative':
      return `cumulative to ${table}`;
    case 'week1-month1':
      return `week 1/month 1 basis on the ${table} tables, this period's pay only, no refunds`;
    case 'extra-pay-day':
      return `extra pay day taxed on its own on the ${table} tables (PAYE70015)`;
  }
}

function afterTaxToDate(trace: IncomeTaxTrace, tax: number): string {
  const parts: string[] = [];
  if (trace.basis === 'cumulative') {
    parts.push(`less tax already deducted ${money(trace.previousTax)} = ${money(trace.taxDueBeforeLimit)}`);
  }
  if (trace.regulatoryLimit !== null) {
    parts.push(`limited to ${money(tax)}, 50% of this period's pay (regulatory limit)`);
  }
  return parts.length ? `; ${parts.join('; ')}` : '';
}

export function explainIncomeTax(trace: IncomeTaxTrace, tax: number): Explanation {
  const head = `Tax code ${trace.codeText}, ${payDayLabel(trace)}, ${basisLabel(trace)}`;
  const payWord = trace.basis === 'cumulative' ? 'pay to date' : "this period's pay";
  switch (trace.rule) {
    case 'paye.no-tax':
      return {
        rule: trace.rule,
        text: `${head}: no tax is due under code NT${afterTaxToDate(trace, tax)}${tax < 0 ? ' (refund)' : ''}.`,
      };
    case 'paye.flat-rate':
      return {
        rule: trace.rule,
        text: `${head}: ${payWord} ${money(trace.payToDate)} taken as ${money(trace.taxablePayToDate)} (whole pounds) at ${formatRate(trace.topRateBps)} = tax to date ${money(trace.taxToDate)}${afterTaxToDate(trace, tax)}.`,
      };
    case 'paye.tables': {
      const perPeriod = (toDate: number) =>
        trace.tablePeriod > 1 ? ` (${money(toDate / trace.tablePeriod)} × ${trace.tablePeriod})` : '';
      const allowance =
        trace.additionalPayToDate > 0
          ? `plus additional pay ${money(trace.additionalPayToDate)}${perPeriod(trace.additionalPayToDate)}`
          : `less free pay ${money(trace.freePayToDate)}${perPeriod(trace.freePayToDate)}`;
      const taxable =
        trace.taxablePayToDate > 0
          ? `taxable pay ${money(trace.taxablePayToDate)} (rounded down to whole pounds), tax ${money(trace.taxToDate)} reaching the ${formatRate(trace.topRateBps)} band`
          : 'no taxable pay, so no tax';
      return {
        rule: trace.rule,
        text: `${head}: ${payWord} ${money(trace.payToDate)} ${allowance} gives ${taxable}${afterTaxToDate(trace, tax)}.`,
      };
    }
  }
}

export function explainNationalInsurance(
  trace: NationalInsuranceTrace,
  employee: number,
  employer: number,
): Explanation[] {
  if (trace.rule === 'ni.not-liable') {
    return [
      { rule: trace.rule, text: `NI category ${trace.category}: no Class 1 National Insurance is due.` },
    ];
  }
  const employeeParts = [
    `${money(trace.employeeMainBand)} between the primary threshold ${money(trace.primaryThreshold)} and the upper earnings limit ${money(trace.upperEarningsLimit)} at ${formatRate(trace.employeeMainRateBps)}`,
  ];
  if (trace.employeeAdditionalBand > 0) {
    employeeParts.push(
      `${money(trace.employeeAdditionalBand)} above it at ${formatRate(trace.employeeAdditionalRateBps)}`,
    );
  }
  return [
    {
      rule: 'ni.employee',
      text: `Employee NI, category ${trace.category} on ${money(trace.niablePay)}: ${employeeParts.join(' plus ')}, each band rounded by the exact-percentage rule = ${money(employee)}.`,
    },
    {
      rule: 'ni.employer',
      text: `Employer NI, category ${trace.category}: ${money(trace.employerBand)} above the ${trace.employerThresholdName} ${money(trace.employerThreshold)} at ${formatRate(trace.employerRateBps)} = ${money(employer)}.`,
    },
  ];
}

export function explainLoan(trace: LoanDeductionTrace): Explanation | null {
  if (trace.rule === 'student-loan.none' || trace.scheme === null) return null;
  const name = trace.scheme === 'postgraduate' ? 'Postgraduate loan' : `Student loan plan ${trace.scheme}`;
  const averaging =
    trace.weeksAveraged > 1 ? `, averaged over ${trace.weeksAveraged} weeks and multiplied back` : '';
  return {
    rule: trace.scheme === 'postgraduate' ? 'postgraduate-loan.period' : trace.rule,
    text: `${name}: ${formatRate(trace.rateBps)} of earnings ${money(trace.earnings)} above the period threshold ${money(trace.periodThreshold)}${averaging}, rounded down to the pound = ${money(trace.deduction)}.`,
  };
}

export function explainPension(trace: NhsPensionTrace, employee: number, employer: number): Explanation {
  const band =
    trace.tierUpTo === null ? 'the top tier' : `tier ${trace.tier} (up to ${money(trace.tierUpTo)})`;
  return {
    rule: trace.rule,
    text: `NHS Pension: annual pensionable pay ${money(trace.annualPensionablePay)} is in ${band}, member rate ${formatRate(trace.memberRateBps)} of ${money(trace.pensionablePay)} = ${money(employee)}; employer ${formatRate(trace.employerLocalRateBps)} = ${money(employer)}${trace.employerCentralRateBps > 0 ? ` (a further ${formatRate(trace.employerCentralRateBps)} is paid centrally)` : ''}.`,
  };
}

/** Every explanation for one employee-period, in payslip order. */
export function explainEmployeePeriod(result: EmployeePeriodResult): Explanation[] {
  const { incomeTax, nationalInsurance, studentLoans, pension } = result;
  return [
    explainIncomeTax(incomeTax.trace, incomeTax.tax),
    ...explainNationalInsurance(
      nationalInsurance.trace,
      nationalInsurance.employee,
      nationalInsurance.employer,
    ),
    explainLoan(studentLoans.studentLoanTrace),
    explainLoan(studentLoans.postgraduateTrace),
    explainPension(pension.trace, pension.employee, pension.employer),
  ].filter((line): line is Explanation => line !== null);
}
