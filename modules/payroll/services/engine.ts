import { createHash } from 'node:crypto';
import type { ValidationIssue } from '../../../kernel/errors';
import type { TenantTx } from '../../../kernel/tenancy';
import type { LocalDate } from '../../../kernel/time';
import type { Claim } from '../domain/claims';
import type { EmployerPensionFunding } from '../domain/nhs-pension';
import {
  earlierDate,
  type MonthlyPayDay,
  type PayPeriod,
  payPeriod,
  payPeriodKey,
} from '../domain/pay-period';
import { sortChanges } from '../domain/pay-record';
import type { PayScales } from '../domain/pay-scales';
import { arrearsLines, type PaidPeriod } from '../domain/payslip/arrears';
import { calculatePayslip } from '../domain/payslip/calculate-payslip';
import type { CalculatedPayslip, PayLine, PayslipOutcome, PreviousPayslip } from '../domain/payslip/types';
import { deductionKinds, type PayElementKind, type TaxYearReference } from '../reference-data';
import * as sql from '../sql/queries';

/**
 * The calculation one batch of a pay run needs, shared by the preview and the
 * commit so that both give the same payslips: it reads every input recorded
 * by the run's cut-off (`inputsSeq`) and nothing later, then calculates.
 */
export type RunCalculation = {
  run: sql.PayRunRow & { inputsSeq: bigint };
  period: PayPeriod;
  reference: TaxYearReference;
  scales: PayScales;
  pensionFunding: EmployerPensionFunding;
  payDay: MonthlyPayDay;
};

export type EmployeeOutcome = {
  employeeId: string;
  outcome: PayslipOutcome;
  previous: PreviousPayslip | null;
  bankDetailsId: string | null;
  bankChangePending: boolean;
  startDate: LocalDate;
};

const DEDUCTION_KINDS = new Set<string>(deductionKinds);

/** What was paid for each past period of the employee's marked window, and the claims those runs paid. */
function paidPeriods(
  history: Awaited<ReturnType<typeof sql.selectPaidHistory>>,
  claimsByRun: Map<string, Claim[]>,
  current: PayPeriod,
  payDay: MonthlyPayDay,
): PaidPeriod[] {
  const currentKey = payPeriodKey(current);
  const periods = new Map<
    string,
    { period: PayPeriod; paidByKind: Map<PayElementKind, number>; claims: Claim[] }
  >();
  const entry = (key: string, period: PayPeriod | null) => {
    let found = periods.get(key);
    if (!found && period) {
      found = { period, paidByKind: new Map(), claims: [] };
      periods.set(key, found);
    }
    return found;
  };
  for (const payslip of history) {
    const period = payPeriod(
      payslip.runFrequency as PayPeriod['frequency'],
      payslip.taxYear,
      payslip.runPeriod,
      payDay,
    );
    const key = payPeriodKey(period);
    if (key === currentKey) continue;
    const own = entry(key, period);
    own?.claims.push(...(claimsByRun.get(payslip.runId) ?? []));
    for (const line of payslip.lines) {
      if (DEDUCTION_KINDS.has(line.k) || line.k === 'salary-sacrifice') continue;
      const target = line.f ? entry(line.f, null) : own;
      if (!target) continue;
      const kind = line.k as PayElementKind;
      target.paidByKind.set(kind, (target.paidByKind.get(kind) ?? 0) + line.a);
    }
  }
  return [...periods.values()].sort((a, b) => (a.period.start < b.period.start ? -1 : 1));
}

/**
 * Calculates every employee of one batch from the inputs recorded by the
 * run's cut-off: a range of ids for a main run (only those the run pays are
 * read), the named employees for a supplementary run.
 */
export async function calculateBatch(
  tx: TenantTx,
  calc: RunCalculation,
  scope: sql.BatchScope,
): Promise<EmployeeOutcome[]> {
  const { run, period } = calc;
  const seq = run.inputsSeq;
  const employees = await sql.selectBatchEmployees(tx, scope, {
    frequency: run.payFrequency,
    periodStart: period.start,
    periodEnd: period.end,
  });
  if (employees.length === 0) return [];
  const employeeIds = employees.map((employee) => employee.id);
  const inScope = new Set(employeeIds);
  const changes = (await sql.selectBatchChanges(tx, scope, seq)).filter((change) =>
    inScope.has(change.employeeId),
  );
  const previous = await previousPayslips(tx, run, scope, employeeIds);
  const claims = (await sql.selectBatchClaims(tx, scope, seq, period.end, run.id)).filter((claim) =>
    inScope.has(claim.employeeId),
  );
  // Standing orders, anytime pay draws and arrears marks touch few employees: find them first, then read only theirs.
  const withOrders = (await sql.selectBatchOrders(tx, scope, seq)).filter((id) => inScope.has(id));
  const orders = withOrders.length > 0 ? await sql.selectOrders(tx, withOrders, seq) : [];
  const bank = await sql.selectBatchBankDetails(tx, scope, seq);
  const special = await sql.selectBatchSpecialCases(tx, scope, seq);
  const drawing = employeeIds.filter((id) => special.draws.has(id));
  const outstanding =
    drawing.length > 0
      ? await sql.selectAnytimePayOutstanding(tx, drawing, seq, run.sequence)
      : new Map<string, number>();
  const markedIds = employeeIds.filter((id) => special.marks.has(id));
  const marked =
    markedIds.length > 0
      ? await sql.selectOpenRecalculations(tx, markedIds, seq, run.id)
      : new Map<string, LocalDate>();
  const samePeriod =
    run.kind === 'supplementary'
      ? await sql.selectSamePeriodFigures(
          tx,
          employeeIds,
          { ...period, frequency: period.frequency },
          run.sequence,
        )
      : new Map();

  const arrears = new Map<string, { lines: PayLine[]; issues: ValidationIssue[] }>();
  if (marked.size > 0) {
    const markedIds = [...marked.keys()];
    const since = [...marked.values()].reduce(earlierDate);
    const history = await sql.selectPaidHistory(tx, markedIds, since, run.sequence);
    const paidClaims = await sql.selectClaimsPaidBy(
      tx,
      [...new Set(history.map((row) => row.runId))],
      markedIds,
    );
    for (const employeeId of markedIds) {
      const employee = employees.find((row) => row.id === employeeId);
      if (!employee) continue;
      const from = marked.get(employeeId) ?? since;
      const claimsByRun = new Map<string, Claim[]>();
      for (const claim of paidClaims) {
        if (claim.employeeId !== employeeId) continue;
        claimsByRun.set(claim.runId, [...(claimsByRun.get(claim.runId) ?? []), claim]);
      }
      const own = history.filter((row) => row.employeeId === employeeId && row.runPeriodEnd >= from);
      arrears.set(
        employeeId,
        arrearsLines({
          startDate: employee.startDate,
          sortedChanges: sortChanges(changes.filter((change) => change.employeeId === employeeId)),
          scales: calc.scales,
          paidPeriods: paidPeriods(own, claimsByRun, period, calc.payDay),
        }),
      );
    }
  }

  const byEmployee = <T extends { employeeId: string }>(rows: readonly T[]) => {
    const grouped = new Map<string, T[]>();
    for (const row of rows) {
      const list = grouped.get(row.employeeId);
      if (list) list.push(row);
      else grouped.set(row.employeeId, [row]);
    }
    return grouped;
  };
  const changesOf = byEmployee(changes);
  const claimsOf = byEmployee(claims);
  const ordersOf = byEmployee(orders);

  return employees.map((employee) => {
    const employeeArrears = arrears.get(employee.id);
    const payable = bank.get(employee.id);
    const prior = previous.get(employee.id) ?? null;
    const outcome: PayslipOutcome =
      employeeArrears && employeeArrears.issues.length > 0
        ? { ok: false, issues: employeeArrears.issues }
        : calculatePayslip({
            employee,
            changes: changesOf.get(employee.id) ?? [],
            period,
            kind: run.kind,
            reference: calc.reference,
            scales: calc.scales,
            claims: claimsOf.get(employee.id) ?? [],
            orders: ordersOf.get(employee.id) ?? [],
            previous: prior,
            samePeriod: samePeriod.get(employee.id) ?? null,
            anytimePayOutstanding: outstanding.get(employee.id) ?? 0,
            arrears: employeeArrears?.lines ?? [],
            employerPensionFunding: calc.pensionFunding,
          });
    return {
      employeeId: employee.id,
      outcome,
      previous: prior,
      bankDetailsId: payable?.verifiedId ?? null,
      bankChangePending: payable?.pending ?? false,
      startDate: employee.startDate,
    };
  });
}

/**
 * Each employee's latest committed payslip: read for the whole batch from the
 * last run (a primary key range scan), then one by one for the few it did not
 * pay (starters, those left out last time).
 */
async function previousPayslips(
  tx: TenantTx,
  run: RunCalculation['run'],
  scope: sql.BatchScope,
  employeeIds: readonly string[],
): Promise<Map<string, PreviousPayslip>> {
  const found = new Map<string, PreviousPayslip>();
  const latest =
    scope.kind === 'range' ? await sql.selectLatestMainRun(tx, run.payFrequency, run.sequence) : null;
  let paidSince = new Set<string>();
  if (latest !== null && scope.kind === 'range') {
    for (const [id, previous] of await sql.selectRunPayslipsAsPrevious(
      tx,
      tx.ctx.organisationId,
      latest.id,
      scope,
    ))
      found.set(id, previous);
    paidSince = await sql.selectEmployeesPaidBetween(tx, scope, latest.sequence, run.sequence);
  }
  const missing = employeeIds.filter((id) => !found.has(id) || paidSince.has(id));
  if (missing.length > 0) {
    for (const [id, previous] of await sql.selectPreviousPayslips(
      tx,
      tx.ctx.organisationId,
      missing,
      run.sequence,
    ))
      found.set(id, previous);
  }
  return found;
}

/** The figures a commit must reproduce for a batch, as one digest. */
export function batchChecksum(payslips: readonly CalculatedPayslip[]): string {
  const hash = createHash('sha256');
  for (const payslip of payslips) {
    const f = payslip.figures;
    hash.update(
      `${payslip.employeeId}:${f.gross}:${f.incomeTax}:${f.employeeNi}:${f.employerNi}:${f.pensionEmployee}:${f.pensionEmployer}:${f.studentLoan}:${f.postgraduateLoan}:${f.otherDeductions}:${f.netPay}\n`,
    );
  }
  return hash.digest('hex');
}
