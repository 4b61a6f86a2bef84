import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngines } from '../testing/database';
import { verifyAuditChain } from './audit';
import { type Database, type Migration, migrate } from './db';
import { runIdempotent } from './idempotency';
import { kernelMigrations } from './sql/migrations';
import { type Actor, createTenantRunner, type TenantRunner } from './tenancy';
import { fixedClock } from './time';

const actor: Actor = { kind: 'user', id: 'usr_test' };

const NOTE_TABLE = `
create schema if not exists scratch;
grant usage on schema scratch to mainstay_app;
create table scratch.note (
  organisation_id text not null, id text not null, body text not null,
  constraint note_pkey primary key (organisation_id, id));
alter table scratch.note enable row level security;
alter table scratch.note force row level security;
create policy tenant_read on scratch.note for select using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on scratch.note for all using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());
grant select, insert, update, delete on scratch.note to mainstay_app;`;

describe.each(testEngines())('kernel on %s', (engine) => {
  let db: Database;
  let runner: TenantRunner;

  beforeAll(async () => {
    db = await openTestDatabase(engine, kernelMigrations);
    await db.exec(NOTE_TABLE);
    runner = createTenantRunner(db, fixedClock('2026-05-01T09:00:00Z'));
  });
  afterAll(async () => db.close());

  it('reads int8 as bigint whatever its size, and dates as ISO strings', async () => {
    const { rows } = await db.query<{ small: unknown; large: unknown; total: unknown; day: unknown }>(
      `select 5::int8 as small, 9007199254740993::int8 as large, sum(x)::int8 as total, date '2026-04-06' as day
       from (values (1::int8), (2::int8)) as v(x)`,
    );
    expect(rows[0]).toEqual({ small: 5n, large: 9007199254740993n, total: 3n, day: '2026-04-06' });
  });

  describe('migrations', () => {
    it('applies nothing the second time', async () => {
      const report = await migrate(db, kernelMigrations);
      expect(report.applied).toEqual([]);
      expect(report.alreadyApplied).toBe(kernelMigrations.length);
    });

    it('refuses a migration file changed after it was applied, naming it', async () => {
      const edited: Migration[] = kernelMigrations.map((m, i) =>
        i === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m,
      );
      await expect(migrate(db, edited)).rejects.toMatchObject({
        code: 'MIGRATION_CHANGED',
        message: expect.stringContaining('kernel/0002_create_audit.sql'),
      });
    });

    it('refuses to run when the database knows a migration the code does not', async () => {
      await expect(migrate(db, kernelMigrations.slice(0, 2))).rejects.toMatchObject({
        code: 'MIGRATION_MISSING',
      });
    });
  });

  describe('row-level security', () => {
    beforeAll(async () => {
      for (const org of ['RLSA', 'RLSB']) {
        await runner.withTenant({ organisationId: org, actor }, (tx) =>
          tx.query('insert into scratch.note values ($1, $2, $3)', [org, 'n1', `secret of ${org}`]),
        );
      }
    });

    it('shows an organisation only its own rows even when the query forgets the filter', async () => {
      const rows = await runner.withTenant({ organisationId: 'RLSA', actor }, async (tx) => {
        return (await tx.query<{ organisation_id: string }>('select organisation_id from scratch.note')).rows;
      });
      expect(rows.map((row) => row.organisation_id)).toEqual(['RLSA']);
    });

    it("refuses to write another organisation's row", async () => {
      await expect(
        runner.withTenant({ organisationId: 'RLSA', actor }, (tx) =>
          tx.query(`insert into scratch.note values ('RLSB', 'n2', 'planted')`),
        ),
      ).rejects.toThrow(/row-level security/);
    });

    it("cannot change another organisation's rows by update or delete", async () => {
      const changed = await runner.withTenant({ organisationId: 'RLSA', actor }, async (tx) => {
        const updated = await tx.query(`update scratch.note set body = 'x' where organisation_id = 'RLSB'`);
        const deleted = await tx.query(`delete from scratch.note where organisation_id = 'RLSB'`);
        return updated.rowCount + deleted.rowCount;
      });
      expect(changed).toBe(0);
    });

    it('sees several organisations through an explicit read scope, and cannot write through it', async () => {
      const ids = await runner.withReadScope({ organisationIds: ['RLSA', 'RLSB'], actor }, async (tx) => {
        return (
          await tx.query<{ organisation_id: string }>('select organisation_id from scratch.note order by 1')
        ).rows;
      });
      expect(ids.map((row) => row.organisation_id)).toEqual(['RLSA', 'RLSB']);
      await expect(
        runner.withReadScope({ organisationIds: ['RLSA'], actor }, (tx) =>
          tx.query(`insert into scratch.note values ('RLSA', 'n3', 'x')`),
        ),
      ).rejects.toThrow(/read-only/);
    });

    it('fails closed with no organisation set, and refuses an empty organisation', async () => {
      const rows = await db.transaction(async (tx) => {
        await tx.query(`select set_config('role', 'mainstay_app', true)`);
        return (await tx.query('select * from scratch.note')).rows;
      });
      expect(rows).toEqual([]);
      await expect(runner.withTenant({ organisationId: '', actor }, async () => 1)).rejects.toMatchObject({
        code: 'ORGANISATION_REQUIRED',
      });
    });
  });

  describe('audit chain', () => {
    const org = 'AUDIT';

    async function writeEntries(organisationId: string, count: number): Promise<void> {
      for (let i = 0; i < count; i += 1) {
        await runner.withTenant({ organisationId, actor, requestId: `req-${i}` }, async (tx) => {
          tx.audit({
            action: 'test.note.written',
            entityType: 'note',
            entityId: `n${i}`,
            after: { body: `v${i}`, n: 5n },
          });
        });
      }
    }

    async function asOwner(sql: string): Promise<void> {
      await db.exec(`alter table kernel.audit_entry disable trigger audit_entry_append_only;
        ${sql};
        alter table kernel.audit_entry enable trigger audit_entry_append_only;`);
    }

    it('chains every entry and verifies clean', async () => {
      await writeEntries(org, 5);
      const result = await runner.withTenant({ organisationId: org, actor }, (tx) =>
        verifyAuditChain(tx, org),
      );
      expect(result).toMatchObject({ ok: true, entries: 5, problems: [] });
    });

    it('refuses to update or delete an entry through the application role', async () => {
      await expect(
        runner.withTenant({ organisationId: org, actor }, (tx) =>
          tx.query(`update kernel.audit_entry set reason = 'x' where organisation_id = $1`, [org]),
        ),
      ).rejects.toThrow(/permission denied/);
    });

    it('detects any single tampering and names the entry', async () => {
      const tamperings = ['alter-payload', 'alter-column', 'remove-middle', 'remove-last', 'swap'] as const;
      let chain = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 3, max: 7 }),
          fc.constantFrom(...tamperings),
          fc.nat(),
          async (length, tampering, pick) => {
            chain += 1;
            const id = `TAMPER-${chain}`;
            await writeEntries(id, length);
            const target = 2 + (pick % (length - 2));
            switch (tampering) {
              case 'alter-payload':
                await asOwner(
                  `update kernel.audit_entry set payload = replace(payload, '"v', '"w') where organisation_id = '${id}' and seq = ${target}`,
                );
                break;
              case 'alter-column':
                await asOwner(
                  `update kernel.audit_entry set actor_id = 'usr_someone_else' where organisation_id = '${id}' and seq = ${target}`,
                );
                break;
              case 'remove-middle':
                await asOwner(
                  `delete from kernel.audit_entry where organisation_id = '${id}' and seq = ${target}`,
                );
                break;
              case 'remove-last':
                await asOwner(
                  `delete from kernel.audit_entry where organisation_id = '${id}' and seq = ${length}`,
                );
                break;
              case 'swap':
                await asOwner(`update kernel.audit_entry set seq = 1000000 where organisation_id = '${id}' and seq = ${target};
                  update kernel.audit_entry set seq = ${target} where organisation_id = '${id}' and seq = ${target - 1};
                  update kernel.audit_entry set seq = ${target - 1} where organisation_id = '${id}' and seq = 1000000`);
                break;
            }
            const result = await runner.withTenant({ organisationId: id, actor }, (tx) =>
              verifyAuditChain(tx, id),
            );
            expect(result.ok).toBe(false);
            const first = result.problems[0]!;
            const expectedKind = {
              'alter-payload': 'altered',
              'alter-column': 'altered',
              'remove-middle': 'removed',
              'remove-last': 'truncated',
              swap: 'altered',
            }[tampering];
            expect(first.kind).toBe(expectedKind);
            if (tampering !== 'swap')
              expect(first.seq).toBe(
                String(
                  tampering === 'remove-middle' ? target + 1 : tampering === 'remove-last' ? length : target,
                ),
              );
          },
        ),
        { numRuns: 25 },
      );
    });
  });

  describe('idempotency', () => {
    const ctx = { organisationId: 'IDEM', actor };
    const create = (key: string, body: unknown, sideEffect: () => void) =>
      runner.withTenant(ctx, (tx) =>
        runIdempotent(tx, { key, operation: 'test.create', body }, async () => {
          sideEffect();
          return { id: 'made', body };
        }),
      );

    it('replays the first result for the same key and body, without repeating the write', async () => {
      let writes = 0;
      const first = await create('key-1', { amount: 100 }, () => {
        writes += 1;
      });
      const second = await create('key-1', { amount: 100 }, () => {
        writes += 1;
      });
      expect(first.replayed).toBe(false);
      expect(second).toEqual({ result: { id: 'made', body: { amount: 100 } }, replayed: true });
      expect(writes).toBe(1);
    });

    it('refuses the same key with a different body', async () => {
      await expect(create('key-1', { amount: 101 }, () => undefined)).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
    });
  });
});
