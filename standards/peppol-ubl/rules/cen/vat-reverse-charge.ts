/** VAT category AE, VAT reverse charge (BR-AE-01…10). */
import type { RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownTaxIsZero,
  buyerHasLegalId,
  buyerHasVatId,
  categoryContexts,
  exactlyOneBreakdownWhenUsed,
  hasExemptionReason,
  lineCategoryUsed,
  rateIsZero,
  sellerHasTaxId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const AE = categoryContexts('AE');
const vatAE = { code: 'AE', requireVat: true };
/** Both sides identified: the seller (or its tax representative) and the buyer (VAT or legal id). */
const partiesIdentified = (context: RuleContext) =>
  (sellerHasTaxId(context) || taxRepresentativeHasVatId(context)) &&
  (buyerHasVatId(context) || buyerHasLegalId(context));

export const reverseChargeRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-AE-01': exactlyOneBreakdownWhenUsed('AE'),
        'BR-AE-02': (_doc, context) => !lineCategoryUsed(context, vatAE) || partiesIdentified(context),
        'BR-AE-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'AE') || partiesIdentified(context),
        'BR-AE-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'AE') || partiesIdentified(context),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...AE.line, assert: { 'BR-AE-05': rateIsZero } },
    { on: ['cac:TaxCategory'], ...AE.allowance, assert: { 'BR-AE-06': rateIsZero } },
    { on: ['cac:TaxCategory'], ...AE.charge, assert: { 'BR-AE-07': rateIsZero } },
    {
      on: ['cac:TaxCategory'],
      ...AE.breakdown,
      assert: {
        'BR-AE-08': taxableEqualsBase('AE'),
        'BR-AE-09': breakdownTaxIsZero,
        'BR-AE-10': hasExemptionReason,
      },
    },
  ],
};
