/** VAT category E, exempt from VAT (BR-E-01…10). */
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
  sellerHasTaxId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const E = categoryContexts('E');
const vatE = { code: 'E', requireVat: true };
const sellerRegistered = (context: RuleContext) =>
  sellerHasTaxId(context) || taxRepresentativeHasVatId(context);

export const exemptRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-E-01': exactlyOneBreakdownWhenUsed('E'),
        'BR-E-02': (_doc, context) => !lineCategoryUsed(context, vatE) || sellerRegistered(context),
        'BR-E-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'E') || sellerRegistered(context),
        'BR-E-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'E') || sellerRegistered(context),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...E.line, assert: { 'BR-E-05': rateIsZero } },
    { on: ['cac:TaxCategory'], ...E.allowance, assert: { 'BR-E-06': rateIsZero } },
    { on: ['cac:TaxCategory'], ...E.charge, assert: { 'BR-E-07': rateIsZero } },
    {
      on: ['cac:TaxCategory'],
      ...E.breakdown,
      assert: {
        'BR-E-08': taxableEqualsBase('E'),
        'BR-E-09': breakdownTaxIsZero,
        'BR-E-10': hasExemptionReason,
      },
    },
  ],
};
