import { invalid, isDomainError, type ValidationIssue } from '../../kernel/errors';
import type { Pence } from '../../kernel/money';
import { toBacsName, toBacsText } from './charset';
import type { PlainDate } from './plain-date';
import type { Standard18Input } from './types';
import { isBacsWorkingDay } from './working-days';

/** The 11-digit amount field: £999,999,999.99. */
export const MAX_RECORD_AMOUNT = 99_999_999_999n;
/** The 13-digit UTL1 totals. */
export const MAX_FILE_TOTAL = 9_999_999_999_999n;
/** The 7-digit UTL1 counts. */
export const MAX_RECORD_COUNT = 9_999_999;

export type NormalisedPayment = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  amount: Pence;
  reference: string;
  rtiString: string | undefined;
  processingDate: PlainDate;
};

export type NormalisedInput = {
  form: Standard18Input['form'];
  serviceUserNumber: string;
  originatorSortCode: string;
  originatorAccountNumber: string;
  serviceUserName: string;
  originatorAccountName: string;
  processingDate: PlainDate;
  creationDate: PlainDate;
  submissionSerial: string;
  fileNumber: number;
  payments: NormalisedPayment[];
};

const SIX_DIGITS = /^\d{6}$/;
const EIGHT_DIGITS = /^\d{8}$/;
const RTI_STRING = /^\/[A-Z0-9]{3}$/;
const SERIAL = /^[A-Z0-9]{6}$/;

type IssueSink = (path: string, rule: string, message: string) => void;

function checkDate(value: PlainDate, path: string, report: IssueSink, mustBeWorkingDay: boolean): boolean {
  try {
    if (mustBeWorkingDay && !isBacsWorkingDay(value, path)) {
      report(path, 'bacs-working-day', `${value} is a weekend or an England and Wales bank holiday`);
      return false;
    }
    if (!mustBeWorkingDay) isBacsWorkingDay(value, path);
    return true;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    for (const issue of error.issues) report(path, issue.rule, issue.message);
    return false;
  }
}

function bacsName(value: string, path: string, report: IssueSink): string {
  const name = toBacsName(value);
  if (name === '')
    report(path, 'bacs-characters', `"${value}" has no characters Bacs can carry (A-Z 0-9 . & / -)`);
  return name;
}

/**
 * Checks everything Bacs would reject and returns the text as it will appear
 * in the file. Every problem is reported at once, each naming the payment
 * index and field, so a payments officer can fix a run in one pass.
 */
export function normaliseStandard18Input(input: Standard18Input): NormalisedInput {
  const issues: ValidationIssue[] = [];
  const report: IssueSink = (path, rule, message) =>
    issues.push({ path, rule, message: `${path}: ${message}` });

  if (!SIX_DIGITS.test(input.serviceUserNumber)) {
    report('serviceUserNumber', 'six-digits', `must be 6 digits, got "${input.serviceUserNumber}"`);
  }
  if (!SIX_DIGITS.test(input.originator.sortCode)) {
    report(
      'originator.sortCode',
      'six-digits',
      `must be 6 digits with no hyphens, got "${input.originator.sortCode}"`,
    );
  }
  if (!EIGHT_DIGITS.test(input.originator.accountNumber)) {
    report(
      'originator.accountNumber',
      'eight-digits',
      `must be 8 digits, got "${input.originator.accountNumber}"`,
    );
  }
  const serviceUserName = bacsName(input.originator.name, 'originator.name', report);
  const originatorAccountName = bacsName(
    input.originator.accountName ?? input.originator.name,
    'originator.accountName',
    report,
  );
  if (!SERIAL.test(input.submissionSerial)) {
    report(
      'submissionSerial',
      'six-alphanumerics',
      `must be 6 characters A-Z or 0-9, got "${input.submissionSerial}"`,
    );
  }
  if (!Number.isInteger(input.fileNumber) || input.fileNumber < 1 || input.fileNumber > 999) {
    report(
      'fileNumber',
      'file-number-range',
      `must be a whole number from 1 to 999, got ${input.fileNumber}`,
    );
  }
  const processingDateOk = checkDate(input.processingDate, 'processingDate', report, true);
  const creationDateOk = checkDate(input.creationDate, 'creationDate', report, false);
  if (processingDateOk && creationDateOk && input.creationDate > input.processingDate) {
    report('creationDate', 'created-before-processing', `${input.creationDate} is after the processing day`);
  }
  if (input.payments.length === 0)
    report('payments', 'not-empty', 'a payment file needs at least one payment');
  if (input.payments.length > MAX_RECORD_COUNT) {
    report('payments', 'record-count', `at most ${MAX_RECORD_COUNT} payments fit one file`);
  }

  let total = 0n;
  const references = new Map<string, string>();
  const payments = input.payments.map((payment, index): NormalisedPayment => {
    const at = (field: string) => `payments[${index}].${field}`;
    if (!SIX_DIGITS.test(payment.sortCode)) {
      report(at('sortCode'), 'six-digits', `must be 6 digits with no hyphens, got "${payment.sortCode}"`);
    }
    if (!EIGHT_DIGITS.test(payment.accountNumber)) {
      report(
        at('accountNumber'),
        'eight-digits',
        `must be 8 digits (pad a 7-digit account with a leading zero), got "${payment.accountNumber}"`,
      );
    }
    const accountName = bacsName(payment.accountName, at('accountName'), report);
    let reference = references.get(payment.reference);
    if (reference === undefined) {
      reference = toBacsText(payment.reference);
      references.set(payment.reference, reference);
    }
    if (reference === '') {
      report(at('reference'), 'bacs-characters', `"${payment.reference}" has no characters Bacs can carry`);
    } else if (reference.length > 18) {
      report(at('reference'), 'max-18', `"${reference}" is longer than the 18-character reference field`);
    }
    if (typeof payment.amount !== 'bigint') {
      report(at('amount'), 'integer-pence', 'must be a bigint number of pence');
    } else if (payment.amount <= 0n) {
      report(at('amount'), 'positive', `must be more than zero pence, got ${payment.amount}`);
    } else if (payment.amount > MAX_RECORD_AMOUNT) {
      report(at('amount'), 'max-11-digits', `${payment.amount} pence does not fit the 11-digit amount field`);
    } else {
      total += payment.amount;
    }
    if (payment.rtiString !== undefined && !RTI_STRING.test(payment.rtiString)) {
      report(
        at('rtiString'),
        'rti-string',
        `must be "/" and three characters A-Z or 0-9, got "${payment.rtiString}"`,
      );
    }
    let processingDate = input.processingDate;
    if (payment.processingDate !== undefined) {
      if (input.form === 'DAILY' && payment.processingDate !== input.processingDate) {
        report(
          at('processingDate'),
          'daily-single-day',
          'a DAILY file has one processing day; use a MULTI file',
        );
      } else if (checkDate(payment.processingDate, at('processingDate'), report, true)) {
        if (payment.processingDate < input.processingDate) {
          report(
            at('processingDate'),
            'not-before-file-day',
            `${payment.processingDate} is before the file's day`,
          );
        }
        processingDate = payment.processingDate;
      }
    }
    return {
      sortCode: payment.sortCode,
      accountNumber: payment.accountNumber,
      accountName,
      amount: payment.amount as Pence,
      reference,
      rtiString: payment.rtiString,
      processingDate,
    };
  });
  if (total > MAX_FILE_TOTAL)
    report('payments', 'max-13-digits', `the total ${total} pence exceeds the UTL1 field`);

  if (issues.length > 0) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw invalid(
      'bacs18.invalid-input',
      `The Standard 18 file cannot be written: ${first?.message}${more}`,
      issues,
    );
  }
  return {
    form: input.form,
    serviceUserNumber: input.serviceUserNumber,
    originatorSortCode: input.originator.sortCode,
    originatorAccountNumber: input.originator.accountNumber,
    serviceUserName,
    originatorAccountName,
    processingDate: input.processingDate,
    creationDate: input.creationDate,
    submissionSerial: input.submissionSerial,
    fileNumber: input.fileNumber,
    payments,
  };
}
