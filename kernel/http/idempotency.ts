import type { Context } from 'hono';
import { type IdempotentOutcome, runIdempotent } from '../idempotency';
import type { TenantTx } from '../tenancy/transaction';
import { toApiJson } from './json';
import { idempotencyKeyOf } from './tenant';

/**
 * Runs a creating write under the request's Idempotency-Key (if it sent one),
 * in the write's own transaction. The stored result is the API's JSON, so a
 * replay answers exactly as the first request did.
 */
export function idempotentWrite(
  c: Context,
  tx: TenantTx,
  operation: string,
  body: unknown,
  write: () => Promise<unknown>,
): Promise<IdempotentOutcome<unknown>> {
  const key = idempotencyKeyOf(c);
  return runIdempotent(tx, key ? { key, operation, body } : undefined, async () => toApiJson(await write()));
}

export const replayHeaders = (outcome: IdempotentOutcome<unknown>): Record<string, string> =>
  outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {};
