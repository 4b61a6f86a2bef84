import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixturePath, fixturesDir } from '../../../testing/fixtures';
import { buildDataFiles } from './build-data';
import { cenCodes, isPeppolEasCode, peppolCodes, unitName } from './code-lists';
import { catalogueRuleIds } from './rule-catalogue';

const shipped = (relative: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, relative), 'utf8'));

describe('reference data shipped in the repository', () => {
  const expected = [...buildDataFiles(fixturesDir())];

  it.each(expected)('%s still equals what the official artefacts give', (relative, value) => {
    expect(shipped(relative)).toEqual(value);
  });

  it('covers every code list file PEPPOL publishes', () => {
    const peppolFiles = expected.filter(([relative]) => relative.startsWith('peppol/'));
    expect(peppolFiles).toHaveLength(17);
  });

  it('knows every UBL assertion of both rule catalogues, with the official flag and message', () => {
    const rows = ['en16931-validation', 'peppol-bis-billing-3'].flatMap(
      (corpus) =>
        parse(readFileSync(fixturePath(corpus, 'expected', 'rule-catalogue.csv')), {
          columns: true,
        }) as Record<string, string>[],
    );
    const ubl = rows.filter((row) => row.ruleset?.endsWith('-ubl'));
    expect(new Set(catalogueRuleIds())).toEqual(new Set(ubl.map((row) => row.rule)));
  });
});

describe('code lists', () => {
  it.each([
    ['0088', true],
    ['9932', true],
    ['0192', true],
    ['9999', false],
    ['0207', false],
  ])('EAS code %s is a PEPPOL electronic address scheme: %s', (code, known) => {
    expect(isPeppolEasCode(code)).toBe(known);
  });

  it('keeps the CEN and PEPPOL currency lists apart where they differ', () => {
    expect(cenCodes.currencies.has('XCG')).toBe(true);
    expect(peppolCodes.currencies.has('XCG')).toBe(false);
    expect(peppolCodes.currencies.has('GBP')).toBe(true);
  });

  it('names units of measure from UN/ECE Recommendation 20', () => {
    expect(unitName('C62')).toBe('one');
    expect(unitName('NOT-A-UNIT')).toBeUndefined();
  });
});
