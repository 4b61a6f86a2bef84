import type { TenantRunner, TenantTx } from '../../../kernel/tenancy';
import type { Clock } from '../../../kernel/time';
import type { FrameworkService } from '../../framework';
import type { LedgerService } from '../../ledger';
import type { MonthlyPayDay } from '../domain/pay-period';
import type { PayScales } from '../domain/pay-scales';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import * as sql from '../sql/queries';

export type PayrollDeps = {
  runner: TenantRunner;
  framework: FrameworkService;
  ledger: LedgerService;
  clock: Clock;
};

/** The year files for the given tax years, loaded once per process (they are validated on first load). */
export async function references(taxYears: Iterable<string>): Promise<Map<string, TaxYearReference>> {
  const loaded = new Map<string, TaxYearReference>();
  for (const taxYear of new Set(taxYears)) {
    try {
      loaded.set(taxYear, await loadTaxYearReference(taxYear));
    } catch {
      // A year with no file is reported where it is needed (scaleReferenceFor names it).
    }
  }
  return loaded;
}

/** Pay scales for the given years with every award recorded by `throughSeq` (all when null). */
export async function payScales(
  tx: TenantTx,
  taxYears: Iterable<string>,
  throughSeq: bigint | null,
): Promise<PayScales> {
  return { references: await references(taxYears), awards: await sql.selectAwards(tx, throughSeq) };
}

/** The years either side of a date: enough for periods that straddle April and arrears back into last year. */
export function yearsAround(taxYear: string): string[] {
  const start = Number(taxYear.slice(0, 4));
  return [start - 1, start, start + 1].map((year) => `${year}-${String((year + 1) % 100).padStart(2, '0')}`);
}

export async function monthlyPayDay(deps: PayrollDeps, tx: TenantTx): Promise<MonthlyPayDay> {
  return (await deps.framework.resolve(tx, 'payroll.monthlyPayDay')).value;
}
