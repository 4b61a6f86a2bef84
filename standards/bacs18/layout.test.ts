import { describe, expect, it } from 'vitest';
import { LAYOUTS } from './layout';
import { type LayoutRow, loadLayoutCsv } from './layout-fixture.test-support';
import { sampleInput } from './test-input.test-support';
import type { Standard18Form } from './types';
import { writeStandard18 } from './writer';

const layout = loadLayoutCsv();
const BLANK = Symbol('blank');
type Expected = string | typeof BLANK;

/** What each CSV field must hold in the file written from sampleInput(), keyed "RECORD|field". */
function expectedFields(form: Standard18Form, records: string[]): Map<string, Expected[]> {
  const day = ' 26330';
  const table: [string, Expected[]][] = [
    ['VOL1|Label identifier', ['VOL']],
    ['VOL1|Label number', ['1']],
    ['VOL1|Submission serial number', ['PAY001']],
    ['VOL1|Accessibility indicator', [BLANK]],
    ['VOL1|Reserved', [BLANK]],
    ['VOL1|Owner identification', ['123456']],
    ['VOL1|Label standard level', ['1']],
    ['HDR1|Label identifier and number', ['HDR1']],
    ['HDR1|File identifier', ['A123456S   123456']],
    ['HDR1|Set identification', ['PAY001']],
    ['HDR1|File section number', ['0001']],
    ['HDR1|File sequence number', ['0001']],
    ['HDR1|Generation number', [BLANK]],
    ['HDR1|Generation version number', [BLANK]],
    ['HDR1|Creation date', [' 26327']],
    ['HDR1|Expiration date', [day]],
    ['HDR1|Accessibility indicator', [BLANK]],
    ['HDR1|Block count', ['000000']],
    ['HDR1|System code', [BLANK]],
    ['HDR1|Reserved', [BLANK]],
    ['HDR2|Label identifier and number', ['HDR2']],
    ['HDR2|Record format', ['F']],
    ['HDR2|Block length', ['02000']],
    ['HDR2|Record length', [form === 'DAILY' ? '00100' : '00106']],
    ['HDR2|Reserved', [BLANK]],
    ['HDR2|Buffer offset', ['00']],
    ['UHL1|Label identifier and number', ['UHL1']],
    ['UHL1|Processing day', [day]],
    ['UHL1|Receiving party identification', ['999999']],
    ['UHL1|Currency code', ['00']],
    ['UHL1|Country code', ['000000']],
    ['UHL1|Work code', [form === 'DAILY' ? '1 DAILY' : '4 MULTI']],
    ['UHL1|File number', ['007']],
    ['UHL1|Reserved', [BLANK]],
    ['UHL1|Audit print identifier', [BLANK]],
    ['DATA|Destination sorting code', ['200000', '309634', '601613']],
    ['DATA|Destination account number', ['55779911', '00123456', '31926819']],
    ['DATA|Destination account type', ['0', '0', '0']],
    ['DATA|Transaction code', ['99', '99', '99']],
    ['DATA|Originating sorting code', ['401234', '401234', '401234']],
    ['DATA|Originating account number', ['12345678', '12345678', '12345678']],
    ['DATA|Free format / RTI reference', ['/A7Q', '/K2Z', BLANK]],
    ['DATA|Amount', ['00000250075', '00000189300', '00000000001']],
    ["DATA|Service user's name", ['NORFOLK NHS TRUST', 'NORFOLK NHS TRUST', 'NORFOLK NHS TRUST']],
    ["DATA|Service user's reference", ['PAY NOV 2026', 'PAY NOV 2026', 'INV-0001/22']],
    ['DATA|Destination account name', ['ZOE BRONTE-SMITH', 'SEAN OBRIEN', 'ACME MEDICAL SUPPL']],
    ['DATA|Processing day', [day, day, day]],
    ['CONTRA|Destination sorting code', ['401234']],
    ['CONTRA|Destination account number', ['12345678']],
    ['CONTRA|Destination account type', ['0']],
    ['CONTRA|Transaction code', ['17']],
    ['CONTRA|Originating sort code and account', ['40123412345678']],
    ['CONTRA|Free format', [BLANK]],
    ['CONTRA|Amount', ['00000439376']],
    ['CONTRA|Narrative', ['NORFOLK NHS TRUST']],
    ['CONTRA|Reference', ['CONTRA']],
    ['CONTRA|Account name', ['NNUH PAYROLL']],
    ['CONTRA|Processing day', [day]],
    ['EOF1|End-of-file label 1', [`EOF1${records[1]?.slice(4)}`]],
    ['EOF2|End-of-file label 2', [`EOF2${records[2]?.slice(4)}`]],
    ['UTL1|Label identifier and number', ['UTL1']],
    ['UTL1|Monetary total of debit records', ['0000000439376']],
    ['UTL1|Monetary total of credit records', ['0000000439376']],
    ['UTL1|Count of debit records', ['0000001']],
    ['UTL1|Count of credit records', ['0000003']],
    ['UTL1|Reserved / bank-specific (e.g. DDI count in AUDDIS files)', [BLANK]],
  ];
  return new Map(table);
}

/** The generated lines of each record type, in file order. */
function linesByRecord(records: string[]): Record<string, string[]> {
  return {
    VOL1: records.slice(0, 1),
    HDR1: records.slice(1, 2),
    HDR2: records.slice(2, 3),
    UHL1: records.slice(3, 4),
    DATA: records.slice(4, 7),
    CONTRA: records.slice(7, 8),
    EOF1: records.slice(8, 9),
    EOF2: records.slice(9, 10),
    UTL1: records.slice(10, 11),
  };
}

describe('Standard 18 record layout', () => {
  it('declares exactly the fields of bacs-standard18-layout.csv at the same positions', () => {
    const ours = Object.entries(LAYOUTS).flatMap(([record, fields]) =>
      fields.map((field) => `${record} ${field.start}-${field.end} ${field.name}`),
    );
    const theirs = layout
      .filter((row) => row.record !== 'EOF1' && row.record !== 'EOF2')
      .map((row) => `${row.record} ${row.start}-${row.end} ${row.field}`);
    expect(ours.sort()).toEqual(theirs.sort());
  });

  it.each(['DAILY', 'MULTI'] as const)(
    'a %s file puts every field where the CSV says, with the right content',
    (form) => {
      const file = writeStandard18(sampleInput({ form }));
      expect(file.records).toHaveLength(11);
      const expected = expectedFields(form, file.records);
      const lines = linesByRecord(file.records);
      const checked: string[] = [];
      for (const row of layout) {
        const recordLines = lines[row.record] ?? [];
        const values = expected.get(`${row.record}|${row.field}`);
        expect(values, `no expectation for CSV row ${row.record} "${row.field}"`).toBeDefined();
        recordLines.forEach((line, index) => {
          if (row.start > line.length) {
            expect(form === 'DAILY' && row.start === 101, `${row.record} ${row.field} missing`).toBe(true);
            return;
          }
          const cut = line.slice(row.start - 1, row.end);
          expect(cut).toHaveLength(row.length);
          const value = values?.[index];
          if (value === BLANK) expect(cut.trim(), `${row.record} ${row.field}`).toBe('');
          else expect(cut.trimEnd(), `${row.record} ${row.field}`).toBe(value?.trimEnd());
          checked.push(`${row.record}|${row.field}`);
        });
      }
      const applicable = layout.filter((row: LayoutRow) => form === 'MULTI' || row.start <= 100);
      expect(new Set(checked)).toEqual(new Set(applicable.map((row) => `${row.record}|${row.field}`)));
    },
  );

  it.each(['DAILY', 'MULTI'] as const)(
    'a %s file has 80-character labels, 100/106-character data records and only permitted characters',
    (form) => {
      const file = writeStandard18(sampleInput({ form }));
      const dataLength = form === 'DAILY' ? 100 : 106;
      const lengths = file.records.map((record) => record.length);
      expect(lengths).toEqual([80, 80, 80, 80, dataLength, dataLength, dataLength, dataLength, 80, 80, 80]);
      for (const record of file.records) expect(record).toMatch(/^[A-Z0-9 .&/-]+$/);
      expect(file.text).toBe(`${file.records.join('\r\n')}\r\n`);
    },
  );
});
