import { createHash, randomBytes as cryptoRandomBytes } from 'node:crypto';
import { invalid, type ValidationIssue } from '../../kernel/errors';
import type { Pence } from '../../kernel/money';
import { type ParsedPayment, type PlainDate, toBacsJulianDate, toBacsName } from '../bacs18';

/** The payment as it goes into the Standard 18 record that carries its RTI random string. */
export type BacsHashPayment = {
  sortCode: string;
  accountNumber: string;
  amount: Pence | bigint;
  accountName: string;
  processingDate: PlainDate;
  rtiString: string;
};

const RTI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const RTI_STRING = /^\/[A-Z0-9]{3}$/;

/**
 * The four characters for Standard 18 positions 32-35: "/" and three random
 * characters A-Z 0-9. Bytes of 252 and above are discarded so each character
 * is equally likely; pass `randomBytes` to make tests repeatable.
 */
export function rtiRandomString(randomBytes: (size: number) => Uint8Array = cryptoRandomBytes): string {
  let text = '/';
  while (text.length < 4) {
    for (const byte of randomBytes(8)) {
      if (byte < 252 && text.length < 4) text += RTI_ALPHABET.charAt(byte % 36);
    }
  }
  return text;
}

/**
 * The text hashed for the FPS BacsHashCode: the Standard 18 fields of the
 * payment exactly as written in its data record, joined with "|":
 * destination sort code (1-6) | account number (7-14) | amount in pence,
 * 11 digits (36-46) | account name, Bacs-transliterated and space-padded to 18
 * (83-100) | processing day bYYDDD (UHL1 5-10, or 101-106 in MULTI files) |
 * RTI random string (32-35). Anyone holding the file can recompute it.
 */
export function bacsHashCanonicalString(payment: BacsHashPayment): string {
  const issues: ValidationIssue[] = [];
  const check = (ok: boolean, path: string, rule: string, message: string) => {
    if (!ok) issues.push({ path, rule, message: `${path}: ${message}` });
  };
  check(
    /^\d{6}$/.test(payment.sortCode),
    'sortCode',
    'six-digits',
    `must be 6 digits, got "${payment.sortCode}"`,
  );
  check(
    /^\d{8}$/.test(payment.accountNumber),
    'accountNumber',
    'eight-digits',
    `must be 8 digits, got "${payment.accountNumber}"`,
  );
  check(
    payment.amount > 0n && payment.amount <= 99_999_999_999n,
    'amount',
    'bacs-amount',
    `must be 1 to 99,999,999,999 pence, got ${payment.amount}`,
  );
  check(
    RTI_STRING.test(payment.rtiString),
    'rtiString',
    'rti-string',
    `must be "/" and three characters A-Z or 0-9, got "${payment.rtiString}"`,
  );
  const name = toBacsName(payment.accountName);
  check(
    name !== '',
    'accountName',
    'bacs-characters',
    `"${payment.accountName}" has no characters Bacs can carry`,
  );
  if (issues.length > 0)
    throw invalid('hmrc-rti.invalid-bacs-hash-input', issues[0]?.message ?? 'invalid payment', issues);
  return [
    payment.sortCode,
    payment.accountNumber,
    payment.amount.toString().padStart(11, '0'),
    name.padEnd(18, ' '),
    toBacsJulianDate(payment.processingDate, 'processingDate'),
    payment.rtiString,
  ].join('|');
}

/** 64 lower-case hex characters: SHA-256 of `bacsHashCanonicalString(payment)`. */
export function bacsHashCode(payment: BacsHashPayment): string {
  return createHash('sha256').update(bacsHashCanonicalString(payment), 'ascii').digest('hex');
}

/** The hash recomputed from a record read back by `parseStandard18`; undefined when it carries no RTI string. */
export function bacsHashCodeForRecord(record: ParsedPayment): string | undefined {
  if (record.rtiString === undefined) return undefined;
  return bacsHashCode({ ...record, rtiString: record.rtiString });
}
