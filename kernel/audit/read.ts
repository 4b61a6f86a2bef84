import type { Queryable } from '../db/types';
import type { AuditPayload } from './chain';

export type AuditEntryView = {
  seq: string;
  id: string;
  occurredAt: string;
  actor: { kind: string; id: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  hash: string;
};

/** An organisation's audit entries, newest first, optionally for one entity. */
export async function listAuditEntries(
  q: Queryable,
  filter: { entityType?: string; entityId?: string; beforeSeq?: bigint; limit: number },
): Promise<AuditEntryView[]> {
  const result = await q.query<{ seq: bigint; payload: string; hash: string }>(
    `select seq, payload, hash from kernel.audit_entry
     where ($1::text is null or entity_type = $1) and ($2::text is null or entity_id = $2) and ($3::int8 is null or seq < $3)
     order by occurred_at desc, seq desc limit $4`,
    [filter.entityType ?? null, filter.entityId ?? null, filter.beforeSeq ?? null, filter.limit],
  );
  return result.rows.map((row) => {
    const payload = JSON.parse(row.payload) as AuditPayload;
    return {
      seq: row.seq.toString(),
      id: payload.id,
      occurredAt: payload.occurredAt,
      actor: payload.actor,
      action: payload.action,
      entityType: payload.entityType,
      entityId: payload.entityId,
      before: payload.before,
      after: payload.after,
      reason: payload.reason,
      requestId: payload.requestId,
      hash: row.hash,
    };
  });
}
