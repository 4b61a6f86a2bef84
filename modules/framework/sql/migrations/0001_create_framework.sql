create schema framework;
grant usage on schema framework to mainstay_app;

-- The national standard configuration, in published versions. Platform-wide:
-- one standard for every organisation.
create table framework.standard_version (
  version text not null,
  title text not null,
  effective_from date not null,
  notes text not null,
  published_at timestamptz not null,
  published_by text not null,
  constraint standard_version_pkey primary key (version)
);

create table framework.standard_setting (
  version text not null,
  setting_key text not null,
  value jsonb not null,
  constraint standard_setting_pkey primary key (version, setting_key),
  constraint standard_setting_version_fkey foreign key (version) references framework.standard_version (version)
);

grant select, insert on framework.standard_version, framework.standard_setting to mainstay_app;

-- An organisation's explicit departure from the standard, with its reason and
-- who decided. At most one live (proposed or approved) variation per setting.
create table framework.variation (
  organisation_id text not null,
  id text not null,
  setting_key text not null,
  value jsonb not null,
  reason_category text not null,
  reason text not null,
  status text not null,
  requested_by text not null,
  requested_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  decision_note text,
  review_by date,
  constraint variation_pkey primary key (organisation_id, id),
  constraint variation_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint variation_status_check check (status in ('proposed', 'approved', 'rejected', 'withdrawn')),
  constraint variation_reason_category_check check (
    reason_category in ('legal-requirement', 'clinical-safety', 'local-service-model', 'transitional', 'local-choice', 'legacy-practice')
  ),
  constraint variation_decision_check check (
    (status <> 'proposed' or decided_by is null) and (status not in ('approved', 'rejected') or decided_by is not null)
  )
);
create unique index variation_live_key on framework.variation (organisation_id, setting_key)
  where status in ('proposed', 'approved');

alter table framework.variation enable row level security;
alter table framework.variation force row level security;
create policy tenant_read on framework.variation for select
  using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on framework.variation for all
  using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());
grant select, insert, update on framework.variation to mainstay_app;

-- Gap analyses of an organisation about to join: its current settings against the standard.
create table framework.gap_analysis (
  organisation_id text not null,
  id text not null,
  file_name text not null,
  file_format text not null,
  standard_version text not null,
  created_by text not null,
  created_at timestamptz not null,
  items jsonb not null,
  constraint gap_analysis_pkey primary key (organisation_id, id),
  constraint gap_analysis_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint gap_analysis_file_format_check check (file_format in ('json', 'csv'))
);

alter table framework.gap_analysis enable row level security;
alter table framework.gap_analysis force row level security;
create policy tenant_read on framework.gap_analysis for select
  using (organisation_id = any (kernel.readable_organisations()));
create policy tenant_write on framework.gap_analysis for all
  using (organisation_id = kernel.current_organisation())
  with check (organisation_id = kernel.current_organisation());
grant select, insert on framework.gap_analysis to mainstay_app;
