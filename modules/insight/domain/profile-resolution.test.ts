import { describe, expect, it } from 'vitest';
import { detectProfile } from './ingest';
import { resolveProfile } from './profile-resolution';

const APRIL = [
  'Department Family',
  'Entity',
  'Date Paid',
  'Expense Type',
  'Expense Area',
  'Supplier Name',
  'Transaction Reference',
  'amount',
];
// Chelsea and Westminster's June 2020 layout (fixtures/spend/README.md): two headers gone, two new ones
const JUNE = [
  'Date Paid',
  '9AN - Level 9 Account Name',
  'Cost Centre Name',
  'Supplier Name',
  'Transaction Reference',
  'amount',
];

describe('choosing the column mapping for a file', () => {
  const saved = { profile: detectProfile(APRIL, 'spend').profile, status: 'confirmed' as const, version: 3 };

  it('detects a mapping for the first file from a source and saves it for confirmation', () => {
    const outcome = resolveProfile('spend', APRIL, null, null);
    expect(outcome).toMatchObject({ change: 'new', status: 'detected', version: 1, save: true });
    expect(outcome.autoMapped).toContainEqual({ header: 'Date Paid', field: 'date' });
  });

  it('reuses the saved mapping when the headers are the same, in any order', () => {
    const outcome = resolveProfile('spend', [...APRIL].reverse(), saved, null);
    expect(outcome).toMatchObject({ change: 'reused', status: 'confirmed', version: 3, save: false });
  });

  it('reports a changed header: keeps the saved columns still there, maps only the new headers, and asks again', () => {
    const outcome = resolveProfile('spend', JUNE, saved, null);
    expect(outcome).toMatchObject({ change: 'changed', status: 'detected', version: 4, save: true });
    expect(outcome.check?.missingHeaders.map((missing) => missing.header)).toEqual([
      'Department Family',
      'Entity',
      'Expense Type',
      'Expense Area',
    ]);
    expect(outcome.check?.newHeaders).toEqual(['9AN - Level 9 Account Name', 'Cost Centre Name']);
    expect(outcome.autoMapped).toEqual([
      { header: '9AN - Level 9 Account Name', field: 'expenseType' },
      { header: 'Cost Centre Name', field: 'expenseArea' },
    ]);
    expect(outcome.profile.columns.map((column) => column.field)).toEqual(
      expect.arrayContaining([
        'date',
        'supplier',
        'transactionNumber',
        'amount',
        'expenseType',
        'expenseArea',
      ]),
    );
  });

  it('uses a mapping a person gave for the file, as confirmed', () => {
    const given = detectProfile(JUNE, 'spend').profile;
    expect(resolveProfile('spend', JUNE, saved, given)).toMatchObject({
      change: 'given',
      status: 'confirmed',
      version: 4,
    });
  });

  it('detects afresh when the saved mapping is for another kind of extract', () => {
    const outcome = resolveProfile('po-lines', APRIL, saved, null);
    expect(outcome).toMatchObject({ change: 'new', version: 4 });
    expect(outcome.profile.kind).toBe('po-lines');
  });
});
