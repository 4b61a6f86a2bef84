/** The PEPPOL BIS Billing 3.0.19 rules on top of EN 16931, including the national rule sets. */
import type { RuleSet } from '../engine';
import { nationalRuleSets } from '../national';
import { peppolAllowanceChargeRules } from './allowances-charges';
import { peppolAmountRules } from './amounts';
import { peppolCodeListRules } from './code-lists';
import { peppolDocumentRules } from './document';
import { identifierRules } from './identifiers';
import { peppolLineRules } from './lines';

export const peppolRuleSets: readonly RuleSet[] = [
  peppolDocumentRules,
  peppolAllowanceChargeRules,
  peppolLineRules,
  peppolAmountRules,
  identifierRules,
  peppolCodeListRules,
  ...nationalRuleSets,
];
