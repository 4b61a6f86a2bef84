import type { Queryable } from '../db/types';
import { newId } from '../ids';
import type { Actor } from '../tenancy/context';
import { type AuditPayload, chainHash, payloadText } from './chain';
import { type AuditRecord, GENESIS_HASH } from './types';

type AppendInput = {
  organisationId: string;
  actor: Actor;
  requestId: string | undefined;
  occurredAt: Date;
  records: readonly AuditRecord[];
};

/**
 * Appends records to the organisation's chain inside the caller's transaction.
 * The upsert on the chain head locks it until commit, so concurrent writers for
 * one organisation queue here and the chain never forks. Two round trips in all
 * (a data-modifying WITH always runs, so the insert and head update go together).
 */
export async function appendAudit(tx: Queryable, input: AppendInput): Promise<void> {
  const head = await tx.query<{ seq: bigint; hash: string }>(
    `insert into kernel.audit_chain_head as head (organisation_id, seq, hash) values ($1, 0, $2)
     on conflict (organisation_id) do update set seq = head.seq
     returning seq, hash`,
    [input.organisationId, GENESIS_HASH],
  );
  let { seq, hash } = head.rows[0]!;
  const occurredAt = input.occurredAt.toISOString();
  const columns = {
    seq: [] as string[],
    id: [] as string[],
    action: [] as string[],
    entityType: [] as string[],
    entityId: [] as string[],
    reason: [] as (string | null)[],
    payload: [] as string[],
    prevHash: [] as string[],
    hash: [] as string[],
  };
  for (const record of input.records) {
    seq += 1n;
    const payload: AuditPayload = {
      organisationId: input.organisationId,
      seq: seq.toString(),
      id: newId('aud'),
      occurredAt,
      actor: { kind: input.actor.kind, id: input.actor.id },
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      before: record.before ?? null,
      after: record.after ?? null,
      reason: record.reason ?? null,
      requestId: input.requestId ?? null,
    };
    const text = payloadText(payload);
    const nextHash = chainHash(hash, text);
    columns.seq.push(payload.seq);
    columns.id.push(payload.id);
    columns.action.push(record.action);
    columns.entityType.push(record.entityType);
    columns.entityId.push(record.entityId);
    columns.reason.push(payload.reason);
    columns.payload.push(text);
    columns.prevHash.push(hash);
    columns.hash.push(nextHash);
    hash = nextHash;
  }
  await tx.query(
    `with appended as (
       insert into kernel.audit_entry
         (organisation_id, seq, id, occurred_at, actor_kind, actor_id, action, entity_type, entity_id,
          reason, request_id, payload, prev_hash, hash)
       select $1, e.seq, e.id, $2, $3, $4, e.action, e.entity_type, e.entity_id, e.reason, $5, e.payload, e.prev_hash, e.hash
       from unnest($6::int8[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         as e(seq, id, action, entity_type, entity_id, reason, payload, prev_hash, hash)
     )
     update kernel.audit_chain_head set seq = $15, hash = $16 where organisation_id = $1`,
    [
      input.organisationId,
      occurredAt,
      input.actor.kind,
      input.actor.id,
      input.requestId ?? null,
      columns.seq,
      columns.id,
      columns.action,
      columns.entityType,
      columns.entityId,
      columns.reason,
      columns.payload,
      columns.prevHash,
      columns.hash,
      seq,
      hash,
    ],
  );
}
