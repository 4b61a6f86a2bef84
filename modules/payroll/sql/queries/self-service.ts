import type { Queryable } from '../../../../kernel/db';
import type { LocalDate } from '../../../../kernel/time';

export type DrawRow = {
  id: string;
  employeeId: string;
  amountPence: number;
  periodStart: LocalDate;
  earnedNetPence: number;
  availablePence: number;
  journalId: string;
  drawnBy: string;
  drawnAt: string;
};

export async function insertDraw(
  q: Queryable,
  organisationId: string,
  draw: Omit<DrawRow, 'drawnAt' | 'drawnBy'>,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.anytime_pay_draw (organisation_id, id, employee_id, amount_pence, period_start, earned_net_pence,
       available_pence, journal_id, drawn_by, drawn_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      organisationId,
      draw.id,
      draw.employeeId,
      draw.amountPence,
      draw.periodStart,
      draw.earnedNetPence,
      draw.availablePence,
      draw.journalId,
      by,
      at,
    ],
  );
}

export async function selectDraws(
  q: Queryable,
  filter: { employeeId?: string; periodStart?: LocalDate; limit?: number },
): Promise<DrawRow[]> {
  const result = await q.query<{
    id: string;
    employee_id: string;
    amount_pence: bigint;
    period_start: LocalDate;
    earned_net_pence: bigint;
    available_pence: bigint;
    journal_id: string;
    drawn_by: string;
    drawn_at: Date;
  }>(
    `select * from payroll.anytime_pay_draw where ($1::text is null or employee_id = $1) and ($2::date is null or period_start = $2)
     order by drawn_at desc, id desc limit $3`,
    [filter.employeeId ?? null, filter.periodStart ?? null, filter.limit ?? 100],
  );
  return result.rows.map((row) => ({
    id: row.id,
    employeeId: row.employee_id,
    amountPence: Number(row.amount_pence),
    periodStart: row.period_start,
    earnedNetPence: Number(row.earned_net_pence),
    availablePence: Number(row.available_pence),
    journalId: row.journal_id,
    drawnBy: row.drawn_by,
    drawnAt: row.drawn_at.toISOString(),
  }));
}

export type QueryRow = {
  id: string;
  runId: string;
  employeeId: string;
  lineRef: string;
  queryType: string;
  rule: string | null;
  message: string;
  calculation: Record<string, unknown>;
  status: 'open' | 'resolved';
  raisedBy: string;
  raisedAt: string;
  resolution: string | null;
  rootCause: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
};

type QueryDbRow = {
  id: string;
  run_id: string;
  employee_id: string;
  line_ref: string;
  query_type: string;
  rule: string | null;
  message: string;
  calculation: Record<string, unknown>;
  status: 'open' | 'resolved';
  raised_by: string;
  raised_at: Date;
  resolution: string | null;
  root_cause: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
};

const queryFrom = (row: QueryDbRow): QueryRow => ({
  id: row.id,
  runId: row.run_id,
  employeeId: row.employee_id,
  lineRef: row.line_ref,
  queryType: row.query_type,
  rule: row.rule,
  message: row.message,
  calculation: row.calculation,
  status: row.status,
  raisedBy: row.raised_by,
  raisedAt: row.raised_at.toISOString(),
  resolution: row.resolution,
  rootCause: row.root_cause,
  resolvedBy: row.resolved_by,
  resolvedAt: row.resolved_at?.toISOString() ?? null,
});

export async function insertQuery(
  q: Queryable,
  organisationId: string,
  query: Pick<
    QueryRow,
    'id' | 'runId' | 'employeeId' | 'lineRef' | 'queryType' | 'rule' | 'message' | 'calculation'
  >,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.payslip_query (organisation_id, id, run_id, employee_id, line_ref, query_type, rule, message,
       calculation, status, raised_by, raised_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11)`,
    [
      organisationId,
      query.id,
      query.runId,
      query.employeeId,
      query.lineRef,
      query.queryType,
      query.rule,
      query.message,
      JSON.stringify(query.calculation),
      by,
      at,
    ],
  );
}

export async function selectQueries(
  q: Queryable,
  filter: { ids?: readonly string[]; status?: 'open' | 'resolved'; employeeId?: string; limit?: number },
): Promise<QueryRow[]> {
  const result = await q.query<QueryDbRow>(
    `select * from payroll.payslip_query where ($1::text[] is null or id = any ($1)) and ($2::text is null or status = $2)
       and ($3::text is null or employee_id = $3)
     order by raised_at, id limit $4`,
    [filter.ids ?? null, filter.status ?? null, filter.employeeId ?? null, filter.limit ?? 500],
  );
  return result.rows.map(queryFrom);
}

export async function resolveQuery(
  q: Queryable,
  id: string,
  resolution: { resolution: string; rootCause: string; by: string; at: Date },
): Promise<number> {
  const result = await q.query(
    `update payroll.payslip_query set status = 'resolved', resolution = $2, root_cause = $3, resolved_by = $4, resolved_at = $5
     where id = $1 and status = 'open'`,
    [id, resolution.resolution, resolution.rootCause, resolution.by, resolution.at],
  );
  return result.rowCount;
}

export type RepeatedQueryRow = {
  queryType: string;
  rule: string | null;
  total: number;
  open: number;
  rootCauses: Record<string, number>;
  latest: string;
};

/** Queries counted by type and rule since a date, most frequent first: where the rules or inputs need fixing at the source. */
export async function selectRepeatedQueries(q: Queryable, since: Date): Promise<RepeatedQueryRow[]> {
  const result = await q.query<{
    query_type: string;
    rule: string | null;
    total: bigint;
    open: bigint;
    root_causes: Record<string, number> | null;
    latest: Date;
  }>(
    `select query_type, rule, count(*)::int8 as total, count(*) filter (where status = 'open')::int8 as open,
       (select jsonb_object_agg(c.root_cause, c.n) from (
          select root_cause, count(*) as n from payroll.payslip_query x
          where x.organisation_id = q.organisation_id and x.query_type = q.query_type and x.rule is not distinct from q.rule
            and x.root_cause is not null and x.raised_at >= $1 group by root_cause) c) as root_causes,
       max(raised_at) as latest
     from payroll.payslip_query q where raised_at >= $1
     group by organisation_id, query_type, rule order by total desc, query_type`,
    [since],
  );
  return result.rows.map((row) => ({
    queryType: row.query_type,
    rule: row.rule,
    total: Number(row.total),
    open: Number(row.open),
    rootCauses: row.root_causes ?? {},
    latest: row.latest.toISOString(),
  }));
}

export type WorkforceFactRow = {
  organisationId: string;
  employeeId: string;
  startDate: LocalDate;
  leavingDate: LocalDate | null;
  costCentres: { effectiveFrom: LocalDate; costCentreCode: string }[];
  contractedCentihours: number;
};

/** Every employment touching [from, to] with where it was costed over time, for workforce history. */
export async function selectWorkforceFacts(
  q: Queryable,
  from: LocalDate,
  to: LocalDate,
): Promise<WorkforceFactRow[]> {
  const result = await q.query<{
    organisation_id: string;
    id: string;
    start_date: LocalDate;
    leaving_date: LocalDate | null;
    centres: { effectiveFrom: LocalDate; costCentreCode: string }[];
    hours: number | null;
  }>(
    `select e.organisation_id, e.id, e.start_date, e.leaving_date,
       coalesce((select json_agg(json_build_object('effectiveFrom', c.effective_from, 'costCentreCode', c.fields ->> 'costCentreCode')
                                 order by c.effective_from, c.recorded_seq)
                 from payroll.pay_record_change c
                 where c.organisation_id = e.organisation_id and c.employee_id = e.id and c.fields ? 'costCentreCode'), '[]') as centres,
       (select (c.fields ->> 'contractedCentihours')::int from payroll.pay_record_change c
        where c.organisation_id = e.organisation_id and c.employee_id = e.id and c.fields ? 'contractedCentihours'
        order by c.effective_from desc, c.recorded_seq desc limit 1) as hours
     from payroll.employee e
     where e.start_date <= $2 and (e.leaving_date is null or e.leaving_date >= $1)`,
    [from, to],
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    employeeId: row.id,
    startDate: row.start_date,
    leavingDate: row.leaving_date,
    costCentres: row.centres,
    contractedCentihours: row.hours ?? 3750,
  }));
}

export async function selectSicknessAbsences(
  q: Queryable,
  from: LocalDate,
  to: LocalDate,
): Promise<{ organisationId: string; employeeId: string; firstDay: LocalDate; lastDay: LocalDate }[]> {
  const result = await q.query<{
    organisation_id: string;
    employee_id: string;
    first_day: LocalDate;
    last_day: LocalDate;
  }>(
    `select organisation_id, employee_id, first_day, last_day from payroll.absence
     where kind = 'sickness' and first_day <= $2 and last_day >= $1`,
    [from, to],
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    employeeId: row.employee_id,
    firstDay: row.first_day,
    lastDay: row.last_day,
  }));
}
