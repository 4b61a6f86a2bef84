export {
  calculateEmployeePeriod,
  calculateEmployeePeriodParts,
  type EmployeePeriodInput,
  type EmployeePeriodParts,
  type EmployeePeriodResult,
} from './employee-period';
export {
  type EmployeePeriodRequestRead,
  employeePeriodRequestFields,
  readEmployeePeriodRequest,
} from './employee-period-request';
export {
  type Explanation,
  explainEmployeePeriod,
  explainIncomeTax,
  explainLoan,
  explainNationalInsurance,
  explainPension,
  formatRate,
} from './explain';
export {
  calculateIncomeTax,
  type IncomeTaxBasis,
  type IncomeTaxInput,
  type IncomeTaxResult,
  type IncomeTaxTrace,
  periodFreePay,
  taxCodeProblemForYear,
} from './income-tax';
export {
  calculateNationalInsurance,
  type NationalInsuranceInput,
  type NationalInsuranceResult,
  type NationalInsuranceTrace,
  type NiBandEarnings,
  niCategoryFor,
} from './national-insurance';
export {
  annualisePensionablePay,
  calculateNhsPension,
  type EmployerPensionFunding,
  type NhsPensionInput,
  type NhsPensionResult,
  type NhsPensionTrace,
  nhsPensionTier,
} from './nhs-pension';
export { afcPayPoint, type PeriodShare } from './pay-elements/agenda-for-change';
export { type BasicPayInput, basicPay, type HcasInput, hcasPayment } from './pay-elements/basic-pay';
export {
  type BankShiftInput,
  bankShiftPayment,
  type ExtraHoursInput,
  extraHoursPayments,
  type OnCallAvailability,
  type OnCallInput,
  onCallPayments,
  type UnsocialHoursInput,
  unsocialHoursPayments,
} from './pay-elements/hours-payments';
export {
  type Centihours,
  type PayElementLine,
  type PayTotals,
  summarisePayElements,
} from './pay-elements/pay-element';
export { type SalarySacrificeInput, salarySacrifice } from './pay-elements/salary-sacrifice';
export {
  type MaternityPayInput,
  type SickPayInput,
  statutoryMaternityPay,
  statutorySickPay,
} from './pay-elements/statutory-pay';
export {
  type FrequencyRules,
  frequencyRules,
  isPayFrequency,
  type PayFrequency,
  payFrequencies,
  type TaxPeriodPosition,
  taxPeriodPosition,
} from './pay-frequency';
export { MAX_MONEY_INPUT } from './rounding';
export {
  calculateStudentLoans,
  type LoanDeductionTrace,
  type StudentLoanInput,
  type StudentLoanResult,
  unavailableLoanPlans,
} from './student-loans';
export { parseTaxCode, type TaxCode, type TaxCodeBody, type TaxCodeParse } from './tax-code';
