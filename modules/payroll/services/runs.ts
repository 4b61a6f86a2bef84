import { newId } from '../../../kernel/ids';
import type { TenantContext, TenantTx } from '../../../kernel/tenancy';
import { isPayFrequency, type PayFrequency } from '../domain/pay-frequency';
import { describePayPeriod, type PayPeriod, payPeriod, taxYearOf } from '../domain/pay-period';
import type { CalculatedPayslip } from '../domain/payslip/types';
import {
  addPayslipPostings,
  emptyPostings,
  mergePostings,
  type RunPostings,
  runJournal,
  withoutZeroes,
} from '../domain/run-postings';
import { type PreviewSummary, zeroTotals } from '../domain/run-summary';
import { type VarianceFlag, varianceOf } from '../domain/variance';
import { payrollError } from '../errors';
import * as sql from '../sql/queries';
import { monthlyPayDay, type PayrollDeps, payScales, references, yearsAround } from './context';
import { batchChecksum, calculateBatch, type RunCalculation } from './engine';

export const DEFAULT_BATCH_SIZE = 5_000;

export type NewPayRun = {
  payFrequency: string;
  taxYear: string;
  /** The n-th pay day of the tax year: for monthly pay, the n-th calendar month from April. */
  period: number;
  kind?: 'main' | 'supplementary';
  /** A supplementary run pays only these employees. */
  employeeIds?: string[];
};

export type RunOptions = {
  batchSize?: number;
  /** Batches worked on at once: 2 on PostgreSQL lets one batch calculate while another writes. */
  concurrency?: number;
  /** Told after each batch (progress bars, and the crash test's signal). */
  onBatch?: (done: number, of: number) => void;
};

function summariseBatches(batches: readonly sql.CalculatedBatchRow[]): PreviewSummary {
  const summary: PreviewSummary = {
    complete: true,
    batches: batches.length,
    considered: 0,
    payslips: 0,
    withIssues: 0,
    notEmployed: 0,
    variances: {},
    totals: zeroTotals(),
  };
  for (const batch of batches) {
    const postings = batch.postings as RunPostings;
    summary.considered += batch.employees;
    summary.payslips += batch.payslips;
    summary.withIssues += batch.withIssues;
    summary.notEmployed += batch.notEmployed;
    for (const [flag, count] of Object.entries(batch.varianceCounts))
      summary.variances[flag as VarianceFlag] = (summary.variances[flag as VarianceFlag] ?? 0) + count;
    const totals = summary.totals;
    totals.gross += postings.gross;
    totals.incomeTax += postings.incomeTax;
    totals.employeeNi += postings.employeeNi;
    totals.employerNi += postings.employerNi;
    totals.pensionEmployee += postings.pensionEmployee;
    totals.pensionEmployer += postings.pensionEmployer;
    totals.studentLoan += postings.studentLoan;
    totals.postgraduateLoan += postings.postgraduateLoan;
    totals.netPay += postings.netPay;
    totals.otherDeductions +=
      postings.gross -
      postings.incomeTax -
      postings.employeeNi -
      postings.pensionEmployee -
      postings.studentLoan -
      postings.postgraduateLoan -
      postings.netPay;
  }
  return summary;
}

/** What stops a calculated payslip being paid: negative net pay, no verified account, a cost centre or account the ledger would refuse. */
function blockingIssues(
  payslip: CalculatedPayslip,
  bankDetailsId: string | null,
  bankChangePending: boolean,
  costCentres: ReadonlySet<string>,
  accounts: ReadonlySet<string>,
): sql.RunIssueRow[] {
  const issues: sql.RunIssueRow[] = [];
  const block = (path: string, rule: string, message: string) =>
    issues.push({ employeeId: payslip.employeeId, path, rule, message });
  if (payslip.figures.netPay < 0)
    block(
      'netPay',
      'net-pay-not-negative',
      `net pay would be ${(payslip.figures.netPay / 100).toFixed(2)} pounds: deductions exceed pay`,
    );
  if (payslip.figures.netPay > 0 && bankDetailsId === null)
    block(
      'bankDetails',
      'bank-details-verified',
      bankChangePending
        ? 'the only bank details are waiting for a second person to verify them'
        : 'there are no bank details to pay into',
    );
  for (const code of new Set(payslip.lines.map((line) => line.costCentreCode)))
    if (!costCentres.has(code))
      block(
        'costCentreCode',
        'cost-centre-known',
        `${code} is not an active cost centre of this organisation`,
      );
  for (const code of new Set(payslip.lines.map((line) => line.accountCode)))
    if (!accounts.has(code))
      block('accountCode', 'account-known', `${code} is not a postable account of the common chart`);
  return issues;
}

/** Runs `work` over `items` with at most `limit` in flight; stops at the first failure. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export function createRunsService(deps: PayrollDeps) {
  const { runner } = deps;

  async function requireRun(tx: TenantTx, runId: string, forUpdate = false): Promise<sql.PayRunRow> {
    const [run] = await sql.selectRuns(tx, { ids: [runId], limit: 1, forUpdate });
    if (!run) throw payrollError('PAY_RUN_NOT_FOUND', `No pay run ${runId}`);
    return run;
  }

  function requireStatus(run: sql.PayRunRow, allowed: readonly sql.PayRunStatus[], doing: string): void {
    if (!allowed.includes(run.status)) {
      throw payrollError(
        'PAY_RUN_WRONG_STATUS',
        `Pay run ${run.id} is ${run.status}: it cannot be ${doing}`,
        [
          {
            path: 'status',
            rule: 'run-status',
            message: `${doing} needs a run that is ${allowed.join(' or ')}`,
          },
        ],
      );
    }
  }

  async function calculationFor(tx: TenantTx, run: sql.PayRunRow): Promise<RunCalculation> {
    if (run.inputsSeq === null)
      throw payrollError('PAY_RUN_NOT_PREVIEWED', `Pay run ${run.id} has not been previewed`);
    const payDay = await monthlyPayDay(deps, tx);
    const period = periodOf(run);
    const years = yearsAround(run.taxYear);
    const loaded = await references([run.taxYear]);
    const reference = loaded.get(run.taxYear);
    if (!reference)
      throw payrollError('PAY_RUN_INVALID', `There is no payroll reference data for ${run.taxYear}`);
    const employer = await sql.selectEmployer(tx);
    return {
      run: { ...run, inputsSeq: run.inputsSeq },
      period,
      reference,
      scales: await payScales(tx, years, run.inputsSeq),
      pensionFunding: employer?.pensionFunding ?? 'central-funding',
      payDay,
    };
  }

  function periodOf(run: sql.PayRunRow): PayPeriod {
    return {
      frequency: run.payFrequency,
      taxYear: run.taxYear,
      taxPeriod: run.taxPeriod,
      start: run.periodStart,
      end: run.periodEnd,
      payDate: run.payDate,
      days: Math.round((Date.parse(run.periodEnd) - Date.parse(run.periodStart)) / 86_400_000) + 1,
    };
  }

  /** The scope of each batch, from the bounds fixed when the calculation started. */
  function batchScopes(run: sql.PayRunRow): sql.BatchScope[] {
    const bounds = run.batchBounds ?? [];
    if (run.kind === 'supplementary') {
      const ids = [...(run.employeeIds ?? [])].sort();
      return bounds.map((from, index) => {
        const before = bounds[index + 1];
        return { kind: 'ids', ids: ids.filter((id) => id >= from && (before === undefined || id < before)) };
      });
    }
    return bounds.map((from, index) => ({ kind: 'range', from, before: bounds[index + 1] ?? null }));
  }

  async function boundsFor(tx: TenantTx, run: sql.PayRunRow, batchSize: number): Promise<string[]> {
    if (run.kind === 'supplementary') {
      const ids = [...(run.employeeIds ?? [])].sort();
      const bounds: string[] = [];
      for (let index = 0; index < ids.length; index += batchSize) bounds.push(ids[index] ?? '');
      return bounds;
    }
    return sql.selectBatchBoundaries(tx, {
      frequency: run.payFrequency,
      periodStart: run.periodStart,
      periodEnd: run.periodEnd,
      batchSize,
    });
  }

  const service = {
    async createRun(tx: TenantTx, input: NewPayRun): Promise<sql.PayRunRow> {
      if (!isPayFrequency(input.payFrequency)) {
        throw payrollError('PAY_RUN_INVALID', `"${input.payFrequency}" is not a pay frequency`, [
          {
            path: 'payFrequency',
            rule: 'pay-frequency',
            message: 'weekly, fortnightly, four-weekly or monthly',
          },
        ]);
      }
      const kind = input.kind ?? 'main';
      if (kind === 'supplementary' && (input.employeeIds ?? []).length === 0) {
        throw payrollError('PAY_RUN_INVALID', 'A supplementary run names the employees it pays', [
          { path: 'employeeIds', rule: 'employees-required', message: 'give at least one employee' },
        ]);
      }
      const period = payPeriod(
        input.payFrequency,
        input.taxYear,
        input.period,
        await monthlyPayDay(deps, tx),
      );
      const open = (await sql.selectRuns(tx, { limit: 20 })).find(
        (run) => run.payFrequency === input.payFrequency && ['draft', 'approved'].includes(run.status),
      );
      if (open) {
        throw payrollError(
          'PAY_RUN_IN_PROGRESS',
          `Pay run ${open.id} (${open.kind}, ${open.taxYear} period ${open.period}) is still ${open.status}: finish or cancel it first`,
          [
            {
              path: 'payFrequency',
              rule: 'one-open-run',
              message: 'runs of one pay frequency are committed one at a time, in order',
            },
          ],
        );
      }
      if (kind === 'main') {
        const existing = (await sql.selectRuns(tx, { limit: 500 })).find(
          (run) =>
            run.kind === 'main' &&
            run.status !== 'cancelled' &&
            run.payFrequency === input.payFrequency &&
            run.taxYear === input.taxYear &&
            run.period === input.period,
        );
        if (existing) {
          throw payrollError(
            'PAY_RUN_EXISTS',
            `There is already a main run for ${describePayPeriod(period)}: use a supplementary run for corrections`,
            [
              {
                path: 'period',
                rule: 'one-main-run-per-period',
                message: `run ${existing.id} is ${existing.status}`,
              },
            ],
          );
        }
      }
      const id = newId('run');
      await sql.insertRun(
        tx,
        tx.ctx.organisationId,
        {
          id,
          kind,
          payFrequency: input.payFrequency,
          taxYear: period.taxYear,
          period: input.period,
          taxPeriod: period.taxPeriod,
          periodStart: period.start,
          periodEnd: period.end,
          payDate: period.payDate,
          employeeIds: kind === 'supplementary' ? [...new Set(input.employeeIds)] : null,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.run.created',
        entityType: 'pay-run',
        entityId: id,
        after: { kind, period, employees: input.employeeIds?.length ?? 'all' },
      });
      return requireRun(tx, id);
    },

    async run(tx: TenantTx, runId: string): Promise<sql.PayRunRow> {
      return requireRun(tx, runId);
    },

    async runs(
      tx: TenantTx,
      filter: { status?: sql.PayRunStatus; limit?: number } = {},
    ): Promise<sql.PayRunRow[]> {
      return sql.selectRuns(tx, { status: filter.status, limit: Math.min(filter.limit ?? 50, 500) });
    },

    /**
     * Calculates the run: every employee from the records, claims and
     * changes recorded by the cut-off, batch by batch, each batch's draft
     * payslips, bad input (by employee and field) and variances against the
     * previous payslip written in one transaction keyed by run and batch.
     * Stopped part way (a crash, a killed process), calling it again resumes
     * from the first batch not written, with the same cut-off and batches;
     * `recalculate: true` starts again from today's records. Opens its own
     * transactions (one per batch): call it outside one.
     */
    async previewRun(
      ctx: TenantContext,
      runId: string,
      options: RunOptions & { recalculate?: boolean } = {},
    ): Promise<PreviewSummary> {
      const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
      const run = await runner.withTenant(ctx, async (tx) => {
        const current = await requireRun(tx, runId, true);
        requireStatus(current, ['draft'], 'calculated');
        // A calculation that was stopped part way is finished with the cut-off and batches it started with.
        if (current.inputsSeq !== null && current.preview?.complete !== true && !options.recalculate)
          return current;
        const inputsSeq = await sql.nextRecordSeq(tx);
        await sql.deleteCalculation(tx, runId);
        const batchBounds = await boundsFor(tx, current, batchSize);
        await sql.updateRun(tx, runId, {
          inputsSeq,
          batchBounds,
          preview: null,
          preparedBy: tx.ctx.actor.id,
          preparedAt: tx.now,
        });
        tx.audit({
          action: 'payroll.run.calculation-started',
          entityType: 'pay-run',
          entityId: runId,
          after: { inputsSeq, batches: batchBounds.length },
        });
        return { ...current, inputsSeq, batchBounds };
      });
      const scopes = batchScopes(run);
      const done = await runner.withTenant(ctx, (tx) => sql.selectCalculatedBatchNumbers(tx, runId));
      const todo = scopes
        .map((scope, batchNo) => ({ scope, batchNo }))
        .filter(({ batchNo }) => !done.has(batchNo));
      let finished = done.size;
      await eachLimited(todo, options.concurrency ?? 1, async ({ scope, batchNo }) => {
        await runner.withTenant(ctx, (tx) => calculateRunBatch(tx, run, scope, batchNo));
        finished += 1;
        options.onBatch?.(finished, scopes.length);
      });
      return runner.withTenant(ctx, async (tx) => {
        const current = await requireRun(tx, runId, true);
        if (current.inputsSeq !== run.inputsSeq)
          throw payrollError('PAY_RUN_INPUTS_CHANGED', 'Another calculation of this run started');
        const batches = await sql.selectCalculatedBatches(tx, runId);
        if (batches.length !== scopes.length)
          throw payrollError(
            'PAY_RUN_NOT_PREVIEWED',
            `${scopes.length - batches.length} batch(es) are not calculated yet: calculate again to finish`,
          );
        const summary = summariseBatches(batches);
        await sql.updateRun(tx, runId, { preview: summary });
        tx.audit({
          action: 'payroll.run.previewed',
          entityType: 'pay-run',
          entityId: runId,
          after: {
            payslips: summary.payslips,
            withIssues: summary.withIssues,
            netPay: summary.totals.netPay,
            variances: summary.variances,
          },
        });
        return summary;
      });
    },
    async excludeEmployee(
      tx: TenantTx,
      runId: string,
      input: { employeeId: string; reason: string },
    ): Promise<void> {
      const run = await requireRun(tx, runId, true);
      requireStatus(run, ['draft'], 'changed');
      if (input.reason.trim().length < 3) {
        throw payrollError('PAY_RUN_EXCLUSION_INVALID', 'Say why the employee is left out of this run', [
          {
            path: 'reason',
            rule: 'reason-required',
            message: 'e.g. bank details being checked; paid in a supplementary run',
          },
        ]);
      }
      const [employee] = await sql.selectEmployees(tx, { ids: [input.employeeId], limit: 1 });
      if (!employee) throw payrollError('EMPLOYEE_NOT_FOUND', `No employee ${input.employeeId}`);
      const added = await sql.insertExclusion(
        tx,
        tx.ctx.organisationId,
        runId,
        { employeeId: input.employeeId, reason: input.reason.trim() },
        tx.ctx.actor.id,
        tx.now,
      );
      if (added)
        tx.audit({
          action: 'payroll.run.employee-excluded',
          entityType: 'pay-run',
          entityId: runId,
          after: { employeeId: input.employeeId },
          reason: input.reason,
        });
    },

    async includeEmployee(tx: TenantTx, runId: string, employeeId: string): Promise<void> {
      const run = await requireRun(tx, runId, true);
      requireStatus(run, ['draft'], 'changed');
      if ((await sql.deleteExclusion(tx, runId, employeeId)) > 0)
        tx.audit({
          action: 'payroll.run.employee-included',
          entityType: 'pay-run',
          entityId: runId,
          after: { employeeId },
        });
    },

    /** Approval by someone other than the preparer, once every employee with bad input is fixed (and previewed again) or excluded. */
    async approveRun(tx: TenantTx, runId: string): Promise<sql.PayRunRow> {
      const run = await requireRun(tx, runId, true);
      requireStatus(run, ['draft'], 'approved');
      if (run.preview?.complete !== true)
        throw payrollError('PAY_RUN_NOT_PREVIEWED', 'Preview the run before approving it');
      if (run.preparedBy === tx.ctx.actor.id) {
        throw payrollError(
          'PAY_RUN_SAME_PERSON',
          'You prepared this run: someone else must approve it (segregation of duties)',
        );
      }
      const unresolved = await sql.selectUnresolvedIssueEmployees(tx, runId);
      if (unresolved.length > 0) {
        const issues = await sql.selectIssues(tx, runId);
        throw payrollError(
          'PAY_RUN_UNRESOLVED_INPUT',
          `${unresolved.length} employee(s) have bad input: fix and preview again, or exclude them with a reason`,
          issues
            .filter((issue) => unresolved.includes(issue.employeeId))
            .map((issue) => ({
              path: `${issue.employeeId}.${issue.path}`,
              rule: issue.rule,
              message: issue.message,
            })),
        );
      }
      await sql.updateRun(tx, runId, { status: 'approved', approvedBy: tx.ctx.actor.id, approvedAt: tx.now });
      tx.audit({
        action: 'payroll.run.approved',
        entityType: 'pay-run',
        entityId: runId,
        before: { status: 'draft' },
        after: { status: 'approved' },
      });
      return requireRun(tx, runId);
    },

    /** Back to draft (approval withdrawn) to fix something before commit. */
    async reopenRun(tx: TenantTx, runId: string, reason: string): Promise<sql.PayRunRow> {
      const run = await requireRun(tx, runId, true);
      requireStatus(run, ['approved'], 'reopened');
      await sql.updateRun(tx, runId, { status: 'draft', approvedBy: null, approvedAt: null });
      tx.audit({
        action: 'payroll.run.reopened',
        entityType: 'pay-run',
        entityId: runId,
        before: { status: 'approved' },
        after: { status: 'draft' },
        reason,
      });
      return requireRun(tx, runId);
    },

    async cancelRun(tx: TenantTx, runId: string, reason: string): Promise<sql.PayRunRow> {
      const run = await requireRun(tx, runId, true);
      requireStatus(run, ['draft'], 'cancelled');
      await sql.updateRun(tx, runId, { status: 'cancelled' });
      tx.audit({ action: 'payroll.run.cancelled', entityType: 'pay-run', entityId: runId, reason });
      return requireRun(tx, runId);
    },

    /**
     * Commits an approved run in one transaction: the payslips calculated and
     * approved become final (those of employees left out are removed), the
     * claims they pay are marked paid, the run's journal is posted from the
     * batches' sums and the run is marked committed. Stopped part way it
     * leaves nothing behind, and calling it again commits once; calling it on
     * a committed run returns it unchanged.
     */
    async commitRun(ctx: TenantContext, runId: string): Promise<sql.PayRunRow> {
      return runner.withTenant(ctx, async (tx) => {
        const run = await requireRun(tx, runId, true);
        if (run.status === 'committed') return run;
        requireStatus(run, ['approved'], 'committed');
        const batches = await sql.selectCalculatedBatches(tx, runId);
        const postings = emptyPostings();
        for (const batch of batches) mergePostings(postings, batch.postings as RunPostings);
        for (const removed of await sql.deleteExcludedPayslips(tx, runId))
          addPayslipPostings(postings, sql.postableOf(removed), -1);
        const claims = await sql.insertRunClaims(
          tx,
          tx.ctx.organisationId,
          runId,
          batches.flatMap((batch) => batch.claimIds),
        );
        let journalId: string | null = null;
        if (postings.payslips > 0) {
          const journal = await deps.ledger.postJournal(
            tx,
            runJournal(withoutZeroes(postings), {
              id: runId,
              payDate: run.payDate,
              description: `Payroll ${run.kind} run ${describePayPeriod(periodOf(run))}`,
            }),
          );
          journalId = journal.id;
        }
        await sql.settleRecalculations(tx, runId, run.inputsSeq ?? 0n);
        await sql.updateRun(tx, runId, {
          status: 'committed',
          commitStartedBy: tx.ctx.actor.id,
          commitStartedAt: tx.now,
          committedAt: tx.now,
          totals: { ...postings, costs: undefined },
          ...(journalId ? { journalId } : {}),
        });
        tx.audit({
          action: 'payroll.run.committed',
          entityType: 'pay-run',
          entityId: runId,
          before: { status: 'approved' },
          after: {
            status: 'committed',
            payslips: postings.payslips,
            netPence: postings.netPay,
            claims,
            journalId,
          },
        });
        return requireRun(tx, runId);
      });
    },
    async issues(tx: TenantTx, runId: string) {
      await requireRun(tx, runId);
      const issues = await sql.selectIssues(tx, runId);
      const exclusions = new Map((await sql.selectExclusions(tx, runId)).map((row) => [row.employeeId, row]));
      const employees = new Map(
        (
          await sql.selectEmployees(tx, {
            ids: [...new Set(issues.map((issue) => issue.employeeId))],
            limit: 10_000,
          })
        ).map((row) => [row.id, row]),
      );
      return issues.map((issue) => {
        const employee = employees.get(issue.employeeId);
        return {
          ...issue,
          payrollNumber: employee?.payrollNumber ?? '',
          name: employee ? `${employee.forenames} ${employee.surname}` : issue.employeeId,
          excluded: exclusions.get(issue.employeeId) ?? null,
        };
      });
    },

    async variances(tx: TenantTx, runId: string, flag?: string) {
      await requireRun(tx, runId);
      const variances = await sql.selectVariances(tx, runId, flag);
      const employees = new Map(
        (await sql.selectEmployees(tx, { ids: variances.map((row) => row.employeeId), limit: 10_000 })).map(
          (row) => [row.id, row],
        ),
      );
      return variances.map((row) => {
        const employee = employees.get(row.employeeId);
        return {
          ...row,
          payrollNumber: employee?.payrollNumber ?? '',
          name: employee ? `${employee.forenames} ${employee.surname}` : row.employeeId,
        };
      });
    },

    async exclusions(tx: TenantTx, runId: string) {
      return sql.selectExclusions(tx, runId);
    },

    periodOf,
    /** Everything a batch calculation of this run needs (the run must have been previewed). */
    runCalculation: calculationFor,
  };

  /** One batch of the calculation: draft payslips, issues, variances and the batch's sums, in the caller's transaction. */
  async function calculateRunBatch(
    tx: TenantTx,
    started: sql.PayRunRow,
    scope: sql.BatchScope,
    batchNo: number,
  ): Promise<void> {
    const run = await requireRun(tx, started.id);
    requireStatus(run, ['draft'], 'calculated');
    if (run.inputsSeq !== started.inputsSeq)
      throw payrollError('PAY_RUN_INPUTS_CHANGED', 'Another calculation of this run started: this one stops');
    if ((await sql.selectCalculatedBatchNumbers(tx, run.id)).has(batchNo)) return;
    const calc = await calculationFor(tx, run);
    const threshold = (await deps.framework.resolve(tx, 'payroll.netPayVarianceBasisPoints')).value;
    const costCentres = new Set(
      (await deps.ledger.costCentres(tx)).filter((centre) => centre.active).map((centre) => centre.code),
    );
    const accounts = new Set(
      (await deps.ledger.chart(tx)).filter((account) => account.postable).map((account) => account.code),
    );
    const results = await calculateBatch(tx, calc, scope);
    const drafts = new sql.PayslipBatch();
    const postings = emptyPostings();
    const planned: CalculatedPayslip[] = [];
    const issues: sql.RunIssueRow[] = [];
    const variances: sql.RunVarianceRow[] = [];
    const varianceCounts: Record<string, number> = {};
    let notEmployed = 0;
    for (const result of results) {
      if (!result.outcome.ok) {
        if (result.outcome.skip) notEmployed += 1;
        for (const issue of result.outcome.issues) issues.push({ employeeId: result.employeeId, ...issue });
        continue;
      }
      const payslip = result.outcome.payslip;
      const variance = varianceOf(
        payslip,
        result.previous,
        threshold,
        calc.reference,
        result.bankChangePending,
        taxYearOf(result.startDate) === run.taxYear,
      );
      if (variance.flags.length > 0) {
        variances.push({
          employeeId: payslip.employeeId,
          flags: variance.flags,
          netPence: BigInt(variance.netPay),
          previousNetPence: variance.previousNetPay === null ? null : BigInt(variance.previousNetPay),
          changeBps: variance.changeBasisPoints,
        });
        for (const flag of variance.flags) varianceCounts[flag] = (varianceCounts[flag] ?? 0) + 1;
      }
      const blocking = blockingIssues(
        payslip,
        result.bankDetailsId,
        result.bankChangePending,
        costCentres,
        accounts,
      );
      if (blocking.length > 0) {
        issues.push(...blocking);
        continue;
      }
      drafts.add(payslip, result.bankDetailsId);
      addPayslipPostings(postings, payslip);
      planned.push(payslip);
    }
    await drafts.insert(tx, tx.ctx.organisationId, {
      id: run.id,
      sequence: run.sequence,
      taxYear: run.taxYear,
      taxPeriod: run.taxPeriod,
      payDate: run.payDate,
    });
    await sql.insertIssues(tx, tx.ctx.organisationId, run.id, issues);
    await sql.insertVariances(tx, tx.ctx.organisationId, run.id, variances);
    await sql.insertCalculatedBatch(
      tx,
      tx.ctx.organisationId,
      run.id,
      {
        batchNo,
        employees: results.length,
        payslips: planned.length,
        withIssues: new Set(issues.map((issue) => issue.employeeId)).size,
        notEmployed,
        netPence: postings.netPay,
        checksum: batchChecksum(planned),
        postings,
        varianceCounts,
        claimIds: planned.flatMap((payslip) => payslip.claimIds),
      },
      tx.now,
    );
  }
  return service;
}

export type RunsService = ReturnType<typeof createRunsService>;
export type { PayFrequency };
