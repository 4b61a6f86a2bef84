create schema payables;
grant usage on schema payables to mainstay_app;

-- Every document received (PEPPOL XML, or the JSON of a paper invoice captured by hand), kept
-- byte for byte whatever became of it. The same bytes twice are one document: receiving is
-- idempotent on the content hash.
create table payables.document (
  organisation_id text not null,
  id text not null,
  content_sha256 text not null,
  file_name text not null,
  media_type text not null,
  channel text not null,
  size_bytes integer not null,
  content bytea not null,
  received_at timestamptz not null,
  received_by text not null,
  constraint document_pkey primary key (organisation_id, id),
  constraint document_content_key unique (organisation_id, content_sha256),
  constraint document_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint document_channel_check check (channel in ('api', 'web', 'inbox', 'cli', 'manual', 'demo', 'bench'))
);

-- A document that could not become an invoice, with every reason (rule ids included) and the
-- message for the supplier. Nothing is dropped: it stays here until it is rejected to the
-- supplier or released into processing.
create table payables.quarantine (
  organisation_id text not null,
  id text not null,
  document_id text not null,
  reasons jsonb not null,
  rule_ids text[] not null,
  document_type text,
  invoice_number text,
  seller_name text,
  supplier_id text,
  rejection_subject text not null,
  rejection_body text not null,
  status text not null,
  quarantined_at timestamptz not null,
  resolved_by text,
  resolved_at timestamptz,
  resolution_note text,
  invoice_id text,
  constraint quarantine_pkey primary key (organisation_id, id),
  constraint quarantine_document_fkey foreign key (organisation_id, document_id) references payables.document (organisation_id, id),
  constraint quarantine_status_check check (status in ('open', 'rejected', 'released'))
);
create index quarantine_status_idx on payables.quarantine (organisation_id, status, quarantined_at);
create index quarantine_document_idx on payables.quarantine (organisation_id, document_id);

create table payables.invoice (
  organisation_id text not null,
  id text not null,
  document_id text not null,
  kind text not null,
  source text not null,
  supplier_id text not null,
  supplier_name text not null,
  supplier_key text not null,
  nhs_supplier boolean not null,
  invoice_number text not null,
  normalised_number text not null,
  issue_date date not null,
  received_at timestamptz not null,
  received_on date not null,
  stated_due_date date,
  due_date date not null,
  currency text not null,
  order_reference text,
  purchase_order_id text,
  preceding_invoice_numbers text[] not null,
  net_pence bigint not null,
  vat_pence bigint not null,
  gross_pence bigint not null,
  prepaid_pence bigint not null,
  amount_due_pence bigint not null,
  route text not null,
  match_mode text,
  status text not null,
  first_pass_matched boolean not null,
  touchless boolean not null,
  number_key bigint not null,
  amount_key bigint not null,
  coded_by text,
  coded_at timestamptz,
  required_approver_role text,
  approved_at timestamptz,
  approved_by text,
  approval_rule text,
  approval_rule_version text,
  journal_id text,
  rejected_at timestamptz,
  rejected_by text,
  rejection_subject text,
  rejection_body text,
  payment_run_id text,
  paid_on date,
  constraint invoice_pkey primary key (organisation_id, id),
  constraint invoice_document_fkey foreign key (organisation_id, document_id) references payables.document (organisation_id, id),
  constraint invoice_kind_check check (kind in ('invoice', 'credit-note')),
  constraint invoice_source_check check (source in ('peppol', 'manual')),
  constraint invoice_route_check check (route in ('po', 'non-po')),
  constraint invoice_status_check check (
    status in ('exception', 'awaiting-approval', 'approved', 'in-payment-run', 'paid', 'rejected')
  ),
  constraint invoice_amounts_check check (net_pence + vat_pence = gross_pence)
);
create index invoice_status_idx on payables.invoice (organisation_id, status, due_date);
create index invoice_supplier_idx on payables.invoice (organisation_id, supplier_id, normalised_number);
create index invoice_document_idx on payables.invoice (organisation_id, document_id);
create index invoice_received_idx on payables.invoice (organisation_id, received_on);
create index invoice_run_idx on payables.invoice (organisation_id, payment_run_id) where payment_run_id is not null;

create table payables.invoice_line (
  organisation_id text not null,
  invoice_id text not null,
  line_no integer not null,
  line_id text not null,
  description text not null,
  quantity numeric(20, 6) not null,
  unit_code text,
  unit_price numeric,
  net_pence bigint not null,
  vat_rate_basis_points integer,
  vat_category text,
  order_line_reference text,
  gtin text,
  seller_item_code text,
  po_line_no integer,
  match_mode text,
  expected_pence bigint,
  variance_pence bigint,
  grni_release_pence bigint,
  account_code text,
  cost_centre_code text,
  constraint invoice_line_pkey primary key (organisation_id, invoice_id, line_no),
  constraint invoice_line_invoice_fkey foreign key (organisation_id, invoice_id) references payables.invoice (organisation_id, id)
);

-- What waits for a person: one row per reason, with the rule that found it and the suggested resolution.
create table payables.exception (
  organisation_id text not null,
  id text not null,
  invoice_id text not null,
  reason text not null,
  rule text not null,
  line_no integer,
  detail text not null,
  amount_pence bigint,
  suggested_action text not null,
  status text not null,
  raised_at timestamptz not null,
  resolved_at timestamptz,
  resolved_by text,
  resolution text,
  note text,
  constraint exception_pkey primary key (organisation_id, id),
  constraint exception_invoice_fkey foreign key (organisation_id, invoice_id) references payables.invoice (organisation_id, id),
  constraint exception_status_check check (status in ('open', 'waiting', 'resolved'))
);
create index exception_queue_idx on payables.exception (organisation_id, status, raised_at);
create index exception_invoice_idx on payables.exception (organisation_id, invoice_id);

-- Every automatic decision, with the rule that made it and the version of the rules and of
-- the national standard (and any local variation) it applied. Append-only.
create table payables.decision (
  organisation_id text not null,
  id text not null,
  subject_type text not null,
  subject_id text not null,
  decision text not null,
  rule text not null,
  rule_version text not null,
  standard_version text,
  variation_id text,
  detail jsonb not null,
  decided_at timestamptz not null,
  constraint decision_pkey primary key (organisation_id, id),
  constraint decision_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);
create index decision_subject_idx on payables.decision (organisation_id, subject_id);
create index decision_kind_idx on payables.decision (organisation_id, decision, decided_at);

-- The shared service's duplicate register. Platform-level on purpose (see
-- tools/architecture/tenancy-exemptions.ts): a supplier that sends one invoice to two member
-- trusts must be caught, and no trust may read another's invoices. So this table holds only
-- 64-bit hashes of (supplier identifier, document kind, normalised number) and of (supplier
-- identifier, kind, gross amount, issue date), with the organisation and invoice they belong
-- to. Row-level security still applies: every organisation may read the hashes, but rows are
-- written and removed only for the transaction's own organisation.
create table payables.invoice_fingerprint (
  number_key bigint not null,
  amount_key bigint not null,
  organisation_id text not null,
  invoice_id text not null,
  -- true when a person released an invoice whose number matched an earlier one
  overrides boolean not null,
  constraint invoice_fingerprint_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);
-- One invoice per supplier and number across every organisation, enforced by the database
-- too, so two trusts receiving the same invoice at the same instant cannot both keep it.
create unique index invoice_fingerprint_number_key on payables.invoice_fingerprint (number_key) where not overrides;
create index invoice_fingerprint_amount_idx on payables.invoice_fingerprint (amount_key);
alter table payables.invoice_fingerprint enable row level security;
alter table payables.invoice_fingerprint force row level security;
create policy fingerprint_read on payables.invoice_fingerprint for select using (true);
create policy fingerprint_insert on payables.invoice_fingerprint for insert
  with check (organisation_id = kernel.current_organisation());
create policy fingerprint_delete on payables.invoice_fingerprint for delete
  using (organisation_id = kernel.current_organisation());
grant select, insert, delete on payables.invoice_fingerprint to mainstay_app;

-- The organisation's own paying account and Bacs service user number: the originator of its payment files.
create table payables.bank_account (
  organisation_id text not null,
  sort_code text not null,
  account_number text not null,
  account_name text not null,
  service_user_number text not null,
  updated_by text not null,
  updated_at timestamptz not null,
  constraint bank_account_pkey primary key (organisation_id),
  constraint bank_account_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint bank_account_sort_code_check check (sort_code ~ '^[0-9]{6}$'),
  constraint bank_account_number_check check (account_number ~ '^[0-9]{8}$'),
  constraint bank_account_sun_check check (service_user_number ~ '^[0-9]{6}$')
);

create table payables.payment_run_counter (
  organisation_id text not null,
  last_number bigint not null,
  constraint payment_run_counter_pkey primary key (organisation_id),
  constraint payment_run_counter_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

create table payables.payment_run (
  organisation_id text not null,
  id text not null,
  run_number text not null,
  status text not null,
  due_by date not null,
  processing_date date not null,
  proposed_by text not null,
  proposed_at timestamptz not null,
  approved_by text,
  approved_at timestamptz,
  cancelled_by text,
  cancelled_at timestamptz,
  cancel_reason text,
  total_pence bigint not null,
  payment_count integer not null,
  held_count integer not null,
  bacs_file text,
  constraint payment_run_pkey primary key (organisation_id, id),
  constraint payment_run_number_key unique (organisation_id, run_number),
  constraint payment_run_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint payment_run_status_check check (status in ('proposed', 'approved', 'cancelled'))
);
create index payment_run_recent_idx on payables.payment_run (organisation_id, proposed_at);

-- One payment per supplier in a run, to the bank details verified at the time (copied: later changes do not rewrite history).
create table payables.payment (
  organisation_id text not null,
  id text not null,
  payment_run_id text not null,
  supplier_id text not null,
  supplier_name text not null,
  nhs_supplier boolean not null,
  amount_pence bigint not null,
  sort_code text not null,
  account_number text not null,
  account_name text not null,
  bank_verified_at text not null,
  bank_verified_by text not null,
  reference text not null,
  journal_id text,
  constraint payment_pkey primary key (organisation_id, id),
  constraint payment_run_fkey foreign key (organisation_id, payment_run_id) references payables.payment_run (organisation_id, id),
  constraint payment_amount_check check (amount_pence > 0)
);
create index payment_run_idx on payables.payment (organisation_id, payment_run_id);

-- Each invoice a run considered: paid by one of its payments, or held with the reason.
create table payables.payment_item (
  organisation_id text not null,
  payment_run_id text not null,
  invoice_id text not null,
  payment_id text,
  held_reason text,
  held_detail text,
  constraint payment_item_pkey primary key (organisation_id, payment_run_id, invoice_id),
  constraint payment_item_run_fkey foreign key (organisation_id, payment_run_id) references payables.payment_run (organisation_id, id),
  constraint payment_item_invoice_fkey foreign key (organisation_id, invoice_id) references payables.invoice (organisation_id, id),
  constraint payment_item_outcome_check check ((payment_id is null) <> (held_reason is null))
);

create trigger document_immutable before update or delete on payables.document
  for each row execute function kernel.refuse_change();
create trigger decision_immutable before update or delete on payables.decision
  for each row execute function kernel.refuse_change();
create trigger payment_immutable before delete on payables.payment
  for each row execute function kernel.refuse_change();

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['document', 'quarantine', 'invoice', 'invoice_line', 'exception', 'decision',
                                       'bank_account', 'payment_run_counter', 'payment_run', 'payment', 'payment_item']
  loop
    execute format('alter table payables.%I enable row level security', tenant_table);
    execute format('alter table payables.%I force row level security', tenant_table);
    execute format('create policy tenant_read on payables.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on payables.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

grant select, insert on payables.document, payables.decision, payables.payment_item to mainstay_app;
grant select, insert, update on payables.quarantine, payables.invoice, payables.invoice_line, payables.exception,
  payables.bank_account, payables.payment_run_counter, payables.payment_run, payables.payment to mainstay_app;
