/** The CEN EN 16931 rules bound to UBL, release 1.3.16: model, syntax and code list patterns. */
import type { RuleSet } from '../engine';
import { allowanceChargeRules } from './allowances-charges';
import { calculationRules } from './calculation';
import { codeListRules } from './code-lists';
import { documentRules } from './document';
import { lineRules } from './lines';
import { partyRules } from './parties';
import { paymentRules } from './payment';
import { restrictionRules } from './restrictions';
import { syntaxRules } from './syntax';
import { canaryIslandsRules, ceutaMelillaRules } from './vat-canary-islands';
import { intraCommunityRules } from './vat-intra-community';
import { notSubjectRules } from './vat-not-subject';
import { reverseChargeRules } from './vat-reverse-charge';
import { splitPaymentRules } from './vat-split-payment';
import { standardRateRules } from './vat-standard';
import { exemptRules, exportRules, zeroRateRules } from './vat-zero-taxed';

export const cenRuleSets: readonly RuleSet[] = [
  documentRules,
  partyRules,
  lineRules,
  allowanceChargeRules,
  paymentRules,
  calculationRules,
  standardRateRules,
  zeroRateRules,
  exemptRules,
  reverseChargeRules,
  intraCommunityRules,
  exportRules,
  notSubjectRules,
  canaryIslandsRules,
  ceutaMelillaRules,
  splitPaymentRules,
  codeListRules,
  syntaxRules,
  restrictionRules,
];
