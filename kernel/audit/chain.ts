import { createHash } from 'node:crypto';
import { canonicalJson } from '../json';

export type AuditPayload = {
  organisationId: string;
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
};

/** hash = sha256(previous hash ‖ newline ‖ canonical payload): changing, removing or moving any entry breaks every later link. */
export function chainHash(previousHash: string, payload: string): string {
  return createHash('sha256').update(previousHash).update('\n').update(payload).digest('hex');
}

export function payloadText(payload: AuditPayload): string {
  return canonicalJson(payload);
}
