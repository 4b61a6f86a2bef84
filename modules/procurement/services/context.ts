import type { ValidationIssue } from '../../../kernel/errors';
import type { TenantTx } from '../../../kernel/tenancy';
import { accountingPeriodOf, isLocalDate, type LocalDate, londonDate } from '../../../kernel/time';
import type { FrameworkService } from '../../framework';
import type { LedgerService } from '../../ledger';
import type { OrganisationsService } from '../../organisations';
import type { SuppliersService } from '../../suppliers';

/** The services procurement works through; it never reads their tables. */
export type ProcurementDeps = {
  ledger: LedgerService;
  framework: FrameworkService;
  suppliers: SuppliersService;
  organisations: OrganisationsService;
};

export const today = (tx: TenantTx): LocalDate => londonDate(tx.now);

export const financialYearOf = (date: LocalDate): string => accountingPeriodOf(date).financialYear;

/** A date a person gave, or today; never one in the future for something that has already happened. */
export function pastOrToday(
  tx: TenantTx,
  value: string | null | undefined,
  path: string,
  issues: ValidationIssue[],
): LocalDate {
  if (value === null || value === undefined || value === '') return today(tx);
  if (!isLocalDate(value)) {
    issues.push({ path, rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
    return today(tx);
  }
  if (value > today(tx))
    issues.push({ path, rule: 'date-not-future', message: 'That date has not happened yet' });
  return value;
}

/** Expenditure accounts of the common chart that can be posted to. */
export async function expenditureAccounts(tx: TenantTx, ledger: LedgerService): Promise<Set<string>> {
  const chart = await ledger.chart(tx);
  return new Set(
    chart.filter((account) => account.type === 'expenditure' && account.postable).map((a) => a.code),
  );
}
