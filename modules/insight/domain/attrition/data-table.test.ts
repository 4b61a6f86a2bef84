import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { findColumn, parseCsvTable } from './data-table';

describe('parseCsvTable', () => {
  it('reads columns, trims cells, pads short rows and drops a byte-order mark', () => {
    const table = parseCsvTable('\ufeffName, Band ,Leaver\n"Smith, J", 5 ,Y\nJones,6\n');
    expect(table.columns).toEqual(['Name', 'Band', 'Leaver']);
    expect(table.cells).toEqual([
      ['Smith, J', 'Jones'],
      ['5', '6'],
      ['Y', ''],
    ]);
    expect(findColumn(table, ' leaver ')).toBe(2);
  });

  it.each([
    { name: 'an unclosed quote', text: 'A,B\n"x,1\n', code: 'csv-unreadable' },
    { name: 'a row longer than the header', text: 'A,B\n1,2,3\n', code: 'csv-row-too-long' },
    { name: 'no header at all', text: '', code: 'csv-empty' },
  ])('refuses $name with a domain error', ({ text, code }) => {
    try {
      parseCsvTable(text);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe(code);
    }
  });
});
