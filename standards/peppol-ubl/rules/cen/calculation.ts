/**
 * EN 16931 calculation rules: document totals BT-106…BT-115 (BR-CO-10…16), the VAT breakdown
 * (BR-CO-14, BR-CO-17, BR-45…48) and the decimal limits on those amounts (BR-DEC-*).
 * Arithmetic is exact; `round(x * 10 * 10) div 100` is round(x, 2) with halves up.
 */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
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
import { child, children, decimalOf, exists, normalized, text } from '../../xpath/nav';
import { fractionDigits } from '../../xpath/values';
import type { RuleSet } from '../engine';
import { chargeIndicatorIs, hasVatScheme, isDocumentElement, plusMinus, sumDecimals } from '../helpers';

const HUNDRED = decimal(100);
const ONE = decimal(1);

const same = (a: Decimal | undefined, b: Decimal | undefined) =>
  a !== undefined && b !== undefined && equals(a, b);
const round2 = (value: Decimal | undefined) => (value === undefined ? undefined : round(value, 2));
const amount = (node: XmlElement, name: string) => decimalOf(child(node, name));
/** `string-length(substring-after(cbc:X, '.')) <= 2` */
export const maxTwoDecimals = (name: string) => (node: XmlElement) =>
  fractionDigits(text(child(node, name))) <= 2;

/** Sum of the document-level allowance (false) or charge (true) amounts beside the monetary total. */
function documentAllowanceCharges(total: XmlElement, charge: boolean): XmlElement[] {
  return (total.parent?.children ?? []).filter(
    (sibling) => sibling.name === 'cac:AllowanceCharge' && chargeIndicatorIs(sibling, charge),
  );
}

function allowanceChargeTotalMatches(total: XmlElement, totalName: string, charge: boolean): boolean {
  const entries = documentAllowanceCharges(total, charge);
  if (!exists(total, totalName) && entries.length === 0) return true;
  const sum = sumDecimals(entries.flatMap((entry) => children(entry, 'cbc:Amount')));
  return same(amount(total, totalName), round2(sum));
}

function taxExclusiveMatches(total: XmlElement): boolean {
  const lines = amount(total, 'cbc:LineExtensionAmount');
  const charges = exists(total, 'cbc:ChargeTotalAmount')
    ? amount(total, 'cbc:ChargeTotalAmount')
    : decimal(0);
  const allowances = exists(total, 'cbc:AllowanceTotalAmount')
    ? amount(total, 'cbc:AllowanceTotalAmount')
    : decimal(0);
  const expected = plusMinus(lines, charges, allowances);
  const hasAdjustments = exists(total, 'cbc:ChargeTotalAmount') || exists(total, 'cbc:AllowanceTotalAmount');
  return same(amount(total, 'cbc:TaxExclusiveAmount'), hasAdjustments ? round2(expected) : lines);
}

function payableMatches(total: XmlElement): boolean {
  const payable = amount(total, 'cbc:PayableAmount');
  const inclusive = amount(total, 'cbc:TaxInclusiveAmount');
  const hasPrepaid = exists(total, 'cbc:PrepaidAmount');
  const hasRounding = exists(total, 'cbc:PayableRoundingAmount');
  const due = hasPrepaid
    ? round2(plusMinus(inclusive, decimal(0), amount(total, 'cbc:PrepaidAmount')))
    : inclusive;
  if (!hasRounding) return same(payable, due);
  return same(round2(plusMinus(payable, decimal(0), amount(total, 'cbc:PayableRoundingAmount'))), due);
}

/** BR-CO-17: the category tax amount is the taxable amount × rate, within 1 either way. */
function categoryTaxMatches(subtotal: XmlElement): boolean {
  const rates = children(subtotal, 'cac:TaxCategory')
    .filter(hasVatScheme)
    .flatMap((category) => children(category, 'cbc:Percent'))
    .map(decimalOf);
  const taxAmount = amount(subtotal, 'cbc:TaxAmount');
  const taxable = amount(subtotal, 'cbc:TaxableAmount');
  const taxRoundsToZero = taxAmount !== undefined && sign(round(taxAmount)) === 0;
  if (rates.length === 0) return taxRoundsToZero;
  const rate = rates[0];
  if (rates.length > 1 || rate === undefined) return false;
  if (sign(round(rate)) === 0) return taxRoundsToZero;
  if (taxAmount === undefined || taxable === undefined) return false;
  const fraction = divide(rate, HUNDRED);
  if (fraction === undefined) return false;
  const expected = round(multiply(abs(taxable), fraction), 2);
  const actual = abs(taxAmount);
  return (
    sign(subtract(subtract(actual, ONE), expected)) < 0 && sign(subtract(add(actual, ONE), expected)) > 0
  );
}

/** BR-CO-15: BT-112 = BT-109 + BT-110, with exactly one VAT total in the document currency. */
function totalWithVatMatches(doc: XmlElement): boolean {
  const totals = children(doc, 'cac:TaxTotal');
  const monetary = children(doc, 'cac:LegalMonetaryTotal');
  return children(doc, 'cbc:DocumentCurrencyCode').every((currencyNode) => {
    const currency = stringValue(currencyNode);
    const taxAmounts = totals.flatMap((total) =>
      children(total, 'cbc:TaxAmount').filter((tax) => attribute(tax, 'currencyID') === currency),
    );
    if (taxAmounts.length !== 1 || monetary.length !== 1) return false;
    const [total] = monetary;
    if (total === undefined) return false;
    const expected = round2(
      plusMinus(amount(total, 'cbc:TaxExclusiveAmount'), decimalOf(taxAmounts[0]), decimal(0)),
    );
    return same(amount(total, 'cbc:TaxInclusiveAmount'), expected);
  });
}

export const calculationRules: RuleSet = {
  rules: [
    {
      on: ['cac:LegalMonetaryTotal'],
      assert: {
        'BR-12': (total) => exists(total, 'cbc:LineExtensionAmount'),
        'BR-13': (total) => exists(total, 'cbc:TaxExclusiveAmount'),
        'BR-14': (total) => exists(total, 'cbc:TaxInclusiveAmount'),
        'BR-15': (total) => exists(total, 'cbc:PayableAmount'),
        'BR-CO-10': (total, context) => {
          const lines = [...context.all('cac:InvoiceLine'), ...context.all('cac:CreditNoteLine')];
          const sum = sumDecimals(lines.flatMap((line) => children(line, 'cbc:LineExtensionAmount')));
          return same(amount(total, 'cbc:LineExtensionAmount'), round2(sum));
        },
        'BR-CO-11': (total) => allowanceChargeTotalMatches(total, 'cbc:AllowanceTotalAmount', false),
        'BR-CO-12': (total) => allowanceChargeTotalMatches(total, 'cbc:ChargeTotalAmount', true),
        'BR-CO-13': taxExclusiveMatches,
        'BR-CO-16': payableMatches,
        'BR-DEC-09': maxTwoDecimals('cbc:LineExtensionAmount'),
        'BR-DEC-10': maxTwoDecimals('cbc:AllowanceTotalAmount'),
        'BR-DEC-11': maxTwoDecimals('cbc:ChargeTotalAmount'),
        'BR-DEC-12': maxTwoDecimals('cbc:TaxExclusiveAmount'),
        'BR-DEC-14': maxTwoDecimals('cbc:TaxInclusiveAmount'),
        'BR-DEC-16': maxTwoDecimals('cbc:PrepaidAmount'),
        'BR-DEC-17': maxTwoDecimals('cbc:PayableRoundingAmount'),
        'BR-DEC-18': maxTwoDecimals('cbc:PayableAmount'),
      },
    },
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-CO-15': totalWithVatMatches,
        'BR-CO-18': (doc) => exists(doc, 'cac:TaxTotal', 'cac:TaxSubtotal'),
        // The official tests compare each TaxAmount's currencyID with a *child* of that TaxAmount,
        // which never exists, so they always hold; UBL-DT-01 limits every amount to two decimals.
        'BR-DEC-13': () => true,
        'BR-DEC-15': () => true,
      },
    },
    {
      on: ['cac:TaxTotal'],
      where: (total) => total.parent !== undefined && isDocumentElement(total.parent),
      assert: {
        'BR-CO-14': (total) => {
          const subtotals = children(total, 'cac:TaxSubtotal');
          if (subtotals.length === 0) return true;
          const sum = sumDecimals(subtotals.flatMap((subtotal) => children(subtotal, 'cbc:TaxAmount')));
          return same(amount(total, 'cbc:TaxAmount'), round2(sum));
        },
      },
    },
    {
      on: ['cac:TaxSubtotal'],
      where: (subtotal) => subtotal.parent?.name === 'cac:TaxTotal',
      assert: {
        'BR-45': (subtotal) => exists(subtotal, 'cbc:TaxableAmount'),
        'BR-46': (subtotal) => exists(subtotal, 'cbc:TaxAmount'),
        'BR-47': (subtotal) =>
          children(subtotal, 'cac:TaxCategory').some(
            (category) => hasVatScheme(category) && exists(category, 'cbc:ID'),
          ),
        'BR-48': (subtotal) =>
          children(subtotal, 'cac:TaxCategory').some(
            (category) =>
              hasVatScheme(category) &&
              (exists(category, 'cbc:Percent') ||
                children(category, 'cbc:ID').some((id) => normalized(id) === 'O')),
          ),
        'BR-CO-17': categoryTaxMatches,
        'BR-DEC-19': maxTwoDecimals('cbc:TaxableAmount'),
        'BR-DEC-20': maxTwoDecimals('cbc:TaxAmount'),
      },
    },
  ],
};
