import type { ValidationIssue } from '../../../kernel/errors';

export type BankDetailsInput = { sortCode: string; accountNumber: string; accountName: string };

/** Bacs carries 18 characters of account name; longer names are kept but Bacs files truncate them. */
const ACCOUNT_NAME_MAX = 60;

/**
 * Reads UK bank details as people write them ("12-34-56", "1234 5678") into
 * the six- and eight-digit form Bacs needs, naming each field at fault.
 */
export function readBankDetails(
  input: BankDetailsInput,
  path = '',
): { value: BankDetailsInput; issues: ValidationIssue[] } {
  const sortCode = input.sortCode.replace(/[\s-]/g, '');
  const accountNumber = input.accountNumber.replace(/[\s-]/g, '');
  const accountName = input.accountName.trim().replace(/\s+/g, ' ');
  const issues: ValidationIssue[] = [];
  if (!/^\d{6}$/.test(sortCode)) {
    issues.push({
      path: `${path}sortCode`,
      rule: 'sort-code-format',
      message: 'A sort code is 6 digits, such as 12-34-56',
    });
  }
  if (!/^\d{8}$/.test(accountNumber)) {
    issues.push({
      path: `${path}accountNumber`,
      rule: 'account-number-format',
      message: 'A UK account number is 8 digits',
    });
  }
  if (accountName.length === 0 || accountName.length > ACCOUNT_NAME_MAX) {
    issues.push({
      path: `${path}accountName`,
      rule: 'account-name-length',
      message: `Give the name on the account (1–${ACCOUNT_NAME_MAX} characters)`,
    });
  }
  return { value: { sortCode, accountNumber, accountName }, issues };
}

/** "12-34-56" */
export function formatSortCode(sortCode: string): string {
  return sortCode.replace(/^(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3');
}

/** Shows only the last four digits, for screens where the whole number is not needed. */
export function maskAccountNumber(accountNumber: string): string {
  return `••••${accountNumber.slice(-4)}`;
}
