import { invalid } from '../../../kernel/errors';
import type { NiCategoryReference, StudentLoanPlan, TaxYearReference } from '../reference-data';
import { calculateIncomeTax, type IncomeTaxResult } from './income-tax';
import {
  calculateNationalInsurance,
  type NationalInsuranceResult,
  niCategoryFor,
} from './national-insurance';
import {
  annualisePensionablePay,
  calculateNhsPension,
  type EmployerPensionFunding,
  type NhsPensionResult,
} from './nhs-pension';
import type { PayFrequency } from './pay-frequency';
import { calculateStudentLoans, type StudentLoanResult } from './student-loans';
import type { TaxCode } from './tax-code';

/** Everything the statutory calculation needs for one employee and one pay day (money in pence). */
export type EmployeePeriodInput = {
  readonly frequency: PayFrequency;
  readonly period: number;
  readonly taxCode: TaxCode;
  readonly week1Month1: boolean;
  readonly taxablePay: number;
  readonly previousTaxablePay: number;
  readonly previousTax: number;
  readonly niCategory: string;
  readonly niablePay: number;
  readonly studentLoanPlans: readonly StudentLoanPlan[];
  readonly postgraduateLoan: boolean;
  readonly pensionablePay: number;
  /** Actual annual pensionable pay from the pay record; without it one period is annualised. */
  readonly annualPensionablePay?: number;
  readonly employerPensionFunding?: EmployerPensionFunding;
};

export type EmployeePeriodResult = {
  readonly incomeTax: IncomeTaxResult;
  readonly nationalInsurance: NationalInsuranceResult;
  readonly studentLoans: StudentLoanResult;
  readonly pension: NhsPensionResult;
};

/** Each calculation whose inputs were all valid; null where an input was missing or wrong. */
export type EmployeePeriodParts = {
  readonly [Part in keyof EmployeePeriodResult]: EmployeePeriodResult[Part] | null;
};

function nationalInsurancePart(
  fields: Partial<EmployeePeriodInput>,
  frequency: PayFrequency,
  reference: TaxYearReference,
): NationalInsuranceResult | null {
  const { niCategory, niablePay } = fields;
  if (niCategory === undefined || niablePay === undefined) return null;
  const category: NiCategoryReference | undefined = niCategoryFor(niCategory, reference);
  if (!category) return null;
  return calculateNationalInsurance({ category: niCategory, frequency, niablePay }, reference, category);
}

/**
 * Calculates every part whose inputs are present, so that one bad field (say
 * an impossible period number, which only matters to income tax) does not
 * hide the NI, loan and pension figures that do not depend on it.
 */
export function calculateEmployeePeriodParts(
  fields: Partial<EmployeePeriodInput>,
  reference: TaxYearReference,
): EmployeePeriodParts {
  const { frequency } = fields;
  if (frequency === undefined)
    return { incomeTax: null, nationalInsurance: null, studentLoans: null, pension: null };
  const { taxCode, period, week1Month1, taxablePay, previousTaxablePay, previousTax } = fields;
  const incomeTax =
    taxCode !== undefined &&
    period !== undefined &&
    week1Month1 !== undefined &&
    taxablePay !== undefined &&
    previousTaxablePay !== undefined &&
    previousTax !== undefined
      ? calculateIncomeTax(
          { code: taxCode, frequency, period, week1Month1, taxablePay, previousTaxablePay, previousTax },
          reference,
        )
      : null;
  const { niablePay, studentLoanPlans, postgraduateLoan, pensionablePay } = fields;
  const studentLoans =
    niablePay !== undefined && studentLoanPlans !== undefined && postgraduateLoan !== undefined
      ? calculateStudentLoans(
          { frequency, earnings: niablePay, plans: studentLoanPlans, postgraduate: postgraduateLoan },
          reference,
        )
      : null;
  const pension =
    pensionablePay !== undefined
      ? calculateNhsPension(
          {
            pensionablePay,
            annualPensionablePay:
              fields.annualPensionablePay ?? annualisePensionablePay(pensionablePay, frequency),
            employerFunding: fields.employerPensionFunding ?? 'central-funding',
          },
          reference,
        )
      : null;
  return {
    incomeTax,
    nationalInsurance: nationalInsurancePart(fields, frequency, reference),
    studentLoans,
    pension,
  };
}

/** The deductions and employer costs for one employee-period, each with the figures that produced it. */
export function calculateEmployeePeriod(
  input: EmployeePeriodInput,
  reference: TaxYearReference,
): EmployeePeriodResult {
  const { incomeTax, nationalInsurance, studentLoans, pension } = calculateEmployeePeriodParts(
    input,
    reference,
  );
  if (!incomeTax || !nationalInsurance || !studentLoans || !pension) {
    // With every input present, only an unknown category letter leaves a part uncalculated.
    throw invalid(
      'ni-category-unknown',
      `NI category ${input.niCategory} is not defined for ${reference.taxYear}`,
      [
        {
          path: 'niCategory',
          rule: 'ni-category-known',
          message: `unknown category letter ${input.niCategory}`,
        },
      ],
    );
  }
  return { incomeTax, nationalInsurance, studentLoans, pension };
}
