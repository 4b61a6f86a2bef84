import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export type BankAccount = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  serviceUserNumber: string;
  updatedBy: string;
  updatedAt: string;
};

export async function upsertBankAccount(
  q: Queryable,
  organisationId: string,
  account: Omit<BankAccount, 'updatedAt'> & { updatedAt: Date },
): Promise<BankAccount | null> {
  const before = await selectBankAccount(q);
  await q.query(
    `insert into payables.bank_account (organisation_id, sort_code, account_number, account_name, service_user_number,
       updated_by, updated_at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (organisation_id) do update set sort_code = excluded.sort_code, account_number = excluded.account_number,
       account_name = excluded.account_name, service_user_number = excluded.service_user_number,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      organisationId,
      account.sortCode,
      account.accountNumber,
      account.accountName,
      account.serviceUserNumber,
      account.updatedBy,
      account.updatedAt,
    ],
  );
  return before;
}

export async function selectBankAccount(q: Queryable): Promise<BankAccount | null> {
  const result = await q.query<{
    sort_code: string;
    account_number: string;
    account_name: string;
    service_user_number: string;
    updated_by: string;
    updated_at: Date;
  }>('select * from payables.bank_account');
  const row = result.rows[0];
  return row
    ? {
        sortCode: row.sort_code,
        accountNumber: row.account_number,
        accountName: row.account_name,
        serviceUserNumber: row.service_user_number,
        updatedBy: row.updated_by,
        updatedAt: iso(row.updated_at)!,
      }
    : null;
}

/** The next run number for the organisation, taken in the proposing transaction (gapless). */
export async function nextRunNumber(q: Queryable, organisationId: string): Promise<bigint> {
  const result = await q.query<{ last_number: bigint }>(
    `insert into payables.payment_run_counter as c (organisation_id, last_number) values ($1, 1)
     on conflict (organisation_id) do update set last_number = c.last_number + 1
     returning last_number`,
    [organisationId],
  );
  return result.rows[0]!.last_number;
}

export type PaymentRunStatus = 'proposed' | 'approved' | 'cancelled';

export type PaymentRunRow = {
  id: string;
  runNumber: string;
  status: PaymentRunStatus;
  dueBy: LocalDate;
  processingDate: LocalDate;
  proposedBy: string;
  proposedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  cancelledBy: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  totalPence: Pence;
  paymentCount: number;
  heldCount: number;
  hasBacsFile: boolean;
};

export async function insertPaymentRun(
  q: Queryable,
  organisationId: string,
  run: {
    id: string;
    runNumber: string;
    dueBy: LocalDate;
    processingDate: LocalDate;
    proposedBy: string;
    proposedAt: Date;
    totalPence: bigint;
    paymentCount: number;
    heldCount: number;
  },
): Promise<void> {
  await q.query(
    `insert into payables.payment_run (organisation_id, id, run_number, status, due_by, processing_date, proposed_by,
       proposed_at, total_pence, payment_count, held_count)
     values ($1, $2, $3, 'proposed', $4, $5, $6, $7, $8, $9, $10)`,
    [
      organisationId,
      run.id,
      run.runNumber,
      run.dueBy,
      run.processingDate,
      run.proposedBy,
      run.proposedAt,
      run.totalPence,
      run.paymentCount,
      run.heldCount,
    ],
  );
}

type PaymentRunDbRow = {
  id: string;
  run_number: string;
  status: PaymentRunStatus;
  due_by: LocalDate;
  processing_date: LocalDate;
  proposed_by: string;
  proposed_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  total_pence: bigint;
  payment_count: number;
  held_count: number;
  has_bacs_file: boolean;
};

export async function selectPaymentRuns(
  q: Queryable,
  filter: { ids?: readonly string[]; limit: number },
): Promise<PaymentRunRow[]> {
  const result = await q.query<PaymentRunDbRow>(
    `select id, run_number, status, due_by, processing_date, proposed_by, proposed_at, approved_by, approved_at,
       cancelled_by, cancelled_at, cancel_reason, total_pence, payment_count, held_count,
       bacs_file is not null as has_bacs_file
     from payables.payment_run where ($1::text[] is null or id = any ($1)) order by proposed_at desc, id desc limit $2`,
    [filter.ids ?? null, filter.limit],
  );
  return result.rows.map((row) => ({
    id: row.id,
    runNumber: row.run_number,
    status: row.status,
    dueBy: row.due_by,
    processingDate: row.processing_date,
    proposedBy: row.proposed_by,
    proposedAt: iso(row.proposed_at)!,
    approvedBy: row.approved_by,
    approvedAt: iso(row.approved_at),
    cancelledBy: row.cancelled_by,
    cancelledAt: iso(row.cancelled_at),
    cancelReason: row.cancel_reason,
    totalPence: row.total_pence as Pence,
    paymentCount: row.payment_count,
    heldCount: row.held_count,
    hasBacsFile: row.has_bacs_file,
  }));
}

export async function selectBacsFile(q: Queryable, runId: string): Promise<string | null> {
  const result = await q.query<{ bacs_file: string | null }>(
    'select bacs_file from payables.payment_run where id = $1',
    [runId],
  );
  return result.rows[0]?.bacs_file ?? null;
}

export async function updatePaymentRun(
  q: Queryable,
  runId: string,
  change:
    | { status: 'approved'; by: string; at: Date; bacsFile: string }
    | { status: 'cancelled'; by: string; at: Date; reason: string },
): Promise<void> {
  if (change.status === 'approved') {
    await q.query(
      `update payables.payment_run set status = 'approved', approved_by = $2, approved_at = $3, bacs_file = $4 where id = $1`,
      [runId, change.by, change.at, change.bacsFile],
    );
  } else {
    await q.query(
      `update payables.payment_run set status = 'cancelled', cancelled_by = $2, cancelled_at = $3, cancel_reason = $4
       where id = $1`,
      [runId, change.by, change.at, change.reason],
    );
  }
}

export type PaymentRow = {
  id: string;
  paymentRunId: string;
  supplierId: string;
  supplierName: string;
  nhsSupplier: boolean;
  amountPence: Pence;
  sortCode: string;
  accountNumber: string;
  accountName: string;
  bankVerifiedAt: string;
  bankVerifiedBy: string;
  reference: string;
  journalId: string | null;
};

export async function insertPayments(
  q: Queryable,
  organisationId: string,
  rows: readonly PaymentRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into payables.payment (organisation_id, id, payment_run_id, supplier_id, supplier_name, nhs_supplier,
       amount_pence, sort_code, account_number, account_name, bank_verified_at, bank_verified_by, reference, journal_id)
     select $1, p.* from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::int8[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[]) as p`,
    [
      organisationId,
      rows.map((r) => r.id),
      rows.map((r) => r.paymentRunId),
      rows.map((r) => r.supplierId),
      rows.map((r) => r.supplierName),
      rows.map((r) => r.nhsSupplier),
      rows.map((r) => r.amountPence),
      rows.map((r) => r.sortCode),
      rows.map((r) => r.accountNumber),
      rows.map((r) => r.accountName),
      rows.map((r) => r.bankVerifiedAt),
      rows.map((r) => r.bankVerifiedBy),
      rows.map((r) => r.reference),
      rows.map((r) => r.journalId),
    ],
  );
}

export async function selectPayments(q: Queryable, runId: string): Promise<PaymentRow[]> {
  const result = await q.query<{
    id: string;
    payment_run_id: string;
    supplier_id: string;
    supplier_name: string;
    nhs_supplier: boolean;
    amount_pence: bigint;
    sort_code: string;
    account_number: string;
    account_name: string;
    bank_verified_at: string;
    bank_verified_by: string;
    reference: string;
    journal_id: string | null;
  }>('select * from payables.payment where payment_run_id = $1 order by supplier_name, id', [runId]);
  return result.rows.map((row) => ({
    id: row.id,
    paymentRunId: row.payment_run_id,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    nhsSupplier: row.nhs_supplier,
    amountPence: row.amount_pence as Pence,
    sortCode: row.sort_code,
    accountNumber: row.account_number,
    accountName: row.account_name,
    bankVerifiedAt: row.bank_verified_at,
    bankVerifiedBy: row.bank_verified_by,
    reference: row.reference,
    journalId: row.journal_id,
  }));
}

export async function setPaymentJournals(
  q: Queryable,
  rows: readonly { paymentId: string; journalId: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `update payables.payment p set journal_id = u.journal_id from unnest($1::text[], $2::text[]) as u(id, journal_id)
     where p.id = u.id`,
    [rows.map((r) => r.paymentId), rows.map((r) => r.journalId)],
  );
}

export type PaymentItemRow = {
  invoiceId: string;
  paymentId: string | null;
  heldReason: string | null;
  heldDetail: string | null;
};

export async function insertPaymentItems(
  q: Queryable,
  organisationId: string,
  runId: string,
  rows: readonly PaymentItemRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into payables.payment_item (organisation_id, payment_run_id, invoice_id, payment_id, held_reason, held_detail)
     select $1, $2, i.* from unnest($3::text[], $4::text[], $5::text[], $6::text[]) as i`,
    [
      organisationId,
      runId,
      rows.map((r) => r.invoiceId),
      rows.map((r) => r.paymentId),
      rows.map((r) => r.heldReason),
      rows.map((r) => r.heldDetail),
    ],
  );
}

export async function selectPaymentItems(q: Queryable, runId: string): Promise<PaymentItemRow[]> {
  const result = await q.query<{
    invoice_id: string;
    payment_id: string | null;
    held_reason: string | null;
    held_detail: string | null;
  }>(
    'select invoice_id, payment_id, held_reason, held_detail from payables.payment_item where payment_run_id = $1',
    [runId],
  );
  return result.rows.map((row) => ({
    invoiceId: row.invoice_id,
    paymentId: row.payment_id,
    heldReason: row.held_reason,
    heldDetail: row.held_detail,
  }));
}

/** Puts invoices into a run, takes them out again, or marks them paid: one statement each way. */
export async function setInvoicesInRun(
  q: Queryable,
  invoiceIds: readonly string[],
  change:
    | { status: 'in-payment-run'; runId: string }
    | { status: 'approved' }
    | { status: 'paid'; paidOn: LocalDate },
): Promise<void> {
  if (invoiceIds.length === 0) return;
  await q.query(
    `update payables.invoice set status = $2,
       payment_run_id = case when $2 = 'approved' then null else coalesce($3, payment_run_id) end,
       paid_on = $4
     where id = any ($1::text[])`,
    [
      invoiceIds,
      change.status,
      change.status === 'in-payment-run' ? change.runId : null,
      change.status === 'paid' ? change.paidOn : null,
    ],
  );
}
