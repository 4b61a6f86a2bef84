import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../testing/fixtures';
import { validateRecordPackage, validateReleasePackage } from './validate';

type ExpectedRow = {
  file: string;
  document_kind: string;
  'result_against_ocds_1.1.5': string;
  error_count: string;
  first_errors: string;
};
const expected: ExpectedRow[] = parse(
  readFileSync(fixturePath('ocds', 'expected', 'schema-validation-results.csv'), 'utf8'),
  {
    columns: true,
    skip_empty_lines: true,
  },
);
const load = (file: string): unknown => JSON.parse(readFileSync(fixturePath('ocds', file), 'utf8'));
const packages = expected.filter((row) => row.document_kind !== 'fragment');

describe('OCDS 1.1.5 schema validation agrees with the expected results', () => {
  it('covers every package in the expected results (64 valid, 5 invalid)', () => {
    const verdicts = packages.map((row) => row['result_against_ocds_1.1.5']);
    expect(verdicts.filter((verdict) => verdict === 'valid')).toHaveLength(64);
    expect(verdicts.filter((verdict) => verdict === 'invalid')).toHaveLength(5);
  });

  it.each(packages.map((row) => [row.file, row['result_against_ocds_1.1.5'], row] as const))(
    '%s is %s',
    (file, verdict, row) => {
      const validate =
        row.document_kind === 'release-package' ? validateReleasePackage : validateRecordPackage;
      const result = validate(load(file));
      expect(result.valid ? 'valid' : 'invalid', JSON.stringify(result.errors.slice(0, 5))).toBe(verdict);
      expect(result.errors).toHaveLength(Number(row.error_count));
      const expectedPaths = row.first_errors
        .split(' | ')
        .filter((text) => text !== '')
        .map((text) => text.slice(0, text.indexOf(':')));
      for (const path of expectedPaths) expect(result.errors.map((error) => error.path)).toContain(path);
    },
  );

  it('rejects a closed code list value and names where it is', () => {
    const document = load('standard-1.1/examples/merging/deletions/array_awardAmendment.json');
    expect(validateReleasePackage(document).errors).toEqual([
      { path: 'releases/0/tag/0', keyword: 'enum', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('accepts values outside open code lists', () => {
    type Package = { releases: { tender: { documents?: { id: string; documentType: string }[] } }[] };
    const document = load('standard-1.1/examples/easy_releases/worked_example1/tender.json') as Package;
    const release = document.releases[0];
    if (!release) throw new Error('no release');
    release.tender.documents = [{ id: 'doc-1', documentType: 'somethingNotInTheCodeList' }];
    expect(validateReleasePackage(document).errors).toEqual([]);
  });

  it('checks date-time and uri formats when asked', () => {
    const document = load('standard-1.1/examples/merging/deletions/object_record.json');
    expect(validateRecordPackage(document).valid).toBe(true);
    const strict = validateRecordPackage(document, { checkFormats: true });
    expect(strict.errors.map((error) => `${error.path} ${error.keyword}`)).toEqual([
      'uri format',
      'publishedDate format',
    ]);
  });
});
