/**
 * The recurring shapes of the VAT category rules (BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*,
 * BR-G-*, BR-O-*, BR-AF-*, BR-AG-*). Each category file states which variant of each shape
 * its official assertions use; the variants differ in small ways (whether the tax scheme
 * must be VAT, which party identifiers count) and those differences are kept.
 */

import { stringValue, type XmlElement } from '../../xml/tree';
import {
  abs,
  add,
  type Decimal,
  decimal,
  divide,
  equals,
  multiply,
  round,
  sign,
  subtract,
} from '../../xpath/decimal';
import { children, decimalOf, exists, normalized, path } from '../../xpath/nav';
import { textComparesTo } from '../../xpath/values';
import type { Check, RuleContext } from '../engine';
import { chargeIndicatorIs, documentLines, hasVatScheme, sumDecimals } from '../helpers';

const ONE = decimal(1);
const HUNDRED = decimal(100);

/** What the category rules ask of a tax category, worked out once per document. */
type CategoryFacts = {
  /** normalize-space(cbc:ID) (the first ID). */
  readonly code: string;
  /** Every ID, space-normalised. */
  readonly ids: readonly string[];
  /** Under the VAT tax scheme. */
  readonly vat: boolean;
  /** xs:decimal(cbc:Percent) of the first Percent; undefined when absent or not a number. */
  readonly rate: Decimal | undefined;
};

function factsOf(context: RuleContext, category: XmlElement): CategoryFacts {
  const known = context.memo('category-facts', () => new Map<XmlElement, CategoryFacts>());
  let facts = known.get(category);
  if (facts === undefined) {
    const ids = children(category, 'cbc:ID').map((id) => normalized(id));
    facts = {
      code: ids[0] ?? '',
      ids,
      vat: hasVatScheme(category),
      rate: decimalOf(children(category, 'cbc:Percent')[0]),
    };
    known.set(category, facts);
  }
  return facts;
}

/** Where each category code is used in the document, gathered in one pass. */
type CategorySummary = {
  /** IDs of VAT-scheme tax categories and line categories, anywhere. */
  readonly vatIdsAnywhere: ReadonlySet<string>;
  /** First-ID codes of line (classified) categories, under VAT and under any scheme. */
  readonly lineCodesVat: ReadonlySet<string>;
  readonly lineCodesAny: ReadonlySet<string>;
  /** First-ID codes of VAT categories on allowances and on charges, at any level. */
  readonly allowanceCodesVat: ReadonlySet<string>;
  readonly chargeCodesVat: ReadonlySet<string>;
  /** How many breakdown (BG-23) category IDs under VAT carry each code. */
  readonly breakdownIdCounts: ReadonlyMap<string, number>;
};

function categorySummary(context: RuleContext): CategorySummary {
  return context.memo('category-summary', () => {
    const vatIdsAnywhere = new Set<string>();
    const lineCodesVat = new Set<string>();
    const lineCodesAny = new Set<string>();
    const allowanceCodesVat = new Set<string>();
    const chargeCodesVat = new Set<string>();
    const breakdownIdCounts = new Map<string, number>();
    for (const category of context.all('cac:ClassifiedTaxCategory')) {
      const facts = factsOf(context, category);
      lineCodesAny.add(facts.code);
      if (!facts.vat) continue;
      lineCodesVat.add(facts.code);
      for (const id of facts.ids) vatIdsAnywhere.add(id);
    }
    for (const category of context.all('cac:TaxCategory')) {
      const facts = factsOf(context, category);
      if (!facts.vat) continue;
      for (const id of facts.ids) vatIdsAnywhere.add(id);
      const parent = category.parent;
      if (parent?.name === 'cac:AllowanceCharge') {
        if (chargeIndicatorIs(parent, false)) allowanceCodesVat.add(facts.code);
        if (chargeIndicatorIs(parent, true)) chargeCodesVat.add(facts.code);
      }
    }
    for (const category of breakdownCategories(context)) {
      const facts = factsOf(context, category);
      if (facts.vat)
        for (const id of facts.ids) breakdownIdCounts.set(id, (breakdownIdCounts.get(id) ?? 0) + 1);
    }
    return {
      vatIdsAnywhere,
      lineCodesVat,
      lineCodesAny,
      allowanceCodesVat,
      chargeCodesVat,
      breakdownIdCounts,
    };
  });
}

/** `//cac:TaxCategory[VAT]/cbc:ID[. = code]` or the same on `//cac:ClassifiedTaxCategory`. */
function categoryUsedAnywhere(context: RuleContext, code: string): boolean {
  return categorySummary(context).vatIdsAnywhere.has(code);
}

/** The VAT breakdown categories: `cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory` under the document element. */
export function breakdownCategories(context: RuleContext): readonly XmlElement[] {
  return context.memo('breakdown-categories', () =>
    path(context.root, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory'),
  );
}

/** count(cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory[VAT]/cbc:ID[normalize-space(.) = code]) */
function breakdownIdCount(context: RuleContext, code: string): number {
  return categorySummary(context).breakdownIdCounts.get(code) ?? 0;
}

/** xx-01 (exact form): a category used anywhere needs exactly one breakdown for it. */
export const exactlyOneBreakdownWhenUsed =
  (code: string): Check =>
  (_doc, context) =>
    !categoryUsedAnywhere(context, code) || breakdownIdCount(context, code) === 1;

export type CategoryMatch = { readonly code: string; readonly requireVat: boolean };

/** `[normalize-space(cbc:ID) = code]` and, when required, `[cac:TaxScheme/…='VAT']`. */
export function categoryMatches(category: XmlElement, match: CategoryMatch, context: RuleContext): boolean {
  const facts = factsOf(context, category);
  return facts.code === match.code && (!match.requireVat || facts.vat);
}

/** `//cac:ClassifiedTaxCategory[…]` */
export function lineCategoryUsed(context: RuleContext, match: CategoryMatch): boolean {
  const summary = categorySummary(context);
  return (match.requireVat ? summary.lineCodesVat : summary.lineCodesAny).has(match.code);
}

/** `//cac:AllowanceCharge[cbc:ChargeIndicator=charge]/cac:TaxCategory[…][VAT]` (any level). */
export function allowanceChargeCategoryUsed(context: RuleContext, charge: boolean, code: string): boolean {
  const summary = categorySummary(context);
  return (charge ? summary.chargeCodesVat : summary.allowanceCodesVat).has(code);
}

function partyTaxIds(context: RuleContext, partyRole: string, vatOnly: boolean): boolean {
  return context
    .all(partyRole)
    .some((role) =>
      path(role, 'cac:Party', 'cac:PartyTaxScheme').some(
        (scheme) => (!vatOnly || hasVatScheme(scheme)) && exists(scheme, 'cbc:CompanyID'),
      ),
    );
}

/** `//cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme/cbc:CompanyID` (any tax scheme). */
export const sellerHasTaxId = (context: RuleContext) =>
  partyTaxIds(context, 'cac:AccountingSupplierParty', false);
/** The same, limited to `[cac:TaxScheme/…='VAT']`. */
export const sellerHasVatId = (context: RuleContext) =>
  partyTaxIds(context, 'cac:AccountingSupplierParty', true);
export const buyerHasVatId = (context: RuleContext) =>
  partyTaxIds(context, 'cac:AccountingCustomerParty', true);

/** `//cac:TaxRepresentativeParty/cac:PartyTaxScheme[VAT]/cbc:CompanyID` */
export function taxRepresentativeHasVatId(context: RuleContext): boolean {
  return context
    .all('cac:TaxRepresentativeParty')
    .some((party) =>
      children(party, 'cac:PartyTaxScheme').some(
        (scheme) => hasVatScheme(scheme) && exists(scheme, 'cbc:CompanyID'),
      ),
    );
}

/** `//cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID` */
export function buyerHasLegalId(context: RuleContext): boolean {
  return context
    .all('cac:AccountingCustomerParty')
    .some((role) => path(role, 'cac:Party', 'cac:PartyLegalEntity', 'cbc:CompanyID').length > 0);
}

/** The line categories sitting at `cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory` (or credit note line). */
function isLineItemCategory(category: XmlElement): boolean {
  const line = category.parent?.parent;
  return (
    category.parent?.name === 'cac:Item' &&
    (line?.name === 'cac:InvoiceLine' || line?.name === 'cac:CreditNoteLine')
  );
}

/** `cac:AllowanceCharge[cbc:ChargeIndicator=charge]/cac:TaxCategory` */
function isAllowanceChargeCategory(category: XmlElement, charge: boolean): boolean {
  return category.parent?.name === 'cac:AllowanceCharge' && chargeIndicatorIs(category.parent, charge);
}

/** `/*\/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory` */
function isBreakdownCategory(category: XmlElement): boolean {
  const subtotal = category.parent;
  const total = subtotal?.parent;
  return (
    subtotal?.name === 'cac:TaxSubtotal' &&
    total?.name === 'cac:TaxTotal' &&
    total.parent?.parent === undefined
  );
}

const percentOf = (category: XmlElement) => decimalOf(children(category, 'cbc:Percent')[0]);

/** `xs:decimal(cbc:Percent) = 0` */
export const rateIsZero: Check = (category) => {
  const rate = percentOf(category);
  return rate !== undefined && sign(rate) === 0;
};

/** `not(cbc:TaxExemptionReason) and not(cbc:TaxExemptionReasonCode)` */
export const noExemptionReason: Check = (category) =>
  !exists(category, 'cbc:TaxExemptionReason') && !exists(category, 'cbc:TaxExemptionReasonCode');

/** `exists(cbc:TaxExemptionReason) or exists(cbc:TaxExemptionReasonCode)` */
export const hasExemptionReason: Check = (category) =>
  exists(category, 'cbc:TaxExemptionReason') || exists(category, 'cbc:TaxExemptionReasonCode');

/** `xs:decimal(../cbc:TaxAmount) = 0` */
export const breakdownTaxIsZero: Check = (category) => {
  const tax = decimalOf(
    category.parent === undefined ? undefined : children(category.parent, 'cbc:TaxAmount')[0],
  );
  return tax !== undefined && sign(tax) === 0;
};

type RateFilter = Decimal | undefined;

/** The line's item categories (`cac:Item/cac:ClassifiedTaxCategory`), as facts. */
function lineCategories(context: RuleContext, line: XmlElement): readonly CategoryFacts[] {
  const known = context.memo('line-categories', () => new Map<XmlElement, readonly CategoryFacts[]>());
  let facts = known.get(line);
  if (facts === undefined) {
    facts = path(line, 'cac:Item', 'cac:ClassifiedTaxCategory').map((category) => factsOf(context, category));
    known.set(line, facts);
  }
  return facts;
}

/** `[…/normalize-space(cbc:ID) = code][…/xs:decimal(cbc:Percent) = rate]`, each predicate over all the categories. */
function categoriesMatch(categories: readonly CategoryFacts[], code: string, rate: RateFilter): boolean {
  if (!categories.some((category) => category.code === code)) return false;
  return (
    rate === undefined ||
    categories.some((category) => category.rate !== undefined && equals(category.rate, rate))
  );
}

function lineMatches(context: RuleContext, line: XmlElement, code: string, rate: RateFilter): boolean {
  return categoriesMatch(lineCategories(context, line), code, rate);
}

function allowanceChargeMatches(
  context: RuleContext,
  entry: XmlElement,
  code: string,
  rate: RateFilter,
): boolean {
  return categoriesMatch(
    children(entry, 'cac:TaxCategory').map((category) => factsOf(context, category)),
    code,
    rate,
  );
}

/**
 * Σ line net amounts + Σ document charges − Σ document allowances in a category (and rate):
 * the expected VAT category taxable amount BT-116.
 */
function categoryBase(
  context: RuleContext,
  lineName: string,
  code: string,
  rate: RateFilter,
): Decimal | undefined {
  const lines = documentLines(context).filter(
    (line) => line.name === lineName && lineMatches(context, line, code, rate),
  );
  const documentEntries = children(context.root, 'cac:AllowanceCharge').filter((entry) =>
    allowanceChargeMatches(context, entry, code, rate),
  );
  const lineTotal = sumDecimals(lines.flatMap((line) => children(line, 'cbc:LineExtensionAmount')));
  const amounts = (charge: boolean) =>
    sumDecimals(
      documentEntries
        .filter((entry) => chargeIndicatorIs(entry, charge))
        .flatMap((entry) => children(entry, 'cbc:Amount')),
    );
  const charges = amounts(true);
  const allowances = amounts(false);
  if (lineTotal === undefined || charges === undefined || allowances === undefined) return undefined;
  return subtract(add(lineTotal, charges), allowances);
}

const taxableOf = (category: XmlElement) =>
  decimalOf(category.parent === undefined ? undefined : children(category.parent, 'cbc:TaxableAmount')[0]);

/** xx-08 (exact form, categories without a rate): BT-116 equals the category base exactly. */
export const taxableEqualsBase =
  (code: string): Check =>
  (category, context) => {
    const taxable = taxableOf(category);
    const matches = (lineName: string) => {
      const base = categoryBase(context, lineName, code, undefined);
      return taxable !== undefined && base !== undefined && equals(taxable, base);
    };
    return (
      (context.all('cac:InvoiceLine').length > 0 && matches('cac:InvoiceLine')) ||
      (context.all('cac:CreditNoteLine').length > 0 && matches('cac:CreditNoteLine'))
    );
  };

/**
 * xx-08 (rated form, S/L/M): for the breakdown's rate, BT-116 is within 1 of the base of the
 * lines and document allowances/charges with that category and rate. `usedCheck` is the
 * condition the official test puts before the comparison for each line kind.
 */
export function taxableWithinOneOfBase(
  code: string,
  usedCheck: (context: RuleContext, lineName: string, rate: Decimal) => boolean,
): Check {
  return (category, context) => {
    const percents = children(category, 'cbc:Percent');
    if (percents.length === 0) return true;
    const rate = decimalOf(percents[0]);
    const taxable = taxableOf(category);
    if (rate === undefined || percents.length > 1) return false;
    const within = (lineName: string) => {
      const base = categoryBase(context, lineName, code, rate);
      if (taxable === undefined || base === undefined) return false;
      return sign(subtract(subtract(taxable, ONE), base)) < 0 && sign(subtract(add(taxable, ONE), base)) > 0;
    };
    return (
      (usedCheck(context, 'cac:InvoiceLine', rate) && within('cac:InvoiceLine')) ||
      (usedCheck(context, 'cac:CreditNoteLine', rate) && within('cac:CreditNoteLine'))
    );
  };
}

/** `exists(//cac:InvoiceLine)` (or credit note line): the usual guard in the rated form. */
export const anyLineOfKind = (context: RuleContext, lineName: string) => context.all(lineName).length > 0;

/** BR-S-08's guard: a line or an allowance/charge anywhere carries this category and rate. */
export const categoryAndRateUsed =
  (code: string) =>
  (context: RuleContext, lineName: string, rate: Decimal): boolean =>
    context.all(lineName).some((line) => lineMatches(context, line, code, rate)) ||
    context.all('cac:AllowanceCharge').some((entry) => allowanceChargeMatches(context, entry, code, rate));

/** xx-09 (rated form): BT-117 is within 1 of BT-116 × rate / 100, compared in absolute values. */
export const taxWithinOneOfRate: Check = (category) => {
  const subtotal = category.parent;
  if (subtotal === undefined) return false;
  const tax = decimalOf(children(subtotal, 'cbc:TaxAmount')[0]);
  const taxable = decimalOf(children(subtotal, 'cbc:TaxableAmount')[0]);
  const rate = percentOf(category);
  if (tax === undefined || taxable === undefined || rate === undefined) return false;
  const fraction = divide(rate, HUNDRED);
  if (fraction === undefined) return false;
  const expected = round(multiply(abs(taxable), fraction), 2);
  return (
    sign(subtract(subtract(abs(tax), ONE), expected)) < 0 && sign(subtract(add(abs(tax), ONE), expected)) > 0
  );
};

/** The four contexts every category family uses, for the category `code` under the VAT scheme. */
export function categoryContexts(code: string) {
  const match: CategoryMatch = { code, requireVat: true };
  return {
    line: {
      parents: ['cac:Item'],
      where: (category: XmlElement, context: RuleContext) =>
        isLineItemCategory(category) && categoryMatches(category, match, context),
    },
    allowance: {
      parents: ['cac:AllowanceCharge'],
      where: (category: XmlElement, context: RuleContext) =>
        isAllowanceChargeCategory(category, false) && categoryMatches(category, match, context),
    },
    charge: {
      parents: ['cac:AllowanceCharge'],
      where: (category: XmlElement, context: RuleContext) =>
        isAllowanceChargeCategory(category, true) && categoryMatches(category, match, context),
    },
    breakdown: {
      parents: ['cac:TaxSubtotal'],
      where: (category: XmlElement, context: RuleContext) =>
        isBreakdownCategory(category) && categoryMatches(category, match, context),
    },
  };
}

/** `(cbc:Percent) > 0` or `>= 0`: some Percent, read as a number, compares so. */
export const percentCompares =
  (operator: '>' | '>='): Check =>
  (category) =>
    children(category, 'cbc:Percent').some((percent) =>
      textComparesTo(stringValue(percent), operator, ZERO_RATE),
    );

const ZERO_RATE = decimal(0);

export const hasNoPercent: Check = (category) => !exists(category, 'cbc:Percent');
