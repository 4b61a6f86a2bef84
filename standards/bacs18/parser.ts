import { invalid, type ValidationIssue } from '../../kernel/errors';
import type { Pence } from '../../kernel/money';
import { fromBacsJulianDate } from './julian-date';
import {
  DAILY_RECORD_LENGTH,
  type FieldSpec,
  fieldSpec,
  LABEL_LENGTH,
  MULTI_RECORD_LENGTH,
  type RecordKind,
  readField,
} from './layout';
import type { PlainDate } from './plain-date';
import type { ParsedContra, ParsedPayment, ParsedStandard18, Standard18Form } from './types';
import { isBacsWorkingDay } from './working-days';
import { CONTRA_REFERENCE, CREDIT_TRANSACTION_CODE, DEBIT_CONTRA_TRANSACTION_CODE } from './writer';

const PERMITTED_RECORD = /^[A-Z0-9 .&/-]*$/;
const DIGITS = /^\d+$/;

type Line = { number: number; text: string };

/** Collects every problem in a file, each naming the line, record and field positions. */
class FileChecker {
  readonly issues: ValidationIssue[] = [];

  field(
    line: Line,
    kind: RecordKind | 'EOF1' | 'EOF2',
    spec: Pick<FieldSpec, 'name' | 'start' | 'end'>,
    rule: string,
    problem: string,
  ): void {
    this.issues.push({
      path: `line ${line.number} ${kind} ${spec.start}-${spec.end}`,
      rule,
      message: `${kind} record (line ${line.number}), field "${spec.name}" (positions ${spec.start}-${spec.end}): ${problem}`,
    });
  }

  record(line: Line, rule: string, problem: string): void {
    this.issues.push({ path: `line ${line.number}`, rule, message: `line ${line.number}: ${problem}` });
  }

  /** Reads a field, reporting it when it breaks `pattern`; `undefined` when it does. */
  read(
    line: Line,
    kind: RecordKind,
    key: string,
    pattern: RegExp,
    rule: string,
    expectation: string,
  ): string | undefined {
    const spec = fieldSpec(kind, key);
    const value = readField(line.text, spec);
    if (pattern.test(value)) return value;
    this.field(line, kind, spec, rule, `expected ${expectation}, found "${value}"`);
    return undefined;
  }

  expect(line: Line, kind: RecordKind, key: string, expected: string): void {
    const spec = fieldSpec(kind, key);
    const value = readField(line.text, spec);
    if (value !== expected)
      this.field(line, kind, spec, 'fixed-content', `expected "${expected}", found "${value}"`);
  }

  date(line: Line, kind: RecordKind, key: string, mustBeWorkingDay: boolean): PlainDate | undefined {
    const spec = fieldSpec(kind, key);
    const value = readField(line.text, spec);
    const date = fromBacsJulianDate(value);
    if (date === undefined) {
      this.field(line, kind, spec, 'bacs-date', `expected a date written bYYDDD, found "${value}"`);
      return undefined;
    }
    try {
      if (mustBeWorkingDay && !isBacsWorkingDay(date)) {
        this.field(line, kind, spec, 'bacs-working-day', `${date} is not a Bacs working day`);
      }
    } catch (error) {
      this.field(
        line,
        kind,
        spec,
        'bank-holidays-known',
        error instanceof Error ? error.message : String(error),
      );
    }
    return date;
  }
}

function splitLines(text: string): Line[] {
  const raw = text.split(/\r?\n/);
  if (raw.at(-1) === '') raw.pop();
  return raw.map((line, index) => ({ number: index + 1, text: line }));
}

function labelOf(line: Line | undefined): string {
  return line?.text.slice(0, 4) ?? '';
}

const sumAmounts = (items: readonly { amount: Pence }[]): bigint =>
  items.reduce((sum, item) => sum + item.amount, 0n);

/**
 * Reads a Standard 18 credit file back into payment instructions, checking it
 * as a bank would: record order and lengths, the character set, numeric
 * fields, working days, contras balancing each day's credits, and the UTL1
 * totals and counts. A file with any fault is refused with a DomainError whose
 * issues name each record and field.
 */
export function parseStandard18(text: string): ParsedStandard18 {
  const check = new FileChecker();
  const lines = splitLines(text);
  const refuse = (): never => {
    const [first] = check.issues;
    const more = check.issues.length > 1 ? ` (and ${check.issues.length - 1} more)` : '';
    throw invalid(
      'bacs18.invalid-file',
      `The Standard 18 file is not valid: ${first?.message}${more}`,
      check.issues,
    );
  };

  const [vol1, hdr1, hdr2, uhl1] = lines;
  const trailer = lines.slice(-3);
  const [eof1, eof2, utl1] = trailer;
  const expectedOrder: [Line | undefined, string][] = [
    [vol1, 'VOL1'],
    [hdr1, 'HDR1'],
    [hdr2, 'HDR2'],
    [uhl1, 'UHL1'],
    [eof1, 'EOF1'],
    [eof2, 'EOF2'],
    [utl1, 'UTL1'],
  ];
  if (lines.length < 9)
    check.issues.push({
      path: 'file',
      rule: 'record-count',
      message: `a Standard 18 file has at least 9 records, this has ${lines.length}`,
    });
  for (const [line, label] of expectedOrder) {
    if (line && labelOf(line) !== label)
      check.record(line, 'record-order', `expected the ${label} label, found "${labelOf(line)}"`);
    if (line && line.text.length !== LABEL_LENGTH) {
      check.record(
        line,
        'record-length',
        `${label} must be ${LABEL_LENGTH} characters, found ${line.text.length}`,
      );
    }
  }
  if (check.issues.length > 0 || !vol1 || !hdr1 || !hdr2 || !uhl1 || !eof1 || !eof2 || !utl1) return refuse();

  for (const line of lines) {
    if (!PERMITTED_RECORD.test(line.text)) {
      check.record(line, 'bacs-characters', 'contains characters outside A-Z 0-9 space . & / -');
    }
  }

  const submissionSerial = readField(vol1.text, fieldSpec('VOL1', 'submissionSerial'));
  const serviceUserNumber =
    check.read(vol1, 'VOL1', 'owner', /^\d{6}$/, 'six-digits', 'a 6-digit service user number') ?? '';
  check.expect(hdr1, 'HDR1', 'fileIdentifier', `A${serviceUserNumber}S   ${serviceUserNumber}`);
  check.expect(hdr1, 'HDR1', 'setIdentification', submissionSerial);
  const creationDate = check.date(hdr1, 'HDR1', 'creationDate', false);
  check.expect(hdr2, 'HDR2', 'recordFormat', 'F');
  const recordLengthText = check.read(
    hdr2,
    'HDR2',
    'recordLength',
    /^00(100|106)$/,
    'record-length',
    '00100 or 00106',
  );
  const processingDate = check.date(uhl1, 'UHL1', 'processingDay', true);
  const workCode = check.read(
    uhl1,
    'UHL1',
    'workCode',
    /^(1 DAILY {2}|4 MULTI {2})$/,
    'work-code',
    '"1 DAILY  " or "4 MULTI  "',
  );
  const fileNumberText = check.read(uhl1, 'UHL1', 'fileNumber', /^\d{3}$/, 'file-number', 'three digits');
  const form: Standard18Form = workCode?.startsWith('4') ? 'MULTI' : 'DAILY';
  const recordLength = recordLengthText === undefined ? undefined : Number(recordLengthText);
  if (
    workCode &&
    recordLength &&
    recordLength !== (form === 'MULTI' ? MULTI_RECORD_LENGTH : DAILY_RECORD_LENGTH)
  ) {
    check.field(
      uhl1,
      'UHL1',
      fieldSpec('UHL1', 'workCode'),
      'work-code-matches-record-length',
      `${form} does not match the HDR2 record length ${recordLength}`,
    );
  }
  if (eof1.text !== `EOF1${hdr1.text.slice(4)}`) {
    check.field(
      eof1,
      'EOF1',
      { name: 'End-of-file label 1', start: 5, end: 80 },
      'matches-hdr1',
      'does not repeat HDR1 5-80',
    );
  }
  if (eof2.text !== `EOF2${hdr2.text.slice(4)}`) {
    check.field(
      eof2,
      'EOF2',
      { name: 'End-of-file label 2', start: 5, end: 80 },
      'matches-hdr2',
      'does not repeat HDR2 5-80',
    );
  }

  const payments: ParsedPayment[] = [];
  const contras: ParsedContra[] = [];
  for (const line of lines.slice(4, -3)) {
    if (recordLength !== undefined && line.text.length !== recordLength) {
      check.record(
        line,
        'record-length',
        `a data record must be ${recordLength} characters in this file, found ${line.text.length}`,
      );
      continue;
    }
    const transactionCode = readField(line.text, fieldSpec('DATA', 'transactionCode'));
    const isContra = readField(line.text, fieldSpec('CONTRA', 'reference')).trimEnd() === CONTRA_REFERENCE;
    const kind: RecordKind = isContra ? 'CONTRA' : 'DATA';
    const expectedCode = isContra ? DEBIT_CONTRA_TRANSACTION_CODE : CREDIT_TRANSACTION_CODE;
    if (transactionCode !== expectedCode) {
      check.field(
        line,
        kind,
        fieldSpec(kind, 'transactionCode'),
        'credit-file-codes',
        `expected ${expectedCode} in a credit file, found "${transactionCode}"`,
      );
    }
    const sortCode = check.read(line, kind, 'destinationSortCode', /^\d{6}$/, 'six-digits', '6 digits') ?? '';
    const accountNumber =
      check.read(line, kind, 'destinationAccount', /^\d{8}$/, 'eight-digits', '8 digits') ?? '';
    check.expect(line, kind, 'accountType', '0');
    const amountText = check.read(line, kind, 'amount', /^\d{11}$/, 'amount-digits', '11 digits of pence');
    const amount = BigInt(amountText ?? '0') as Pence;
    const recordDate = form === 'MULTI' ? check.date(line, kind, 'processingDay', true) : processingDate;
    const day = recordDate ?? '';
    if (isContra) {
      const origin = readField(line.text, fieldSpec('CONTRA', 'originatingSortCodeAndAccount'));
      if (origin !== `${sortCode}${accountNumber}`) {
        check.field(
          line,
          'CONTRA',
          fieldSpec('CONTRA', 'originatingSortCodeAndAccount'),
          'contra-own-account',
          'a contra must name the same account as origin and destination',
        );
      }
      contras.push({
        amount,
        processingDate: day,
        sortCode,
        accountNumber,
        narrative: readField(line.text, fieldSpec('CONTRA', 'narrative')).trimEnd(),
        accountName: readField(line.text, fieldSpec('CONTRA', 'accountName')).trimEnd(),
        line: line.number,
      });
      continue;
    }
    if (amount === 0n)
      check.field(line, 'DATA', fieldSpec('DATA', 'amount'), 'positive', 'a credit of zero pence');
    const freeFormat = readField(line.text, fieldSpec('DATA', 'freeFormat'));
    payments.push({
      sortCode,
      accountNumber,
      accountName: readField(line.text, fieldSpec('DATA', 'destinationName')).trimEnd(),
      amount,
      reference: readField(line.text, fieldSpec('DATA', 'reference')).trimEnd(),
      ...(freeFormat.trim() === '' ? {} : { rtiString: freeFormat }),
      processingDate: day,
      serviceUserName: readField(line.text, fieldSpec('DATA', 'serviceUserName')).trimEnd(),
      originatingSortCode:
        check.read(line, 'DATA', 'originatingSortCode', DIGITS, 'six-digits', '6 digits') ?? '',
      originatingAccountNumber:
        check.read(line, 'DATA', 'originatingAccount', DIGITS, 'eight-digits', '8 digits') ?? '',
      line: line.number,
    });
  }

  checkContrasBalance(check, payments, contras, lines);
  const totals = {
    debitTotal: sumAmounts(contras) as Pence,
    creditTotal: sumAmounts(payments) as Pence,
    debitCount: contras.length,
    creditCount: payments.length,
  };
  checkTrailer(check, utl1, totals);
  if (check.issues.length > 0 || processingDate === undefined || creationDate === undefined) return refuse();
  return {
    form,
    serviceUserNumber,
    submissionSerial,
    fileNumber: Number(fileNumberText),
    processingDate,
    creationDate,
    payments,
    contras,
    totals,
  };
}

/** Each processing day's contras must draw exactly what that day's credits pay out. */
function checkContrasBalance(
  check: FileChecker,
  payments: ParsedPayment[],
  contras: ParsedContra[],
  lines: Line[],
): void {
  const days = new Set([...payments, ...contras].map((item) => item.processingDate));
  for (const day of days) {
    const credits = sumAmounts(payments.filter((payment) => payment.processingDate === day));
    const dayContras = contras.filter((contra) => contra.processingDate === day);
    const debits = sumAmounts(dayContras);
    if (credits === debits) continue;
    const at = lines[(dayContras[0]?.line ?? lines.length - 3) - 1];
    if (!at) continue;
    const problem = `contras for ${day} total ${debits} pence but the credits that day total ${credits} pence`;
    if (dayContras.length === 0) check.record(at, 'contra-balances', problem);
    else check.field(at, 'CONTRA', fieldSpec('CONTRA', 'amount'), 'contra-balances', problem);
  }
}

function checkTrailer(
  check: FileChecker,
  utl1: Line,
  totals: { debitTotal: bigint; creditTotal: bigint; debitCount: number; creditCount: number },
): void {
  const expected: [string, bigint | number, number, string][] = [
    ['debitTotal', totals.debitTotal, 13, 'the debit records total'],
    ['creditTotal', totals.creditTotal, 13, 'the credit records total'],
    ['debitCount', totals.debitCount, 7, 'the debit records number'],
    ['creditCount', totals.creditCount, 7, 'the credit records number'],
  ];
  for (const [key, value, width, description] of expected) {
    const spec = fieldSpec('UTL1', key);
    const found = readField(utl1.text, spec);
    const recomputed = value.toString().padStart(width, '0');
    if (found !== recomputed) {
      check.field(
        utl1,
        'UTL1',
        spec,
        'utl1-matches-records',
        `says "${found}" but ${description} ${recomputed}`,
      );
    }
  }
}
