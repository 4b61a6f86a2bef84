import type { ValidationIssue } from '../../../kernel/errors';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import { type Account, needsCostCentre } from './chart';

export const REASON_CODES = [
  'OPENING_BALANCE',
  'MANUAL',
  'AP_INVOICE',
  'AP_CREDIT_NOTE',
  'AP_PAYMENT',
  'GRNI_ACCRUAL',
  'GRNI_RELEASE',
  'PAYROLL_COMMIT',
  'PAYROLL_PAYMENT',
  'ANYTIME_PAY',
  'RECHARGE',
  'INCOME',
  'REVERSAL',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type Side = 'debit' | 'credit';

export type JournalLineInput = {
  accountCode: string;
  costCentreCode?: string | null;
  side: Side;
  amountPence: Pence;
  description?: string | null;
  counterpartyOrganisationId?: string | null;
};

export type JournalInput = {
  accountingDate: LocalDate;
  /** The module that caused the posting, and its document: `payables` / `inv_01J…`. */
  sourceModule: string;
  sourceId: string;
  reasonCode: ReasonCode;
  description: string;
  /** Posting the same key twice posts once. Defaults to source module, id and reason code. */
  idempotencyKey?: string;
  lines: JournalLineInput[];
};

export type PostedJournal = {
  id: string;
  organisationId: string;
  journalNumber: bigint;
  accountingDate: LocalDate;
  periodKey: string;
  sourceModule: string;
  sourceId: string;
  reasonCode: ReasonCode;
  description: string;
  reversesJournalId: string | null;
  reversedByJournalId: string | null;
  totalPence: Pence;
  postedBy: string;
  postedAt: string;
  lines: (JournalLineInput & { lineNo: number })[];
};

export const defaultIdempotencyKey = (
  input: Pick<JournalInput, 'sourceModule' | 'sourceId' | 'reasonCode'>,
): string => `${input.sourceModule}:${input.sourceId}:${input.reasonCode}`;

/**
 * Checks a journal before it touches the database, naming each line and field
 * at fault. The database enforces balance again at insert; this is where the
 * person gets a clear reason.
 */
export function journalIssues(
  input: JournalInput,
  accounts: ReadonlyMap<string, Account & { postable: boolean }>,
  costCentres: ReadonlySet<string>,
  path = '',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const at = (suffix: string) => `${path}${suffix}`;
  if (!(REASON_CODES as readonly string[]).includes(input.reasonCode)) {
    issues.push({
      path: at('reasonCode'),
      rule: 'reason-code-known',
      message: `One of ${REASON_CODES.join(', ')}`,
    });
  }
  if (input.description.trim() === '') {
    issues.push({
      path: at('description'),
      rule: 'journal-description-required',
      message: 'Say what the journal is for',
    });
  }
  if (input.lines.length < 2) {
    issues.push({
      path: at('lines'),
      rule: 'journal-two-lines',
      message: 'A journal needs at least one debit and one credit line',
    });
  }
  let debits = 0n;
  let credits = 0n;
  input.lines.forEach((line, index) => {
    const linePath = at(`lines[${index}]`);
    if (line.side !== 'debit' && line.side !== 'credit') {
      issues.push({ path: `${linePath}.side`, rule: 'line-side', message: 'side is "debit" or "credit"' });
    }
    if (typeof line.amountPence !== 'bigint' || line.amountPence <= 0n) {
      issues.push({
        path: `${linePath}.amountPence`,
        rule: 'line-amount-positive',
        message: 'Amounts are positive whole pence; the side says which way the money moves',
      });
    } else if (line.side === 'debit') debits += line.amountPence;
    else credits += line.amountPence;
    const account = accounts.get(line.accountCode);
    if (!account) {
      issues.push({
        path: `${linePath}.accountCode`,
        rule: 'account-known',
        message: `${line.accountCode} is not in the common chart of accounts`,
      });
    } else if (!account.postable) {
      issues.push({
        path: `${linePath}.accountCode`,
        rule: 'account-postable',
        message: `${line.accountCode} is a heading, not a postable account`,
      });
    } else if (needsCostCentre(account.type) && !line.costCentreCode) {
      issues.push({
        path: `${linePath}.costCentreCode`,
        rule: 'cost-centre-required',
        message: `${account.name} is ${account.type}: give the cost centre it belongs to`,
      });
    }
    if (line.costCentreCode && !costCentres.has(line.costCentreCode)) {
      issues.push({
        path: `${linePath}.costCentreCode`,
        rule: 'cost-centre-known',
        message: `No active cost centre ${line.costCentreCode}`,
      });
    }
  });
  if (debits !== credits) {
    issues.push({
      path: at('lines'),
      rule: 'journal-balanced',
      message: `Debits (${debits}p) and credits (${credits}p) must be equal; the difference is ${debits - credits}p`,
    });
  }
  return issues;
}

export function journalTotal(lines: readonly JournalLineInput[]): Pence {
  return lines
    .filter((line) => line.side === 'debit')
    .reduce((sum, line) => sum + line.amountPence, 0n) as Pence;
}

/** The mirror of a journal: every line on the other side. */
export function reversedLines(lines: readonly JournalLineInput[]): JournalLineInput[] {
  return lines.map((line) => ({ ...line, side: line.side === 'debit' ? 'credit' : 'debit' }));
}
