/** The national rule sets PEPPOL BIS 3.0.19 carries (each applies only to its own country's documents). */
import type { RuleSet } from '../engine';
import { denmarkRules } from './denmark';
import { germanyRules } from './germany';
import { greeceRules } from './greece';
import { icelandRules } from './iceland';
import { italyRules } from './italy';
import { netherlandsRules } from './netherlands';
import { norwayRules } from './norway';
import { swedenRules } from './sweden';

export const nationalRuleSets: readonly RuleSet[] = [
  norwayRules,
  denmarkRules,
  italyRules,
  swedenRules,
  greeceRules,
  icelandRules,
  netherlandsRules,
  germanyRules,
];
