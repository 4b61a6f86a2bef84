/**
 * The three categories taxed at zero — Z zero rated (BR-Z-01…10), E exempt (BR-E-01…10) and G export
 * outside the EU (BR-G-01…10). EN 16931 gives each the same ten rules under its own ids; they differ only
 * in which seller identifier counts as registration and in whether an exemption reason is required.
 */
import type { RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  breakdownTaxIsZero,
  categoryContexts,
  exactlyOneBreakdownWhenUsed,
  hasExemptionReason,
  lineCategoryUsed,
  noExemptionReason,
  rateIsZero,
  sellerHasTaxId,
  sellerHasVatId,
  taxableEqualsBase,
  taxRepresentativeHasVatId,
} from './vat-shared';

type ZeroTaxedCategory = {
  code: 'Z' | 'E' | 'G';
  sellerRegistered: (context: RuleContext) => boolean;
  exemptionReason: typeof hasExemptionReason;
};

function zeroTaxedRules({ code, sellerRegistered, exemptionReason }: ZeroTaxedCategory): RuleSet {
  const contexts = categoryContexts(code);
  const vat = { code, requireVat: true };
  const id = (n: number) => `BR-${code}-${String(n).padStart(2, '0')}`;
  return {
    rules: [
      {
        on: ['inv:Invoice', 'cn:CreditNote'],
        where: isDocumentElement,
        assert: {
          [id(1)]: exactlyOneBreakdownWhenUsed(code),
          [id(2)]: (_doc, context) => !lineCategoryUsed(context, vat) || sellerRegistered(context),
          [id(3)]: (_doc, context) =>
            !allowanceChargeCategoryUsed(context, false, code) || sellerRegistered(context),
          [id(4)]: (_doc, context) =>
            !allowanceChargeCategoryUsed(context, true, code) || sellerRegistered(context),
        },
      },
      { on: ['cac:ClassifiedTaxCategory'], ...contexts.line, assert: { [id(5)]: rateIsZero } },
      { on: ['cac:TaxCategory'], ...contexts.allowance, assert: { [id(6)]: rateIsZero } },
      { on: ['cac:TaxCategory'], ...contexts.charge, assert: { [id(7)]: rateIsZero } },
      {
        on: ['cac:TaxCategory'],
        ...contexts.breakdown,
        assert: {
          [id(8)]: taxableEqualsBase(code),
          [id(9)]: breakdownTaxIsZero,
          [id(10)]: exemptionReason,
        },
      },
    ],
  };
}

const sellerOrRepresentativeHasTaxId = (context: RuleContext) =>
  sellerHasTaxId(context) || taxRepresentativeHasVatId(context);

export const zeroRateRules = zeroTaxedRules({
  code: 'Z',
  sellerRegistered: sellerOrRepresentativeHasTaxId,
  exemptionReason: noExemptionReason,
});

export const exemptRules = zeroTaxedRules({
  code: 'E',
  sellerRegistered: sellerOrRepresentativeHasTaxId,
  exemptionReason: hasExemptionReason,
});

export const exportRules = zeroTaxedRules({
  code: 'G',
  sellerRegistered: (context) => sellerHasVatId(context) || taxRepresentativeHasVatId(context),
  exemptionReason: hasExemptionReason,
});
