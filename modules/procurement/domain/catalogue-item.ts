import type { ValidationIssue } from '../../../kernel/errors';
import { type Pence, pence } from '../../../kernel/money';
import { lookupGs1Prefix, validateGtin } from '../../../standards/gs1';
import { unitName } from '../../../standards/peppol-ubl';
import { categoryOf } from './categories';

export type CatalogueItemInput = {
  /** GTIN-8/12/13/14; stored as the 14-digit form */
  gtin?: string | null;
  description: string;
  supplierItemCode: string;
  /** UN/ECE Recommendation 20 unit the item is ordered in, e.g. BX (box), EA (each), PK (pack) */
  unitCode: string;
  /** How many single items one ordering unit holds (a box of 100 gloves: 100) */
  packSize: number;
  categoryCode: string;
  /** Price per ordering unit, VAT exclusive, off contract */
  listPricePence: number | bigint;
  /** Default 2000 (20%) */
  vatRateBasisPoints?: number;
  /** Common-chart account the spend normally posts to; defaults to the category's */
  accountCode?: string | null;
};

export type CatalogueItemFields = {
  gtin: string | null;
  description: string;
  supplierItemCode: string;
  unitCode: string;
  packSize: number;
  categoryCode: string;
  listPricePence: Pence;
  vatRateBasisPoints: number;
  accountCode: string;
};

export const STANDARD_VAT_RATE_BASIS_POINTS = 2000;
const VAT_RATES = [0, 500, 2000];

/** Checks a GTIN's length, check digit and that it means the same thing everywhere (not restricted circulation). */
export function gtinIssue(
  raw: string,
  path = 'gtin',
): { gtin14: string | null; issue: ValidationIssue | null } {
  const check = validateGtin(raw.trim());
  if (!check.valid)
    return { gtin14: null, issue: { path, rule: `gtin-${check.fault}`, message: check.message } };
  const prefix = lookupGs1Prefix(raw.trim(), path);
  if (!prefix.globallyUnique) {
    return {
      gtin14: null,
      issue: {
        path,
        rule: 'gtin-globally-unique',
        message: `${raw.trim()} is not a globally unique GTIN: prefix ${prefix.prefix} is "${prefix.usage}"`,
      },
    };
  }
  return { gtin14: check.gtin14, issue: null };
}

export function checkUnitCode(unitCode: string, path: string): ValidationIssue | null {
  return unitName(unitCode) === undefined
    ? {
        path,
        rule: 'unit-code-known',
        message: `"${unitCode}" is not a UN/ECE Recommendation 20 unit code (for example EA each, BX box, PK pack)`,
      }
    : null;
}

/** The stored form of a catalogue item, with every field at fault named. */
export function readCatalogueItem(
  input: CatalogueItemInput,
  knownAccount: (code: string) => boolean,
): { fields: CatalogueItemFields; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const raw = input.gtin?.trim() ?? '';
  let gtin: string | null = null;
  if (raw !== '') {
    const checked = gtinIssue(raw);
    if (checked.issue) issues.push(checked.issue);
    gtin = checked.gtin14;
  }
  const description = input.description.trim().replace(/\s+/g, ' ');
  if (description.length === 0 || description.length > 300) {
    issues.push({
      path: 'description',
      rule: 'description-required',
      message: 'Describe the item (1–300 characters)',
    });
  }
  const supplierItemCode = input.supplierItemCode.trim();
  if (supplierItemCode === '' || supplierItemCode.length > 50) {
    issues.push({
      path: 'supplierItemCode',
      rule: 'supplier-item-code-required',
      message: 'Give the supplier’s own code for the item (1–50 characters)',
    });
  }
  const unitCode = input.unitCode.trim().toUpperCase();
  const unitProblem = checkUnitCode(unitCode, 'unitCode');
  if (unitProblem) issues.push(unitProblem);
  if (!Number.isInteger(input.packSize) || input.packSize <= 0) {
    issues.push({
      path: 'packSize',
      rule: 'pack-size-positive',
      message: 'Pack size is a whole number of at least 1',
    });
  }
  const category = categoryOf(input.categoryCode);
  if (!category) {
    issues.push({
      path: 'categoryCode',
      rule: 'category-known',
      message: `"${input.categoryCode}" is not a catalogue category`,
    });
  }
  const listPrice = BigInt(input.listPricePence);
  if (listPrice < 0n) {
    issues.push({
      path: 'listPricePence',
      rule: 'price-non-negative',
      message: 'A price cannot be negative',
    });
  }
  const vatRate = input.vatRateBasisPoints ?? STANDARD_VAT_RATE_BASIS_POINTS;
  if (!VAT_RATES.includes(vatRate)) {
    issues.push({
      path: 'vatRateBasisPoints',
      rule: 'vat-rate-known',
      message: 'A UK VAT rate: 0 (zero-rated), 500 (5%) or 2000 (20%) basis points',
    });
  }
  const accountCode = input.accountCode?.trim() || category?.accountCode || '';
  if (accountCode !== '' && !knownAccount(accountCode)) {
    issues.push({
      path: 'accountCode',
      rule: 'account-expenditure',
      message: `${accountCode} is not an expenditure account of the common chart`,
    });
  }
  return {
    fields: {
      gtin,
      description,
      supplierItemCode,
      unitCode,
      packSize: input.packSize,
      categoryCode: category?.code ?? input.categoryCode,
      listPricePence: pence(listPrice),
      vatRateBasisPoints: vatRate,
      accountCode,
    },
    issues,
  };
}

/** What a person searches an item by: its words, codes and GTIN, lower-cased. */
export function searchTextOf(fields: CatalogueItemFields, supplierName: string): string {
  return [
    fields.description,
    fields.supplierItemCode,
    fields.gtin ?? '',
    fields.gtin?.replace(/^0+/, '') ?? '',
    supplierName,
    fields.categoryCode,
  ]
    .join(' ')
    .toLowerCase();
}
