import type { Queryable } from '../../../../kernel/db';
import type { LocalDate } from '../../../../kernel/time';
import type { Claim } from '../../domain/claims';
import type { PayRecordChangeFields } from '../../domain/pay-record';
import type { StarterFacts } from '../../domain/payslip/types';

/**
 * The inputs of one batch of a pay run, read set-based. A main run's batch is
 * a contiguous range of employee ids (an index range scan, however large the
 * organisation); a supplementary run names its employees.
 */
export type BatchScope =
  | { kind: 'range'; from: string; before: string | null }
  | { kind: 'ids'; ids: readonly string[] };

/** The predicate on `column` for a scope, with its parameters numbered from `first`. */
function scoped(scope: BatchScope, column: string, first: number): { clause: string; params: unknown[] } {
  if (scope.kind === 'ids') return { clause: `${column} = any ($${first}::text[])`, params: [scope.ids] };
  return scope.before === null
    ? { clause: `${column} >= $${first}`, params: [scope.from] }
    : { clause: `${column} >= $${first} and ${column} < $${first + 1}`, params: [scope.from, scope.before] };
}

export type BatchEmployee = { id: string; startDate: LocalDate; starter: StarterFacts };

/**
 * The employees of a batch: of the pay frequency and started by the period end;
 * a main run's range leaves out those gone before the period began, while a
 * supplementary run pays whoever it names (a leaver's late claim or arrears).
 */
export async function selectBatchEmployees(
  q: Queryable,
  scope: BatchScope,
  filter: { frequency: string; periodStart: LocalDate; periodEnd: LocalDate },
): Promise<BatchEmployee[]> {
  const where = scoped(scope, 'id', 5);
  const result = await q.query<{
    id: string;
    start_date: LocalDate;
    starter_basis: StarterFacts['basis'];
    p45_tax_year: string | null;
    p45_taxable_pence: bigint | null;
    p45_tax_pence: bigint | null;
  }>(
    `select id, start_date, starter_basis, p45_tax_year, p45_taxable_pence, p45_tax_pence from payroll.employee
     where ${where.clause} and pay_frequency = $1 and start_date <= $3
       and ($4 or leaving_date is null or leaving_date >= $2)
     order by id`,
    [filter.frequency, filter.periodStart, filter.periodEnd, scope.kind === 'ids', ...where.params],
  );
  return result.rows.map((row) => ({
    id: row.id,
    startDate: row.start_date,
    starter: {
      basis: row.starter_basis,
      previousPay:
        row.p45_tax_year === null
          ? null
          : {
              taxYear: row.p45_tax_year,
              taxablePay: Number(row.p45_taxable_pence),
              tax: Number(row.p45_tax_pence),
            },
    },
  }));
}

export async function selectBatchChanges(
  q: Queryable,
  scope: BatchScope,
  throughSeq: bigint,
): Promise<
  {
    employeeId: string;
    changeNo: number;
    effectiveFrom: LocalDate;
    fields: PayRecordChangeFields;
    recordedSeq: bigint;
    reason: string;
  }[]
> {
  const where = scoped(scope, 'employee_id', 2);
  const result = await q.query<{
    employee_id: string;
    change_no: number;
    effective_from: LocalDate;
    fields: PayRecordChangeFields;
    recorded_seq: bigint;
  }>(
    `select employee_id, change_no, effective_from, fields, recorded_seq from payroll.pay_record_change
     where ${where.clause} and recorded_seq <= $1`,
    [throughSeq, ...where.params],
  );
  return result.rows.map((row) => ({
    employeeId: row.employee_id,
    changeNo: row.change_no,
    effectiveFrom: row.effective_from,
    fields: row.fields,
    recordedSeq: row.recorded_seq,
    reason: '',
  }));
}

/** For each employee, the latest verified account by the cut-off, and whether a change is still waiting. */
export async function selectBatchBankDetails(
  q: Queryable,
  scope: BatchScope,
  throughSeq: bigint,
): Promise<Map<string, { verifiedId: string | null; pending: boolean }>> {
  const where = scoped(scope, 'employee_id', 1);
  const result = await q.query<{
    employee_id: string;
    id: string;
    status: string;
    decided_seq: bigint | null;
  }>(
    `select employee_id, id, status, decided_seq from payroll.bank_details where ${where.clause}
       and (status = 'pending' or decided_seq is not null)
     order by employee_id, decided_seq nulls last`,
    where.params,
  );
  const banks = new Map<string, { verifiedId: string | null; pending: boolean }>();
  for (const row of result.rows) {
    const current = banks.get(row.employee_id) ?? { verifiedId: null, pending: false };
    if (row.status === 'verified' && row.decided_seq !== null && row.decided_seq <= throughSeq)
      current.verifiedId = row.id;
    else if (row.status === 'pending' || (row.decided_seq !== null && row.decided_seq > throughSeq))
      current.pending = true;
    banks.set(row.employee_id, current);
  }
  return banks;
}

export async function selectBatchClaims(
  q: Queryable,
  scope: BatchScope,
  throughSeq: bigint,
  workedBy: LocalDate,
  runId: string,
): Promise<Claim[]> {
  const where = scoped(scope, 'c.employee_id', 4);
  const result = await q.query<{
    id: string;
    employee_id: string;
    worked_on: LocalDate;
    kind: Claim['kind'];
    details: Claim['details'];
    recorded_seq: bigint;
  }>(
    `select c.id, c.employee_id, c.worked_on, c.kind, c.details, c.recorded_seq from payroll.claim c
     where ${where.clause} and c.recorded_seq <= $1 and c.worked_on <= $2
       and not exists (select 1 from payroll.pay_run_claim p where p.organisation_id = c.organisation_id
                       and p.claim_id = c.id and p.run_id <> $3)
     order by c.employee_id, c.worked_on, c.id`,
    [throughSeq, workedBy, runId, ...where.params],
  );
  return result.rows.map(
    (row) =>
      ({
        id: row.id,
        employeeId: row.employee_id,
        workedOn: row.worked_on,
        kind: row.kind,
        details: row.details,
        recordedSeq: row.recorded_seq,
      }) as Claim,
  );
}

/** The most recent committed main run of a pay frequency before a run: where almost every employee's previous payslip is. */
export async function selectLatestMainRun(
  q: Queryable,
  frequency: string,
  beforeSequence: bigint,
): Promise<{ id: string; sequence: bigint } | null> {
  const result = await q.query<{ id: string; sequence: bigint }>(
    `select id, sequence from payroll.pay_run where pay_frequency = $1 and kind = 'main' and status = 'committed'
       and sequence < $2 order by sequence desc limit 1`,
    [frequency, beforeSequence],
  );
  return result.rows[0] ?? null;
}

/** Employees of a range paid by a committed run between two sequences (a supplementary run after the last main run). */
export async function selectEmployeesPaidBetween(
  q: Queryable,
  scope: BatchScope,
  afterSequence: bigint,
  beforeSequence: bigint,
): Promise<Set<string>> {
  const where = scoped(scope, 'p.employee_id', 3);
  const result = await q.query<{ employee_id: string }>(
    `select distinct p.employee_id from payroll.pay_run r
     join payroll.payslip p on p.organisation_id = r.organisation_id and p.run_id = r.id
     where r.status = 'committed' and r.sequence > $1 and r.sequence < $2 and ${where.clause}`,
    [afterSequence, beforeSequence, ...where.params],
  );
  return new Set(result.rows.map((row) => row.employee_id));
}

export async function selectBatchOrders(
  q: Queryable,
  scope: BatchScope,
  throughSeq: bigint,
): Promise<string[]> {
  const where = scoped(scope, 'employee_id', 2);
  const result = await q.query<{ employee_id: string }>(
    `select distinct employee_id from payroll.deduction_order
     where ${where.clause} and recorded_seq <= $1 and (stopped_seq is null or stopped_seq > $1)`,
    [throughSeq, ...where.params],
  );
  return result.rows.map((row) => row.employee_id);
}

/** Employees of the batch with anytime pay draws, or marked for arrears: the few whose detailed inputs are read. */
export async function selectBatchSpecialCases(
  q: Queryable,
  scope: BatchScope,
  throughSeq: bigint,
): Promise<{ draws: Set<string>; marks: Set<string> }> {
  const draws = scoped(scope, 'employee_id', 2);
  const drawRows = await q.query<{ employee_id: string }>(
    `select distinct employee_id from payroll.anytime_pay_draw where ${draws.clause} and recorded_seq <= $1`,
    [throughSeq, ...draws.params],
  );
  const markRows = await q.query<{ employee_id: string }>(
    `select distinct employee_id from payroll.recalculation where ${draws.clause} and recorded_seq <= $1`,
    [throughSeq, ...draws.params],
  );
  return {
    draws: new Set(drawRows.rows.map((row) => row.employee_id)),
    marks: new Set(markRows.rows.map((row) => row.employee_id)),
  };
}
