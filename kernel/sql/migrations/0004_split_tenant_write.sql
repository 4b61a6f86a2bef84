-- Why: a `for all` write policy also applies to SELECT, so every read was
-- filtered by (tenant_read OR tenant_write). The planner cannot use an
-- organisation-led index for an OR of two different expressions, so lookups
-- by a later key column (an order's lines, an employee's payslips) fell back
-- to sequential scans that grew with the table. The current organisation is
-- always among the readable ones in a tenant transaction, so writes keep the
-- same rule as separate insert, update and delete policies, and a read is
-- filtered by tenant_read alone: one condition on the index's first column.

-- Replaces tenant_write on every table of a schema that has it. Each module
-- calls this from its own migration for its own schema.
create function kernel.split_tenant_write(target_schema text) returns void
  language plpgsql
  as $$
declare
  tenant_table regclass;
begin
  for tenant_table in
    select p.polrelid::regclass from pg_policy p
      join pg_class c on c.oid = p.polrelid
      join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = target_schema and p.polname = 'tenant_write'
  loop
    execute format('drop policy tenant_write on %s', tenant_table);
    execute format('create policy tenant_insert on %s for insert with check (organisation_id = kernel.current_organisation())', tenant_table);
    execute format('create policy tenant_update on %s for update using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
    execute format('create policy tenant_delete on %s for delete using (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

select kernel.split_tenant_write('kernel');
