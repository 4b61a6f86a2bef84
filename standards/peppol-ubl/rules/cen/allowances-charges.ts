/** EN 16931 rules on allowances and charges, document level (BG-20/BG-21) and line level (BG-27/BG-28). */

import type { XmlElement } from '../../xml/tree';
import { exists } from '../../xpath/nav';
import type { RuleSet } from '../engine';
import { chargeIndicatorIs, hasVatScheme, isDocumentElement } from '../helpers';
import { maxTwoDecimals } from './calculation';

const hasReason = (node: XmlElement) =>
  exists(node, 'cbc:AllowanceChargeReason') || exists(node, 'cbc:AllowanceChargeReasonCode');
const hasVatCategoryCode = (node: XmlElement) =>
  node.children.some(
    (child) => child.name === 'cac:TaxCategory' && hasVatScheme(child) && exists(child, 'cbc:ID'),
  );
const onDocument = (charge: boolean) => (node: XmlElement) =>
  node.parent !== undefined && isDocumentElement(node.parent) && chargeIndicatorIs(node, charge);
const onLine = (charge: boolean) => (node: XmlElement) =>
  (node.parent?.name === 'cac:InvoiceLine' || node.parent?.name === 'cac:CreditNoteLine') &&
  chargeIndicatorIs(node, charge);
const holds = () => true;

export const allowanceChargeRules: RuleSet = {
  rules: [
    {
      on: ['cac:AllowanceCharge'],
      where: onDocument(false),
      assert: {
        'BR-31': (node) => exists(node, 'cbc:Amount'),
        'BR-32': hasVatCategoryCode,
        'BR-33': hasReason,
        // The official assertion is `true()`: reason code and text cannot be compared mechanically.
        'BR-CO-05': holds,
        'BR-CO-21': hasReason,
        'BR-DEC-01': maxTwoDecimals('cbc:Amount'),
        'BR-DEC-02': maxTwoDecimals('cbc:BaseAmount'),
      },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: onDocument(true),
      assert: {
        'BR-36': (node) => exists(node, 'cbc:Amount'),
        'BR-37': hasVatCategoryCode,
        'BR-38': hasReason,
        'BR-CO-06': holds,
        'BR-CO-22': hasReason,
        'BR-DEC-05': maxTwoDecimals('cbc:Amount'),
        'BR-DEC-06': maxTwoDecimals('cbc:BaseAmount'),
      },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: onLine(false),
      assert: {
        'BR-41': (node) => exists(node, 'cbc:Amount'),
        'BR-42': hasReason,
        'BR-CO-07': holds,
        'BR-CO-23': hasReason,
        'BR-DEC-24': maxTwoDecimals('cbc:Amount'),
        'BR-DEC-25': maxTwoDecimals('cbc:BaseAmount'),
      },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: onLine(true),
      assert: {
        'BR-43': (node) => exists(node, 'cbc:Amount'),
        'BR-44': hasReason,
        'BR-CO-08': holds,
        'BR-CO-24': hasReason,
        'BR-DEC-27': maxTwoDecimals('cbc:Amount'),
        'BR-DEC-28': maxTwoDecimals('cbc:BaseAmount'),
      },
    },
  ],
};
