import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { fixturePath } from '../../../../testing/fixtures';
import { decodeText } from './decode';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

function decodeError(input: Uint8Array): string {
  try {
    decodeText(input);
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('decodeText', () => {
  it.each([
    ['UTF-8 without a BOM', Buffer.from('Supplier,Amount\r\nCafé Ltd,1\r\n'), 'utf-8', false],
    ['UTF-8 with a BOM', Buffer.from('\uFEFFSupplier,Amount\r\nCafé Ltd,1\r\n'), 'utf-8', true],
    [
      'UTF-16LE with a BOM',
      Buffer.from('\uFEFFSupplier,Amount\r\nCafé Ltd,1\r\n', 'utf16le'),
      'utf-16le',
      true,
    ],
    [
      'UTF-16LE without a BOM',
      Buffer.from('Supplier,Amount\r\nCafé Ltd,1\r\n', 'utf16le'),
      'utf-16le',
      false,
    ],
  ])('reads %s', (_name, input, encoding, bom) => {
    const decoded = decodeText(input);
    expect(decoded.text).toBe('Supplier,Amount\r\nCafé Ltd,1\r\n');
    expect(decoded.decoding).toMatchObject({ encoding, bom, replacedCharacters: 0 });
  });

  it('reads UTF-16BE with a BOM', () => {
    const little = Buffer.from('\uFEFFAmount\n12\n', 'utf16le');
    const big = Buffer.from(little).swap16();
    expect(decodeText(big)).toMatchObject({ text: 'Amount\n12\n', decoding: { encoding: 'utf-16be' } });
  });

  it('keeps U+00A0 from UTF-8 as it is (cells are cleaned later)', () => {
    const decoded = decodeText(Buffer.from('SH and C @ Home\u00a0- Start\r\n'));
    expect(decoded.text).toContain('\u00a0');
    expect(decoded.decoding.asciiOnly).toBe(false);
  });

  it.each([
    [
      'a Windows-1252 en dash between spaces',
      bytes('Recharges ', [0x96], ' Pay'),
      'Recharges – Pay',
      'windows-1252',
    ],
    [
      'a Mac Roman en dash between spaces',
      bytes('Recharges ', [0xd0], ' Pay'),
      'Recharges – Pay',
      'macintosh',
    ],
    [
      'a Windows-1252 apostrophe inside a word',
      bytes('King', [0x92], 's College'),
      'King’s College',
      'windows-1252',
    ],
    ['a Mac Roman é inside a word', bytes('Caf', [0x8e], ' Nero'), 'Café Nero', 'macintosh'],
    ['a Windows-1252 é inside a word', bytes('Caf', [0xe9], ' Nero'), 'Café Nero', 'windows-1252'],
    [
      'a Windows-1252 pound sign before digits',
      bytes('Cost ', [0xa3], '25,000'),
      'Cost £25,000',
      'windows-1252',
    ],
  ])('reads %s', (_name, input, text, encoding) => {
    const decoded = decodeText(input);
    expect(decoded.text).toBe(text);
    expect(decoded.decoding.encoding).toBe(encoding);
  });

  it('reads a column mixing 0x96 (Windows-1252) and 0xD0 (Mac Roman) dashes, deciding per field', () => {
    const input = bytes(
      'Expense Type,Amount\r\n',
      'Recharges ',
      [0x96],
      ' Pay,1\r\n',
      'Recharges ',
      [0xd0],
      ' Non Pay,2\r\n',
      'Recharges ',
      [0x96],
      ' Other,3\r\n',
    );
    const decoded = decodeText(input);
    expect(decoded.text).toBe(
      'Expense Type,Amount\r\nRecharges – Pay,1\r\nRecharges – Non Pay,2\r\nRecharges – Other,3\r\n',
    );
    expect(decoded.decoding.encoding).toBe('mixed');
    expect(decoded.decoding.decisions).toEqual([
      {
        encoding: 'windows-1252',
        runs: 2,
        samples: [
          { line: 2, bytes: '96', text: '–' },
          { line: 4, bytes: '96', text: '–' },
        ],
      },
      { encoding: 'macintosh', runs: 1, samples: [{ line: 3, bytes: 'D0', text: '–' }] },
    ]);
  });

  it('reads a UTF-8 sequence embedded in an otherwise Windows-1252 file as UTF-8', () => {
    const input = bytes('A ', [0x96], ' B\nC ', [0xe2, 0x80, 0x93], ' D\n');
    const decoded = decodeText(input);
    expect(decoded.text).toBe('A – B\nC – D\n');
    expect(decoded.decoding.decisions.map((decision) => decision.encoding)).toEqual([
      'windows-1252',
      'utf-8',
    ]);
  });

  it('reads the Chelsea and Westminster April file as Windows-1252, with its en dashes where they belong', () => {
    const decoded = decodeText(readFileSync(fixturePath('spend', 'chelsea-westminster-nhsft_2020-04.csv')));
    expect(decoded.decoding.encoding).toBe('windows-1252');
    expect(decoded.text.split(/\r\n/)[18]).toContain('Recharges – Pay');
    expect(decoded.decoding.decisions[0]?.samples.map((sample) => sample.line)).toEqual([19, 20]);
  });

  it('flags U+FFFD replacement characters with their lines', () => {
    const decoded = decodeText(Buffer.from('Supplier\nAcme\uFFFD Ltd\nOther\n'));
    expect(decoded.decoding.replacedCharacters).toBe(1);
    expect(decoded.decoding.flags).toEqual([
      expect.objectContaining({ line: 2, kind: 'replacement-character' }),
    ]);
  });

  it('flags a character no encoding reads plausibly', () => {
    const decoded = decodeText(bytes('Supplier\nAcme ', [0x81], ' Ltd\n'));
    expect(decoded.decoding.flags).toEqual([
      expect.objectContaining({ line: 2, kind: 'doubtful-character' }),
    ]);
  });

  it.each([
    ['binary with NUL bytes', bytes('PK', [0, 0, 1, 2, 0, 0, 3], 'garbage')],
    [
      'EBCDIC text',
      Buffer.from([0xe2, 0xa4, 0x97, 0x97, 0x93, 0x89, 0x85, 0x99, 0x6b, 0xc1, 0x94, 0x96, 0xa4, 0x95, 0xa3]),
    ],
    [
      'text full of control characters',
      bytes([1, 2, 3, 4, 5, 6, 7, 8], 'Supplier,Amount\n', [0x1b, 0x1b, 0x1b]),
    ],
    ['UTF-32 with a BOM', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])],
  ])('refuses %s as an unknown encoding', (_name, input) => {
    expect(decodeError(input)).toBe('ingest-unknown-encoding');
  });
});
