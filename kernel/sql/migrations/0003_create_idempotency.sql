-- Every creating write may carry a client idempotency key. The first request's
-- hash and result are kept: the same key and body replays the result, the same
-- key with a different body is refused.
create table kernel.idempotency_record (
  organisation_id text not null,
  idempotency_key text not null,
  operation text not null,
  request_hash text not null,
  result text not null,
  created_at timestamptz not null default now(),
  constraint idempotency_record_pkey primary key (organisation_id, idempotency_key)
);

alter table kernel.idempotency_record enable row level security;
alter table kernel.idempotency_record force row level security;
create policy tenant_read on kernel.idempotency_record for select
  using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on kernel.idempotency_record for all
  using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());

grant select, insert, update on kernel.idempotency_record to mainstay_app;
