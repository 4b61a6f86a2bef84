export {
  type BacsHashPayment,
  bacsHashCanonicalString,
  bacsHashCode,
  bacsHashCodeForRecord,
  rtiRandomString,
} from './bacs-hash';
export {
  toRtiAddressLine,
  toRtiCountry,
  toRtiInitials,
  toRtiName,
  toRtiPostcode,
  toRtiTitle,
} from './charsets';
export { splitTaxCode } from './fps-builder';
export { writeFullPaymentSubmission } from './fps-writer';
export { FPS_NI_NUMBER_PATTERN } from './rules';
export { fpsNamespace, parseTaxYear, type TaxYear } from './tax-year';
export type {
  FpsEmployee,
  FpsEmployment,
  FpsInput,
  FpsNiLine,
  FpsPayment,
  HoursWorkedBand,
  PayFrequency,
  StudentLoanPlan,
} from './types';
