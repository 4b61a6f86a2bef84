/** VAT category Z, zero rated goods (BR-Z-01…10). */
import type { RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownTaxIsZero,
  categoryContexts,
  exactlyOneBreakdownWhenUsed,
  lineCategoryUsed,
  noExemptionReason,
  rateIsZero,
  sellerHasTaxId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const Z = categoryContexts('Z');
const vatZ = { code: 'Z', requireVat: true };
const sellerRegistered = (context: RuleContext) =>
  sellerHasTaxId(context) || taxRepresentativeHasVatId(context);

export const zeroRateRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-Z-01': exactlyOneBreakdownWhenUsed('Z'),
        'BR-Z-02': (_doc, context) => !lineCategoryUsed(context, vatZ) || sellerRegistered(context),
        'BR-Z-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'Z') || sellerRegistered(context),
        'BR-Z-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'Z') || sellerRegistered(context),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...Z.line, assert: { 'BR-Z-05': rateIsZero } },
    { on: ['cac:TaxCategory'], ...Z.allowance, assert: { 'BR-Z-06': rateIsZero } },
    { on: ['cac:TaxCategory'], ...Z.charge, assert: { 'BR-Z-07': rateIsZero } },
    {
      on: ['cac:TaxCategory'],
      ...Z.breakdown,
      assert: {
        'BR-Z-08': taxableEqualsBase('Z'),
        'BR-Z-09': breakdownTaxIsZero,
        'BR-Z-10': noExemptionReason,
      },
    },
  ],
};
