/** PEPPOL BIS 3 rules on lines: net amount (R120), base quantity (R121, R130), references (R100, R101), periods (R110, R111). */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import {
  add,
  compare,
  type Decimal,
  decimal,
  divide,
  multiply,
  round,
  sign,
  subtract,
  ZERO,
} from '../../xpath/decimal';
import { child, children, decimalOf, exists, first, normalized } from '../../xpath/nav';
import { castDate, compareDates } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { sumDecimals } from '../helpers';
import { withinSlack } from './allowances-charges';

const ONE = decimal(1);

function lineAllowanceChargeTotal(line: XmlElement, indicator: 'true' | 'false'): Decimal | undefined {
  const entries = children(line, 'cac:AllowanceCharge').filter(
    (entry) => normalized(child(entry, 'cbc:ChargeIndicator')) === indicator,
  );
  if (entries.length === 0) return ZERO;
  const total = sumDecimals(entries.flatMap((entry) => children(entry, 'cbc:Amount')));
  return total === undefined ? undefined : round(total, 2);
}

/** R120: BT-131 = quantity × (net price ÷ base quantity) + line charges − line allowances, within 0.02. */
function lineNetAmountMatches(line: XmlElement, context: RuleContext): boolean {
  const valueOr = (node: XmlElement | undefined, fallback: Decimal) =>
    node === undefined ? fallback : decimalOf(node);
  const lineAmount = valueOr(child(line, 'cbc:LineExtensionAmount'), ZERO);
  const quantity = valueOr(
    child(line, context.isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity'),
    ONE,
  );
  const price = valueOr(first(line, 'cac:Price', 'cbc:PriceAmount'), ZERO);
  const baseNode = first(line, 'cac:Price', 'cbc:BaseQuantity');
  const baseValue = decimalOf(baseNode);
  if (baseNode !== undefined && baseValue === undefined) return false;
  const baseQuantity = baseValue !== undefined && sign(baseValue) !== 0 ? baseValue : ONE;
  const charges = lineAllowanceChargeTotal(line, 'true');
  const allowances = lineAllowanceChargeTotal(line, 'false');
  if (quantity === undefined || price === undefined || charges === undefined || allowances === undefined)
    return false;
  // Dividing by a base quantity of one changes nothing but the scale; skip the long division.
  const unitPrice = compare(baseQuantity, ONE) === 0 ? price : divide(price, baseQuantity);
  if (unitPrice === undefined) return false;
  return withinSlack(lineAmount, subtract(add(multiply(quantity, unitPrice), charges), allowances));
}

/** R110/R111: a line period date against the document period's date of the same kind. */
const lineDateWithinDocument =
  (dateName: string, allowed: (order: number) => boolean) => (date: XmlElement) => {
    const documentDate =
      date.parent?.parent?.parent === undefined
        ? undefined
        : first(date.parent.parent.parent, 'cac:InvoicePeriod', dateName);
    const own = castDate(date.text);
    const limit = documentDate === undefined ? undefined : castDate(stringValue(documentDate));
    return own !== undefined && limit !== undefined && allowed(compareDates(own, limit));
  };

/** A line period date under a document that has a document period date of the same kind. */
const isLinePeriodDate = (dateName: string) => (date: XmlElement) => {
  const period = date.parent;
  const line = period?.parent;
  const doc = line?.parent;
  return (
    period?.name === 'cac:InvoicePeriod' &&
    ((line?.name === 'cac:InvoiceLine' && doc?.name === 'inv:Invoice') ||
      (line?.name === 'cac:CreditNoteLine' && doc?.name === 'cn:CreditNote')) &&
    doc !== undefined &&
    exists(doc, 'cac:InvoicePeriod', dateName)
  );
};

export const peppolLineRules: RuleSet = {
  rules: [
    {
      on: ['cac:InvoiceLine', 'cac:CreditNoteLine'],
      assert: {
        'PEPPOL-EN16931-R120': lineNetAmountMatches,
        'PEPPOL-EN16931-R121': (line) => {
          const base = first(line, 'cac:Price', 'cbc:BaseQuantity');
          if (base === undefined) return true;
          const value = decimalOf(base);
          return value !== undefined && sign(value) > 0;
        },
        'PEPPOL-EN16931-R100': (line) => children(line, 'cac:DocumentReference').length <= 1,
        'PEPPOL-EN16931-R101': (line) => {
          const references = children(line, 'cac:DocumentReference');
          return (
            references.length === 0 ||
            references.some((reference) =>
              children(reference, 'cbc:DocumentTypeCode').some((code) => stringValue(code) === '130'),
            )
          );
        },
      },
    },
    {
      on: ['cbc:StartDate'],
      where: isLinePeriodDate('cbc:StartDate'),
      assert: { 'PEPPOL-EN16931-R110': lineDateWithinDocument('cbc:StartDate', (order) => order >= 0) },
    },
    {
      on: ['cbc:EndDate'],
      where: isLinePeriodDate('cbc:EndDate'),
      assert: { 'PEPPOL-EN16931-R111': lineDateWithinDocument('cbc:EndDate', (order) => order <= 0) },
    },
    {
      on: ['cbc:BaseQuantity'],
      where: (node) => node.parent?.name === 'cac:Price' && attribute(node, 'unitCode') !== undefined,
      assert: {
        // The price base quantity (BT-149) uses the invoiced quantity's unit (BT-130).
        'PEPPOL-EN16931-R130': (node, context) => {
          const line = node.parent?.parent;
          if (line === undefined) return true;
          if (!exists(line, 'cbc:InvoicedQuantity') && !exists(line, 'cbc:CreditedQuantity')) return true;
          const quantities = children(
            line,
            context.isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity',
          );
          return quantities.some(
            (quantity) => attribute(quantity, 'unitCode') === attribute(node, 'unitCode'),
          );
        },
      },
    },
  ],
};
