import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { RouteStep } from '../domain/approval';
import { formatQuantity } from '../domain/quantity';
import type { ApprovalDecision, Delegation, Requisition, RequisitionLine, RequisitionStatus } from '../types';
import {
  LINE_COLUMNS,
  LINE_SELECT,
  type LineRow,
  lineOf,
  lineParams,
  unnestLineParams,
} from './line-columns';
import type { Writes } from './writes';

export type RequisitionWrite = {
  id: string;
  number: string;
  requesterId: string;
  status: RequisitionStatus;
  totalNetPence: bigint;
  approvalRoute: RouteStep[];
  touchlessBlockers: string[];
  neededBy: LocalDate | null;
  note: string | null;
  source: 'mainstay' | 'migrated';
  submittedAt: Date;
  orderedAt: Date | null;
  lines: (Omit<RequisitionLine, 'quantity' | 'onContract'> & { quantityMilli: bigint })[];
};

/** Requisitions and their lines, as inserts to run alone or with the orders they become. */
export function requisitionInserts(
  organisationId: string,
  requisitions: readonly RequisitionWrite[],
): Writes {
  const lines = requisitions.flatMap((r) => r.lines.map((line) => ({ r, line })));
  return {
    statements: [
      `insert into procurement.requisition (organisation_id, id, number, requester_id, status, total_net_pence,
         approval_route, touchless_blockers, needed_by, note, source, submitted_at, ordered_at, decided_at)
       select $1, h.id, h.number, h.requester_id, h.status, h.total, h.route::jsonb, h.blockers::jsonb, h.needed_by,
         h.note, h.source, h.submitted_at, h.ordered_at, h.ordered_at
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::text[], $8::text[], $9::date[],
                   $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[])
         as h(id, number, requester_id, status, total, route, blockers, needed_by, note, source, submitted_at, ordered_at)`,
      `insert into procurement.requisition_line (organisation_id, requisition_id, line_no, supplier_id, ${LINE_COLUMNS})
       select $1, l.* from unnest($14::text[], $15::int[], $16::text[], ${unnestLineParams(17)}) as l`,
    ],
    params: [
      organisationId,
      requisitions.map((r) => r.id),
      requisitions.map((r) => r.number),
      requisitions.map((r) => r.requesterId),
      requisitions.map((r) => r.status),
      requisitions.map((r) => r.totalNetPence),
      requisitions.map((r) => JSON.stringify(r.approvalRoute)),
      requisitions.map((r) => JSON.stringify(r.touchlessBlockers)),
      requisitions.map((r) => r.neededBy),
      requisitions.map((r) => r.note),
      requisitions.map((r) => r.source),
      requisitions.map((r) => r.submittedAt),
      requisitions.map((r) => r.orderedAt),
      lines.map(({ r }) => r.id),
      lines.map(({ line }) => line.lineNo),
      lines.map(({ line }) => line.supplierId),
      ...lineParams(lines.map(({ line }) => ({ ...line, quantity: line.quantityMilli }))),
    ],
  };
}

export async function updateRequisitionStatus(
  q: Queryable,
  id: string,
  change: { status: RequisitionStatus; at: Date; closingReason?: string | null },
): Promise<void> {
  await q.query(
    `update procurement.requisition set status = $2, decided_at = coalesce(decided_at, $3),
       ordered_at = case when $2 = 'ordered' then $3 else ordered_at end, closing_reason = $4
     where id = $1`,
    [id, change.status, change.at, change.closingReason ?? null],
  );
}

type RequisitionRow = {
  id: string;
  number: string;
  requester_id: string;
  status: RequisitionStatus;
  total_net_pence: bigint;
  approval_route: RouteStep[];
  touchless_blockers: string[];
  needed_by: LocalDate | null;
  note: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  ordered_at: Date | null;
  closing_reason: string | null;
};

export async function selectRequisitions(
  q: Queryable,
  filter: {
    ids?: readonly string[];
    requesterId?: string;
    statuses?: readonly RequisitionStatus[];
    limit: number;
  },
): Promise<Requisition[]> {
  const headers = await q.query<RequisitionRow>(
    `select id, number, requester_id, status, total_net_pence, approval_route, touchless_blockers, needed_by, note,
       submitted_at, decided_at, ordered_at, closing_reason
     from procurement.requisition
     where ($1::text[] is null or id = any ($1)) and ($2::text is null or requester_id = $2)
       and ($3::text[] is null or status = any ($3))
     order by submitted_at desc, id desc limit $4`,
    [filter.ids ?? null, filter.requesterId ?? null, filter.statuses ?? null, filter.limit],
  );
  if (headers.rows.length === 0) return [];
  const ids = headers.rows.map((row) => row.id);
  const lines = await q.query<LineRow & { requisition_id: string; line_no: number; supplier_id: string }>(
    `select l.requisition_id, l.line_no, l.supplier_id, ${LINE_SELECT}
     from procurement.requisition_line l where l.requisition_id = any ($1) order by l.requisition_id, l.line_no`,
    [ids],
  );
  const decisions = await q.query<{
    requisition_id: string;
    level: number;
    role: string;
    decision: 'approved' | 'rejected';
    decided_by: string;
    on_behalf_of: string | null;
    reason: string | null;
    decided_at: Date;
  }>(
    `select requisition_id, level, role, decision, decided_by, on_behalf_of, reason, decided_at
     from procurement.approval_decision where requisition_id = any ($1) order by requisition_id, level`,
    [ids],
  );
  const orders = await q.query<{ requisition_id: string; id: string }>(
    'select requisition_id, id from procurement.purchase_order where requisition_id = any ($1) order by number',
    [ids],
  );
  const group = <T extends { requisition_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.requisition_id, [...(map.get(row.requisition_id) ?? []), row]);
    return map;
  };
  const linesBy = group(lines.rows);
  const decisionsBy = group(decisions.rows);
  const ordersBy = group(orders.rows);
  return headers.rows.map((row) => {
    const made: ApprovalDecision[] = (decisionsBy.get(row.id) ?? []).map((d) => ({
      level: d.level,
      role: d.role,
      decision: d.decision,
      decidedBy: d.decided_by,
      onBehalfOf: d.on_behalf_of,
      reason: d.reason,
      decidedAt: d.decided_at.toISOString(),
    }));
    return {
      id: row.id,
      number: row.number,
      requesterId: row.requester_id,
      status: row.status,
      totalNetPence: row.total_net_pence as Pence,
      approvalRoute: row.approval_route,
      touchlessBlockers: row.touchless_blockers,
      decisions: made,
      awaitingLevel: row.status === 'pending-approval' ? (row.approval_route[made.length] ?? null) : null,
      neededBy: row.needed_by,
      note: row.note,
      submittedAt: row.submitted_at.toISOString(),
      decidedAt: row.decided_at?.toISOString() ?? null,
      orderedAt: row.ordered_at?.toISOString() ?? null,
      closingReason: row.closing_reason,
      lines: (linesBy.get(row.id) ?? []).map((stored) => {
        const line = lineOf(stored);
        return {
          ...line,
          lineNo: stored.line_no,
          supplierId: stored.supplier_id,
          quantity: formatQuantity(line.quantity),
          onContract: line.contractId !== null,
        };
      }),
      purchaseOrderIds: (ordersBy.get(row.id) ?? []).map((order) => order.id),
    };
  });
}

export async function insertDecision(
  q: Queryable,
  organisationId: string,
  requisitionId: string,
  decision: Omit<ApprovalDecision, 'decidedAt'> & { decidedAt: Date },
): Promise<void> {
  await q.query(
    `insert into procurement.approval_decision (organisation_id, requisition_id, level, role, decision, decided_by,
       on_behalf_of, reason, decided_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      organisationId,
      requisitionId,
      decision.level,
      decision.role,
      decision.decision,
      decision.decidedBy,
      decision.onBehalfOf,
      decision.reason,
      decision.decidedAt,
    ],
  );
}

/** Requisitions waiting at a level whose role is one of `roles`, oldest first. */
export async function selectAwaitingRoles(
  q: Queryable,
  roles: readonly string[],
  limit: number,
): Promise<string[]> {
  const result = await q.query<{ id: string }>(
    `select r.id from procurement.requisition r
     where r.status = 'pending-approval'
       and r.approval_route -> (select count(*)::int from procurement.approval_decision d
                                where d.organisation_id = r.organisation_id and d.requisition_id = r.id) ->> 'role' = any ($1)
     order by r.submitted_at, r.id limit $2`,
    [roles, limit],
  );
  return result.rows.map((row) => row.id);
}

type DelegationRow = {
  id: string;
  delegator_id: string;
  deputy_id: string;
  starts_on: LocalDate;
  ends_on: LocalDate;
  reason: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
};

const toDelegation = (row: DelegationRow): Delegation => ({
  id: row.id,
  delegatorId: row.delegator_id,
  deputyId: row.deputy_id,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  reason: row.reason,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function insertDelegation(
  q: Queryable,
  organisationId: string,
  delegation: Omit<Delegation, 'createdAt' | 'revokedAt'> & { createdAt: Date },
): Promise<void> {
  await q.query(
    `insert into procurement.delegation (organisation_id, id, delegator_id, deputy_id, starts_on, ends_on, reason,
       created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      organisationId,
      delegation.id,
      delegation.delegatorId,
      delegation.deputyId,
      delegation.startsOn,
      delegation.endsOn,
      delegation.reason,
      delegation.createdBy,
      delegation.createdAt,
    ],
  );
}

export async function selectDelegations(
  q: Queryable,
  filter: { deputyId?: string; id?: string; onDate?: LocalDate; includeRevoked?: boolean } = {},
): Promise<Delegation[]> {
  const result = await q.query<DelegationRow>(
    `select id, delegator_id, deputy_id, starts_on, ends_on, reason, created_by, created_at, revoked_at
     from procurement.delegation
     where ($1::text is null or deputy_id = $1) and ($2::text is null or id = $2)
       and ($3::date is null or $3 between starts_on and ends_on) and ($4 or revoked_at is null)
     order by starts_on desc, id`,
    [filter.deputyId ?? null, filter.id ?? null, filter.onDate ?? null, filter.includeRevoked ?? false],
  );
  return result.rows.map(toDelegation);
}

export async function revokeDelegation(q: Queryable, id: string, by: string, at: Date): Promise<boolean> {
  const result = await q.query(
    'update procurement.delegation set revoked_by = $2, revoked_at = $3 where id = $1 and revoked_at is null',
    [id, by, at],
  );
  return result.rowCount > 0;
}

/** Everyone whose approval a requisition carries, including those a deputy approved for. */
export async function selectApproverIds(q: Queryable, requisitionId: string): Promise<string[]> {
  const result = await q.query<{ person: string }>(
    `select decided_by as person from procurement.approval_decision where requisition_id = $1 and decision = 'approved'
     union select on_behalf_of from procurement.approval_decision
       where requisition_id = $1 and decision = 'approved' and on_behalf_of is not null`,
    [requisitionId],
  );
  return result.rows.map((row) => row.person);
}
