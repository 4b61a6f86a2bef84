/** PEPPOL BIS 3 rules on allowances and charges (PEPPOL-EN16931-R040…R046). */

import type { XmlElement } from '../../xml/tree';
import { add, type Decimal, decimal, divide, equals, multiply, sign, subtract } from '../../xpath/decimal';
import { child, decimalOf, exists } from '../../xpath/nav';
import { normalizeSpace } from '../../xpath/values';
import type { RuleSet } from '../engine';

const HUNDRED = decimal(100);
const SLACK = decimal('0.02');

/** u:slack(expected, value, 0.02): the two agree within two hundredths. */
export function withinSlack(expected: Decimal | undefined, value: Decimal | undefined): boolean {
  if (expected === undefined || value === undefined) return false;
  return (
    sign(subtract(add(expected, SLACK), value)) >= 0 && sign(subtract(subtract(expected, SLACK), value)) <= 0
  );
}

/** Document-level or line-level allowance/charge (the contexts R040…R043 share). */
function isDocumentOrLineAllowanceCharge(node: XmlElement): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (parent.name === 'inv:Invoice' || parent.name === 'cn:CreditNote') return true;
  return (
    (parent.name === 'cac:InvoiceLine' && parent.parent?.name === 'inv:Invoice') ||
    (parent.name === 'cac:CreditNoteLine' && parent.parent?.name === 'cn:CreditNote')
  );
}

const hasMultiplier = (node: XmlElement) => exists(node, 'cbc:MultiplierFactorNumeric');
const hasBase = (node: XmlElement) => exists(node, 'cbc:BaseAmount');

/** R040: the amount equals base × percentage / 100 when both are given. */
function amountMatchesPercentage(node: XmlElement): boolean {
  if (!(hasMultiplier(node) && hasBase(node))) return true;
  const amount = exists(node, 'cbc:Amount') ? decimalOf(child(node, 'cbc:Amount')) : decimal(0);
  const base = decimalOf(child(node, 'cbc:BaseAmount'));
  const percentage = decimalOf(child(node, 'cbc:MultiplierFactorNumeric'));
  if (base === undefined || percentage === undefined) return false;
  return withinSlack(amount, divide(multiply(base, percentage), HUNDRED));
}

export const peppolAllowanceChargeRules: RuleSet = {
  rules: [
    {
      on: ['cac:AllowanceCharge'],
      where: (node) => isDocumentOrLineAllowanceCharge(node) && hasMultiplier(node) && !hasBase(node),
      assert: { 'PEPPOL-EN16931-R041': () => false },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: (node) => isDocumentOrLineAllowanceCharge(node) && !hasMultiplier(node) && hasBase(node),
      assert: { 'PEPPOL-EN16931-R042': () => false },
    },
    {
      // The official pattern gives R041/R042's contexts precedence over this one.
      on: ['cac:AllowanceCharge'],
      where: (node) => isDocumentOrLineAllowanceCharge(node) && hasMultiplier(node) === hasBase(node),
      assert: {
        'PEPPOL-EN16931-R040': amountMatchesPercentage,
        'PEPPOL-EN16931-R043': (node) => {
          const indicator = normalizeSpace(child(node, 'cbc:ChargeIndicator')?.text ?? '');
          return indicator === 'true' || indicator === 'false';
        },
      },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: (node) => node.parent?.name === 'cac:Price',
      assert: {
        'PEPPOL-EN16931-R044': (node) =>
          normalizeSpace(child(node, 'cbc:ChargeIndicator')?.text ?? '') === 'false',
        // The net price is the gross price (BT-148) less the price discount (BT-147).
        'PEPPOL-EN16931-R046': (node) => {
          if (!hasBase(node)) return true;
          const price = decimalOf(
            node.parent === undefined ? undefined : child(node.parent, 'cbc:PriceAmount'),
          );
          const base = decimalOf(child(node, 'cbc:BaseAmount'));
          const discount = decimalOf(child(node, 'cbc:Amount'));
          return (
            price !== undefined &&
            base !== undefined &&
            discount !== undefined &&
            equals(price, subtract(base, discount))
          );
        },
      },
    },
  ],
};
