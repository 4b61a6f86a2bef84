create schema insight;
grant usage on schema insight to mainstay_app;

-- How one organisation's extract from one source maps onto the canonical
-- columns: detected on first import, confirmed or edited by a person, reused.
create table insight.column_profile (
  organisation_id text not null,
  source text not null,
  kind text not null,
  profile jsonb not null,
  headers text[] not null,
  status text not null,
  version integer not null,
  saved_by text not null,
  saved_at timestamptz not null,
  constraint column_profile_pkey primary key (organisation_id, source),
  constraint column_profile_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint column_profile_status_check check (status in ('detected', 'confirmed')),
  constraint column_profile_source_check check (source ~ '^[a-z0-9][a-z0-9-]{0,39}$')
);

-- One file as it was imported (or refused), with its summary and data-quality scores.
create table insight.import_batch (
  organisation_id text not null,
  id text not null,
  kind text not null,
  source text not null,
  file_name text not null,
  file_hash text not null,
  status text not null,
  format text,
  encoding text,
  profile jsonb,
  profile_version integer,
  headers text[] not null,
  data_rows integer not null,
  imported integer not null,
  already_present integer not null,
  rejected integer not null,
  total_pence bigint,
  period_start date,
  period_end date,
  summary jsonb not null,
  quality jsonb,
  error jsonb,
  imported_by text not null,
  imported_at timestamptz not null,
  constraint import_batch_pkey primary key (organisation_id, id),
  constraint import_batch_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint import_batch_status_check check (status in ('imported', 'failed')),
  -- every data row is either imported or rejected; a refused file rejects all of its rows
  constraint import_batch_counts_check check (
    imported + rejected = data_rows and already_present <= imported and (status = 'imported' or imported = 0)
  )
);
-- The same file is imported once per organisation and kind; a refused file may be tried again.
create unique index import_batch_file_key on insight.import_batch (organisation_id, kind, file_hash)
  where status = 'imported';
create index import_batch_time_idx on insight.import_batch (organisation_id, imported_at);

-- Rows that could not be imported, with every reason and the cells as they were.
create table insight.rejection (
  organisation_id text not null,
  batch_id text not null,
  line integer not null,
  fingerprint text not null,
  reason text not null,
  issues jsonb not null,
  cells jsonb not null,
  constraint rejection_pkey primary key (organisation_id, batch_id, line),
  constraint rejection_batch_fkey foreign key (organisation_id, batch_id) references insight.import_batch (organisation_id, id)
    deferrable initially deferred
);

-- Imported rows, one table per kind of extract. A row's fingerprint is a hash of
-- its content: the same row from any file is stored once per organisation.
create table insight.spend_line (
  organisation_id text not null,
  fingerprint text not null,
  batch_id text not null,
  source_line integer not null,
  payment_date date not null,
  supplier text not null,
  amount_pence bigint not null,
  expense_type text,
  expense_area text,
  transaction_number text,
  vat_number text,
  company_number text,
  entity text,
  detail jsonb,
  constraint spend_line_pkey primary key (organisation_id, fingerprint)
);

create table insight.po_line (
  organisation_id text not null,
  fingerprint text not null,
  batch_id text not null,
  source_line integer not null,
  order_date date not null,
  po_number text not null,
  line_number integer,
  supplier text not null,
  supplier_code text,
  item_description text not null,
  supplier_item_code text,
  manufacturer_code text,
  manufacturer text,
  gtin text,
  unit_of_measure text,
  pack_size numeric,
  quantity numeric not null,
  unit_price numeric,
  line_value_pence bigint not null,
  category text,
  contract_reference text,
  cost_centre text,
  detail jsonb,
  constraint po_line_pkey primary key (organisation_id, fingerprint)
);

create table insight.gl_line (
  organisation_id text not null,
  fingerprint text not null,
  batch_id text not null,
  source_line integer not null,
  account_code text not null,
  account_name text,
  cost_centre text,
  cost_centre_name text,
  period text not null,
  posting_date date,
  amount_pence bigint not null,
  journal_reference text,
  description text,
  detail jsonb,
  constraint gl_line_pkey primary key (organisation_id, fingerprint),
  constraint gl_line_period_check check (period ~ '^\d{4}-\d{2}$')
);

-- Staff in post, starters, leavers, sickness, vacancies and bank/agency use:
-- the columns the NHS workforce definitions need, typed; the rest in detail.
create table insight.workforce_record (
  organisation_id text not null,
  fingerprint text not null,
  batch_id text not null,
  source_line integer not null,
  kind text not null,
  employee_id text,
  record_date date,
  end_date date,
  period text,
  staff_group text,
  band text,
  team text,
  directorate text,
  job_role text,
  contracted_fte numeric,
  start_date date,
  reason text,
  days_lost numeric,
  fte_days_lost numeric,
  establishment_fte numeric,
  staff_in_post_fte numeric,
  vacancy_fte numeric,
  staffing_type text,
  hours numeric,
  cost_pence bigint,
  agency_name text,
  on_framework boolean,
  detail jsonb,
  constraint workforce_record_pkey primary key (organisation_id, fingerprint),
  constraint workforce_record_kind_check check (
    kind in ('staff-in-post', 'starters', 'leavers', 'sickness', 'vacancies', 'temporary-staffing')
  )
);

-- Bumped by every change the analytics snapshot must pick up (imports, review decisions, harmonisation).
create table insight.dataset_revision (
  organisation_id text not null,
  revision bigint not null,
  changed_at timestamptz not null,
  constraint dataset_revision_pkey primary key (organisation_id),
  constraint dataset_revision_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

-- Harmonisation: each organisation's supplier names and catalogue items linked to
-- one supplier and one product across organisations, with the evidence.
create table insight.supplier_link (
  organisation_id text not null,
  supplier_key text not null,
  supplier_name text not null,
  company_number text,
  vat_number text,
  unified_supplier_id text not null,
  unified_name text not null,
  reason text not null,
  confidence numeric not null,
  run_id text not null,
  linked_at timestamptz not null,
  constraint supplier_link_pkey primary key (organisation_id, supplier_key),
  constraint supplier_link_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint supplier_link_confidence_check check (confidence >= 0 and confidence <= 1)
);

create table insight.item_link (
  organisation_id text not null,
  item_key text not null,
  description text not null,
  unified_item_id text not null,
  unified_description text not null,
  reason text not null,
  confidence numeric not null,
  run_id text not null,
  linked_at timestamptz not null,
  constraint item_link_pkey primary key (organisation_id, item_key),
  constraint item_link_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint item_link_confidence_check check (confidence >= 0 and confidence <= 1)
);

-- Uncertain matches for a person at the organisation whose record it is to accept or reject.
create table insight.match_review (
  organisation_id text not null,
  id text not null,
  subject text not null,
  record_key text not null,
  record_name text not null,
  candidate_organisation_id text not null,
  candidate_key text not null,
  candidate_name text not null,
  confidence numeric not null,
  reason text not null,
  detail text not null,
  status text not null,
  decided_by text,
  decided_at timestamptz,
  decision_reason text,
  created_at timestamptz not null,
  constraint match_review_pkey primary key (organisation_id, id),
  constraint match_review_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint match_review_pair_key unique (organisation_id, subject, record_key, candidate_organisation_id, candidate_key),
  constraint match_review_subject_check check (subject in ('supplier', 'item')),
  constraint match_review_status_check check (status in ('open', 'accepted', 'rejected')),
  constraint match_review_decided_check check ((status = 'open') = (decided_at is null))
);

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['column_profile', 'import_batch', 'rejection', 'spend_line', 'po_line', 'gl_line',
                                       'workforce_record', 'dataset_revision', 'supplier_link', 'item_link', 'match_review']
  loop
    execute format('alter table insight.%I enable row level security', tenant_table);
    execute format('alter table insight.%I force row level security', tenant_table);
    execute format('create policy tenant_read on insight.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on insight.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

-- What was imported, and what was refused, is never changed afterwards.
do $$
declare
  immutable_table text;
begin
  foreach immutable_table in array array['import_batch', 'rejection', 'spend_line', 'po_line', 'gl_line', 'workforce_record']
  loop
    execute format('create trigger %I before update or delete on insight.%I for each row execute function kernel.refuse_change()',
                   immutable_table || '_immutable', immutable_table);
  end loop;
end
$$;

grant select, insert on insight.import_batch, insight.rejection, insight.spend_line, insight.po_line, insight.gl_line,
  insight.workforce_record to mainstay_app;
grant select, insert, update on insight.column_profile, insight.dataset_revision, insight.match_review to mainstay_app;
grant select, insert, update, delete on insight.supplier_link, insight.item_link to mainstay_app;
