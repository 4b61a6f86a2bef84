/** VAT category K, intra-community supply (BR-IC-01…12). */

import type { XmlElement } from '../../xml/tree';
import { first, path, text } from '../../xpath/nav';
import { stringLength } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { hasCategoryId, hasVatScheme, isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownCategories,
  breakdownTaxIsZero,
  buyerHasVatId,
  categoryContexts,
  exactlyOneBreakdownWhenUsed,
  hasExemptionReason,
  lineCategoryUsed,
  rateIsZero,
  sellerHasVatId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const K = categoryContexts('K');
const vatK = { code: 'K', requireVat: true };
const bothVatRegistered = (context: RuleContext) =>
  (sellerHasVatId(context) || taxRepresentativeHasVatId(context)) && buyerHasVatId(context);
const intraCommunityBreakdown = (context: RuleContext) =>
  breakdownCategories(context).some((category) => hasVatScheme(category) && hasCategoryId(category, 'K'));

/** BR-IC-11: an actual delivery date (BT-72) or an invoicing period (BG-14) is given. */
function deliveryDateOrPeriod(doc: XmlElement): boolean {
  return (
    stringLength(text(first(doc, 'cac:Delivery', 'cbc:ActualDeliveryDate'))) > 1 ||
    path(doc, 'cac:InvoicePeriod').some((period) => period.children.length > 0)
  );
}

export const intraCommunityRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-IC-01': exactlyOneBreakdownWhenUsed('K'),
        'BR-IC-02': (_doc, context) => !lineCategoryUsed(context, vatK) || bothVatRegistered(context),
        'BR-IC-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'K') || bothVatRegistered(context),
        'BR-IC-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'K') || bothVatRegistered(context),
        'BR-IC-11': (doc, context) => !intraCommunityBreakdown(context) || deliveryDateOrPeriod(doc),
        'BR-IC-12': (doc, context) =>
          !intraCommunityBreakdown(context) ||
          stringLength(
            text(
              first(
                doc,
                'cac:Delivery',
                'cac:DeliveryLocation',
                'cac:Address',
                'cac:Country',
                'cbc:IdentificationCode',
              ),
            ),
          ) > 1,
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...K.line, assert: { 'BR-IC-05': rateIsZero } },
    { on: ['cac:TaxCategory'], ...K.allowance, assert: { 'BR-IC-06': rateIsZero } },
    { on: ['cac:TaxCategory'], ...K.charge, assert: { 'BR-IC-07': rateIsZero } },
    {
      on: ['cac:TaxCategory'],
      ...K.breakdown,
      assert: {
        'BR-IC-08': taxableEqualsBase('K'),
        'BR-IC-09': breakdownTaxIsZero,
        'BR-IC-10': hasExemptionReason,
      },
    },
  ],
};
