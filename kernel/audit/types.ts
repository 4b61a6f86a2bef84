/** What a service says about one change it made. */
export type AuditRecord = {
  /** Dotted verb phrase: `ledger.journal.posted`, `framework.variation.approved`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Why — the user's reason or the rule that decided. */
  reason?: string;
};

export type AuditEntry = {
  organisationId: string;
  seq: bigint;
  id: string;
  occurredAt: string;
  actorKind: string;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);
