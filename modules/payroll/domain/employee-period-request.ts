import type { ValidationIssue } from '../../../kernel/errors';
import { type StudentLoanPlan, studentLoanPlans, type TaxYearReference } from '../reference-data';
import type { EmployeePeriodInput } from './employee-period';
import { taxCodeProblemForYear } from './income-tax';
import { niCategoryFor } from './national-insurance';
import { frequencyRules, isPayFrequency, payFrequencies } from './pay-frequency';
import { MAX_MONEY_INPUT } from './rounding';
import { unavailableLoanPlans } from './student-loans';
import { parseTaxCode, type TaxCodeParse } from './tax-code';

/**
 * Reads one employee-period request as the CLI and the web what-if
 * calculator receive it (the JSON shape of issue #4, money in pence) into the
 * engine's input, naming every bad field. Fields that are valid are kept so
 * that the calculations not depending on a bad field can still be made.
 */
export type EmployeePeriodRequestRead = {
  readonly fields: Partial<EmployeePeriodInput>;
  readonly issues: readonly ValidationIssue[];
};

export const employeePeriodRequestFields = [
  'taxYear',
  'payFrequency',
  'period',
  'taxCode',
  'week1Month1',
  'taxablePay',
  'previousTaxablePay',
  'previousTax',
  'niCategory',
  'niablePay',
  'studentLoanPlans',
  'postgraduateLoan',
  'pensionablePay',
] as const;

type Issues = ValidationIssue[];
type Raw = Record<string, unknown>;

const formatLimit = `£${(MAX_MONEY_INPUT / 100).toLocaleString('en-GB')}`;

function readPence(raw: Raw, field: string, issues: Issues, allowNegative: boolean): number | undefined {
  const value = raw[field];
  const problem = (rule: string, message: string) => {
    issues.push({ path: field, rule, message });
    return undefined;
  };
  if (value === undefined || value === null) return problem('required', 'is required (integer pence)');
  if (typeof value !== 'number' || !Number.isInteger(value))
    return problem('integer-pence', `must be a whole number of pence, got ${JSON.stringify(value)}`);
  if (!allowNegative && value < 0) return problem('not-negative', `must not be negative, got ${value}`);
  if (Math.abs(value) > MAX_MONEY_INPUT)
    return problem('within-limit', `${value} pence is beyond the engine's limit of ${formatLimit}`);
  return value;
}

function readBoolean(raw: Raw, field: string, issues: Issues): boolean | undefined {
  const value = raw[field];
  if (typeof value === 'boolean') return value;
  issues.push({
    path: field,
    rule: value === undefined ? 'required' : 'boolean',
    message:
      value === undefined
        ? 'is required (true or false)'
        : `must be true or false, got ${JSON.stringify(value)}`,
  });
  return undefined;
}

function readLoanPlans(raw: Raw, reference: TaxYearReference, issues: Issues): StudentLoanPlan[] | undefined {
  const value = raw.studentLoanPlans;
  if (!Array.isArray(value)) {
    issues.push({
      path: 'studentLoanPlans',
      rule: value === undefined ? 'required' : 'array',
      message: 'must be a list of plans such as ["2"] ([] for none)',
    });
    return undefined;
  }
  const plans: StudentLoanPlan[] = [];
  const before = issues.length;
  value.forEach((item, index) => {
    const plan = (studentLoanPlans as readonly unknown[]).find((known) => known === item);
    if (plan === undefined) {
      issues.push({
        path: `studentLoanPlans[${index}]`,
        rule: 'student-loan-plan',
        message: `${JSON.stringify(item)} is not a plan: use "1", "2", "4" or "5" (the postgraduate loan is postgraduateLoan)`,
      });
    } else if (!plans.includes(plan as StudentLoanPlan)) {
      plans.push(plan as StudentLoanPlan);
    }
  });
  for (const missing of unavailableLoanPlans(plans, reference)) {
    issues.push({
      path: `studentLoanPlans[${value.indexOf(missing.plan)}]`,
      rule: 'plan-collected-in-year',
      message: missing.reason,
    });
  }
  return issues.length === before ? plans : undefined;
}

/**
 * A stream of requests repeats a handful of codes (1257L, BR …), so parses are
 * memoised; the memo is emptied when full so that odd input cannot grow it.
 */
const parsedCodes = new Map<string, TaxCodeParse>();
const PARSED_CODES_LIMIT = 4096;

function parseTaxCodeMemoised(text: string): TaxCodeParse {
  let parsed = parsedCodes.get(text);
  if (!parsed) {
    if (parsedCodes.size >= PARSED_CODES_LIMIT) parsedCodes.clear();
    parsed = parseTaxCode(text);
    parsedCodes.set(text, parsed);
  }
  return parsed;
}

function readTaxCode(
  raw: Raw,
  reference: TaxYearReference,
  issues: Issues,
): EmployeePeriodInput['taxCode'] | undefined {
  const value = raw.taxCode;
  if (typeof value !== 'string') {
    issues.push({ path: 'taxCode', rule: 'required', message: 'is required, e.g. "1257L"' });
    return undefined;
  }
  const parsed = parseTaxCodeMemoised(value);
  if (!parsed.ok) {
    issues.push({ path: 'taxCode', rule: 'tax-code-form', message: parsed.reason });
    return undefined;
  }
  const problem = taxCodeProblemForYear(parsed.code, reference.incomeTax);
  if (problem) {
    issues.push({ path: 'taxCode', rule: 'tax-code-in-year', message: problem.reason });
    return undefined;
  }
  return parsed.code;
}

/** The request's JSON object, read against the reference data of its tax year. */
export function readEmployeePeriodRequest(raw: Raw, reference: TaxYearReference): EmployeePeriodRequestRead {
  const issues: Issues = [];
  for (const field of Object.keys(raw)) {
    if (!(employeePeriodRequestFields as readonly string[]).includes(field))
      issues.push({ path: field, rule: 'known-field', message: 'is not a field of a payroll calc request' });
  }

  const frequency = isPayFrequency(raw.payFrequency) ? raw.payFrequency : undefined;
  if (!frequency) {
    issues.push({
      path: 'payFrequency',
      rule: 'pay-frequency',
      message: `must be one of ${payFrequencies.join(', ')}, got ${JSON.stringify(raw.payFrequency)}`,
    });
  }

  let period: number | undefined;
  if (typeof raw.period !== 'number' || !Number.isInteger(raw.period)) {
    issues.push({
      path: 'period',
      rule: 'integer',
      message: `must be a whole pay-day number, got ${JSON.stringify(raw.period)}`,
    });
  } else if (frequency) {
    const { maxPeriod, periodName } = frequencyRules[frequency];
    if (raw.period < 1 || raw.period > maxPeriod) {
      issues.push({
        path: 'period',
        rule: 'period-in-year',
        message: `${periodName} ${raw.period} does not exist: ${frequency} pay days run 1 to ${maxPeriod}`,
      });
    } else {
      period = raw.period;
    }
  }

  let niCategory: string | undefined;
  if (typeof raw.niCategory !== 'string' || !niCategoryFor(raw.niCategory.toUpperCase(), reference)) {
    const known = Object.keys(reference.nationalInsurance.categories).join(', ');
    issues.push({
      path: 'niCategory',
      rule: 'ni-category-known',
      message: `${JSON.stringify(raw.niCategory)} is not an NI category letter in ${reference.taxYear} (${known})`,
    });
  } else {
    niCategory = raw.niCategory.toUpperCase();
  }

  const fields: Partial<EmployeePeriodInput> = {
    frequency,
    period,
    taxCode: readTaxCode(raw, reference, issues),
    week1Month1: readBoolean(raw, 'week1Month1', issues),
    taxablePay: readPence(raw, 'taxablePay', issues, true),
    previousTaxablePay: readPence(raw, 'previousTaxablePay', issues, false),
    previousTax: readPence(raw, 'previousTax', issues, true),
    niCategory,
    niablePay: readPence(raw, 'niablePay', issues, false),
    studentLoanPlans: readLoanPlans(raw, reference, issues),
    postgraduateLoan: readBoolean(raw, 'postgraduateLoan', issues),
    pensionablePay: readPence(raw, 'pensionablePay', issues, false),
  };
  return { fields, issues };
}
