import { describe, expect, it } from 'vitest';
import { validateInvoiceXml } from '../validate';
import { ruleFamily, type UnitCase, unitCases } from './official-cases';

/**
 * Every UBL expectation of the official EN 16931 (CEN 1.3.16) and PEPPOL BIS 3.0.19 unit tests:
 * the named rule fires as fatal (error), as a warning, or not at all (success). Only the named
 * rule is compared; the fragments break many others on purpose.
 */
const cases = unitCases();
const families = [...new Set(cases.map((testCase) => ruleFamily(testCase.rule)))].sort();

function outcome(testCase: UnitCase): 'success' | 'error' | 'warning' | 'error and warning' {
  const fired = validateInvoiceXml(testCase.document).findings.filter(
    (finding) => finding.rule === testCase.rule,
  );
  const fatal = fired.some((finding) => finding.severity === 'fatal');
  const warning = fired.some((finding) => finding.severity === 'warning');
  if (fatal && warning) return 'error and warning';
  return fatal ? 'error' : warning ? 'warning' : 'success';
}

it('covers the UBL expectations of both corpora', () => {
  expect(cases.filter((testCase) => testCase.corpus === 'en16931-validation')).toHaveLength(917);
  expect(cases.filter((testCase) => testCase.corpus === 'peppol-bis-billing-3')).toHaveLength(475);
});

describe.each(
  families.map(
    (family) => [family, cases.filter((testCase) => ruleFamily(testCase.rule) === family)] as const,
  ),
)('rule family %s', (_family, familyCases) => {
  it.each(
    familyCases.map(
      (testCase) => [`${testCase.corpus}/${testCase.file} #${testCase.testIndex}`, testCase] as const,
    ),
  )('%s agrees with the official outcome', (_name, testCase) => {
    expect({ rule: testCase.rule, outcome: outcome(testCase) }).toEqual({
      rule: testCase.rule,
      outcome: testCase.expected,
    });
  });
});
