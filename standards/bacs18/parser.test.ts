import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DomainError, isDomainError } from '../../kernel/errors';
import { pence } from '../../kernel/money';
import { toBacsName, toBacsText } from './charset';
import { loadLayoutCsv } from './layout-fixture.test-support';
import { parseStandard18 } from './parser';
import { sampleInput } from './test-input.test-support';
import type { Standard18Input } from './types';
import { writeStandard18 } from './writer';

const layout = loadLayoutCsv();

function refusal(text: string): DomainError {
  try {
    parseStandard18(text);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

/** Overwrites a CSV-named field of one line of a generated file. */
function tamper(
  records: string[],
  lineIndex: number,
  record: string,
  field: string,
  value: (old: string) => string,
): string {
  const row = layout.find((candidate) => candidate.record === record && candidate.field === field);
  if (!row) throw new Error(`no ${record} ${field} in the layout CSV`);
  const lines = [...records];
  const line = lines.at(lineIndex) ?? '';
  const old = line.slice(row.start - 1, row.end);
  const replacement = value(old);
  expect(replacement).toHaveLength(old.length);
  lines.splice(
    lineIndex < 0 ? lines.length + lineIndex : lineIndex,
    1,
    line.slice(0, row.start - 1) + replacement + line.slice(row.end),
  );
  return `${lines.join('\r\n')}\r\n`;
}

const bump = (digits: string): string => (BigInt(digits) + 1n).toString().padStart(digits.length, '0');

const expectedInstructions = (input: Standard18Input) =>
  input.payments.map((payment) => ({
    sortCode: payment.sortCode,
    accountNumber: payment.accountNumber,
    accountName: toBacsName(payment.accountName),
    amount: payment.amount,
    reference: toBacsText(payment.reference),
    rtiString: payment.rtiString,
    processingDate: payment.processingDate ?? input.processingDate,
  }));

const instructionsOf = (text: string) =>
  parseStandard18(text).payments.map(
    ({ sortCode, accountNumber, accountName, amount, reference, rtiString, processingDate }) => ({
      sortCode,
      accountNumber,
      accountName,
      amount,
      reference,
      rtiString,
      processingDate,
    }),
  );

describe('reading a Standard 18 file back', () => {
  it.each(['DAILY', 'MULTI'] as const)('round-trips a %s file to the same payment instructions', (form) => {
    const input = sampleInput({ form });
    const file = writeStandard18(input);
    const parsed = parseStandard18(file.text);
    expect(instructionsOf(file.text)).toEqual(expectedInstructions(input));
    expect(parsed).toMatchObject({
      form,
      serviceUserNumber: '123456',
      submissionSerial: 'PAY001',
      fileNumber: 7,
      processingDate: '2026-11-26',
      creationDate: '2026-11-23',
      totals: file.totals,
    });
    expect(parsed.contras).toEqual([
      expect.objectContaining({
        amount: 439_376n,
        sortCode: '401234',
        accountNumber: '12345678',
        accountName: 'NNUH PAYROLL',
      }),
    ]);
  });

  it('accepts LF line endings as well as CRLF', () => {
    const file = writeStandard18(sampleInput());
    expect(parseStandard18(file.records.join('\n')).payments).toHaveLength(3);
  });

  it.each<[string, (records: string[]) => string, string, string]>([
    [
      'a UTL1 credit total one penny out',
      (r) => tamper(r, -1, 'UTL1', 'Monetary total of credit records', bump),
      'line 11 UTL1 18-30',
      'Monetary total of credit records',
    ],
    [
      'a UTL1 debit total one penny out',
      (r) => tamper(r, -1, 'UTL1', 'Monetary total of debit records', bump),
      'line 11 UTL1 5-17',
      'Monetary total of debit records',
    ],
    [
      'a UTL1 credit count one out',
      (r) => tamper(r, -1, 'UTL1', 'Count of credit records', bump),
      'line 11 UTL1 38-44',
      'Count of credit records',
    ],
    [
      'a UTL1 debit count one out',
      (r) => tamper(r, -1, 'UTL1', 'Count of debit records', bump),
      'line 11 UTL1 31-37',
      'Count of debit records',
    ],
    [
      'a contra that does not balance',
      (r) => tamper(r, 7, 'CONTRA', 'Amount', bump),
      'line 8 CONTRA 36-46',
      'Amount',
    ],
    [
      'a payment amount changed',
      (r) => tamper(r, 4, 'DATA', 'Amount', bump),
      'line 8 CONTRA 36-46',
      'Amount',
    ],
    [
      'a non-digit account number',
      (r) => tamper(r, 5, 'DATA', 'Destination account number', () => '0012345X'),
      'line 6 DATA 7-14',
      'Destination account number',
    ],
    [
      'a Sunday processing day',
      (r) => tamper(r, 3, 'UHL1', 'Processing day', () => ' 26333'),
      'line 4 UHL1 5-10',
      'Processing day',
    ],
    [
      'a debit transaction code on a payment',
      (r) => tamper(r, 4, 'DATA', 'Transaction code', () => '17'),
      'line 5 DATA 16-17',
      'Transaction code',
    ],
  ])('rejects %s, naming the record and field', (_case, mutate, path, fieldName) => {
    const error = refusal(mutate(writeStandard18(sampleInput()).records));
    expect(error.code).toBe('bacs18.invalid-file');
    const issue = error.issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(error.issues)).toBeDefined();
    expect(issue?.message).toContain(`"${fieldName}"`);
  });

  it.each<[string, (records: string[]) => string[], string, string]>([
    [
      'a data record one character short',
      (r) => r.map((line, i) => (i === 5 ? line.slice(0, -1) : line)),
      'line 6',
      'record-length',
    ],
    [
      'a label one character long',
      (r) => r.map((line, i) => (i === 3 ? `${line} ` : line)),
      'line 4',
      'record-length',
    ],
    [
      'a lower-case name',
      (r) => r.map((line, i) => (i === 4 ? line.replace('ZOE', 'Zoe') : line)),
      'line 5',
      'bacs-characters',
    ],
    ['a missing UTL1', (r) => r.slice(0, -1), 'line 10', 'record-order'],
  ])('rejects %s', (_case, mutate, path, rule) => {
    const error = refusal(`${mutate(writeStandard18(sampleInput()).records).join('\r\n')}\r\n`);
    expect(error.issues).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('rejects an EOF1 that does not repeat HDR1', () => {
    const records = writeStandard18(sampleInput()).records;
    records[8] = `EOF1${(records[8] ?? '').slice(4).replace('PAY001', 'PAY002')}`;
    expect(refusal(records.join('\n')).issues).toContainEqual(
      expect.objectContaining({ path: 'line 9 EOF1 5-80', rule: 'matches-hdr1' }),
    );
  });
});

const bacsCharacter = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .&/-éøß'’,".split(''));
const text = (min: number, max: number) =>
  fc.array(bacsCharacter, { minLength: min, maxLength: max }).map((chars) => `A${chars.join('')}`);
const digits = (length: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'.split('')), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
const workingDays = ['2026-11-26', '2026-11-27', '2026-11-30', '2026-12-24', '2026-12-29'];

describe('round-trip property', () => {
  it('any valid payment run reads back to the instructions written, with balanced totals', () => {
    const payment = fc.record({
      sortCode: digits(6),
      accountNumber: digits(8),
      accountName: text(0, 30),
      amount: fc.bigInt({ min: 1n, max: 99_999_999_999n }).map((value) => pence(value)),
      reference: text(0, 8),
      rtiString: fc.option(
        digits(3).map((d) => `/${d}`),
        { nil: undefined },
      ),
      processingDate: fc.constantFrom(...workingDays),
    });
    fc.assert(
      fc.property(
        fc.array(payment, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('DAILY' as const, 'MULTI' as const),
        (payments, form) => {
          const input = sampleInput({
            form,
            processingDate: workingDays[0],
            payments: payments.map(({ processingDate, rtiString, ...rest }) => ({
              ...rest,
              ...(rtiString === undefined ? {} : { rtiString }),
              ...(form === 'MULTI' ? { processingDate } : {}),
            })),
          });
          const file = writeStandard18(input);
          const parsed = parseStandard18(file.text);
          expect(instructionsOf(file.text)).toEqual(expectedInstructions(input));
          expect(parsed.totals.debitTotal).toBe(parsed.totals.creditTotal);
        },
      ),
      { numRuns: 300 },
    );
  });
});
