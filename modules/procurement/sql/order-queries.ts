import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import { formatQuantity, type Milli, milli } from '../domain/quantity';
import {
  LINE_COLUMNS,
  LINE_SELECT,
  type LineRow,
  lineOf,
  lineParams,
  unnestLineParams,
} from './line-columns';
import type { Writes } from './writes';

export type OrderHeaderRow = {
  id: string;
  number: string;
  requisitionId: string;
  requesterId: string;
  supplierId: string;
  storedStatus: 'issued' | 'cancelled' | 'closed';
  version: number;
  raisedVia: 'touchless' | 'approval';
  raisedBy: string;
  requisitionSubmittedAt: string;
  raisedAt: string;
  orderDate: LocalDate;
  financialYear: string;
  totalNetPence: Pence;
  approvedNetPence: Pence;
  cancelReason: string | null;
};

/** A current order line with everything that has happened to it: receipts, returns, invoices and its open commitment. */
export type LineState = {
  purchaseOrderId: string;
  lineNo: number;
  version: number;
  itemId: string | null;
  description: string;
  gtin: string | null;
  supplierItemCode: string | null;
  unitCode: string;
  ordered: Milli;
  unitPricePence: Pence;
  vatRateBasisPoints: number;
  netPence: Pence;
  accountCode: string;
  costCentreCode: string;
  contractId: string | null;
  /** Received less returned */
  received: Milli;
  /** Accruals posted by receipts less those reversed by returns */
  accruedPence: Pence;
  invoiced: Milli;
  invoicedNetPence: Pence;
  grniReleasedPence: Pence;
  committedPence: Pence;
};

export type OrderWrite = {
  id: string;
  number: string;
  numberKey: string;
  requisitionId: string;
  requesterId: string;
  supplierId: string;
  status: 'issued' | 'closed';
  raisedVia: 'touchless' | 'approval';
  raisedBy: string;
  requisitionSubmittedAt: Date;
  raisedAt: Date;
  orderDate: LocalDate;
  financialYear: string;
  totalNetPence: bigint;
  source: 'mainstay' | 'migrated';
  lines: LineWrite[];
};

export type LineWrite = {
  lineNo: number;
  itemId: string | null;
  description: string;
  gtin: string | null;
  supplierItemCode: string | null;
  unitCode: string;
  quantity: bigint;
  unitPricePence: bigint;
  vatRateBasisPoints: number;
  netPence: bigint;
  accountCode: string;
  costCentreCode: string;
  contractId: string | null;
};

/** Orders with their first version and lines, as inserts to run alone or with the requisition they come from. */
export function orderInserts(organisationId: string, orders: readonly OrderWrite[], reason: string): Writes {
  const lines = orders.flatMap((order) => order.lines.map((line) => ({ order, line })));
  return {
    statements: [
      `insert into procurement.purchase_order (organisation_id, id, number, number_key, requisition_id, requester_id,
         supplier_id, status, version, raised_via, raised_by, requisition_submitted_at, raised_at, order_date,
         financial_year, total_net_pence, approved_net_pence, source, closed_at)
       select $1, h.id, h.number, h.number_key, h.requisition_id, h.requester_id, h.supplier_id, h.status, 1, h.raised_via,
         h.raised_by, h.submitted_at, h.raised_at, h.order_date, h.financial_year, h.total, h.total, h.source,
         case when h.status = 'closed' then h.raised_at end
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::timestamptz[], $12::timestamptz[], $13::date[], $14::text[], $15::int8[], $16::text[])
         as h(id, number, number_key, requisition_id, requester_id, supplier_id, status, raised_via, raised_by,
              submitted_at, raised_at, order_date, financial_year, total, source)`,
      `insert into procurement.purchase_order_version (organisation_id, purchase_order_id, version, change, reason,
         total_net_pence, changed_by, changed_at)
       select $1, v.id, 1, 'raised', $17, v.total, v.raised_by, v.raised_at
       from unnest($2::text[], $15::int8[], $10::text[], $12::timestamptz[]) as v(id, total, raised_by, raised_at)`,
      `insert into procurement.purchase_order_line (organisation_id, purchase_order_id, line_no, version, ${LINE_COLUMNS})
       select $1, l.* from unnest($18::text[], $19::int[], $20::int[], ${unnestLineParams(21)}) as l`,
    ],
    params: [
      organisationId,
      orders.map((o) => o.id),
      orders.map((o) => o.number),
      orders.map((o) => o.numberKey),
      orders.map((o) => o.requisitionId),
      orders.map((o) => o.requesterId),
      orders.map((o) => o.supplierId),
      orders.map((o) => o.status),
      orders.map((o) => o.raisedVia),
      orders.map((o) => o.raisedBy),
      orders.map((o) => o.requisitionSubmittedAt),
      orders.map((o) => o.raisedAt),
      orders.map((o) => o.orderDate),
      orders.map((o) => o.financialYear),
      orders.map((o) => o.totalNetPence),
      orders.map((o) => o.source),
      reason,
      lines.map(({ order }) => order.id),
      lines.map(({ line }) => line.lineNo),
      lines.map(() => 1),
      ...lineParams(lines.map(({ line }) => line)),
    ],
  };
}

type HeaderRow = {
  id: string;
  number: string;
  requisition_id: string;
  requester_id: string;
  supplier_id: string;
  status: OrderHeaderRow['storedStatus'];
  version: number;
  raised_via: OrderHeaderRow['raisedVia'];
  raised_by: string;
  requisition_submitted_at: Date;
  raised_at: Date;
  order_date: LocalDate;
  financial_year: string;
  total_net_pence: bigint;
  approved_net_pence: bigint;
  cancel_reason: string | null;
};

export async function selectOrderHeaders(
  q: Queryable,
  filter: {
    ids?: readonly string[];
    numberKeys?: readonly string[];
    statuses?: readonly OrderHeaderRow['storedStatus'][];
    requesterId?: string;
    requisitionId?: string;
    supplierId?: string;
    search?: string;
    limit: number;
    /** Hold the rows until the transaction ends, so no other transaction changes these orders meanwhile. */
    lock?: boolean;
  },
): Promise<OrderHeaderRow[]> {
  const result = await q.query<HeaderRow>(
    `select id, number, requisition_id, requester_id, supplier_id, status, version, raised_via, raised_by,
       requisition_submitted_at, raised_at, order_date, financial_year, total_net_pence, approved_net_pence, cancel_reason
     from procurement.purchase_order
     where ($1::text[] is null or id = any ($1)) and ($2::text[] is null or number_key = any ($2))
       and ($3::text[] is null or status = any ($3)) and ($4::text is null or requester_id = $4)
       and ($5::text is null or requisition_id = $5) and ($6::text is null or supplier_id = $6)
       and ($7::text is null or number_key like '%' || $7 || '%')
     order by raised_at desc, id desc limit $8${filter.lock ? ' for update' : ''}`,
    [
      filter.ids ?? null,
      filter.numberKeys ?? null,
      filter.statuses ?? null,
      filter.requesterId ?? null,
      filter.requisitionId ?? null,
      filter.supplierId ?? null,
      filter.search ?? null,
      filter.limit,
    ],
  );
  return result.rows.map((row) => ({
    id: row.id,
    number: row.number,
    requisitionId: row.requisition_id,
    requesterId: row.requester_id,
    supplierId: row.supplier_id,
    storedStatus: row.status,
    version: row.version,
    raisedVia: row.raised_via,
    raisedBy: row.raised_by,
    requisitionSubmittedAt: row.requisition_submitted_at.toISOString(),
    raisedAt: row.raised_at.toISOString(),
    orderDate: row.order_date,
    financialYear: row.financial_year,
    totalNetPence: row.total_net_pence as Pence,
    approvedNetPence: row.approved_net_pence as Pence,
    cancelReason: row.cancel_reason,
  }));
}

/**
 * The current lines of orders, each with its receipts, returns, invoices and open commitment rolled up.
 * Why one lookup per order (the lateral joins, `offset 0` keeping the first one a loop): the
 * tenancy filter is an array the planner cannot size, so with a list of orders it would rather
 * scan every line of the organisation than probe the index per order; per order it always probes,
 * and the cost stays that of the batch, not of the table.
 */
export async function selectLineStates(q: Queryable, orderIds: readonly string[]): Promise<LineState[]> {
  const result = await q.query<
    LineRow & {
      purchase_order_id: string;
      line_no: number;
      version: number;
      received: string;
      accrued: bigint;
      invoiced: string;
      invoiced_net: bigint;
      released: bigint;
      committed: bigint;
    }
  >(
    `with wanted as (select distinct id from unnest($1::text[]) as w(id))
     select l.purchase_order_id, l.line_no, l.version, ${LINE_SELECT},
       coalesce(r.received, 0)::text as received, coalesce(r.accrued, 0)::int8 as accrued,
       coalesce(i.invoiced, 0)::text as invoiced, coalesce(i.invoiced_net, 0)::int8 as invoiced_net,
       coalesce(i.released, 0)::int8 as released, coalesce(c.committed, 0)::int8 as committed
     from wanted w
     cross join lateral (
       select * from procurement.purchase_order_line current_line
       where current_line.purchase_order_id = w.id and current_line.superseded_in_version is null
       offset 0
     ) l
     left join lateral (
       select sum(case when g.kind = 'receipt' then gl.quantity else -gl.quantity end) as received,
         sum(case when g.kind = 'receipt' then gl.value_pence else -gl.value_pence end) as accrued
       from procurement.goods_receipt_line gl
       join procurement.goods_receipt g on g.organisation_id = gl.organisation_id and g.id = gl.goods_receipt_id
       where gl.purchase_order_id = l.purchase_order_id and gl.line_no = l.line_no
     ) r on true
     left join lateral (
       select sum(quantity) as invoiced, sum(net_pence) as invoiced_net, sum(grni_released_pence) as released
       from procurement.invoice_record where purchase_order_id = l.purchase_order_id and line_no = l.line_no
     ) i on true
     left join lateral (
       select sum(amount_pence) as committed
       from procurement.commitment where purchase_order_id = l.purchase_order_id and line_no = l.line_no
     ) c on true
     order by l.purchase_order_id, l.line_no`,
    [orderIds],
  );
  // Built field by field: every invoice batch reads each of its order lines through here, and
  // spreading the line into a literal with a dozen more fields measured ~15 times slower.
  return result.rows.map((row) => {
    const line = lineOf(row);
    return {
      purchaseOrderId: row.purchase_order_id,
      lineNo: row.line_no,
      version: row.version,
      itemId: line.itemId,
      description: line.description,
      gtin: line.gtin,
      supplierItemCode: line.supplierItemCode,
      unitCode: line.unitCode,
      ordered: line.quantity,
      unitPricePence: line.unitPricePence,
      vatRateBasisPoints: line.vatRateBasisPoints,
      netPence: line.netPence,
      accountCode: line.accountCode,
      costCentreCode: line.costCentreCode,
      contractId: line.contractId,
      received: milli(row.received),
      accruedPence: row.accrued as Pence,
      invoiced: milli(row.invoiced),
      invoicedNetPence: row.invoiced_net as Pence,
      grniReleasedPence: row.released as Pence,
      committedPence: row.committed as Pence,
    };
  });
}

export async function selectOrderVersions(q: Queryable, orderId: string) {
  const versions = await q.query<{
    version: number;
    change: 'raised' | 'amended' | 'cancelled';
    reason: string;
    total_net_pence: bigint;
    changed_by: string;
    changed_at: Date;
  }>(
    `select version, change, reason, total_net_pence, changed_by, changed_at from procurement.purchase_order_version
     where purchase_order_id = $1 order by version`,
    [orderId],
  );
  const lines = await q.query<
    LineRow & { line_no: number; version: number; superseded_in_version: number | null }
  >(
    `select l.line_no, l.version, l.superseded_in_version, ${LINE_SELECT}
     from procurement.purchase_order_line l where l.purchase_order_id = $1 order by l.line_no, l.version`,
    [orderId],
  );
  return versions.rows.map((version) => ({
    version: version.version,
    change: version.change,
    reason: version.reason,
    totalNetPence: version.total_net_pence as Pence,
    changedBy: version.changed_by,
    changedAt: version.changed_at.toISOString(),
    lines: lines.rows
      .filter(
        (line) =>
          line.version <= version.version &&
          (line.superseded_in_version === null || line.superseded_in_version > version.version),
      )
      .map((row) => {
        const { quantity, ...line } = lineOf(row);
        return {
          ...line,
          lineNo: row.line_no,
          version: row.version,
          orderedQuantity: formatQuantity(quantity),
        };
      }),
  }));
}

/** A new version of some lines: the current rows are marked superseded and the new ones inserted, with the version's record. */
export async function insertOrderVersion(
  q: Queryable,
  organisationId: string,
  change: {
    orderId: string;
    version: number;
    change: 'amended' | 'cancelled';
    reason: string;
    totalNetPence: bigint;
    by: string;
    at: Date;
    lines: readonly LineWrite[];
  },
): Promise<void> {
  await q.query(
    `update procurement.purchase_order_line set superseded_in_version = $2
     where purchase_order_id = $1 and superseded_in_version is null and line_no = any ($3)`,
    [change.orderId, change.version, change.lines.map((line) => line.lineNo)],
  );
  await q.query(
    `with version as (
       insert into procurement.purchase_order_version (organisation_id, purchase_order_id, version, change, reason,
         total_net_pence, changed_by, changed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
     )
     insert into procurement.purchase_order_line (organisation_id, purchase_order_id, version, line_no, ${LINE_COLUMNS})
     select $1, $2, $3, l.* from unnest($9::int[], ${unnestLineParams(10)}) as l`,
    [
      organisationId,
      change.orderId,
      change.version,
      change.change,
      change.reason,
      change.totalNetPence,
      change.by,
      change.at,
      change.lines.map((l) => l.lineNo),
      ...lineParams(change.lines),
    ],
  );
}

export async function updateOrderHeader(
  q: Queryable,
  orderId: string,
  change: {
    status: OrderHeaderRow['storedStatus'];
    version: number;
    totalNetPence: bigint;
    at: Date;
    by?: string;
    cancelReason?: string;
  },
): Promise<void> {
  await q.query(
    `update procurement.purchase_order set status = $2, version = $3, total_net_pence = $4,
       cancelled_at = case when $2 = 'cancelled' then $5::timestamptz end,
       cancelled_by = case when $2 = 'cancelled' then $6 end,
       cancel_reason = case when $2 = 'cancelled' then $7 end,
       closed_at = case when $2 = 'closed' then coalesce(closed_at, $5::timestamptz) end
     where id = $1`,
    [
      orderId,
      change.status,
      change.version,
      change.totalNetPence,
      change.at,
      change.by ?? null,
      change.cancelReason ?? null,
    ],
  );
}

export async function insertReceipt(
  q: Queryable,
  organisationId: string,
  receipt: {
    id: string;
    number: string;
    orderId: string;
    kind: 'receipt' | 'return';
    receivedOn: LocalDate;
    note: string | null;
    journalId: string | null;
    by: string;
    at: Date;
    lines: readonly {
      lineNo: number;
      quantity: bigint;
      valuePence: bigint;
      accountCode: string;
      costCentreCode: string;
    }[];
  },
): Promise<void> {
  await q.query(
    `with header as (
       insert into procurement.goods_receipt (organisation_id, id, number, purchase_order_id, kind, received_on, note,
         journal_id, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     )
     insert into procurement.goods_receipt_line (organisation_id, goods_receipt_id, purchase_order_id, line_no, quantity,
       value_pence, account_code, cost_centre_code)
     select $1, $2, $4, l.line_no, l.quantity, l.value, l.account, l.cost_centre
     from unnest($11::int[], $12::numeric[], $13::int8[], $14::text[], $15::text[]) as l(line_no, quantity, value, account, cost_centre)`,
    [
      organisationId,
      receipt.id,
      receipt.number,
      receipt.orderId,
      receipt.kind,
      receipt.receivedOn,
      receipt.note,
      receipt.journalId,
      receipt.by,
      receipt.at,
      receipt.lines.map((l) => l.lineNo),
      receipt.lines.map((l) => formatQuantity(l.quantity)),
      receipt.lines.map((l) => l.valuePence),
      receipt.lines.map((l) => l.accountCode),
      receipt.lines.map((l) => l.costCentreCode),
    ],
  );
}

/** Receipts of many orders in one statement (history brought over from a legacy system; no accruals). */
export async function insertReceipts(
  q: Queryable,
  organisationId: string,
  receipts: readonly Parameters<typeof insertReceipt>[2][],
): Promise<void> {
  if (receipts.length === 0) return;
  const lines = receipts.flatMap((receipt) => receipt.lines.map((line) => ({ receipt, line })));
  await q.query(
    `with headers as (
       insert into procurement.goods_receipt (organisation_id, id, number, purchase_order_id, kind, received_on, note,
         journal_id, recorded_by, recorded_at)
       select $1, h.* from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[],
                                   $9::text[], $10::timestamptz[]) as h
     )
     insert into procurement.goods_receipt_line (organisation_id, goods_receipt_id, purchase_order_id, line_no, quantity,
       value_pence, account_code, cost_centre_code)
     select $1, l.* from unnest($11::text[], $12::text[], $13::int[], $14::numeric[], $15::int8[], $16::text[], $17::text[]) as l`,
    [
      organisationId,
      receipts.map((r) => r.id),
      receipts.map((r) => r.number),
      receipts.map((r) => r.orderId),
      receipts.map((r) => r.kind),
      receipts.map((r) => r.receivedOn),
      receipts.map((r) => r.note),
      receipts.map((r) => r.journalId),
      receipts.map((r) => r.by),
      receipts.map((r) => r.at),
      lines.map(({ receipt }) => receipt.id),
      lines.map(({ receipt }) => receipt.orderId),
      lines.map(({ line }) => line.lineNo),
      lines.map(({ line }) => formatQuantity(line.quantity)),
      lines.map(({ line }) => line.valuePence),
      lines.map(({ line }) => line.accountCode),
      lines.map(({ line }) => line.costCentreCode),
    ],
  );
}

export async function selectReceipts(q: Queryable, orderId: string) {
  const headers = await q.query<{
    id: string;
    number: string;
    kind: 'receipt' | 'return';
    received_on: LocalDate;
    note: string | null;
    journal_id: string | null;
    recorded_by: string;
    recorded_at: Date;
  }>(
    `select id, number, kind, received_on, note, journal_id, recorded_by, recorded_at from procurement.goods_receipt
     where purchase_order_id = $1 order by recorded_at, number`,
    [orderId],
  );
  const lines = await q.query<{
    goods_receipt_id: string;
    line_no: number;
    quantity: string;
    value_pence: bigint;
    account_code: string;
    cost_centre_code: string;
  }>(
    `select goods_receipt_id, line_no, quantity::text as quantity, value_pence, account_code, cost_centre_code
     from procurement.goods_receipt_line where purchase_order_id = $1 order by goods_receipt_id, line_no`,
    [orderId],
  );
  return headers.rows.map((row) => ({
    id: row.id,
    number: row.number,
    purchaseOrderId: orderId,
    kind: row.kind,
    receivedOn: row.received_on,
    note: row.note,
    journalId: row.journal_id,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at.toISOString(),
    lines: lines.rows
      .filter((line) => line.goods_receipt_id === row.id)
      .map((line) => ({
        lineNo: line.line_no,
        quantity: formatQuantity(milli(line.quantity)),
        valuePence: line.value_pence as Pence,
        accountCode: line.account_code,
        costCentreCode: line.cost_centre_code,
      })),
  }));
}

/** People who recorded receipts or returns against an order. */
export async function selectReceivers(q: Queryable, orderId: string): Promise<string[]> {
  const result = await q.query<{ recorded_by: string }>(
    'select distinct recorded_by from procurement.goods_receipt where purchase_order_id = $1 order by recorded_by',
    [orderId],
  );
  return result.rows.map((row) => row.recorded_by);
}

export type InvoiceRecordRow = {
  purchaseOrderId: string;
  invoiceId: string;
  lineNo: number;
  quantity: Milli;
  netPence: Pence;
  grniReleasedPence: Pence;
};

/** What the given invoices have already recorded against the given orders (pairs by position). */
export async function selectInvoiceRecords(
  q: Queryable,
  pairs: readonly { orderId: string; invoiceId: string }[],
): Promise<InvoiceRecordRow[]> {
  const result = await q.query<{
    purchase_order_id: string;
    invoice_id: string;
    line_no: number;
    quantity: string;
    net_pence: bigint;
    grni_released_pence: bigint;
  }>(
    `select r.purchase_order_id, r.invoice_id, r.line_no, r.quantity::text as quantity, r.net_pence, r.grni_released_pence
     from procurement.invoice_record r
     join unnest($1::text[], $2::text[]) as p(order_id, invoice_id)
       on r.purchase_order_id = p.order_id and r.invoice_id = p.invoice_id
     order by r.purchase_order_id, r.invoice_id, r.line_no`,
    [pairs.map((p) => p.orderId), pairs.map((p) => p.invoiceId)],
  );
  return result.rows.map((row) => ({
    purchaseOrderId: row.purchase_order_id,
    invoiceId: row.invoice_id,
    lineNo: row.line_no,
    quantity: milli(row.quantity),
    netPence: row.net_pence as Pence,
    grniReleasedPence: row.grni_released_pence as Pence,
  }));
}

export function invoiceRecordInserts(
  organisationId: string,
  records: readonly InvoiceRecordRow[],
  by: string,
  at: Date,
): Writes {
  if (records.length === 0) return { statements: [], params: [] };
  return {
    statements: [
      `insert into procurement.invoice_record (organisation_id, purchase_order_id, invoice_id, line_no, quantity, net_pence,
         grni_released_pence, recorded_by, recorded_at)
       select $1, r.order_id, r.invoice_id, r.line_no, r.quantity, r.net, r.released, $2, $3
       from unnest($4::text[], $5::text[], $6::int[], $7::numeric[], $8::int8[], $9::int8[])
         as r(order_id, invoice_id, line_no, quantity, net, released)`,
    ],
    params: [
      organisationId,
      by,
      at,
      records.map((r) => r.purchaseOrderId),
      records.map((r) => r.invoiceId),
      records.map((r) => r.lineNo),
      records.map((r) => formatQuantity(r.quantity)),
      records.map((r) => r.netPence),
      records.map((r) => r.grniReleasedPence),
    ],
  };
}

/** Orders that invoicing closes (every line invoiced in full) or a credit note reopens. */
export function invoicedStatusUpdates(
  organisationId: string,
  changes: readonly { orderId: string; status: 'issued' | 'closed' }[],
  at: Date,
): Writes {
  if (changes.length === 0) return { statements: [], params: [] };
  return {
    statements: [
      `update procurement.purchase_order p set status = u.status,
         closed_at = case when u.status = 'closed' then coalesce(p.closed_at, $2::timestamptz) end
       from unnest($3::text[], $4::text[]) as u(id, status)
       where p.organisation_id = $1 and p.id = u.id`,
    ],
    params: [organisationId, at, changes.map((c) => c.orderId), changes.map((c) => c.status)],
  };
}

export type CommitmentMovement = {
  id: string;
  orderId: string;
  lineNo: number;
  costCentreCode: string;
  accountCode: string;
  financialYear: string;
  amountPence: bigint;
  event: 'raised' | 'amended' | 'received' | 'returned' | 'cancelled' | 'closed' | 'reopened';
  sourceId: string;
};

export function commitmentInserts(
  organisationId: string,
  movements: readonly CommitmentMovement[],
  at: Date,
): Writes {
  if (movements.length === 0) return { statements: [], params: [] };
  return {
    statements: [
      `insert into procurement.commitment (organisation_id, id, purchase_order_id, line_no, cost_centre_code, account_code,
         financial_year, amount_pence, event, source_id, created_at)
       select $1, m.*, $2 from unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int8[],
                                       $10::text[], $11::text[]) as m`,
    ],
    params: [
      organisationId,
      at,
      movements.map((m) => m.id),
      movements.map((m) => m.orderId),
      movements.map((m) => m.lineNo),
      movements.map((m) => m.costCentreCode),
      movements.map((m) => m.accountCode),
      movements.map((m) => m.financialYear),
      movements.map((m) => m.amountPence),
      movements.map((m) => m.event),
      movements.map((m) => m.sourceId),
    ],
  };
}

/** Open commitments by cost centre for a financial year. */
export async function selectCommitted(
  q: Queryable,
  financialYear: string,
  costCentreCodes: readonly string[],
): Promise<Map<string, bigint>> {
  const result = await q.query<{ cost_centre_code: string; committed: bigint }>(
    `select cost_centre_code, sum(amount_pence)::int8 as committed from procurement.commitment
     where financial_year = $1 and cost_centre_code = any ($2) group by cost_centre_code`,
    [financialYear, costCentreCodes],
  );
  return new Map(result.rows.map((row) => [row.cost_centre_code, row.committed]));
}

export async function selectMeasureRows(q: Queryable, from: Date, to: Date) {
  const orders = await q.query<{ raised_via: 'touchless' | 'approval'; status: string; seconds: string }>(
    `select raised_via, status, extract(epoch from (raised_at - requisition_submitted_at))::text as seconds
     from procurement.purchase_order where raised_at >= $1 and raised_at < $2`,
    [from, to],
  );
  const counts = await q.query<{ submitted: bigint; awaiting: bigint; rejected: bigint; receipts: bigint }>(
    `select
       (select count(*) from procurement.requisition where submitted_at >= $1 and submitted_at < $2)::int8 as submitted,
       (select count(*) from procurement.requisition where submitted_at >= $1 and submitted_at < $2
          and status = 'pending-approval')::int8 as awaiting,
       (select count(*) from procurement.requisition where submitted_at >= $1 and submitted_at < $2
          and status = 'rejected')::int8 as rejected,
       (select count(*) from procurement.goods_receipt where recorded_at >= $1 and recorded_at < $2)::int8 as receipts`,
    [from, to],
  );
  return { orders: orders.rows, counts: counts.rows[0]! };
}
