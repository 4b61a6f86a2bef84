import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../testing/fixtures';
import { compileReleases } from './compile';
import type { JsonObject } from './json';

const examples = (file: string) =>
  JSON.parse(readFileSync(fixturePath('ocds', 'standard-1.1', 'examples', 'merging', file), 'utf8'));
const releasesOf = (...files: string[]): JsonObject[] =>
  files.flatMap((file) => examples(file).releases as JsonObject[]);
const compiledIn = (file: string): JsonObject => examples(file).records[0].compiledRelease;

describe('compiling releases (OCDS merging)', () => {
  it.each([
    [
      [
        'updates/tender1.json',
        'updates/tender2.json',
        'updates/tender3.json',
        'updates/award1.json',
        'updates/award2.json',
      ],
      'updates/merged.json',
    ],
    [
      [
        'updates/award2.json',
        'updates/tender3.json',
        'updates/award1.json',
        'updates/tender1.json',
        'updates/tender2.json',
      ],
      'updates/merged.json',
    ],
    [['deletions/field_tender.json', 'deletions/field_tenderUpdate.json'], 'deletions/field_record.json'],
    [
      ['deletions/object_tender.json', 'deletions/object_tenderAmendment.json'],
      'deletions/object_record.json',
    ],
    [['deletions/array_award.json', 'deletions/array_awardAmendment.json'], 'deletions/array_record.json'],
  ])('compiles %j to the compiledRelease of %s', (files, record) => {
    expect(compileReleases(releasesOf(...files))).toEqual(compiledIn(record));
  });

  it('replaces wholeListMerge arrays instead of merging them by id', () => {
    const base = { ocid: 'ocds-x-1', id: 'r1', date: '2026-01-01T00:00:00Z', tag: ['planning'] };
    const compiled = compileReleases([
      {
        ...base,
        parties: [
          {
            id: 'p1',
            additionalIdentifiers: [
              { id: '1', scheme: 'GB-COH' },
              { id: '2', scheme: 'GB-CHC' },
            ],
          },
        ],
      },
      {
        ...base,
        id: 'r2',
        date: '2026-02-01T00:00:00Z',
        parties: [{ id: 'p1', additionalIdentifiers: [{ id: '3', scheme: 'GB-COH' }] }],
      },
    ]);
    expect(compiled.parties).toEqual([{ id: 'p1', additionalIdentifiers: [{ id: '3', scheme: 'GB-COH' }] }]);
  });

  it('refuses to compile releases of different processes together', () => {
    expect(() => compileReleases([{ ocid: 'a' }, { ocid: 'b' }])).toThrow(/different contracting processes/);
  });
});
