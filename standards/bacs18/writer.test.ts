import { describe, expect, it } from 'vitest';
import { type DomainError, isDomainError } from '../../kernel/errors';
import { pence } from '../../kernel/money';
import { toBacsName, toBacsText } from './charset';
import { cutField, loadLayoutCsv } from './layout-fixture.test-support';
import { sampleInput } from './test-input.test-support';
import type { Standard18Input, Standard18Payment } from './types';
import { writeStandard18 } from './writer';

const layout = loadLayoutCsv();

function refusal(input: Standard18Input): DomainError {
  try {
    writeStandard18(input);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

const withPayment = (change: Partial<Standard18Payment>, index = 1): Standard18Input => {
  const input = sampleInput();
  return {
    ...input,
    payments: input.payments.map((payment, i) => (i === index ? { ...payment, ...change } : payment)),
  };
};

describe('transliteration to the Bacs character set', () => {
  it.each([
    ['Zoë Brontë-Smith', 'ZOE BRONTE-SMITH'],
    ["Seán O'Brien", 'SEAN OBRIEN'],
    ['Renée Ø. Łukasz', 'RENEE O. LUKASZ'],
    ['Straße & Söhne Ltd', 'STRASSE & SOHNE LTD'],
    ['Smith,  John (Dr)', 'SMITH JOHN DR'],
    ['  A/B-C.D  ', 'A/B-C.D'],
    ['Ærø Œuvre', 'AERO OEUVRE'],
    ['王', ''],
  ])('"%s" becomes "%s"', (name, expected) => {
    expect(toBacsText(name)).toBe(expected);
  });

  it('cuts names at 18 characters without leaving a trailing space', () => {
    expect(toBacsName('Acme Medical Supplies Limited')).toBe('ACME MEDICAL SUPPL');
    expect(toBacsName('Hospital Supplies Ltd')).toBe('HOSPITAL SUPPLIES');
  });
});

describe('writing a Standard 18 credit file', () => {
  it('writes amounts as right-justified zero-filled pence and a contra equal to their sum', () => {
    const file = writeStandard18(sampleInput());
    const data = file.records.slice(4, 7).map((line) => cutField(layout, 'DATA', 'Amount', line));
    expect(data).toEqual(['00000250075', '00000189300', '00000000001']);
    const contra = file.records[7] ?? '';
    expect(BigInt(cutField(layout, 'CONTRA', 'Amount', contra))).toBe(250_075n + 189_300n + 1n);
  });

  it('fills UTL1 with totals and counts that match the records, and the file balances', () => {
    const file = writeStandard18(sampleInput());
    const dataLines = file.records.slice(4, -3);
    const contras = dataLines.filter(
      (line) => cutField(layout, 'CONTRA', 'Reference', line).trim() === 'CONTRA',
    );
    const credits = dataLines.filter((line) => cutField(layout, 'DATA', 'Transaction code', line) === '99');
    const sum = (lines: string[]) =>
      lines.reduce((total, line) => total + BigInt(cutField(layout, 'DATA', 'Amount', line)), 0n);
    const utl1 = file.records.at(-1) ?? '';
    expect(BigInt(cutField(layout, 'UTL1', 'Monetary total of credit records', utl1))).toBe(sum(credits));
    expect(BigInt(cutField(layout, 'UTL1', 'Monetary total of debit records', utl1))).toBe(sum(contras));
    expect(Number(cutField(layout, 'UTL1', 'Count of credit records', utl1))).toBe(credits.length);
    expect(Number(cutField(layout, 'UTL1', 'Count of debit records', utl1))).toBe(contras.length);
    expect(sum(credits)).toBe(sum(contras));
    expect(file.totals).toEqual({
      debitTotal: 439_376n,
      creditTotal: 439_376n,
      debitCount: 1,
      creditCount: 3,
    });
  });

  it('splits the contra when a day pays out more than the 11-digit amount field holds', () => {
    const big = pence(90_000_000_000n);
    const input = sampleInput({
      payments: [0, 1, 2].map((i) => ({
        sortCode: '200000',
        accountNumber: `1000000${i}`,
        accountName: `Payee ${i}`,
        amount: big,
        reference: 'BIG',
      })),
    });
    const file = writeStandard18(input);
    const contraAmounts = file.records
      .slice(4, -3)
      .filter((line) => cutField(layout, 'CONTRA', 'Reference', line).trim() === 'CONTRA')
      .map((line) => BigInt(cutField(layout, 'CONTRA', 'Amount', line)));
    expect(contraAmounts).toEqual([99_999_999_999n, 99_999_999_999n, 70_000_000_002n]);
    expect(file.totals.debitTotal).toBe(270_000_000_000n);
  });

  it('gives each processing day of a MULTI file its own contra and record dates', () => {
    const input = sampleInput({ form: 'MULTI' });
    const payments = input.payments.map((payment, i) =>
      i === 1 ? { ...payment, processingDate: '2026-11-27' } : payment,
    );
    const file = writeStandard18({ ...input, payments });
    const days = file.records.slice(4, -3).map((line) => cutField(layout, 'DATA', 'Processing day', line));
    expect(days).toEqual([' 26330', ' 26331', ' 26330', ' 26330', ' 26331']);
    const contraAmounts = file.records
      .slice(7, 9)
      .map((line) => BigInt(cutField(layout, 'CONTRA', 'Amount', line)));
    expect(contraAmounts).toEqual([250_076n, 189_300n]);
  });

  it.each<[string, Standard18Input, string, string]>([
    ['a 5-digit sort code', withPayment({ sortCode: '20000' }), 'payments[1].sortCode', 'six-digits'],
    ['a hyphenated sort code', withPayment({ sortCode: '20-00-00' }), 'payments[1].sortCode', 'six-digits'],
    [
      'a 7-digit account',
      withPayment({ accountNumber: '1234567' }),
      'payments[1].accountNumber',
      'eight-digits',
    ],
    ['a zero amount', withPayment({ amount: pence(0n) }), 'payments[1].amount', 'positive'],
    ['a negative amount', withPayment({ amount: pence(-5n) }), 'payments[1].amount', 'positive'],
    [
      'an amount over 11 digits',
      withPayment({ amount: pence(100_000_000_000n) }),
      'payments[1].amount',
      'max-11-digits',
    ],
    [
      'a name with no Bacs characters',
      withPayment({ accountName: '王小明' }),
      'payments[1].accountName',
      'bacs-characters',
    ],
    [
      'a reference over 18 characters',
      withPayment({ reference: 'INVOICE 1234567890123' }),
      'payments[1].reference',
      'max-18',
    ],
    ['a malformed RTI string', withPayment({ rtiString: 'AB12' }), 'payments[1].rtiString', 'rti-string'],
    [
      'a record day in a DAILY file',
      withPayment({ processingDate: '2026-11-27' }),
      'payments[1].processingDate',
      'daily-single-day',
    ],
    [
      'a Saturday processing day',
      sampleInput({ processingDate: '2026-11-28' }),
      'processingDate',
      'bacs-working-day',
    ],
    ['Christmas Day', sampleInput({ processingDate: '2026-12-25' }), 'processingDate', 'bacs-working-day'],
    [
      'a file day beyond the holiday data',
      sampleInput({ processingDate: '2029-01-03' }),
      'processingDate',
      'bank-holidays-known',
    ],
    ['an impossible date', sampleInput({ processingDate: '2026-02-30' }), 'processingDate', 'iso-date'],
    [
      'a file created after processing',
      sampleInput({ creationDate: '2026-11-27' }),
      'creationDate',
      'created-before-processing',
    ],
    [
      'a bad service user number',
      sampleInput({ serviceUserNumber: '12345X' }),
      'serviceUserNumber',
      'six-digits',
    ],
    ['file number 0', sampleInput({ fileNumber: 0 }), 'fileNumber', 'file-number-range'],
    ['no payments', sampleInput({ payments: [] }), 'payments', 'not-empty'],
  ])('refuses %s, naming the field', (_case, input, path, rule) => {
    const error = refusal(input);
    expect(error.code).toBe('bacs18.invalid-input');
    expect(error.issues).toContainEqual(expect.objectContaining({ path, rule }));
    expect(error.message).toContain(path);
  });

  it('reports every bad payment at once', () => {
    const input = sampleInput();
    const payments = input.payments.map((payment) => ({ ...payment, sortCode: 'x' }));
    expect(refusal({ ...input, payments }).issues.map((issue) => issue.path)).toEqual([
      'payments[0].sortCode',
      'payments[1].sortCode',
      'payments[2].sortCode',
    ]);
  });
});
