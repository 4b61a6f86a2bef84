/** VAT category S, standard rate (BR-S-01…10). */
import { children } from '../../xpath/nav';
import type { RuleContext, RuleSet } from '../engine';
import { categoryCode, isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownCategories,
  categoryAndRateUsed,
  categoryContexts,
  lineCategoryUsed,
  noExemptionReason,
  percentCompares,
  sellerHasTaxId,
  taxableWithinOneOfBase,
  taxRepresentativeHasVatId,
  taxWithinOneOfRate,
} from './vat-shared';

const S = categoryContexts('S');
const vatS = { code: 'S', requireVat: true };
const sellerRegistered = (context: RuleContext) =>
  sellerHasTaxId(context) || taxRepresentativeHasVatId(context);

/** BR-S-01 counts category S wherever it appears, whatever the tax scheme. */
function standardRateUsedIffBreakdown(context: RuleContext): boolean {
  const used =
    context
      .all('cac:AllowanceCharge')
      .some((entry) => children(entry, 'cac:TaxCategory').some((c) => categoryCode(c) === 'S')) ||
    context.all('cac:ClassifiedTaxCategory').some((category) => categoryCode(category) === 'S');
  const inBreakdown = breakdownCategories(context).some((category) => categoryCode(category) === 'S');
  return used === inBreakdown;
}

export const standardRateRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-S-01': (_doc, context) => standardRateUsedIffBreakdown(context),
        'BR-S-02': (_doc, context) =>
          (lineCategoryUsed(context, vatS) && sellerRegistered(context)) ||
          !lineCategoryUsed(context, { code: 'S', requireVat: false }),
        'BR-S-03': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, false, 'S') || sellerRegistered(context),
        'BR-S-04': (_doc, context) =>
          !allowanceChargeCategoryUsed(context, true, 'S') || sellerRegistered(context),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...S.line, assert: { 'BR-S-05': percentCompares('>') } },
    { on: ['cac:TaxCategory'], ...S.allowance, assert: { 'BR-S-06': percentCompares('>') } },
    { on: ['cac:TaxCategory'], ...S.charge, assert: { 'BR-S-07': percentCompares('>') } },
    {
      on: ['cac:TaxCategory'],
      ...S.breakdown,
      assert: {
        'BR-S-08': taxableWithinOneOfBase('S', categoryAndRateUsed('S')),
        'BR-S-09': taxWithinOneOfRate,
        'BR-S-10': noExemptionReason,
      },
    },
  ],
};
