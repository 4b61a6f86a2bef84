/**
 * VAT categories L (IGIC, Canary Islands: BR-AF-01…10) and M (IPSI, Ceuta and Melilla:
 * BR-AG-01…10). Both are rated like S but allow a zero rate; their official tests differ only
 * in where `cbc:ID` is compared without normalising spaces.
 */

import { stringValue, type XmlElement } from '../../xml/tree';
import { children } from '../../xpath/nav';
import type { RuleContext, RuleSet } from '../engine';
import { chargeIndicatorIs, hasVatScheme, isDocumentElement } from '../helpers';
import {
  allowanceChargeCategoryUsed,
  anyLineOfKind,
  breakdownCategories,
  categoryContexts,
  categoryMatches,
  lineCategoryUsed,
  noExemptionReason,
  percentCompares,
  sellerHasTaxId,
  taxableWithinOneOfBase,
  taxRepresentativeHasVatId,
  taxWithinOneOfRate,
} from './vat-shared';

const sellerRegistered = (context: RuleContext) =>
  sellerHasTaxId(context) || taxRepresentativeHasVatId(context);
/** `cbc:ID = 'L'` compares the text as it is, without normalising spaces. */
const idIsExactly = (category: XmlElement, code: string) =>
  children(category, 'cbc:ID').some((id) => stringValue(id) === code);

function usedIffInBreakdown(context: RuleContext, code: string, breakdownNeedsVat: boolean): boolean {
  const vat = { code, requireVat: true };
  const used =
    context
      .all('cac:AllowanceCharge')
      .some((entry) => children(entry, 'cac:TaxCategory').some((c) => categoryMatches(c, vat, context))) ||
    lineCategoryUsed(context, vat);
  const exactInBreakdown = breakdownCategories(context).some(
    (category) => idIsExactly(category, code) && (!breakdownNeedsVat || hasVatScheme(category)),
  );
  const normalizedInBreakdown = breakdownCategories(context).some((category) =>
    categoryMatches(category, vat, context),
  );
  return used ? exactInBreakdown : !normalizedInBreakdown;
}

function ratedCategoryRules(code: 'L' | 'M', prefix: 'BR-AF' | 'BR-AG'): RuleSet {
  const contexts = categoryContexts(code);
  const vat = { code, requireVat: true };
  return {
    rules: [
      {
        on: ['inv:Invoice', 'cn:CreditNote'],
        where: isDocumentElement,
        assert: {
          [`${prefix}-01`]: (_doc, context) => usedIffInBreakdown(context, code, code === 'M'),
          [`${prefix}-02`]: (_doc, context) => !lineCategoryUsed(context, vat) || sellerRegistered(context),
          [`${prefix}-03`]: (_doc, context) =>
            !allowanceChargeCategoryUsed(context, false, code) || sellerRegistered(context),
          [`${prefix}-04`]: (_doc, context) => {
            if (!allowanceChargeCategoryUsed(context, true, code) || sellerRegistered(context)) return true;
            if (code === 'M') return false;
            // BR-AF-04's "not used" half compares cbc:ID = 'L' without normalising.
            return !context
              .all('cac:AllowanceCharge')
              .some(
                (entry) =>
                  chargeIndicatorIs(entry, true) &&
                  children(entry, 'cac:TaxCategory').some(
                    (category) => idIsExactly(category, code) && hasVatScheme(category),
                  ),
              );
          },
        },
      },
      {
        on: ['cac:ClassifiedTaxCategory'],
        ...contexts.line,
        assert: { [`${prefix}-05`]: percentCompares('>=') },
      },
      {
        on: ['cac:TaxCategory'],
        ...contexts.allowance,
        assert: { [`${prefix}-06`]: percentCompares('>=') },
      },
      {
        on: ['cac:TaxCategory'],
        ...contexts.charge,
        assert: { [`${prefix}-07`]: percentCompares('>=') },
      },
      {
        on: ['cac:TaxCategory'],
        ...contexts.breakdown,
        assert: {
          [`${prefix}-08`]: taxableWithinOneOfBase(code, anyLineOfKind),
          [`${prefix}-09`]: taxWithinOneOfRate,
          [`${prefix}-10`]: noExemptionReason,
        },
      },
    ],
  };
}

export const canaryIslandsRules = ratedCategoryRules('L', 'BR-AF');
export const ceutaMelillaRules = ratedCategoryRules('M', 'BR-AG');
