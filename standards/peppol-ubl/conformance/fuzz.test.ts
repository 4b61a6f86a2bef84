import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../kernel/random';
import { fixturePath } from '../../../testing/fixtures';
import { readInvoice } from '../read-invoice';
import { mutate } from './mutations';

/**
 * Thousands of damaged versions of the real example invoices: the reader never throws, always
 * gives a verdict, and never reports a failure of its own (MAINSTAY-VALIDATOR-ERROR).
 */
const examples = [
  ...readdirSync(fixturePath('peppol-bis-billing-3', 'examples')).map((file) =>
    fixturePath('peppol-bis-billing-3', 'examples', file),
  ),
  ...readdirSync(fixturePath('en16931-validation', 'ubl', 'examples'))
    .filter((file) => !file.startsWith('FT G2G'))
    .map((file) => fixturePath('en16931-validation', 'ubl', 'examples', file)),
].map((file) => readFileSync(file, 'utf8'));

const MUTANTS_PER_EXAMPLE = 150;

function verdictOf(input: string | Uint8Array) {
  const reading = readInvoice(input);
  expect(typeof reading.valid).toBe('boolean');
  expect(reading.valid).toBe(!reading.findings.some((finding) => finding.severity === 'fatal'));
  expect(reading.findings.map((finding) => finding.rule)).not.toContain('MAINSTAY-VALIDATOR-ERROR');
  for (const finding of reading.findings) {
    expect(finding.message).not.toBe('');
    expect(finding.location.startsWith('/')).toBe(true);
  }
  return reading;
}

describe('fuzzing the reader with mutated real invoices', () => {
  it(`gives a verdict for ${examples.length * MUTANTS_PER_EXAMPLE} mutants without crashing`, () => {
    const random = mulberry32(20260302);
    const kinds = new Map<string, number>();
    let rejected = 0;
    for (const example of examples) {
      for (let index = 0; index < MUTANTS_PER_EXAMPLE; index++) {
        const mutant = mutate(example, random);
        kinds.set(mutant.name, (kinds.get(mutant.name) ?? 0) + 1);
        if (!verdictOf(mutant.text).valid) rejected++;
      }
    }
    expect(kinds.size).toBe(8);
    expect(rejected).toBeGreaterThan(examples.length * MUTANTS_PER_EXAMPLE * 0.5);
  }, 120_000);

  it('gives a verdict for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        verdictOf(bytes);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });

  it('gives a verdict for arbitrary text wrapped in an invoice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        verdictOf(
          `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">${text}</Invoice>`,
        );
      }),
      { numRuns: 1000, seed: 7 },
    );
  });
});
