import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type PayrollErrorCode =
  | 'EMPLOYER_NOT_SET_UP'
  | 'EMPLOYER_INVALID'
  | 'EMPLOYEE_INVALID'
  | 'EMPLOYEE_NOT_FOUND'
  | 'PAYROLL_NUMBER_TAKEN'
  | 'PAY_RECORD_CHANGE_INVALID'
  | 'BANK_DETAILS_INVALID'
  | 'BANK_DETAILS_NOT_FOUND'
  | 'BANK_DETAILS_ALREADY_DECIDED'
  | 'BANK_DETAILS_SAME_PERSON'
  | 'DEDUCTION_ORDER_INVALID'
  | 'DEDUCTION_ORDER_NOT_FOUND'
  | 'CLAIM_INVALID'
  | 'PAY_AWARD_INVALID'
  | 'ABSENCE_INVALID'
  | 'PAY_RUN_INVALID'
  | 'PAY_RUN_NOT_FOUND'
  | 'PAY_RUN_EXISTS'
  | 'PAY_RUN_IN_PROGRESS'
  | 'PAY_RUN_WRONG_STATUS'
  | 'PAY_RUN_NOT_PREVIEWED'
  | 'PAY_RUN_UNRESOLVED_INPUT'
  | 'PAY_RUN_SAME_PERSON'
  | 'PAY_RUN_INPUTS_CHANGED'
  | 'PAY_RUN_EXCLUSION_INVALID'
  | 'PAYSLIP_NOT_FOUND'
  | 'ANYTIME_PAY_DISABLED'
  | 'ANYTIME_PAY_NOT_AVAILABLE'
  | 'ANYTIME_PAY_BELOW_MINIMUM'
  | 'ANYTIME_PAY_OVER_LIMIT'
  | 'ANYTIME_PAY_TOO_MANY_DRAWS'
  | 'QUERY_INVALID'
  | 'QUERY_NOT_FOUND'
  | 'QUERY_ALREADY_RESOLVED'
  | 'NOT_AN_EMPLOYEE';

const KIND: Record<PayrollErrorCode, ErrorKind> = {
  EMPLOYER_NOT_SET_UP: 'conflict',
  EMPLOYER_INVALID: 'invalid',
  EMPLOYEE_INVALID: 'invalid',
  EMPLOYEE_NOT_FOUND: 'not-found',
  PAYROLL_NUMBER_TAKEN: 'conflict',
  PAY_RECORD_CHANGE_INVALID: 'invalid',
  BANK_DETAILS_INVALID: 'invalid',
  BANK_DETAILS_NOT_FOUND: 'not-found',
  BANK_DETAILS_ALREADY_DECIDED: 'conflict',
  BANK_DETAILS_SAME_PERSON: 'forbidden',
  DEDUCTION_ORDER_INVALID: 'invalid',
  DEDUCTION_ORDER_NOT_FOUND: 'not-found',
  CLAIM_INVALID: 'invalid',
  PAY_AWARD_INVALID: 'invalid',
  ABSENCE_INVALID: 'invalid',
  PAY_RUN_INVALID: 'invalid',
  PAY_RUN_NOT_FOUND: 'not-found',
  PAY_RUN_EXISTS: 'conflict',
  PAY_RUN_IN_PROGRESS: 'conflict',
  PAY_RUN_WRONG_STATUS: 'conflict',
  PAY_RUN_NOT_PREVIEWED: 'conflict',
  PAY_RUN_UNRESOLVED_INPUT: 'conflict',
  PAY_RUN_SAME_PERSON: 'forbidden',
  PAY_RUN_INPUTS_CHANGED: 'conflict',
  PAY_RUN_EXCLUSION_INVALID: 'invalid',
  PAYSLIP_NOT_FOUND: 'not-found',
  ANYTIME_PAY_DISABLED: 'forbidden',
  ANYTIME_PAY_NOT_AVAILABLE: 'conflict',
  ANYTIME_PAY_BELOW_MINIMUM: 'invalid',
  ANYTIME_PAY_OVER_LIMIT: 'invalid',
  ANYTIME_PAY_TOO_MANY_DRAWS: 'conflict',
  QUERY_INVALID: 'invalid',
  QUERY_NOT_FOUND: 'not-found',
  QUERY_ALREADY_RESOLVED: 'conflict',
  NOT_AN_EMPLOYEE: 'forbidden',
};

export const payrollError = (
  code: PayrollErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
) => new DomainError(code, KIND[code], message, issues);

/** Turns a zod failure into the issues a person can act on, each naming its field. */
export function issuesFromZod(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] },
  prefix = '',
): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || prefix || '$',
    rule: issue.code,
    message: issue.message,
  }));
}
