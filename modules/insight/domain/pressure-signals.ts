import { divide } from '../../../kernel/money';

/** An early-warning signal about money: what triggered it, in words and figures. */
export type PressureAlert = {
  kind: 'finance' | 'procurement';
  organisation: string;
  subject: string;
  severity: 'alert' | 'watch';
  message: string;
  figures: Record<string, string | number>;
};

const pounds = (pence: bigint): string =>
  `£${(Number(pence) / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;

export type BudgetPosition = {
  organisation: string;
  costCentre: string;
  name: string;
  annualBudgetPence: bigint;
  spentPence: bigint;
  /** Months of the financial year the spend covers. */
  months: number;
};

export type FinancePressureRules = {
  /** A projected overspend above this share of the budget raises a watch (basis points). */
  watchBasisPoints: bigint;
  /** …and above this one, an alert. */
  alertBasisPoints: bigint;
};

export const defaultFinancePressureRules: FinancePressureRules = {
  watchBasisPoints: 200n,
  alertBasisPoints: 500n,
};

/**
 * Spend against budget at the year's run rate: the spend so far divided by
 * the months it covers, times twelve, against the annual budget. A cost
 * centre heading for an overspend beyond the rule's share of its budget is
 * flagged with the figures that say so.
 */
export function financePressure(
  positions: readonly BudgetPosition[],
  rules: FinancePressureRules = defaultFinancePressureRules,
): PressureAlert[] {
  const alerts: PressureAlert[] = [];
  for (const position of positions) {
    if (position.months <= 0 || position.annualBudgetPence <= 0n) continue;
    const projected = divide(position.spentPence * 12n, BigInt(position.months), 'half-even');
    const over = projected - position.annualBudgetPence;
    const watchAt = divide(position.annualBudgetPence * rules.watchBasisPoints, 10_000n, 'half-even');
    if (over <= watchAt) continue;
    const alertAt = divide(position.annualBudgetPence * rules.alertBasisPoints, 10_000n, 'half-even');
    const share = Number((over * 10_000n) / position.annualBudgetPence) / 100;
    alerts.push({
      kind: 'finance',
      organisation: position.organisation,
      subject: position.name,
      severity: over > alertAt ? 'alert' : 'watch',
      message: `${position.name} (${position.organisation}) has spent ${pounds(position.spentPence)} in ${position.months} month(s): at that rate the year comes to ${pounds(projected)} against a budget of ${pounds(position.annualBudgetPence)}, ${pounds(over)} (${share.toFixed(1)}%) over`,
      figures: {
        spentPence: position.spentPence.toString(),
        months: position.months,
        projectedPence: projected.toString(),
        budgetPence: position.annualBudgetPence.toString(),
        overspendPence: over.toString(),
      },
    });
  }
  return alerts.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'alert' ? -1 : 1));
}

export type MonthlyShare = { month: string; partPence: bigint; wholePence: bigint };

export type ProcurementPressureRules = {
  /** Consecutive months, each higher than the one before, that raise a watch. */
  risingMonths: number;
  /** An off-contract share above this (in the latest month) raises a watch on its own (basis points). */
  shareBasisPoints: bigint;
};

export const defaultProcurementPressureRules: ProcurementPressureRules = {
  risingMonths: 3,
  shareBasisPoints: 2_500n,
};

/** The run of consecutive calendar months ending at the last one in which the value kept rising. */
export function risingRun<T extends { month: string }>(
  points: readonly T[],
  value: (point: T) => number,
): T[] {
  const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  let start = points.length - 1;
  while (start > 0) {
    const previous = points[start - 1] as T;
    const current = points[start] as T;
    if (monthIndex(current.month) - monthIndex(previous.month) !== 1 || value(previous) >= value(current))
      break;
    start -= 1;
  }
  return points.slice(Math.max(start, 0));
}

/**
 * Off-contract spend as a share of order value, month by month, per
 * organisation: a share rising for several months running, or above the
 * rule's level, is a procurement-pressure signal.
 */
export function procurementPressure(
  organisation: string,
  months: readonly MonthlyShare[],
  rules: ProcurementPressureRules = defaultProcurementPressureRules,
): PressureAlert[] {
  const points = [...months]
    .filter((point) => point.wholePence > 0n)
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((point) => ({ ...point, share: Number(point.partPence) / Number(point.wholePence) }));
  const last = points.at(-1);
  if (!last) return [];
  const run = risingRun(points, (point) => point.share);
  const rising = run.length >= rules.risingMonths;
  const high = last.share * 10_000 > Number(rules.shareBasisPoints);
  if (!rising && !high) return [];
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
  const parts: string[] = [];
  if (rising)
    parts.push(
      `off-contract spend rose for ${run.length} consecutive months: ${run.map((point) => percent(point.share)).join(' → ')}`,
    );
  if (high)
    parts.push(
      `${percent(last.share)} of order value in ${last.month} was on no contract (watch above ${Number(rules.shareBasisPoints) / 100}%)`,
    );
  return [
    {
      kind: 'procurement',
      organisation,
      subject: 'Off-contract ordering',
      severity: rising && high ? 'alert' : 'watch',
      message: `${organisation}: ${parts.join('; ')}`,
      figures: {
        month: last.month,
        offContractPence: last.partPence.toString(),
        orderValuePence: last.wholePence.toString(),
        risingMonths: rising ? run.length : 0,
      },
    },
  ];
}
