/**
 * Small building blocks shared by the rule families, each mirroring one recurring piece of the
 * official XPath (named after what it tests, with the XPath it stands for).
 */

import { stringValue, type XmlElement } from '../xml/tree';
import { add, type Decimal, parseDecimal, subtract, ZERO } from '../xpath/decimal';
import { children, normalized } from '../xpath/nav';
import { castBoolean, normalizeSpace } from '../xpath/values';
import type { RuleContext } from './engine';

export function isDocumentElement(node: XmlElement): boolean {
  return node.parent === undefined;
}

/** `[cac:TaxScheme/normalize-space(upper-case(cbc:ID))='VAT']` */
export function hasVatScheme(category: XmlElement): boolean {
  for (const scheme of children(category, 'cac:TaxScheme')) {
    for (const id of children(scheme, 'cbc:ID'))
      if (normalizeSpace(stringValue(id).toUpperCase()) === 'VAT') return true;
  }
  return false;
}

/** `normalize-space(cbc:ID)` of a tax category (first ID only, '' when none). */
export function categoryCode(category: XmlElement): string {
  return normalized(children(category, 'cbc:ID')[0]);
}

/** `cbc:ID[normalize-space(.) = code]` exists: any of the category's IDs carries the code. */
export function hasCategoryId(category: XmlElement, code: string): boolean {
  return children(category, 'cbc:ID').some((id) => normalized(id) === code);
}

/** `[cbc:ChargeIndicator = true()/false()]`: some indicator casts to that boolean. */
export function chargeIndicatorIs(allowanceCharge: XmlElement, charge: boolean): boolean {
  return children(allowanceCharge, 'cbc:ChargeIndicator').some(
    (indicator) => castBoolean(stringValue(indicator)) === charge,
  );
}

/** `[cbc:ChargeIndicator = 'true'/'false']`: compared as text, untrimmed. */
export function chargeIndicatorTextIs(allowanceCharge: XmlElement, text: 'true' | 'false'): boolean {
  return children(allowanceCharge, 'cbc:ChargeIndicator').some(
    (indicator) => stringValue(indicator) === text,
  );
}

/** The document's lines: `cac:InvoiceLine | cac:CreditNoteLine` children of the document element. */
export function documentLines(context: RuleContext): readonly XmlElement[] {
  return context.memo('document-lines', () =>
    context.root.children.filter(
      (child) => child.name === 'cac:InvoiceLine' || child.name === 'cac:CreditNoteLine',
    ),
  );
}

/**
 * `sum(nodes/xs:decimal(.))`: undefined when any value is not a decimal (the reference stops
 * with an error there; an unreadable amount can never satisfy a total).
 */
export function sumDecimals(nodes: readonly (XmlElement | undefined)[]): Decimal | undefined {
  let total = ZERO;
  for (const node of nodes) {
    if (node === undefined) continue;
    const value = parseDecimal(stringValue(node));
    if (value === undefined) return undefined;
    total = add(total, value);
  }
  return total;
}

export function plusMinus(
  a: Decimal | undefined,
  plus: Decimal | undefined,
  minus: Decimal | undefined,
): Decimal | undefined {
  if (a === undefined || plus === undefined || minus === undefined) return undefined;
  return subtract(add(a, plus), minus);
}
