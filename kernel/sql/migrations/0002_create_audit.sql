-- Hash-chained audit log, one chain per organisation. `payload` is the exact
-- canonical JSON that was hashed; the other columns are copies for querying and
-- are checked against the payload by the verifier.
create table kernel.audit_entry (
  organisation_id text not null,
  seq bigint not null,
  id text not null,
  occurred_at timestamptz not null,
  actor_kind text not null,
  actor_id text not null,
  action text not null,
  entity_type text not null,
  entity_id text not null,
  reason text,
  request_id text,
  payload text not null,
  prev_hash text not null,
  hash text not null,
  constraint audit_entry_pkey primary key (organisation_id, seq),
  constraint audit_entry_seq_check check (seq > 0)
);
create index audit_entry_entity_idx on kernel.audit_entry (organisation_id, entity_type, entity_id);

create table kernel.audit_chain_head (
  organisation_id text not null,
  seq bigint not null,
  hash text not null,
  constraint audit_chain_head_pkey primary key (organisation_id)
);

alter table kernel.audit_entry enable row level security;
alter table kernel.audit_entry force row level security;
create policy tenant_read on kernel.audit_entry for select
  using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on kernel.audit_entry for all
  using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());

alter table kernel.audit_chain_head enable row level security;
alter table kernel.audit_chain_head force row level security;
create policy tenant_read on kernel.audit_chain_head for select
  using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on kernel.audit_chain_head for all
  using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());

-- Entries are append-only for the application; the chain head moves forward only.
grant select, insert on kernel.audit_entry to mainstay_app;
grant select, insert, update on kernel.audit_chain_head to mainstay_app;

create function kernel.refuse_change() returns trigger
  language plpgsql
  as $$
begin
  raise exception '% is append-only: % refused', tg_table_schema || '.' || tg_table_name, lower(tg_op)
    using errcode = 'P0001', hint = 'Corrections are recorded as new entries, never by changing old ones.';
end
$$;

create trigger audit_entry_append_only before update or delete on kernel.audit_entry
  for each row execute function kernel.refuse_change();
