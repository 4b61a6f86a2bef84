import { describe, expect, it } from 'vitest';
import { cenRuleSets } from '../rules/cen';
import { implementedRuleIds } from '../rules/engine';
import { peppolRuleSets } from '../rules/peppol';
import { catalogueIds } from './official-cases';

describe('every assertion of the official UBL rule catalogues is implemented, and nothing else', () => {
  it.each([
    ['CEN EN 16931 1.3.16 (cen-ubl)', 'cen-ubl', cenRuleSets],
    ['PEPPOL BIS 3.0.19 with national rules (peppol-ubl)', 'peppol-ubl', peppolRuleSets],
  ] as const)('%s', (_name, ruleset, sets) => {
    expect([...implementedRuleIds(sets)].sort()).toEqual(catalogueIds(ruleset).sort());
  });
});
