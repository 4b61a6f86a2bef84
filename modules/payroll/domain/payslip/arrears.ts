import type { ValidationIssue } from '../../../../kernel/errors';
import { formatPounds } from '../../../../kernel/money';
import type { LocalDate } from '../../../../kernel/time';
import type { PayElementKind } from '../../reference-data';
import type { Claim } from '../claims';
import { describePayPeriod, type PayPeriod, payPeriodKey } from '../pay-period';
import type { PayRecordChange } from '../pay-record';
import type { PayScales } from '../pay-scales';
import { contractualPay } from './contractual-pay';
import type { PayLine } from './types';

/** What was paid for one past period, as the payslips of every run of that period (and later arrears) record it. */
export type PaidPeriod = {
  period: PayPeriod;
  /** Pence paid per pay element for the period, salary sacrifice aside (it is a fixed sum, not priced from pay). */
  paidByKind: ReadonlyMap<PayElementKind, number>;
  /** The claims paid in that period, priced again at the rates now known. */
  claims: readonly Claim[];
};

export type ArrearsInput = {
  startDate: LocalDate;
  sortedChanges: readonly PayRecordChange[];
  scales: PayScales;
  paidPeriods: readonly PaidPeriod[];
};

const pounds = (pence: number) => formatPounds(BigInt(pence));

/**
 * Arrears after a pay award or a backdated change: each past period is
 * priced again, element by element, with the record and scales as they are
 * now known, and the difference from what was paid for it becomes a line of
 * the current payslip, named for its period. They are paid and taxed now: for
 * PAYE and NI arrears are earnings of the period they are paid in (PAYE70023,
 * NIM02065). A period already put right gives no line, so arrears are never
 * paid twice.
 */
export function arrearsLines(input: ArrearsInput): { lines: PayLine[]; issues: ValidationIssue[] } {
  const lines: PayLine[] = [];
  const issues: ValidationIssue[] = [];
  for (const paid of input.paidPeriods) {
    const now = contractualPay({
      startDate: input.startDate,
      sortedChanges: input.sortedChanges,
      period: paid.period,
      scales: input.scales,
      claims: paid.claims,
      sacrifices: [],
      includeContract: true,
    });
    const key = payPeriodKey(paid.period);
    for (const issue of now.issues) issues.push({ ...issue, path: `arrears[${key}].${issue.path}` });
    if (now.issues.length > 0 || !now.record) continue;
    const entitled = new Map<
      PayElementKind,
      { amount: number; costCentreCode: string; accountCode: string }
    >();
    for (const line of now.lines) {
      const current = entitled.get(line.kind);
      entitled.set(line.kind, {
        amount: (current?.amount ?? 0) + line.amount,
        costCentreCode: current?.costCentreCode ?? line.costCentreCode,
        accountCode: current?.accountCode ?? line.accountCode,
      });
    }
    const kinds = new Set<PayElementKind>([...entitled.keys(), ...paid.paidByKind.keys()]);
    for (const kind of kinds) {
      const due = entitled.get(kind)?.amount ?? 0;
      const wasPaid = paid.paidByKind.get(kind) ?? 0;
      const difference = due - wasPaid;
      if (difference === 0) continue;
      lines.push({
        kind,
        amount: difference,
        costCentreCode: entitled.get(kind)?.costCentreCode ?? now.record.costCentreCode,
        accountCode: entitled.get(kind)?.accountCode ?? now.record.accountCode,
        ref: null,
        arrearsFor: key,
        explanation: {
          rule: 'arrears.period-repriced',
          text: `Arrears of ${kind} for ${describePayPeriod(paid.period)}: due ${pounds(due)} at the rates and record now in force, paid ${pounds(wasPaid)}, difference ${pounds(difference)}; paid and taxed in this period.`,
        },
      });
    }
  }
  return { lines, issues };
}
