/**
 * The code lists the rules check against, loaded from the generated data files. CEN rules use
 * the lists embedded in the CEN 1.3.16 schematron, PEPPOL rules the PEPPOL BIS 3.0.19 lists;
 * the two differ slightly (e.g. currency codes) and each rule set must use its own.
 */
import allowanceReasonCodes from './cen/allowance-reason-codes.json';
import chargeReasonCodes from './cen/charge-reason-codes.json';
import countryCodes from './cen/country-codes.json';
import creditNoteTypeCodes from './cen/credit-note-type-codes.json';
import currencyCodes from './cen/currency-codes.json';
import electronicAddressSchemeCodes from './cen/electronic-address-scheme-codes.json';
import identifierSchemeCodes from './cen/identifier-scheme-codes.json';
import invoicePeriodDescriptionCodes from './cen/invoice-period-description-codes.json';
import invoiceTypeCodes from './cen/invoice-type-codes.json';
import itemClassificationCodes from './cen/item-classification-codes.json';
import cenMimeCodes from './cen/mime-codes.json';
import paymentMeansCodes from './cen/payment-means-codes.json';
import referenceQualifierCodes from './cen/reference-qualifier-codes.json';
import textSubjectCodes from './cen/text-subject-codes.json';
import unitCodes from './cen/unit-codes.json';
import vatCategoryCodes from './cen/vat-category-codes.json';
import vatExemptionReasonCodes from './cen/vat-exemption-reason-codes.json';
import vatIdentifierPrefixes from './cen/vat-identifier-prefixes.json';
import eas from './peppol/eas.json';
import icd from './peppol/icd.json';
import iso3166 from './peppol/iso3166-1-alpha2.json';
import iso4217 from './peppol/iso4217.json';
import peppolMimeCodes from './peppol/mime-codes.json';
import uncl1001CreditNote from './peppol/uncl1001-credit-note.json';
import uncl1001Invoice from './peppol/uncl1001-invoice.json';
import uncl2005 from './peppol/uncl2005.json';
import uncl4461 from './peppol/uncl4461.json';
import uncl5189 from './peppol/uncl5189.json';
import uncl5305 from './peppol/uncl5305.json';
import uncl7161 from './peppol/uncl7161.json';
import unitNames from './peppol/unece-rec20.json';
import vatex from './peppol/vatex.json';

type CenList = { readonly codes: readonly string[] };
type PeppolList = { readonly codes: readonly { readonly id: string; readonly name: string }[] };

const cenSet = (list: CenList): ReadonlySet<string> => new Set(list.codes);
const peppolSet = (list: PeppolList): ReadonlySet<string> => new Set(list.codes.map((code) => code.id));

/** Lists embedded in the CEN EN 16931 UBL schematron, release 1.3.16. */
export const cenCodes = {
  invoiceTypes: cenSet(invoiceTypeCodes),
  creditNoteTypes: cenSet(creditNoteTypeCodes),
  currencies: cenSet(currencyCodes),
  invoicePeriodDescriptions: cenSet(invoicePeriodDescriptionCodes),
  referenceQualifiers: cenSet(referenceQualifierCodes),
  /** BR-CL-08 tests `contains(' AAA AAB … ', code)`, a substring match, so it needs the joined text. */
  textSubjectsJoined: ` ${textSubjectCodes.codes.join(' ')} `,
  identifierSchemes: cenSet(identifierSchemeCodes),
  itemClassifications: cenSet(itemClassificationCodes),
  countries: cenSet(countryCodes),
  paymentMeans: cenSet(paymentMeansCodes),
  vatCategories: cenSet(vatCategoryCodes),
  allowanceReasons: cenSet(allowanceReasonCodes),
  chargeReasons: cenSet(chargeReasonCodes),
  vatExemptionReasons: cenSet(vatExemptionReasonCodes),
  units: cenSet(unitCodes),
  electronicAddressSchemes: cenSet(electronicAddressSchemeCodes),
  /** BR-CO-09 also tests a substring match against the joined list. */
  vatIdentifierPrefixesJoined: ` ${vatIdentifierPrefixes.codes.join(' ')} `,
  mimeCodes: cenSet(cenMimeCodes),
} as const;

/** PEPPOL BIS Billing 3.0.19 code lists. */
export const peppolCodes = {
  electronicAddressSchemes: peppolSet(eas),
  identifierSchemes: peppolSet(icd),
  countries: peppolSet(iso3166),
  currencies: peppolSet(iso4217),
  mimeCodes: peppolSet(peppolMimeCodes),
  invoiceTypes: peppolSet(uncl1001Invoice),
  creditNoteTypes: peppolSet(uncl1001CreditNote),
  invoicePeriodDescriptions: peppolSet(uncl2005),
  paymentMeans: peppolSet(uncl4461),
  allowanceReasons: peppolSet(uncl5189),
  vatCategories: peppolSet(uncl5305),
  chargeReasons: peppolSet(uncl7161),
  vatExemptionReasons: peppolSet(vatex),
} as const;

const unitNameByCode = new Map(unitNames.codes.map((code) => [code.id, code.name]));

/** The UN/ECE Recommendation 20 name of a unit of measure code, e.g. C62 → "one". */
export function unitName(code: string): string | undefined {
  return unitNameByCode.get(code);
}

/** Whether a code is a PEPPOL electronic address scheme (EAS), e.g. 0088 (GLN). */
export function isPeppolEasCode(code: string): boolean {
  return peppolCodes.electronicAddressSchemes.has(code);
}
