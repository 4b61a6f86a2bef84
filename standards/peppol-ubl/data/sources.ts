/**
 * Where each shipped data file comes from, relative to the shared fixtures folder. The generator
 * (generate.ts) and the agreement test (data.test.ts) both read this table.
 */
import type { CenListName } from './extract';

export const CEN_SCHEMATRON = 'en16931-validation/schematron/EN16931-UBL-validation-preprocessed.sch';
export const PEPPOL_SCHEMATRON = 'peppol-bis-billing-3/schematron/PEPPOL-EN16931-UBL.sch';
export const PEPPOL_CODE_LIST_FOLDER = 'peppol-bis-billing-3/codelists';

export const CEN_LIST_NAMES: readonly CenListName[] = [
  'invoice-type-codes',
  'credit-note-type-codes',
  'currency-codes',
  'invoice-period-description-codes',
  'reference-qualifier-codes',
  'text-subject-codes',
  'identifier-scheme-codes',
  'item-classification-codes',
  'country-codes',
  'payment-means-codes',
  'vat-category-codes',
  'allowance-reason-codes',
  'charge-reason-codes',
  'vat-exemption-reason-codes',
  'unit-codes',
  'electronic-address-scheme-codes',
  'vat-identifier-prefixes',
  'mime-codes',
];

/** PEPPOL BIS 3.0.19 code list files (structure/codelist upstream) and the data file each becomes. */
export const PEPPOL_CODE_LIST_FILES: Readonly<Record<string, string>> = {
  'eas.xml': 'eas',
  'icd.xml': 'icd',
  'ISO3166-1_Alpha2.xml': 'iso3166-1-alpha2',
  'ISO4217_2015.xml': 'iso4217',
  'MimeCode.xml': 'mime-codes',
  'SEPA.xml': 'sepa',
  'UNCL1001-cn.xml': 'uncl1001-credit-note',
  'UNCL1001-inv.xml': 'uncl1001-invoice',
  'UNCL1153.xml': 'uncl1153',
  'UNCL2005.xml': 'uncl2005',
  'UNCL4461.xml': 'uncl4461',
  'UNCL5189.xml': 'uncl5189',
  'UNCL5305.xml': 'uncl5305',
  'UNCL7143.xml': 'uncl7143',
  'UNCL7161.xml': 'uncl7161',
  'UNECERec20-11e.xml': 'unece-rec20',
  'VATEX.xml': 'vatex',
};
