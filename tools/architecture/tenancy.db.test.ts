import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from '../../apps/platform/migrations';
import type { Database } from '../../kernel/db';
import { openTestDatabase, testEngines } from '../../testing/database';
import { EXTRA_POLICIES, PLATFORM_TABLES } from './tenancy-exemptions';

const CURRENT = '(organisation_id = kernel.current_organisation())';
/**
 * Reads see the readable organisations; writes touch only the current one. Writes have a policy
 * per command rather than one `for all`, which would also filter reads and, ORed with tenant_read,
 * keep the planner off organisation-led indexes.
 */
const FIXED_POLICIES = [
  `tenant_delete:d:${CURRENT}:`,
  `tenant_insert:a::${CURRENT}`,
  'tenant_read:r:(organisation_id = ANY (kernel.readable_organisations())):',
  `tenant_update:w:${CURRENT}:${CURRENT}`,
];

type TableRow = {
  table_name: string;
  has_organisation: boolean;
  pk_first_column: string | null;
  rls: boolean;
  forced: boolean;
  policies: string[] | null;
  app_privileges: string[] | null;
};

/**
 * Enumerates every table the migrations create and checks tenancy is enforced
 * by the database itself: a query that forgets its filter still cannot see
 * another organisation's rows.
 */
describe.each(testEngines())('tenancy in the catalog on %s', (engine) => {
  let db: Database;
  let tables: TableRow[];

  beforeAll(async () => {
    db = await openTestDatabase(engine, allMigrations);
    tables = (
      await db.query<TableRow>(`
        select n.nspname || '.' || c.relname as table_name,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped) as has_organisation,
          (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
            where i.indrelid = c.oid and i.indisprimary) as pk_first_column,
          c.relrowsecurity as rls, c.relforcerowsecurity as forced,
          (select array_agg(p.polname || ':' || p.polcmd::text || ':' || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ':'
            || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') order by p.polname) from pg_policy p where p.polrelid = c.oid) as policies,
          (select array_agg(distinct privilege_type::text) from information_schema.role_table_grants g
            where g.table_schema = n.nspname and g.table_name = c.relname and g.grantee = 'mainstay_app') as app_privileges
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
          and n.nspname not like 'pg_temp%'
        order by 1`)
    ).rows;
  });
  afterAll(async () => db.close());

  it('finds the tables of every module', () => {
    expect(tables.length).toBeGreaterThan(10);
  });

  it('gives every tenant-owned table organisation_id first in its primary key, forced RLS and the fixed policies', () => {
    const failures = tables
      .filter((table) => !(table.table_name in PLATFORM_TABLES))
      .flatMap((table) => {
        const problems: string[] = [];
        if (!table.has_organisation)
          problems.push('has no organisation_id (or list it as a platform table, with the reason)');
        if (table.pk_first_column !== 'organisation_id')
          problems.push(`primary key starts with ${table.pk_first_column ?? 'nothing'}, not organisation_id`);
        if (!table.rls) problems.push('row-level security is not enabled');
        if (!table.forced) problems.push('row-level security is not forced');
        const policies = table.policies ?? [];
        const others = policies.filter((policy) => !FIXED_POLICIES.includes(policy));
        if (!FIXED_POLICIES.every((policy) => policies.includes(policy))) {
          problems.push(
            `policies are ${JSON.stringify(policies)}, without exactly the fixed tenant_read, tenant_insert, tenant_update and tenant_delete`,
          );
        }
        if (others.length > 0 && !(table.table_name in EXTRA_POLICIES)) {
          problems.push(
            `has policies beyond the fixed four (${others.join('; ')}): list it in EXTRA_POLICIES with the reason`,
          );
        }
        return problems.map((problem) => `${table.table_name}: ${problem}`);
      });
    expect(failures).toEqual([]);
  });

  it('lists only tables that exist, so the exemptions cannot go stale', () => {
    const names = new Set(tables.map((table) => table.table_name));
    expect(
      [...Object.keys(PLATFORM_TABLES), ...Object.keys(EXTRA_POLICIES)].filter((name) => !names.has(name)),
    ).toEqual([]);
  });

  it('lets the application role reach every table it needs, and nothing lets it bypass row-level security', async () => {
    const unreachable = tables.filter(
      (table) => table.table_name !== 'kernel.schema_migration' && !table.app_privileges?.length,
    );
    expect(unreachable.map((table) => table.table_name)).toEqual([]);
    const role = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `select rolsuper, rolbypassrls from pg_roles where rolname = 'mainstay_app'`,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });
});
