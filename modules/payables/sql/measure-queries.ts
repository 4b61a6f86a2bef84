import type { Queryable } from '../../../kernel/db';
import type { LocalDate } from '../../../kernel/time';
import { BPPC_DAYS, type PaidTotals } from '../domain/terms';

export type InvoiceFlowFigures = {
  received: number;
  creditNotes: number;
  quotedOrder: number;
  firstPassMatched: number;
  approved: number;
  touchless: number;
  exceptionsOpen: number;
  medianReceiptToApprovalHours: number | null;
  medianReceiptToPaymentDays: number | null;
};

/** What happened to the invoices received in the period, counted by the database in one pass. */
export async function selectInvoiceFlow(
  q: Queryable,
  from: LocalDate,
  to: LocalDate,
): Promise<InvoiceFlowFigures> {
  const result = await q.query<{
    received: bigint;
    credit_notes: bigint;
    quoted_order: bigint;
    first_pass: bigint;
    approved: bigint;
    touchless: bigint;
    open: bigint;
    approval_hours: number | string | null;
    payment_days: number | string | null;
  }>(
    `select count(*) filter (where kind = 'invoice')::int8 as received,
       count(*) filter (where kind = 'credit-note')::int8 as credit_notes,
       count(*) filter (where kind = 'invoice' and order_reference is not null)::int8 as quoted_order,
       count(*) filter (where kind = 'invoice' and order_reference is not null and first_pass_matched)::int8 as first_pass,
       count(*) filter (where kind = 'invoice' and approved_at is not null)::int8 as approved,
       count(*) filter (where kind = 'invoice' and touchless)::int8 as touchless,
       count(*) filter (where kind = 'invoice' and status in ('exception', 'awaiting-approval'))::int8 as open,
       percentile_cont(0.5) within group (order by extract(epoch from approved_at - received_at) / 3600)
         filter (where kind = 'invoice' and approved_at is not null) as approval_hours,
       percentile_cont(0.5) within group (order by paid_on - received_on)
         filter (where kind = 'invoice' and paid_on is not null) as payment_days
     from payables.invoice where received_on between $1 and $2`,
    [from, to],
  );
  const row = result.rows[0]!;
  const number = (value: number | string | null) =>
    value === null ? null : Math.round(Number(value) * 10) / 10;
  return {
    received: Number(row.received),
    creditNotes: Number(row.credit_notes),
    quotedOrder: Number(row.quoted_order),
    firstPassMatched: Number(row.first_pass),
    approved: Number(row.approved),
    touchless: Number(row.touchless),
    exceptionsOpen: Number(row.open),
    medianReceiptToApprovalHours: number(row.approval_hours),
    medianReceiptToPaymentDays: number(row.payment_days),
  };
}

/** Duplicates stopped before payment: quarantined on their number, or rejected after a suspected match. */
export async function selectDuplicatesStopped(
  q: Queryable,
  from: LocalDate,
  to: LocalDate,
): Promise<{ sameNumber: number; suspectedRejected: number }> {
  const result = await q.query<{ same_number: bigint; suspected: bigint }>(
    `select
       (select count(*) from payables.decision where decision = 'duplicate-stopped'
          and decided_at >= $1::date and decided_at < $2::date + 1)::int8 as same_number,
       (select count(*) from payables.exception where reason = 'suspected-duplicate' and resolution = 'reject-to-supplier'
          and resolved_at >= $1::date and resolved_at < $2::date + 1)::int8 as suspected`,
    [from, to],
  );
  const row = result.rows[0]!;
  return { sameNumber: Number(row.same_number), suspectedRejected: Number(row.suspected) };
}

/** Invoices paid in the period, and those paid within the Better Payment Practice Code's 30 days. */
export async function selectPaidTotals(q: Queryable, from: LocalDate, to: LocalDate): Promise<PaidTotals> {
  const result = await q.query<{ paid: bigint; within: bigint; paid_pence: bigint; within_pence: bigint }>(
    `select count(*)::int8 as paid,
       count(*) filter (where paid_on - greatest(issue_date, received_on) <= $3)::int8 as within,
       coalesce(sum(gross_pence), 0)::int8 as paid_pence,
       coalesce(sum(gross_pence) filter (where paid_on - greatest(issue_date, received_on) <= $3), 0)::int8 as within_pence
     from payables.invoice where kind = 'invoice' and paid_on between $1 and $2`,
    [from, to, BPPC_DAYS],
  );
  const row = result.rows[0]!;
  return {
    paidCount: Number(row.paid),
    paidWithinTermsCount: Number(row.within),
    paidPence: row.paid_pence,
    paidWithinTermsPence: row.within_pence,
  };
}
