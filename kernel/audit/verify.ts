import type { Queryable } from '../db/types';
import { type AuditPayload, chainHash } from './chain';
import { GENESIS_HASH } from './types';

export type AuditProblemKind = 'altered' | 'removed' | 'reordered' | 'truncated';

export type AuditProblem = { seq: string; entryId: string | null; kind: AuditProblemKind; detail: string };

export type AuditVerification = {
  organisationId: string;
  entries: number;
  ok: boolean;
  problems: AuditProblem[];
};

type StoredEntry = {
  seq: bigint;
  id: string;
  occurred_at: Date;
  actor_kind: string;
  actor_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  request_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
};

const PAGE = 5_000;

/**
 * Walks one organisation's chain in order and names every entry that was
 * altered (hash or columns disagree with the payload), removed (a gap in the
 * sequence, or the head promises more than is there) or reordered (an entry
 * links to a hash that belongs elsewhere in the chain).
 */
export async function verifyAuditChain(tx: Queryable, organisationId: string): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1n;
  let previousHash = GENESIS_HASH;
  let entries = 0;
  let lastSeq = 0n;
  for (;;) {
    const page = await tx.query<StoredEntry>(
      `select seq, id, occurred_at, actor_kind, actor_id, action, entity_type, entity_id, reason, request_id,
              payload, prev_hash, hash
       from kernel.audit_entry where organisation_id = $1 and seq > $2 order by seq limit ${PAGE}`,
      [organisationId, lastSeq],
    );
    for (const entry of page.rows) {
      entries += 1;
      const label = { seq: entry.seq.toString(), entryId: entry.id };
      if (entry.seq !== expectedSeq) {
        problems.push({
          ...label,
          kind: 'removed',
          detail: `entries ${expectedSeq}–${entry.seq - 1n} are missing before entry ${entry.seq}`,
        });
      }
      const alteration = describeAlteration(organisationId, entry);
      if (alteration) problems.push({ ...label, kind: 'altered', detail: alteration });
      else if (entry.prev_hash !== previousHash && entry.seq === expectedSeq) {
        const linkedTo = await tx.query<{ seq: bigint }>(
          'select seq from kernel.audit_entry where organisation_id = $1 and hash = $2',
          [organisationId, entry.prev_hash],
        );
        const other = linkedTo.rows[0];
        problems.push({
          ...label,
          kind: other ? 'reordered' : 'removed',
          detail: other
            ? `entry ${entry.seq} was written after entry ${other.seq}, not after entry ${entry.seq - 1n}`
            : `entry ${entry.seq} does not follow entry ${entry.seq - 1n}: an entry between them is missing`,
        });
      }
      previousHash = entry.hash;
      expectedSeq = entry.seq + 1n;
      lastSeq = entry.seq;
    }
    if (page.rows.length < PAGE) break;
  }
  const head = await tx.query<{ seq: bigint; hash: string }>(
    'select seq, hash from kernel.audit_chain_head where organisation_id = $1',
    [organisationId],
  );
  const headRow = head.rows[0];
  if (headRow && (headRow.seq !== lastSeq || (entries > 0 && headRow.hash !== previousHash))) {
    problems.push({
      seq: headRow.seq.toString(),
      entryId: null,
      kind: 'truncated',
      detail: `the chain head records ${headRow.seq} entries but the log ends at entry ${lastSeq}`,
    });
  }
  return { organisationId, entries, ok: problems.length === 0, problems };
}

function describeAlteration(organisationId: string, entry: StoredEntry): string | null {
  if (chainHash(entry.prev_hash, entry.payload) !== entry.hash) {
    return `entry ${entry.seq}'s content does not match its hash`;
  }
  let payload: AuditPayload;
  try {
    payload = JSON.parse(entry.payload) as AuditPayload;
  } catch {
    return `entry ${entry.seq}'s payload is not readable`;
  }
  const mismatches = [
    ['organisation', payload.organisationId, organisationId],
    ['sequence', payload.seq, entry.seq.toString()],
    ['id', payload.id, entry.id],
    ['time', payload.occurredAt, entry.occurred_at.toISOString()],
    ['actor kind', payload.actor.kind, entry.actor_kind],
    ['actor', payload.actor.id, entry.actor_id],
    ['action', payload.action, entry.action],
    ['entity type', payload.entityType, entry.entity_type],
    ['entity', payload.entityId, entry.entity_id],
    ['reason', payload.reason, entry.reason],
    ['request', payload.requestId, entry.request_id],
  ].filter(([, hashed, stored]) => hashed !== stored);
  if (mismatches.length === 0) return null;
  return `entry ${entry.seq}'s ${mismatches.map(([field]) => field).join(', ')} differ from what was hashed`;
}
