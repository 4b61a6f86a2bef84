import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { openTestPlatform } from '../../testing/platform';

/** The national catalogue's tables: readable by every organisation, written only by a shared-service provider (see README). */
const NATIONAL_READ = ['procurement.catalogue_item', 'procurement.contract', 'procurement.contract_price'];

describe.each(testEngines())('tenancy of the suppliers and procurement schemas on %s', (engine) => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await openTestPlatform(engine);
  });
  afterAll(async () => platform.db.close());

  it('keys every table by organisation first, with row-level security forced and the fixed tenant policies', async () => {
    const tables = await platform.db.query<{
      name: string;
      rls: boolean;
      forced: boolean;
      first_key: string | null;
    }>(
      `select n.nspname || '.' || c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
         (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
          where i.indrelid = c.oid and i.indisprimary) as first_key
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname in ('suppliers', 'procurement') and c.relkind = 'r' order by 1`,
    );
    expect(tables.rows.length).toBeGreaterThan(20);
    for (const table of tables.rows) {
      expect({ table: table.name, rls: table.rls, forced: table.forced, firstKey: table.first_key }).toEqual({
        table: table.name,
        rls: true,
        forced: true,
        firstKey: 'organisation_id',
      });
    }
    const policies = await platform.db.query<{ name: string; policies: string[] }>(
      `select schemaname || '.' || tablename as name, array_agg(policyname::text order by policyname) as policies
       from pg_policies where schemaname in ('suppliers', 'procurement') group by 1 order by 1`,
    );
    for (const row of policies.rows) {
      const expected = NATIONAL_READ.includes(row.name)
        ? [
            'national_owner',
            'national_owner_update',
            'national_read',
            'tenant_delete',
            'tenant_insert',
            'tenant_read',
            'tenant_update',
          ]
        : ['tenant_delete', 'tenant_insert', 'tenant_read', 'tenant_update'];
      expect({ table: row.name, policies: row.policies }).toEqual({ table: row.name, policies: expected });
    }
    expect(policies.rows.map((row) => row.name).sort()).toEqual(tables.rows.map((row) => row.name).sort());
  });

  it('lets the application role neither update nor delete the immutable records', async () => {
    const grants = await platform.db.query<{ name: string; privileges: string[] }>(
      `select table_schema || '.' || table_name as name, array_agg(privilege_type::text order by privilege_type) as privileges
       from information_schema.role_table_grants where grantee = 'mainstay_app' and table_schema = 'procurement'
       group by 1 order by 1`,
    );
    const byTable = new Map(grants.rows.map((row) => [row.name, row.privileges]));
    for (const table of [
      'requisition_line',
      'approval_decision',
      'purchase_order_version',
      'goods_receipt',
      'goods_receipt_line',
      'invoice_record',
      'commitment',
      'catalogue_rejection',
    ]) {
      expect(byTable.get(`procurement.${table}`), table).toEqual(['INSERT', 'SELECT']);
    }
  });
});
