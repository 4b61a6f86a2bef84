import { createHash } from 'node:crypto';
import { badRequest, conflict } from '../errors';
import { canonicalJson } from '../json';
import type { TenantTx } from '../tenancy/transaction';

export type IdempotentRequest = {
  /** The client's key (HTTP `Idempotency-Key`), unique per organisation. */
  key: string;
  /** What the request does, e.g. `ledger.postJournal`; part of the hash so a key cannot be reused across operations. */
  operation: string;
  /** The request body as received. */
  body: unknown;
};

export type IdempotentOutcome<T> = { result: T; replayed: boolean };

export function requestHash(operation: string, body: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(body)).digest('hex');
}

/**
 * Runs a creating write at most once per key. The key row is inserted first in
 * the same transaction as the write: a concurrent duplicate waits on it, then
 * finds it. Same key and body replays the first result; same key and a
 * different body is refused with IDEMPOTENCY_KEY_REUSED. `T` must be plain
 * JSON data (what the API returns), because a replay is read back from JSON.
 */
export async function runIdempotent<T>(
  tx: TenantTx,
  request: IdempotentRequest | undefined,
  write: () => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (!request) return { result: await write(), replayed: false };
  if (request.key.length === 0 || request.key.length > 255) {
    throw badRequest('IDEMPOTENCY_KEY_INVALID', 'An idempotency key must be 1–255 characters', [
      {
        path: 'Idempotency-Key',
        rule: 'idempotency-key-length',
        message: 'Use 1–255 characters, e.g. a UUID',
      },
    ]);
  }
  const hash = requestHash(request.operation, request.body);
  const claimed = await tx.query(
    `insert into kernel.idempotency_record (organisation_id, idempotency_key, operation, request_hash, result)
     values ($1, $2, $3, $4, '') on conflict do nothing`,
    [tx.ctx.organisationId, request.key, request.operation, hash],
  );
  if (claimed.rowCount === 0) {
    const existing = await tx.query<{ request_hash: string; result: string; operation: string }>(
      `select request_hash, result, operation from kernel.idempotency_record
       where organisation_id = $1 and idempotency_key = $2`,
      [tx.ctx.organisationId, request.key],
    );
    const row = existing.rows[0]!;
    if (row.request_hash !== hash) {
      throw conflict(
        'IDEMPOTENCY_KEY_REUSED',
        `Idempotency key "${request.key}" was already used for a different request (${row.operation})`,
        [
          {
            path: 'Idempotency-Key',
            rule: 'idempotency-key-reused',
            message: 'Send a new key for a new request; reuse a key only to retry the identical request',
          },
        ],
      );
    }
    return { result: JSON.parse(row.result) as T, replayed: true };
  }
  const result = await write();
  await tx.query(
    'update kernel.idempotency_record set result = $3 where organisation_id = $1 and idempotency_key = $2',
    [tx.ctx.organisationId, request.key, canonicalJson(result ?? null)],
  );
  return { result, replayed: false };
}
