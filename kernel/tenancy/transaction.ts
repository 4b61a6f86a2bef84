import type { AuditRecord } from '../audit/types';
import { appendAudit } from '../audit/writer';
import type { Database, Queryable } from '../db/types';
import type { Clock } from '../time/clock';
import { assertOrganisationId, type ReadScope, type TenantContext } from './context';

/**
 * A transaction acting for one organisation under the application role. Audit
 * records are collected and appended to the organisation's chain just before
 * commit, so a change and its audit entry are committed together or not at all.
 */
export type TenantTx = Queryable & {
  readonly ctx: TenantContext;
  /** The transaction's time: one instant for every row and audit entry it writes. */
  readonly now: Date;
  audit(record: AuditRecord): void;
};

/** A read-only transaction across several organisations. */
export type ScopedReadTx = Queryable & { readonly scope: ReadScope; readonly now: Date };

/** A transaction with no organisation: it can reach only platform tables (identity, sessions), never tenant rows. */
export type PlatformTx = Queryable & { readonly now: Date };

export type TenantRunner = {
  withTenant<T>(ctx: TenantContext, work: (tx: TenantTx) => Promise<T>): Promise<T>;
  withReadScope<T>(scope: ReadScope, work: (tx: ScopedReadTx) => Promise<T>): Promise<T>;
  withPlatform<T>(work: (tx: PlatformTx) => Promise<T>): Promise<T>;
};

/**
 * The statement that opens every transaction: the application role (row-level
 * security applies) and the organisations it may read and write. Organisation
 * codes are checked against a strict pattern (upper-case letters, digits,
 * hyphens) before they are placed in the SQL, so it can travel with BEGIN in
 * one round trip.
 */
function enterStatement(writable: string, readable: readonly string[], readOnly: boolean): string {
  return `select set_config('role', 'mainstay_app', true), set_config('app.organisation_id', '${writable}', true),
    set_config('app.organisation_ids', '${readable.join(',')}', true)${readOnly ? `, set_config('transaction_read_only', 'on', true)` : ''}`;
}

export function createTenantRunner(db: Database, clock: Clock): TenantRunner {
  return {
    async withTenant(ctx, work) {
      const organisationId = assertOrganisationId(ctx.organisationId);
      return db.transaction(
        async (raw) => {
          const pending: AuditRecord[] = [];
          const now = clock.now();
          const result = await work({
            ctx,
            now,
            query: (sql, params) => raw.query(sql, params),
            audit: (record) => {
              pending.push(record);
            },
          });
          if (pending.length > 0) {
            await appendAudit(raw, {
              organisationId,
              actor: ctx.actor,
              requestId: ctx.requestId,
              occurredAt: now,
              records: pending,
            });
          }
          return result;
        },
        enterStatement(organisationId, [organisationId], false),
      );
    },
    async withReadScope(scope, work) {
      const ids = scope.organisationIds.map((id) => assertOrganisationId(id));
      return db.transaction(
        (raw) => work({ scope, now: clock.now(), query: (sql, params) => raw.query(sql, params) }),
        enterStatement('', ids, true),
      );
    },
    async withPlatform(work) {
      return db.transaction(
        (raw) => work({ now: clock.now(), query: (sql, params) => raw.query(sql, params) }),
        enterStatement('', [], false),
      );
    },
  };
}
