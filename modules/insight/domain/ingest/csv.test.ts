import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../testing/fixtures';
import { parseCsv, sniffDelimiter } from './csv';
import { decodeText } from './decode';

const cells = (text: string) => parseCsv(text, ',').records.map((record) => record.cells);

describe('parseCsv reads records as Python csv (excel dialect) does', () => {
  it.each([
    ['plain fields', 'a,b,c\r\n', [['a', 'b', 'c']]],
    ['a quoted comma', 'a,"49,521.52 ",c\r\n', [['a', '49,521.52 ', 'c']]],
    ['a doubled quote inside quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['a quote inside an unquoted field, kept literally', 'a"b,c\n', [['a"b', 'c']]],
    ['text after a closing quote, kept', '"ab"cd,e\n', [['abcd', 'e']]],
    ['a line break inside quotes', '"line one\r\nline two",x\r\n', [['line one\r\nline two', 'x']]],
    ['an empty line as a record with no cells', 'a\n\nb\n', [['a'], [], ['b']]],
    ['a trailing delimiter as an empty last cell', 'a,b,\n', [['a', 'b', '']]],
    ['a trailing delimiter at the end of the text', 'a,b,', [['a', 'b', '']]],
    ['no final line break', 'a,b', [['a', 'b']]],
    [
      'CR-only line endings',
      'a,b\rc,d\r',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
  ])('%s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it('numbers each record by the physical line it starts on', () => {
    const parsed = parseCsv('h1,h2\r\n"multi\r\nline",1\r\n\r\nlast,2\r\n');
    expect(parsed.records.map((record) => record.line)).toEqual([1, 2, 4, 5]);
  });

  it.each([
    ['a,b\r\nc,d\r\n', 'crlf'],
    ['a,b\nc,d\n', 'lf'],
    ['a,b\rc,d\r', 'cr'],
    ['a,b\r\nc,d\n', 'mixed'],
    ['a,b', 'none'],
  ])('reports the line endings of %j as %s', (text, endings) => {
    expect(parseCsv(text).lineEndings).toBe(endings);
  });

  it('reports a quote that is never closed', () => {
    const parsed = parseCsv('a,b\n"open,c\nd,e\n');
    expect(parsed.unterminatedQuoteLine).toBe(2);
    expect(parsed.records).toHaveLength(2);
  });

  it.each([
    ['Supplier,Amount\n', ','],
    ['Supplier;Amount;Date\n', ';'],
    ['Supplier\tAmount\n', '\t'],
    ['Supplier|Amount\n', '|'],
    ['"Smith, J";Amount\n', ';'],
    ['Supplier\n', ','],
  ])('sniffs the delimiter of %j as %j', (text, delimiter) => {
    expect(sniffDelimiter(text)).toBe(delimiter);
  });

  it('reads any table written with full quoting back exactly', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '£', '–') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        (rows) => {
          const text = rows
            .map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(','))
            .join('\r\n');
          expect(cells(text)).toEqual(rows);
        },
      ),
    );
  });

  it.each(readdirSync(fixturePath('spend')).filter((name) => name.endsWith('.csv')))(
    'agrees with csv-parse on every record of %s',
    (name) => {
      const { text } = decodeText(readFileSync(fixturePath('spend', name)));
      const reference: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false });
      expect(cells(text)).toEqual(reference);
    },
  );
});
