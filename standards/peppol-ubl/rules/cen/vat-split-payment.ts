/** VAT category B, Italian split payment (BR-B-01, BR-B-02). Codes are compared as written. */

import { stringValue, type XmlElement } from '../../xml/tree';
import { children, path } from '../../xpath/nav';
import type { RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';

const idIs = (category: XmlElement, code: string) =>
  children(category, 'cbc:ID').some((id) => stringValue(id) === code);

/** `//cac:TaxCategory/cbc:ID = code or //cac:ClassifiedTaxCategory/cbc:ID = code` */
const usedAnywhere = (context: RuleContext, code: string) =>
  context.all('cac:TaxCategory').some((category) => idIs(category, code)) ||
  context.all('cac:ClassifiedTaxCategory').some((category) => idIs(category, code));

/** Breakdown, document allowances/charges, or any line category carries the code. */
const usedInDocument = (doc: XmlElement, context: RuleContext, code: string) =>
  path(doc, 'cac:TaxTotal', 'cac:TaxSubtotal', 'cac:TaxCategory').some((category) => idIs(category, code)) ||
  path(doc, 'cac:AllowanceCharge', 'cac:TaxCategory').some((category) => idIs(category, code)) ||
  context.all('cac:ClassifiedTaxCategory').some((category) => idIs(category, code));

export const splitPaymentRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        // Split payment is Italian: every country code in the document must be IT.
        'BR-B-01': (_doc, context) =>
          !usedAnywhere(context, 'B') ||
          !context.all('cbc:IdentificationCode').some((code) => stringValue(code) !== 'IT'),
        'BR-B-02': (doc, context) => !usedInDocument(doc, context, 'B') || !usedInDocument(doc, context, 'S'),
      },
    },
  ],
};
