/** VAT category G, export outside the EU (BR-G-01…10). */
import type { RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownTaxIsZero,
  categoryContexts,
  exactlyOneBreakdownWhenUsed,
  hasExemptionReason,
  lineCategoryUsed,
  rateIsZero,
  sellerHasVatId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const G = categoryContexts('G');
const vatG = { code: 'G', requireVat: true };
const sellerVatRegistered = (context: RuleContext) =>
  sellerHasVatId(context) || taxRepresentativeHasVatId(context);

export const exportRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-G-01': exactlyOneBreakdownWhenUsed('G'),
        'BR-G-02': (_doc, context) => !lineCategoryUsed(context, vatG) || sellerVatRegistered(context),
        'BR-G-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'G') || sellerVatRegistered(context),
        'BR-G-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'G') || sellerVatRegistered(context),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...G.line, assert: { 'BR-G-05': rateIsZero } },
    { on: ['cac:TaxCategory'], ...G.allowance, assert: { 'BR-G-06': rateIsZero } },
    { on: ['cac:TaxCategory'], ...G.charge, assert: { 'BR-G-07': rateIsZero } },
    {
      on: ['cac:TaxCategory'],
      ...G.breakdown,
      assert: {
        'BR-G-08': taxableEqualsBase('G'),
        'BR-G-09': breakdownTaxIsZero,
        'BR-G-10': hasExemptionReason,
      },
    },
  ],
};
