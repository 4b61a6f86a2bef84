/**
 * Standard 18 record layouts. Positions are 1-based and inclusive, as in the
 * published descriptions; `name` is the field name used in
 * bacs-standard18-layout.csv so that a test can hold each position against it.
 */
export type RecordKind = 'VOL1' | 'HDR1' | 'HDR2' | 'UHL1' | 'DATA' | 'CONTRA' | 'UTL1';

export type FieldSpec = { key: string; name: string; start: number; end: number };

const field = (key: string, name: string, start: number, end: number): FieldSpec => ({
  key,
  name,
  start,
  end,
});

export const LABEL_LENGTH = 80;
export const DAILY_RECORD_LENGTH = 100;
export const MULTI_RECORD_LENGTH = 106;

export const LAYOUTS = {
  VOL1: [
    field('label', 'Label identifier', 1, 3),
    field('labelNumber', 'Label number', 4, 4),
    field('submissionSerial', 'Submission serial number', 5, 10),
    field('accessibility', 'Accessibility indicator', 11, 11),
    field('reserved1', 'Reserved', 12, 41),
    field('owner', 'Owner identification', 42, 47),
    field('reserved2', 'Reserved', 48, 79),
    field('standardLevel', 'Label standard level', 80, 80),
  ],
  HDR1: [
    field('label', 'Label identifier and number', 1, 4),
    field('fileIdentifier', 'File identifier', 5, 21),
    field('setIdentification', 'Set identification', 22, 27),
    field('sectionNumber', 'File section number', 28, 31),
    field('sequenceNumber', 'File sequence number', 32, 35),
    field('generationNumber', 'Generation number', 36, 39),
    field('generationVersion', 'Generation version number', 40, 41),
    field('creationDate', 'Creation date', 42, 47),
    field('expirationDate', 'Expiration date', 48, 53),
    field('accessibility', 'Accessibility indicator', 54, 54),
    field('blockCount', 'Block count', 55, 60),
    field('systemCode', 'System code', 61, 73),
    field('reserved', 'Reserved', 74, 80),
  ],
  HDR2: [
    field('label', 'Label identifier and number', 1, 4),
    field('recordFormat', 'Record format', 5, 5),
    field('blockLength', 'Block length', 6, 10),
    field('recordLength', 'Record length', 11, 15),
    field('reserved1', 'Reserved', 16, 50),
    field('bufferOffset', 'Buffer offset', 51, 52),
    field('reserved2', 'Reserved', 53, 80),
  ],
  UHL1: [
    field('label', 'Label identifier and number', 1, 4),
    field('processingDay', 'Processing day', 5, 10),
    field('receivingParty', 'Receiving party identification', 11, 20),
    field('currency', 'Currency code', 21, 22),
    field('country', 'Country code', 23, 28),
    field('workCode', 'Work code', 29, 37),
    field('fileNumber', 'File number', 38, 40),
    field('reserved1', 'Reserved', 41, 47),
    field('auditPrint', 'Audit print identifier', 48, 54),
    field('reserved2', 'Reserved', 55, 80),
  ],
  DATA: [
    field('destinationSortCode', 'Destination sorting code', 1, 6),
    field('destinationAccount', 'Destination account number', 7, 14),
    field('accountType', 'Destination account type', 15, 15),
    field('transactionCode', 'Transaction code', 16, 17),
    field('originatingSortCode', 'Originating sorting code', 18, 23),
    field('originatingAccount', 'Originating account number', 24, 31),
    field('freeFormat', 'Free format / RTI reference', 32, 35),
    field('amount', 'Amount', 36, 46),
    field('serviceUserName', "Service user's name", 47, 64),
    field('reference', "Service user's reference", 65, 82),
    field('destinationName', 'Destination account name', 83, 100),
    field('processingDay', 'Processing day', 101, 106),
  ],
  CONTRA: [
    field('destinationSortCode', 'Destination sorting code', 1, 6),
    field('destinationAccount', 'Destination account number', 7, 14),
    field('accountType', 'Destination account type', 15, 15),
    field('transactionCode', 'Transaction code', 16, 17),
    field('originatingSortCodeAndAccount', 'Originating sort code and account', 18, 31),
    field('freeFormat', 'Free format', 32, 35),
    field('amount', 'Amount', 36, 46),
    field('narrative', 'Narrative', 47, 64),
    field('reference', 'Reference', 65, 82),
    field('accountName', 'Account name', 83, 100),
    field('processingDay', 'Processing day', 101, 106),
  ],
  UTL1: [
    field('label', 'Label identifier and number', 1, 4),
    field('debitTotal', 'Monetary total of debit records', 5, 17),
    field('creditTotal', 'Monetary total of credit records', 18, 30),
    field('debitCount', 'Count of debit records', 31, 37),
    field('creditCount', 'Count of credit records', 38, 44),
    field('reserved', 'Reserved / bank-specific (e.g. DDI count in AUDDIS files)', 45, 80),
  ],
} as const satisfies Record<RecordKind, readonly FieldSpec[]>;

const FIELD_INDEX = Object.fromEntries(
  Object.entries(LAYOUTS).map(([kind, fields]) => [
    kind,
    new Map((fields as readonly FieldSpec[]).map((spec) => [spec.key, spec])),
  ]),
) as Record<RecordKind, Map<string, FieldSpec>>;

export function fieldSpec(kind: RecordKind, key: string): FieldSpec {
  const spec = FIELD_INDEX[kind].get(key);
  if (!spec) throw new Error(`no field ${key} in ${kind}`);
  return spec;
}

/**
 * Lays values into a record of `length` characters. Values must already be
 * exactly their field's width — padding is the caller's decision (left-justify
 * text, zero-fill numbers) — so a wrong width is a programming error.
 */
export function composeRecord(kind: RecordKind, length: number, values: Record<string, string>): string {
  let record = '';
  for (const spec of LAYOUTS[kind] as readonly FieldSpec[]) {
    if (spec.start > length) break;
    const value = values[spec.key];
    const width = spec.end - spec.start + 1;
    if (value === undefined || value.length !== width) {
      throw new Error(`${kind} ${spec.key} must be ${width} characters, got ${JSON.stringify(value)}`);
    }
    record += value;
  }
  if (record.length !== length)
    throw new Error(`${kind} record came out ${record.length} characters, not ${length}`);
  return record;
}

export function readField(record: string, spec: FieldSpec): string {
  return record.slice(spec.start - 1, spec.end);
}

export const leftJustify = (value: string, width: number): string => value.padEnd(width, ' ').slice(0, width);

export const zeroFill = (value: bigint | number, width: number): string => {
  const digits = value.toString();
  if (digits.length > width || digits.startsWith('-')) {
    throw new RangeError(`${digits} does not fit a ${width}-digit unsigned field`);
  }
  return digits.padStart(width, '0');
};

export const spaces = (width: number): string => ' '.repeat(width);
