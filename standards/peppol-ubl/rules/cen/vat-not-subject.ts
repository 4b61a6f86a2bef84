/** VAT category O, services outside the scope of VAT (BR-O-01…14). */

import type { XmlElement } from '../../xml/tree';
import { children } from '../../xpath/nav';
import type { RuleContext, RuleSet } from '../engine';
import { categoryCode, chargeIndicatorIs, hasCategoryId, hasVatScheme, isDocumentElement } from '../helpers';
import {
  breakdownCategories,
  breakdownTaxIsZero,
  buyerHasVatId,
  categoryContexts,
  categoryMatches,
  exactlyOneBreakdownWhenUsed,
  hasExemptionReason,
  hasNoPercent,
  lineCategoryUsed,
  sellerHasVatId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

const O = categoryContexts('O');
const vatO = { code: 'O', requireVat: true };
/** Outside the scope of VAT, nobody on the invoice may carry a VAT identifier. */
const noVatIdentifiers = (context: RuleContext) =>
  !sellerHasVatId(context) && !taxRepresentativeHasVatId(context) && !buyerHasVatId(context);

/** `(/ubl:Invoice|/cn:CreditNote)/cac:AllowanceCharge[indicator]/cac:TaxCategory[O][VAT]`: document level only. */
function documentAllowanceChargeO(context: RuleContext, charge: boolean): boolean {
  return children(context.root, 'cac:AllowanceCharge').some(
    (entry) =>
      chargeIndicatorIs(entry, charge) &&
      children(entry, 'cac:TaxCategory').some((category) => categoryMatches(category, vatO, context)),
  );
}

const otherVatCategory = (category: XmlElement) => categoryCode(category) !== 'O' && hasVatScheme(category);
const notSubjectInBreakdown = (context: RuleContext) =>
  breakdownCategories(context).some((category) => hasVatScheme(category) && hasCategoryId(category, 'O'));
/** When O is in the breakdown, nothing else of the kind selected may use another VAT category. */
const onlyO =
  (others: (context: RuleContext) => readonly XmlElement[]) =>
  (_doc: XmlElement, context: RuleContext): boolean =>
    !notSubjectInBreakdown(context) || !others(context).some(otherVatCategory);
const allowanceChargeCategories = (context: RuleContext, charge: boolean) =>
  context
    .all('cac:AllowanceCharge')
    .filter((entry) => chargeIndicatorIs(entry, charge))
    .flatMap((entry) => children(entry, 'cac:TaxCategory'));

export const notSubjectRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-O-01': exactlyOneBreakdownWhenUsed('O'),
        'BR-O-02': (_doc, context) => !lineCategoryUsed(context, vatO) || noVatIdentifiers(context),
        'BR-O-03': (_doc, context) => !documentAllowanceChargeO(context, false) || noVatIdentifiers(context),
        'BR-O-04': (_doc, context) => !documentAllowanceChargeO(context, true) || noVatIdentifiers(context),
        'BR-O-11': onlyO(breakdownCategories),
        'BR-O-12': onlyO((context) => context.all('cac:ClassifiedTaxCategory')),
        'BR-O-13': onlyO((context) => allowanceChargeCategories(context, false)),
        'BR-O-14': onlyO((context) => allowanceChargeCategories(context, true)),
      },
    },
    { on: ['cac:ClassifiedTaxCategory'], ...O.line, assert: { 'BR-O-05': hasNoPercent } },
    { on: ['cac:TaxCategory'], ...O.allowance, assert: { 'BR-O-06': hasNoPercent } },
    { on: ['cac:TaxCategory'], ...O.charge, assert: { 'BR-O-07': hasNoPercent } },
    {
      on: ['cac:TaxCategory'],
      ...O.breakdown,
      assert: {
        'BR-O-08': taxableEqualsBase('O'),
        'BR-O-09': breakdownTaxIsZero,
        'BR-O-10': hasExemptionReason,
      },
    },
  ],
};
