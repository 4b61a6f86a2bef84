import type { Queryable } from '../../../../kernel/db';
import type { ValidationIssue } from '../../../../kernel/errors';
import type { LocalDate } from '../../../../kernel/time';
import type { Claim, ClaimInput } from '../../domain/claims';
import type { PayAward } from '../../domain/pay-scales';
import type { DeductionOrder, DeductionOrderKind } from '../../domain/payslip/types';

export type BankDetailsRow = {
  id: string;
  employeeId: string;
  sortCode: string;
  accountNumber: string;
  accountName: string;
  buildingSocietyReference: string | null;
  status: 'pending' | 'verified' | 'rejected';
  enteredBy: string;
  enteredAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decidedSeq: bigint | null;
  decisionNote: string | null;
};

type BankDbRow = {
  id: string;
  employee_id: string;
  sort_code: string;
  account_number: string;
  account_name: string;
  building_society_reference: string | null;
  status: BankDetailsRow['status'];
  entered_by: string;
  entered_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decided_seq: bigint | null;
  decision_note: string | null;
};

const bankFrom = (row: BankDbRow): BankDetailsRow => ({
  id: row.id,
  employeeId: row.employee_id,
  sortCode: row.sort_code,
  accountNumber: row.account_number,
  accountName: row.account_name,
  buildingSocietyReference: row.building_society_reference,
  status: row.status,
  enteredBy: row.entered_by,
  enteredAt: row.entered_at.toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  decidedSeq: row.decided_seq,
  decisionNote: row.decision_note,
});

export async function insertBankDetails(
  q: Queryable,
  organisationId: string,
  details: Pick<
    BankDetailsRow,
    'id' | 'employeeId' | 'sortCode' | 'accountNumber' | 'accountName' | 'buildingSocietyReference'
  >,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.bank_details (organisation_id, id, employee_id, sort_code, account_number, account_name,
       building_society_reference, status, entered_by, entered_at)
     values ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9)`,
    [
      organisationId,
      details.id,
      details.employeeId,
      details.sortCode,
      details.accountNumber,
      details.accountName,
      details.buildingSocietyReference,
      by,
      at,
    ],
  );
}

/** Verified details for many employees at once, decided by a second (system) person: the demo and benchmark loaders. */
export async function insertVerifiedBankDetails(
  q: Queryable,
  organisationId: string,
  rows: readonly Pick<BankDetailsRow, 'id' | 'employeeId' | 'sortCode' | 'accountNumber' | 'accountName'>[],
  enteredBy: string,
  verifiedBy: string,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into payroll.bank_details (organisation_id, id, employee_id, sort_code, account_number, account_name,
       status, entered_by, entered_at, decided_by, decided_at, decided_seq, decision_note)
     select $1, b.id, b.employee_id, b.sort_code, b.account_number, b.account_name, 'verified', $2, $4, $3, $4,
       nextval('payroll.record_seq'), 'verified on loading'
     from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
       as b(id, employee_id, sort_code, account_number, account_name)`,
    [
      organisationId,
      enteredBy,
      verifiedBy,
      at,
      rows.map((r) => r.id),
      rows.map((r) => r.employeeId),
      rows.map((r) => r.sortCode),
      rows.map((r) => r.accountNumber),
      rows.map((r) => r.accountName),
    ],
  );
}

export async function decideBankDetails(
  q: Queryable,
  id: string,
  decision: { status: 'verified' | 'rejected'; by: string; at: Date; note: string | null },
): Promise<void> {
  await q.query(
    `update payroll.bank_details set status = $2, decided_by = $3, decided_at = $4, decision_note = $5,
       decided_seq = nextval('payroll.record_seq')
     where id = $1 and status = 'pending'`,
    [id, decision.status, decision.by, decision.at, decision.note],
  );
}

export async function selectBankDetails(
  q: Queryable,
  filter: { ids?: readonly string[]; employeeIds?: readonly string[]; status?: BankDetailsRow['status'] },
): Promise<BankDetailsRow[]> {
  const result = await q.query<BankDbRow>(
    `select * from payroll.bank_details
     where ($1::text[] is null or id = any ($1)) and ($2::text[] is null or employee_id = any ($2))
       and ($3::text is null or status = $3)
     order by employee_id, entered_at, id`,
    [filter.ids ?? null, filter.employeeIds ?? null, filter.status ?? null],
  );
  return result.rows.map(bankFrom);
}

/**
 * For each employee: the latest details verified by `throughSeq` (the only
 * account net pay may go to) and whether a change is still waiting.
 */
export async function selectPayableBankDetails(
  q: Queryable,
  employeeIds: readonly string[],
  throughSeq: bigint,
): Promise<Map<string, { verifiedId: string | null; pending: boolean }>> {
  const result = await q.query<{ employee_id: string; verified_id: string | null; pending: boolean }>(
    `select employee_id,
       (array_agg(id order by decided_seq desc) filter (where status = 'verified' and decided_seq <= $2))[1] as verified_id,
       bool_or(status = 'pending' or decided_seq > $2) as pending
     from payroll.bank_details where employee_id = any ($1) group by employee_id`,
    [employeeIds, throughSeq],
  );
  return new Map(
    result.rows.map((row) => [row.employee_id, { verifiedId: row.verified_id, pending: row.pending }]),
  );
}

type OrderDbRow = {
  id: string;
  employee_id: string;
  kind: DeductionOrderKind;
  description: string;
  payee: string;
  amount_per_period_pence: bigint;
  priority: boolean | null;
  normal_deduction_pence: bigint | null;
  protected_earnings_pence: bigint | null;
  total_debt_pence: bigint | null;
  order_date: LocalDate | null;
  starts_on: LocalDate;
  ends_on: LocalDate | null;
  stopped_at: Date | null;
};

export type StoredOrder = DeductionOrder & { employeeId: string; stoppedAt: string | null };

const orderFrom = (row: OrderDbRow): StoredOrder => ({
  id: row.id,
  employeeId: row.employee_id,
  kind: row.kind,
  description: row.description,
  payee: row.payee,
  amountPerPeriod: Number(row.amount_per_period_pence),
  attachment:
    row.kind === 'attachment-of-earnings'
      ? {
          priority: row.priority ?? false,
          normalDeduction: Number(row.normal_deduction_pence ?? 0n),
          protectedEarnings: Number(row.protected_earnings_pence ?? 0n),
          totalDebt: row.total_debt_pence === null ? null : Number(row.total_debt_pence),
          orderDate: row.order_date ?? row.starts_on,
        }
      : null,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  stoppedAt: row.stopped_at?.toISOString() ?? null,
});

export async function insertOrder(
  q: Queryable,
  organisationId: string,
  order: DeductionOrder & { employeeId: string },
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.deduction_order (organisation_id, id, employee_id, kind, description, payee,
       amount_per_period_pence, priority, normal_deduction_pence, protected_earnings_pence, total_debt_pence,
       order_date, starts_on, ends_on, recorded_by, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      organisationId,
      order.id,
      order.employeeId,
      order.kind,
      order.description,
      order.payee,
      order.amountPerPeriod,
      order.attachment?.priority ?? null,
      order.attachment?.normalDeduction ?? null,
      order.attachment?.protectedEarnings ?? null,
      order.attachment?.totalDebt ?? null,
      order.attachment?.orderDate ?? null,
      order.startsOn,
      order.endsOn,
      by,
      at,
    ],
  );
}

export async function stopOrder(q: Queryable, id: string, by: string, at: Date): Promise<number> {
  const result = await q.query(
    `update payroll.deduction_order set stopped_seq = nextval('payroll.record_seq'), stopped_by = $2, stopped_at = $3
     where id = $1 and stopped_seq is null`,
    [id, by, at],
  );
  return result.rowCount;
}

/** Orders in force at `throughSeq` (recorded by then and not yet stopped then); all of them when null. */
export async function selectOrders(
  q: Queryable,
  employeeIds: readonly string[] | null,
  throughSeq: bigint | null,
  ids?: readonly string[],
): Promise<StoredOrder[]> {
  const result = await q.query<OrderDbRow>(
    `select id, employee_id, kind, description, payee, amount_per_period_pence, priority, normal_deduction_pence,
       protected_earnings_pence, total_debt_pence, order_date, starts_on, ends_on, stopped_at
     from payroll.deduction_order
     where ($1::text[] is null or employee_id = any ($1)) and ($3::text[] is null or id = any ($3))
       and ($2::int8 is null or (recorded_seq <= $2 and (stopped_seq is null or stopped_seq > $2)))
     order by employee_id, recorded_seq`,
    [employeeIds, throughSeq, ids ?? null],
  );
  return result.rows.map(orderFrom);
}

type ClaimDbRow = {
  id: string;
  employee_id: string;
  worked_on: LocalDate;
  kind: Claim['kind'];
  details: Claim['details'];
  recorded_seq: bigint;
};

const claimFrom = (row: ClaimDbRow): Claim =>
  ({
    id: row.id,
    employeeId: row.employee_id,
    workedOn: row.worked_on,
    kind: row.kind,
    details: row.details,
    recordedSeq: row.recorded_seq,
  }) as Claim;

export async function insertClaims(
  q: Queryable,
  organisationId: string,
  claims: readonly (ClaimInput & { id: string })[],
  source: string,
  by: string,
  at: Date,
): Promise<void> {
  if (claims.length === 0) return;
  await q.query(
    `insert into payroll.claim (organisation_id, id, employee_id, worked_on, kind, details, source, recorded_by, recorded_at)
     select $1, c.id, c.employee_id, c.worked_on, c.kind, c.details::jsonb, $2, $3, $4
     from unnest($5::text[], $6::text[], $7::date[], $8::text[], $9::text[]) as c(id, employee_id, worked_on, kind, details)`,
    [
      organisationId,
      source,
      by,
      at,
      claims.map((c) => c.id),
      claims.map((c) => c.employeeId),
      claims.map((c) => c.workedOn),
      claims.map((c) => c.kind),
      claims.map((c) => JSON.stringify(c.details)),
    ],
  );
}

/**
 * Claims a run pays: recorded by its cut-off, worked by the end of its
 * period, and not paid by any other run (runs commit one at a time, so a
 * claim linked to another run is linked to a committed one).
 */
export async function selectUnpaidClaims(
  q: Queryable,
  employeeIds: readonly string[],
  throughSeq: bigint,
  workedBy: LocalDate,
  runId: string,
): Promise<Claim[]> {
  const result = await q.query<ClaimDbRow>(
    `select c.id, c.employee_id, c.worked_on, c.kind, c.details, c.recorded_seq from payroll.claim c
     where c.employee_id = any ($1) and c.recorded_seq <= $2 and c.worked_on <= $3
       and not exists (select 1 from payroll.pay_run_claim p where p.organisation_id = c.organisation_id
                       and p.claim_id = c.id and p.run_id <> $4)
     order by c.employee_id, c.worked_on, c.id`,
    [employeeIds, throughSeq, workedBy, runId],
  );
  return result.rows.map(claimFrom);
}

export type ClaimListRow = Claim & { source: string; paidByRunId: string | null; recordedAt: string };

export async function selectClaims(
  q: Queryable,
  filter: { employeeId?: string; ids?: readonly string[]; limit?: number },
): Promise<ClaimListRow[]> {
  const result = await q.query<ClaimDbRow & { source: string; run_id: string | null; recorded_at: Date }>(
    `select c.id, c.employee_id, c.worked_on, c.kind, c.details, c.recorded_seq, c.source, c.recorded_at,
       (select p.run_id from payroll.pay_run_claim p where p.organisation_id = c.organisation_id and p.claim_id = c.id limit 1) as run_id
     from payroll.claim c
     where ($1::text is null or c.employee_id = $1) and ($2::text[] is null or c.id = any ($2))
     order by c.recorded_seq desc limit $3`,
    [filter.employeeId ?? null, filter.ids ?? null, filter.limit ?? 200],
  );
  return result.rows.map((row) => ({
    ...claimFrom(row),
    source: row.source,
    paidByRunId: row.run_id,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

/** The claims each given run paid, for pricing those periods again. */
export async function selectClaimsPaidBy(
  q: Queryable,
  runIds: readonly string[],
  employeeIds: readonly string[],
): Promise<(Claim & { runId: string })[]> {
  const result = await q.query<ClaimDbRow & { run_id: string }>(
    `select c.id, c.employee_id, c.worked_on, c.kind, c.details, c.recorded_seq, p.run_id
     from payroll.pay_run_claim p join payroll.claim c on c.organisation_id = p.organisation_id and c.id = p.claim_id
     where p.run_id = any ($1) and c.employee_id = any ($2)`,
    [runIds, employeeIds],
  );
  return result.rows.map((row) => ({ ...claimFrom(row), runId: row.run_id }));
}

export async function insertClaimRejections(
  q: Queryable,
  organisationId: string,
  importId: string,
  fileName: string,
  rejections: readonly { row: number; raw: string; issues: ValidationIssue[] }[],
  by: string,
  at: Date,
): Promise<void> {
  if (rejections.length === 0) return;
  await q.query(
    `insert into payroll.claim_rejection (organisation_id, import_id, row_number, raw, issues, file_name, recorded_by, recorded_at)
     select $1, $2, r.row_number, r.raw, r.issues::jsonb, $3, $4, $5
     from unnest($6::int[], $7::text[], $8::text[]) as r(row_number, raw, issues)`,
    [
      organisationId,
      importId,
      fileName,
      by,
      at,
      rejections.map((r) => r.row),
      rejections.map((r) => r.raw),
      rejections.map((r) => JSON.stringify(r.issues)),
    ],
  );
}

export async function selectClaimRejections(
  q: Queryable,
  importId: string | null,
): Promise<
  {
    importId: string;
    fileName: string;
    row: number;
    raw: string;
    issues: ValidationIssue[];
    recordedAt: string;
  }[]
> {
  const result = await q.query<{
    import_id: string;
    file_name: string;
    row_number: number;
    raw: string;
    issues: ValidationIssue[];
    recorded_at: Date;
  }>(
    `select import_id, file_name, row_number, raw, issues, recorded_at from payroll.claim_rejection
     where ($1::text is null or import_id = $1) order by recorded_at desc, import_id, row_number limit 500`,
    [importId],
  );
  return result.rows.map((row) => ({
    importId: row.import_id,
    fileName: row.file_name,
    row: row.row_number,
    raw: row.raw,
    issues: row.issues,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

export async function insertAward(
  q: Queryable,
  organisationId: string,
  award: Omit<PayAward, 'recordedSeq'>,
  by: string,
  at: Date,
): Promise<bigint> {
  const result = await q.query<{ recorded_seq: bigint }>(
    `insert into payroll.pay_award (organisation_id, id, pay_year, effective_from, description, points, recorded_by, recorded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning recorded_seq`,
    [
      organisationId,
      award.id,
      award.payYear,
      award.effectiveFrom,
      award.description,
      JSON.stringify(award.points),
      by,
      at,
    ],
  );
  return result.rows[0]!.recorded_seq;
}

export async function selectAwards(
  q: Queryable,
  throughSeq: bigint | null,
): Promise<(PayAward & { recordedAt: string })[]> {
  const result = await q.query<{
    id: string;
    pay_year: string;
    effective_from: LocalDate;
    description: string;
    points: Record<string, number[]>;
    recorded_seq: bigint;
    recorded_at: Date;
  }>(
    `select id, pay_year, effective_from, description, points, recorded_seq, recorded_at from payroll.pay_award
     where ($1::int8 is null or recorded_seq <= $1) order by effective_from, recorded_seq`,
    [throughSeq],
  );
  return result.rows.map((row) => ({
    id: row.id,
    payYear: row.pay_year,
    effectiveFrom: row.effective_from,
    description: row.description,
    points: row.points,
    recordedSeq: row.recorded_seq,
    recordedAt: row.recorded_at.toISOString(),
  }));
}

/** Marks employees whose periods from `fromDate` must be priced again; by id, or every Agenda for Change employee in the given bands. */
export async function insertRecalculations(
  q: Queryable,
  organisationId: string,
  marks: readonly { id: string; employeeId: string; fromDate: LocalDate; reason: string }[],
): Promise<void> {
  if (marks.length === 0) return;
  await q.query(
    `insert into payroll.recalculation (organisation_id, employee_id, id, from_date, reason)
     select $1, m.employee_id, m.id, m.from_date, m.reason
     from unnest($2::text[], $3::text[], $4::date[], $5::text[]) as m(id, employee_id, from_date, reason)`,
    [
      organisationId,
      marks.map((m) => m.id),
      marks.map((m) => m.employeeId),
      marks.map((m) => m.fromDate),
      marks.map((m) => m.reason),
    ],
  );
}

/** Employees on the given bands (by their latest recorded band) who have been paid since `since`: those an award reaches. */
export async function selectEmployeesPaidOnBands(
  q: Queryable,
  bands: readonly string[] | null,
  since: LocalDate,
): Promise<string[]> {
  const result = await q.query<{ employee_id: string }>(
    `select distinct p.employee_id from payroll.payslip p
     where p.pay_date >= $2 and ($1::text[] is null or exists (
       select 1 from payroll.pay_record_change c where c.organisation_id = p.organisation_id
         and c.employee_id = p.employee_id and c.fields ->> 'band' = any ($1)))`,
    [bands, since],
  );
  return result.rows.map((row) => row.employee_id);
}

/** The earliest date from which each employee's past periods are to be priced again, for marks not yet settled. */
export async function selectOpenRecalculations(
  q: Queryable,
  employeeIds: readonly string[],
  throughSeq: bigint,
  runId: string,
): Promise<Map<string, LocalDate>> {
  const result = await q.query<{ employee_id: string; from_date: LocalDate }>(
    `select employee_id, min(from_date) as from_date from payroll.recalculation
     where employee_id = any ($1) and recorded_seq <= $2 and (settled_run_id is null or settled_run_id = $3)
     group by employee_id`,
    [employeeIds, throughSeq, runId],
  );
  return new Map(result.rows.map((row) => [row.employee_id, row.from_date]));
}

export async function settleRecalculations(q: Queryable, runId: string, throughSeq: bigint): Promise<number> {
  const result = await q.query(
    `update payroll.recalculation r set settled_run_id = $1
     where r.settled_run_id is null and r.recorded_seq <= $2
       and exists (select 1 from payroll.payslip p where p.organisation_id = r.organisation_id and p.run_id = $1
                   and p.employee_id = r.employee_id)`,
    [runId, throughSeq],
  );
  return result.rowCount;
}

export async function insertAbsences(
  q: Queryable,
  organisationId: string,
  absences: readonly {
    id: string;
    employeeId: string;
    kind: 'sickness' | 'maternity' | 'other';
    firstDay: LocalDate;
    lastDay: LocalDate;
  }[],
  by: string,
  at: Date,
): Promise<void> {
  if (absences.length === 0) return;
  await q.query(
    `insert into payroll.absence (organisation_id, id, employee_id, kind, first_day, last_day, recorded_by, recorded_at)
     select $1, a.id, a.employee_id, a.kind, a.first_day, a.last_day, $2, $3
     from unnest($4::text[], $5::text[], $6::text[], $7::date[], $8::date[]) as a(id, employee_id, kind, first_day, last_day)`,
    [
      organisationId,
      by,
      at,
      absences.map((a) => a.id),
      absences.map((a) => a.employeeId),
      absences.map((a) => a.kind),
      absences.map((a) => a.firstDay),
      absences.map((a) => a.lastDay),
    ],
  );
}
