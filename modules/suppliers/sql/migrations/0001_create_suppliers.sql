create schema suppliers;
grant usage on schema suppliers to mainstay_app;

-- Each organisation's own supplier master: the same company may be on file at
-- several organisations, under names each chose (insight harmonises them).
create table suppliers.supplier (
  organisation_id text not null,
  id text not null,
  name text not null,
  companies_house_number text,
  vat_number text,
  endpoint_scheme text,
  endpoint_id text,
  gln text,
  payment_terms_days integer,
  addresses jsonb not null default '[]',
  status text not null default 'active',
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  constraint supplier_pkey primary key (organisation_id, id),
  constraint supplier_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint supplier_status_check check (status in ('active', 'inactive')),
  constraint supplier_payment_terms_check check (payment_terms_days is null or payment_terms_days between 0 and 120),
  constraint supplier_endpoint_check check ((endpoint_scheme is null) = (endpoint_id is null)),
  constraint supplier_vat_number_check check (vat_number is null or vat_number ~ '^GB([0-9]{9}|(GD|HA)[0-9]{3})$'),
  constraint supplier_gln_check check (gln is null or gln ~ '^[0-9]{13}$')
);
-- An identifier names one supplier within an organisation, so a lookup by it is never ambiguous.
create unique index supplier_vat_number_key on suppliers.supplier (organisation_id, vat_number) where vat_number is not null;
create unique index supplier_companies_house_number_key on suppliers.supplier (organisation_id, companies_house_number)
  where companies_house_number is not null;
create unique index supplier_endpoint_key on suppliers.supplier (organisation_id, endpoint_scheme, lower(endpoint_id))
  where endpoint_id is not null;
create unique index supplier_gln_key on suppliers.supplier (organisation_id, gln) where gln is not null;
create index supplier_name_idx on suppliers.supplier (organisation_id, lower(name));

-- Contacts on file, with when they were added: a bank-detail change can only be
-- verified by calling a contact who was on file before the change was entered.
create table suppliers.contact (
  organisation_id text not null,
  supplier_id text not null,
  id text not null,
  name text not null,
  role text,
  email text,
  telephone text,
  added_by text not null,
  added_at timestamptz not null,
  removed_at timestamptz,
  constraint contact_pkey primary key (organisation_id, id),
  constraint contact_supplier_fkey foreign key (organisation_id, supplier_id) references suppliers.supplier (organisation_id, id),
  constraint contact_reachable_check check (email is not null or telephone is not null)
);
create index contact_supplier_idx on suppliers.contact (organisation_id, supplier_id);

-- Every set of bank details ever entered. Mandate-fraud control (NHS Counter
-- Fraud Authority): a change stays pending until a second person, not the one
-- who entered it, records a call-back to a contact already on file; until then
-- the previously verified details stay in force.
create table suppliers.bank_details (
  organisation_id text not null,
  id text not null,
  supplier_id text not null,
  sort_code text not null,
  account_number text not null,
  account_name text not null,
  status text not null,
  source text not null,
  entered_by text not null,
  entered_at timestamptz not null,
  verified_by text,
  verified_at timestamptz,
  verification_contact_id text,
  verification_note text,
  rejected_by text,
  rejected_at timestamptz,
  superseded_at timestamptz,
  constraint bank_details_pkey primary key (organisation_id, id),
  constraint bank_details_supplier_fkey foreign key (organisation_id, supplier_id) references suppliers.supplier (organisation_id, id),
  constraint bank_details_contact_fkey foreign key (organisation_id, verification_contact_id) references suppliers.contact (organisation_id, id),
  constraint bank_details_status_check check (status in ('pending', 'verified', 'rejected', 'superseded')),
  constraint bank_details_sort_code_check check (sort_code ~ '^[0-9]{6}$'),
  constraint bank_details_account_number_check check (account_number ~ '^[0-9]{8}$'),
  -- the four-eyes rule, enforced by the database as well as the service
  constraint bank_details_second_person_check check (verified_by is null or verified_by <> entered_by),
  constraint bank_details_verified_check check (
    status not in ('verified', 'superseded') or (verified_by is not null and verified_at is not null and verification_contact_id is not null)
  ),
  constraint bank_details_rejected_check check ((status = 'rejected') = (rejected_by is not null))
);
create index bank_details_supplier_idx on suppliers.bank_details (organisation_id, supplier_id);
-- At most one change waiting and one set in force per supplier.
create unique index bank_details_one_pending_key on suppliers.bank_details (organisation_id, supplier_id) where status = 'pending';
create unique index bank_details_one_verified_key on suppliers.bank_details (organisation_id, supplier_id) where status = 'verified';

create function suppliers.refuse_bank_details_rewrite() returns trigger
  language plpgsql
  as $$
begin
  if new.sort_code <> old.sort_code or new.account_number <> old.account_number or new.account_name <> old.account_name
     or new.entered_by <> old.entered_by or new.entered_at <> old.entered_at or new.supplier_id <> old.supplier_id then
    raise exception 'bank details are never rewritten: enter a new change' using errcode = '55000';
  end if;
  if old.status in ('rejected', 'superseded') then
    raise exception 'bank details % are % and final', old.id, old.status using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger bank_details_entered_once before update on suppliers.bank_details
  for each row execute function suppliers.refuse_bank_details_rewrite();
create trigger bank_details_not_deleted before delete on suppliers.bank_details
  for each row execute function kernel.refuse_change();

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['supplier', 'contact', 'bank_details']
  loop
    execute format('alter table suppliers.%I enable row level security', tenant_table);
    execute format('alter table suppliers.%I force row level security', tenant_table);
    execute format('create policy tenant_read on suppliers.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on suppliers.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

grant select, insert, update on suppliers.supplier, suppliers.contact, suppliers.bank_details to mainstay_app;
