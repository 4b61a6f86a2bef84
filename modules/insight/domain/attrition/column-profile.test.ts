import { describe, expect, it } from 'vitest';
import { profileColumns } from './column-profile';
import { parseCsvTable } from './data-table';

const rows = Array.from({ length: 60 }, (_, row) =>
  [
    `E${1000 + row}`, // Staff ID
    String(900_000 + row * 3), // Payroll Ref (whole numbers, unique)
    `Person ${row} ${'abcdefghij'[row % 10]}`, // Comment (free text)
    'RXX', // Org
    row % 7 === 0 ? '' : String(20 + (row % 40)), // Age (numeric with blanks)
    ['Ward A', 'Ward B', 'Theatres'][row % 3], // Team
    `${String((row % 28) + 1).padStart(2, '0')}/0${(row % 9) + 1}/2021`, // Start Date
    (1.5 + row * 0.37).toFixed(2), // Commute (decimals, unique but a measurement)
    row % 4 === 0 ? 'Y' : 'N', // Leaver
  ].join(','),
);
const csv = ['Staff ID,Payroll Ref,Comment,Org,Age,Team,Start Date,Commute,Leaver', ...rows].join('\n');

describe('profileColumns', () => {
  const profile = profileColumns(parseCsvTable(csv), { target: 'Leaver', exclude: ['Comment '] });
  const kindOf = (name: string) => profile.features.find((feature) => feature.name === name)?.kind;
  const reasonFor = (name: string) => profile.ignored.find((column) => column.name === name)?.reason;

  it.each([
    { column: 'Age', kind: 'numeric' },
    { column: 'Team', kind: 'categorical' },
    { column: 'Start Date', kind: 'date' },
    { column: 'Commute', kind: 'numeric' },
  ])('uses $column as $kind', ({ column, kind }) => {
    expect(kindOf(column)).toBe(kind);
  });

  it.each([
    { column: 'Staff ID', reason: /identifier/ },
    { column: 'Payroll Ref', reason: /identifier/ },
    { column: 'Org', reason: /same value in every row/ },
    { column: 'Comment', reason: /excluded by the caller/ },
  ])('ignores $column and says why', ({ column, reason }) => {
    expect(reasonFor(column)).toMatch(reason);
  });

  it('never uses the target as a feature', () => {
    expect(kindOf('Leaver')).toBeUndefined();
    expect(reasonFor('Leaver')).toBeUndefined();
  });

  it('ignores near-unique free text', () => {
    const text = [
      'Note,Leaver',
      ...Array.from({ length: 40 }, (_, row) => `"called on day ${row}",${row % 2 ? 'Y' : 'N'}`),
    ];
    expect(profileColumns(parseCsvTable(text.join('\n')), { target: 'Leaver' }).ignored[0]?.reason).toMatch(
      /unique per row/,
    );
  });

  it('keeps a count whose name contains "number" when it is not an identifier', () => {
    const text = [
      'Number of moves,Leaver',
      ...Array.from({ length: 40 }, (_, row) => `${row % 4},${row % 2 ? 'Y' : 'N'}`),
    ];
    expect(profileColumns(parseCsvTable(text.join('\n')), { target: 'Leaver' }).features[0]?.kind).toBe(
      'numeric',
    );
  });
});
