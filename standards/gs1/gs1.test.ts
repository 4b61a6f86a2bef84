import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../kernel/errors';
import { fixturePath } from '../../testing/fixtures';
import { gs1CheckDigit } from './check-digit';
import ranges from './gs1-prefix-ranges.json';
import { parseGln, parseGtin, validateGln, validateGtin, validateSscc } from './keys';
import { lookupGs1Prefix, parseCatalogueGtin } from './prefix';

const withCheckDigit = (body: string): string => `${body}${gs1CheckDigit(body)}`;

/**
 * Check-digit vectors from the unit tests of gs1/gs1-syntax-dictionary src/lint_csum.c,
 * OpenPEPPOL peppol-bis-invoice-3 rules/unit-UBL-PEPPOL/PEPPOL-COMMON-R040.xml and the
 * biip documentation; the shared fixture's expected/check-digit-cases.csv is not present.
 */
const vectors: [string, 'valid' | 'incorrect-check-digit' | 'non-digit-character' | 'empty', string][] = [
  ['02345673', 'valid', 'lint_csum'],
  ['12345673', 'incorrect-check-digit', 'lint_csum'],
  ['416000336108', 'valid', 'lint_csum'],
  ['416000336109', 'incorrect-check-digit', 'lint_csum'],
  ['1234567890128', 'valid', 'lint_csum'],
  ['1234567890129', 'incorrect-check-digit', 'lint_csum'],
  ['12345678901231', 'valid', 'lint_csum'],
  ['12345678901232', 'incorrect-check-digit', 'lint_csum'],
  ['123456789012345675', 'valid', 'lint_csum (SSCC)'],
  ['123456789012345670', 'incorrect-check-digit', 'lint_csum (SSCC)'],
  [' 23456789012345675', 'non-digit-character', 'lint_csum (SSCC)'],
  ['12345678 012345675', 'non-digit-character', 'lint_csum (SSCC)'],
  ['12345678901234567 ', 'non-digit-character', 'lint_csum (SSCC)'],
  ['', 'empty', 'lint_csum'],
  ['9429041098400', 'valid', 'PEPPOL-COMMON-R040 (GLN)'],
  ['9429041098401', 'incorrect-check-digit', 'PEPPOL-COMMON-R040 (GLN)'],
  ['6291041500213', 'valid', 'GS1 General Specifications §7.9 example'],
  ['7044610873466', 'valid', 'biip'],
  ['9781492053743', 'valid', 'biip (ISBN as GTIN-13)'],
  ['30056640', 'valid', 'biip (GTIN-8)'],
];

const validatorFor = (value: string) =>
  value.length === 18
    ? validateSscc
    : value.length === 13 && value.startsWith('94')
      ? validateGln
      : validateGtin;

describe('GS1 check digits', () => {
  it.each(vectors)('%j is %s (%s)', (value, expected) => {
    const result = validatorFor(value)(value);
    if (expected === 'valid') expect(result.valid).toBe(true);
    else expect(result).toMatchObject({ valid: false, fault: expected });
  });

  it.each(vectors.filter(([, expected]) => expected === 'valid'))(
    'recomputes the last digit of %s from the others',
    (value) => {
      expect(gs1CheckDigit(value.slice(0, -1))).toBe(Number(value.at(-1)));
    },
  );

  it.each(vectors.filter(([value, expected]) => expected === 'valid' && value.length <= 14))(
    '%s stays valid padded to GTIN-14',
    (value) => {
      const result = validateGtin(value);
      expect(result).toMatchObject({
        valid: true,
        gtin14: value.padStart(14, '0'),
        format: `GTIN-${value.length}`,
      });
      expect(validateGtin(value.padStart(14, '0'))).toMatchObject({ valid: true, format: 'GTIN-14' });
    },
  );

  it('names the expected check digit when it is wrong', () => {
    expect(validateGtin('6291041500214')).toMatchObject({
      valid: false,
      fault: 'incorrect-check-digit',
      expectedCheckDigit: 3,
      message: expect.stringContaining('the check digit is 3'),
    });
  });

  it.each([
    ['1234567', 'too-short'],
    ['1234567890', 'invalid-length'],
    ['123456789012345', 'too-long'],
    ['629104150021X', 'non-digit-character'],
    ['６２９１０４１５０００２１３', 'non-digit-character'],
  ])('refuses GTIN %j as %s rather than normalising it', (value, fault) => {
    expect(validateGtin(value)).toMatchObject({ valid: false, fault });
  });

  it.each([
    ['5012345678900', 'valid'],
    ['501234567890', 'too-short'],
    ['50123456789000', 'too-long'],
  ])('GLN %s is %s (13 digits only)', (value, outcome) => {
    const result = validateGln(value);
    if (outcome === 'valid') expect(result.valid).toBe(true);
    else expect(result).toMatchObject({ valid: false, fault: outcome });
  });

  it('parseGtin returns GTIN-14 and refuses with a DomainError naming the field and fault', () => {
    expect(parseGtin('02345673')).toBe('00000002345673');
    try {
      parseGtin('1234567890129', 'items[4].gtin');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('gs1.invalid-gtin');
      expect(isDomainError(error) && error.issues[0]).toMatchObject({
        path: 'items[4].gtin',
        rule: 'incorrect-check-digit',
      });
    }
    expect(() => parseGln('9429041098401', 'supplier.gln')).toThrow(
      /supplier\.gln: the GLN check digit is wrong/,
    );
  });
});

describe('GS1 prefix lookup', () => {
  it('uses a data file identical to the shared fixture', () => {
    const fixture = JSON.parse(readFileSync(fixturePath('gs1', 'gs1-prefix-ranges.json'), 'utf8'));
    expect(ranges).toEqual(fixture);
  });

  it.each([
    ['5012345678900', '501', 'GS1 UK', 'member-organisation', true],
    [withCheckDigit('1501234567890'), '501', 'GS1 UK', 'member-organisation', true],
    ['7044610873466', '704', 'GS1 Norway', 'member-organisation', true],
    ['9781492053743', '978', 'Bookland (ISBN)', 'publication', true],
    [
      withCheckDigit('952000000000'),
      '952',
      'Used for demonstrations and examples of the GS1 system',
      'demonstration',
      false,
    ],
    [
      withCheckDigit('020000000000'),
      '020',
      expect.stringMatching(/Restricted Circulation/),
      'restricted-circulation',
      false,
    ],
    [
      withCheckDigit('20000000000'),
      '020',
      expect.stringMatching(/Restricted Circulation/),
      'restricted-circulation',
      false,
    ],
    [
      withCheckDigit('040000000000'),
      '040',
      expect.stringMatching(/Restricted Circulation/),
      'restricted-circulation',
      false,
    ],
    [
      withCheckDigit('200000000000'),
      '200',
      expect.stringMatching(/Restricted Circulation/),
      'restricted-circulation',
      false,
    ],
    [
      withCheckDigit('299999999999'),
      '299',
      expect.stringMatching(/Restricted Circulation/),
      'restricted-circulation',
      false,
    ],
    [withCheckDigit('990000000000'), '99', 'GS1 coupon identification', 'coupon', false],
    ['30056640', '300', 'GS1 France', 'member-organisation', true],
    ['02345673', '023', expect.stringMatching(/Restricted Circulation/), 'restricted-circulation', false],
    [withCheckDigit('9800000'), '980', 'Reserved for future use', 'reserved', false],
    [withCheckDigit('150000000000'), '150', 'Not allocated by GS1', 'unassigned', false],
  ])('%s has prefix %s: %s', (key, prefix, usage, category, globallyUnique) => {
    expect(lookupGs1Prefix(key)).toEqual({ prefix, usage, category, globallyUnique });
  });

  it.each(ranges.map((range) => [range.length, range.min_value, range.max_value, range.usage] as const))(
    'classifies every allocation in the table (length %i, %i-%i: %s)',
    (length, min, max, usage) => {
      for (const value of [min, max]) {
        const head = String(value).padStart(length, '0');
        const info = lookupGs1Prefix(withCheckDigit(head.padEnd(12, '0')));
        expect(info.usage).toBe(usage);
        expect(info.prefix).toBe(head);
      }
    },
  );

  it('refuses restricted-circulation and demonstration numbers as catalogue identities', () => {
    expect(parseCatalogueGtin('5012345678900')).toBe('05012345678900');
    expect(() => parseCatalogueGtin(withCheckDigit('200000000000'), 'gtin')).toThrow(
      /not a globally unique GTIN/,
    );
    expect(() => parseCatalogueGtin(withCheckDigit('952000000000'))).toThrow(/demonstrations/);
  });
});
