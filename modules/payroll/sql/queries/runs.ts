import type { Queryable } from '../../../../kernel/db';
import type { LocalDate } from '../../../../kernel/time';
import type { PayFrequency } from '../../domain/pay-frequency';
import type { PreviewSummary } from '../../domain/run-summary';

export type PayRunStatus = 'draft' | 'approved' | 'committed' | 'cancelled';
export type PayRunKind = 'main' | 'supplementary';

export type PayRunRow = {
  id: string;
  sequence: bigint;
  kind: PayRunKind;
  payFrequency: PayFrequency;
  taxYear: string;
  period: number;
  taxPeriod: number;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  payDate: LocalDate;
  status: PayRunStatus;
  employeeIds: string[] | null;
  inputsSeq: bigint | null;
  batchBounds: string[] | null;
  preparedBy: string | null;
  preparedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  commitStartedBy: string | null;
  commitStartedAt: string | null;
  committedAt: string | null;
  journalId: string | null;
  preview: PreviewSummary | null;
  totals: Record<string, unknown> | null;
  createdBy: string;
  createdAt: string;
};

type RunDbRow = {
  id: string;
  sequence: bigint;
  kind: PayRunKind;
  pay_frequency: PayFrequency;
  tax_year: string;
  period: number;
  tax_period: number;
  period_start: LocalDate;
  period_end: LocalDate;
  pay_date: LocalDate;
  status: PayRunStatus;
  employee_ids: string[] | null;
  inputs_seq: bigint | null;
  batch_bounds: string[] | null;
  prepared_by: string | null;
  prepared_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  commit_started_by: string | null;
  commit_started_at: Date | null;
  committed_at: Date | null;
  journal_id: string | null;
  preview: PreviewSummary | null;
  totals: Record<string, unknown> | null;
  created_by: string;
  created_at: Date;
};

const runFrom = (row: RunDbRow): PayRunRow => ({
  id: row.id,
  sequence: row.sequence,
  kind: row.kind,
  payFrequency: row.pay_frequency,
  taxYear: row.tax_year,
  period: row.period,
  taxPeriod: row.tax_period,
  periodStart: row.period_start,
  periodEnd: row.period_end,
  payDate: row.pay_date,
  status: row.status,
  employeeIds: row.employee_ids,
  inputsSeq: row.inputs_seq,
  batchBounds: row.batch_bounds,
  preparedBy: row.prepared_by,
  preparedAt: row.prepared_at?.toISOString() ?? null,
  approvedBy: row.approved_by,
  approvedAt: row.approved_at?.toISOString() ?? null,
  commitStartedBy: row.commit_started_by,
  commitStartedAt: row.commit_started_at?.toISOString() ?? null,
  committedAt: row.committed_at?.toISOString() ?? null,
  journalId: row.journal_id,
  preview: row.preview,
  totals: row.totals,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
});

export async function insertRun(
  q: Queryable,
  organisationId: string,
  run: Pick<
    PayRunRow,
    | 'id'
    | 'kind'
    | 'payFrequency'
    | 'taxYear'
    | 'period'
    | 'taxPeriod'
    | 'periodStart'
    | 'periodEnd'
    | 'payDate'
    | 'employeeIds'
  >,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.pay_run (organisation_id, id, sequence, kind, pay_frequency, tax_year, period, tax_period,
       period_start, period_end, pay_date, status, employee_ids, created_by, created_at)
     values ($1, $2, nextval('payroll.record_seq'), $3, $4, $5, $6, $7, $8, $9, $10, 'draft', $11, $12, $13)`,
    [
      organisationId,
      run.id,
      run.kind,
      run.payFrequency,
      run.taxYear,
      run.period,
      run.taxPeriod,
      run.periodStart,
      run.periodEnd,
      run.payDate,
      run.employeeIds,
      by,
      at,
    ],
  );
}

export async function selectRuns(
  q: Queryable,
  filter: { ids?: readonly string[]; status?: PayRunStatus; limit?: number; forUpdate?: boolean },
): Promise<PayRunRow[]> {
  const result = await q.query<RunDbRow>(
    `select * from payroll.pay_run where ($1::text[] is null or id = any ($1)) and ($2::text is null or status = $2)
     order by sequence desc limit $3${filter.forUpdate ? ' for update' : ''}`,
    [filter.ids ?? null, filter.status ?? null, filter.limit ?? 100],
  );
  return result.rows.map(runFrom);
}

export async function updateRun(
  q: Queryable,
  runId: string,
  changes: Partial<{
    status: PayRunStatus;
    inputsSeq: bigint | null;
    batchBounds: string[] | null;
    preparedBy: string | null;
    preparedAt: Date | null;
    approvedBy: string | null;
    approvedAt: Date | null;
    commitStartedBy: string;
    commitStartedAt: Date;
    committedAt: Date;
    journalId: string;
    preview: unknown;
    totals: unknown;
  }>,
): Promise<void> {
  const columns: Record<string, string> = {
    status: 'status',
    inputsSeq: 'inputs_seq',
    batchBounds: 'batch_bounds',
    preparedBy: 'prepared_by',
    preparedAt: 'prepared_at',
    approvedBy: 'approved_by',
    approvedAt: 'approved_at',
    commitStartedBy: 'commit_started_by',
    commitStartedAt: 'commit_started_at',
    committedAt: 'committed_at',
    journalId: 'journal_id',
    preview: 'preview',
    totals: 'totals',
  };
  const entries = Object.entries(changes);
  const sets = entries.map(([key], index) => `${columns[key]} = $${index + 2}`);
  await q.query(`update payroll.pay_run set ${sets.join(', ')} where id = $1`, [
    runId,
    ...entries.map(([key, value]) =>
      (key === 'preview' || key === 'totals') && value !== null ? JSON.stringify(value) : value,
    ),
  ]);
}

/**
 * The first employee of every `batchSize` employees a main run pays, in id
 * order: batch k covers ids from boundary k up to boundary k+1. Fixing the
 * boundaries once keeps every batch the same on a restart.
 */
export async function selectBatchBoundaries(
  q: Queryable,
  filter: { frequency: PayFrequency; periodStart: LocalDate; periodEnd: LocalDate; batchSize: number },
): Promise<string[]> {
  const result = await q.query<{ id: string }>(
    `select id from (
       select e.id, row_number() over (order by e.id) as position from payroll.employee e
       where e.pay_frequency = $1 and e.start_date <= $3 and (e.leaving_date is null or e.leaving_date >= $2)
     ) numbered where (position - 1) % $4 = 0 order by id`,
    [filter.frequency, filter.periodStart, filter.periodEnd, filter.batchSize],
  );
  return result.rows.map((row) => row.id);
}

/** Removes a draft run's calculation: its batches, draft payslips, issues and variances. */
export async function deleteCalculation(q: Queryable, runId: string): Promise<void> {
  await q.query('delete from payroll.payslip where run_id = $1', [runId]);
  await q.query('delete from payroll.pay_run_batch where run_id = $1', [runId]);
  await q.query('delete from payroll.pay_run_issue where run_id = $1', [runId]);
  await q.query('delete from payroll.pay_run_variance where run_id = $1', [runId]);
}

export type CalculatedBatchRow = {
  batchNo: number;
  employees: number;
  payslips: number;
  withIssues: number;
  notEmployed: number;
  netPence: number;
  checksum: string;
  postings: unknown;
  varianceCounts: Record<string, number>;
  claimIds: string[];
};

export async function insertCalculatedBatch(
  q: Queryable,
  organisationId: string,
  runId: string,
  batch: CalculatedBatchRow,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.pay_run_batch (organisation_id, run_id, batch_no, employees, payslips, with_issues, not_employed,
       net_pence, checksum, postings, variance_counts, claim_ids, calculated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      organisationId,
      runId,
      batch.batchNo,
      batch.employees,
      batch.payslips,
      batch.withIssues,
      batch.notEmployed,
      batch.netPence,
      batch.checksum,
      JSON.stringify(batch.postings),
      JSON.stringify(batch.varianceCounts),
      batch.claimIds,
      at,
    ],
  );
}

export async function selectCalculatedBatches(q: Queryable, runId: string): Promise<CalculatedBatchRow[]> {
  const result = await q.query<{
    batch_no: number;
    employees: number;
    payslips: number;
    with_issues: number;
    not_employed: number;
    net_pence: bigint;
    checksum: string;
    postings: unknown;
    variance_counts: Record<string, number>;
    claim_ids: string[];
  }>('select * from payroll.pay_run_batch where run_id = $1 order by batch_no', [runId]);
  return result.rows.map((row) => ({
    batchNo: row.batch_no,
    employees: row.employees,
    payslips: row.payslips,
    withIssues: row.with_issues,
    notEmployed: row.not_employed,
    netPence: Number(row.net_pence),
    checksum: row.checksum,
    postings: row.postings,
    varianceCounts: row.variance_counts,
    claimIds: row.claim_ids,
  }));
}

export async function selectCalculatedBatchNumbers(q: Queryable, runId: string): Promise<Set<number>> {
  const result = await q.query<{ batch_no: number }>(
    'select batch_no from payroll.pay_run_batch where run_id = $1',
    [runId],
  );
  return new Set(result.rows.map((row) => row.batch_no));
}

export type RunIssueRow = { employeeId: string; path: string; rule: string; message: string };

export async function insertIssues(
  q: Queryable,
  organisationId: string,
  runId: string,
  issues: readonly RunIssueRow[],
): Promise<void> {
  if (issues.length === 0) return;
  const numbers = new Map<string, number>();
  await q.query(
    `insert into payroll.pay_run_issue (organisation_id, run_id, employee_id, issue_no, path, rule, message)
     select $1, $2, i.* from unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[])
       as i(employee_id, issue_no, path, rule, message)`,
    [
      organisationId,
      runId,
      issues.map((i) => i.employeeId),
      issues.map((i) => {
        const next = (numbers.get(i.employeeId) ?? 0) + 1;
        numbers.set(i.employeeId, next);
        return next;
      }),
      issues.map((i) => i.path),
      issues.map((i) => i.rule),
      issues.map((i) => i.message),
    ],
  );
}

export async function selectIssues(q: Queryable, runId: string): Promise<RunIssueRow[]> {
  const result = await q.query<{ employee_id: string; path: string; rule: string; message: string }>(
    'select employee_id, path, rule, message from payroll.pay_run_issue where run_id = $1 order by employee_id, issue_no',
    [runId],
  );
  return result.rows.map((row) => ({
    employeeId: row.employee_id,
    path: row.path,
    rule: row.rule,
    message: row.message,
  }));
}

export type RunVarianceRow = {
  employeeId: string;
  flags: string[];
  netPence: bigint;
  previousNetPence: bigint | null;
  changeBps: number | null;
};

export async function insertVariances(
  q: Queryable,
  organisationId: string,
  runId: string,
  rows: readonly RunVarianceRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into payroll.pay_run_variance (organisation_id, run_id, employee_id, flags, net_pence, previous_net_pence, change_bps)
     select $1, $2, v.employee_id, string_to_array(v.flags, ','), v.net, v.previous_net, v.change_bps
     from unnest($3::text[], $4::text[], $5::int8[], $6::int8[], $7::int[]) as v(employee_id, flags, net, previous_net, change_bps)`,
    [
      organisationId,
      runId,
      rows.map((r) => r.employeeId),
      rows.map((r) => r.flags.join(',')),
      rows.map((r) => r.netPence),
      rows.map((r) => r.previousNetPence),
      rows.map((r) => r.changeBps),
    ],
  );
}

export async function selectVariances(q: Queryable, runId: string, flag?: string): Promise<RunVarianceRow[]> {
  const result = await q.query<{
    employee_id: string;
    flags: string[];
    net_pence: bigint;
    previous_net_pence: bigint | null;
    change_bps: number | null;
  }>(
    `select employee_id, flags, net_pence, previous_net_pence, change_bps from payroll.pay_run_variance
     where run_id = $1 and ($2::text is null or $2 = any (flags)) order by employee_id limit 5000`,
    [runId, flag ?? null],
  );
  return result.rows.map((row) => ({
    employeeId: row.employee_id,
    flags: row.flags,
    netPence: row.net_pence,
    previousNetPence: row.previous_net_pence,
    changeBps: row.change_bps,
  }));
}

export type ExclusionRow = { employeeId: string; reason: string; excludedBy: string; excludedAt: string };

export async function insertExclusion(
  q: Queryable,
  organisationId: string,
  runId: string,
  exclusion: { employeeId: string; reason: string },
  by: string,
  at: Date,
): Promise<boolean> {
  const result = await q.query(
    `insert into payroll.pay_run_exclusion (organisation_id, run_id, employee_id, reason, excluded_by, excluded_at)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [organisationId, runId, exclusion.employeeId, exclusion.reason, by, at],
  );
  return result.rowCount > 0;
}

export async function deleteExclusion(q: Queryable, runId: string, employeeId: string): Promise<number> {
  const result = await q.query(
    'delete from payroll.pay_run_exclusion where run_id = $1 and employee_id = $2',
    [runId, employeeId],
  );
  return result.rowCount;
}

export async function selectExclusions(q: Queryable, runId: string): Promise<ExclusionRow[]> {
  const result = await q.query<{
    employee_id: string;
    reason: string;
    excluded_by: string;
    excluded_at: Date;
  }>(
    'select employee_id, reason, excluded_by, excluded_at from payroll.pay_run_exclusion where run_id = $1 order by employee_id',
    [runId],
  );
  return result.rows.map((row) => ({
    employeeId: row.employee_id,
    reason: row.reason,
    excludedBy: row.excluded_by,
    excludedAt: row.excluded_at.toISOString(),
  }));
}

/** Employees with bad input that are neither fixed (they would not be listed) nor excluded. */
export async function selectUnresolvedIssueEmployees(q: Queryable, runId: string): Promise<string[]> {
  const result = await q.query<{ employee_id: string }>(
    `select distinct i.employee_id from payroll.pay_run_issue i
     where i.run_id = $1 and not exists (select 1 from payroll.pay_run_exclusion x where x.organisation_id = i.organisation_id
       and x.run_id = i.run_id and x.employee_id = i.employee_id)
     order by i.employee_id`,
    [runId],
  );
  return result.rows.map((row) => row.employee_id);
}

export async function insertRunClaims(
  q: Queryable,
  organisationId: string,
  runId: string,
  claimIds: readonly string[],
): Promise<void> {
  if (claimIds.length === 0) return;
  await q.query(
    `insert into payroll.pay_run_claim (organisation_id, run_id, claim_id) select $1, $2, unnest($3::text[])`,
    [organisationId, runId, claimIds],
  );
}
