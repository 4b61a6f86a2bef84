create schema procurement;
grant usage on schema procurement to mainstay_app;

-- The national catalogue and national frameworks are rows owned by the
-- shared-service provider with scope 'national': every organisation reads them
-- (policy national_read), only a shared-service provider may write them (the
-- restrictive policy national_owner), and each organisation decides locally
-- which national items it orders (catalogue_availability). Local contracts and
-- local items are ordinary tenant rows. See the module README.
create function procurement.may_own_national(organisation text) returns boolean
  language sql stable
  as $$ select exists (select 1 from organisations.organisation o where o.id = organisation and o.kind = 'shared-service-provider') $$;

create table procurement.contract (
  organisation_id text not null,
  id text not null,
  reference text not null,
  title text not null,
  kind text not null,
  scope text not null,
  supplier_name text,
  valid_from date not null,
  valid_to date not null,
  created_by text not null,
  created_at timestamptz not null,
  constraint contract_pkey primary key (organisation_id, id),
  constraint contract_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint contract_reference_key unique (organisation_id, reference),
  constraint contract_kind_check check (kind in ('national-framework', 'local-contract')),
  constraint contract_scope_check check ((kind = 'national-framework') = (scope = 'national')),
  constraint contract_dates_check check (valid_from <= valid_to)
);

-- A contracted price for one catalogue item over a period. A local contract
-- may price a national item, so item_id is checked by the service, not a key.
create table procurement.contract_price (
  organisation_id text not null,
  contract_id text not null,
  item_id text not null,
  valid_from date not null,
  valid_to date not null,
  unit_price_pence bigint not null,
  scope text not null,
  set_by text not null,
  set_at timestamptz not null,
  constraint contract_price_pkey primary key (organisation_id, contract_id, item_id, valid_from),
  constraint contract_price_contract_fkey foreign key (organisation_id, contract_id) references procurement.contract (organisation_id, id),
  constraint contract_price_scope_check check (scope in ('national', 'local')),
  constraint contract_price_amount_check check (unit_price_pence >= 0),
  constraint contract_price_dates_check check (valid_from <= valid_to)
);
create index contract_price_item_idx on procurement.contract_price (item_id, valid_from);

create table procurement.catalogue_item (
  organisation_id text not null,
  id text not null,
  scope text not null,
  gtin text,
  description text not null,
  supplier_id text not null,
  supplier_name text not null,
  supplier_vat_number text,
  supplier_companies_house_number text,
  supplier_gln text,
  supplier_item_code text not null,
  unit_code text not null,
  pack_size integer not null,
  category_code text not null,
  list_price_pence bigint not null,
  vat_rate_basis_points integer not null,
  account_code text not null,
  active boolean not null default true,
  search_text text not null,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  constraint catalogue_item_pkey primary key (organisation_id, id),
  constraint catalogue_item_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint catalogue_item_supplier_code_key unique (organisation_id, supplier_id, supplier_item_code),
  constraint catalogue_item_scope_check check (scope in ('national', 'local')),
  constraint catalogue_item_gtin_check check (gtin is null or gtin ~ '^[0-9]{14}$'),
  constraint catalogue_item_pack_size_check check (pack_size > 0),
  constraint catalogue_item_price_check check (list_price_pence >= 0),
  constraint catalogue_item_vat_rate_check check (vat_rate_basis_points between 0 and 10000),
  constraint catalogue_item_account_check check (account_code ~ '^[0-9]{6}$')
);
create index catalogue_item_gtin_idx on procurement.catalogue_item (gtin) where gtin is not null;
create index catalogue_item_scope_idx on procurement.catalogue_item (scope, organisation_id);

-- Whether an organisation orders a catalogue item, and from which of its own suppliers.
create table procurement.catalogue_availability (
  organisation_id text not null,
  item_id text not null,
  available boolean not null,
  supplier_id text not null,
  set_by text not null,
  set_at timestamptz not null,
  constraint catalogue_availability_pkey primary key (organisation_id, item_id),
  constraint catalogue_availability_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

create table procurement.catalogue_import (
  organisation_id text not null,
  id text not null,
  file_name text not null,
  file_format text not null,
  scope text not null,
  rows_read integer not null,
  rows_accepted integer not null,
  rows_rejected integer not null,
  imported_by text not null,
  imported_at timestamptz not null,
  constraint catalogue_import_pkey primary key (organisation_id, id),
  constraint catalogue_import_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint catalogue_import_format_check check (file_format in ('csv', 'xlsx'))
);

-- Rows an import refused, kept with the row as read and every reason: nothing is dropped.
create table procurement.catalogue_rejection (
  organisation_id text not null,
  import_id text not null,
  row_number integer not null,
  raw jsonb not null,
  issues jsonb not null,
  constraint catalogue_rejection_pkey primary key (organisation_id, import_id, row_number),
  constraint catalogue_rejection_import_fkey foreign key (organisation_id, import_id) references procurement.catalogue_import (organisation_id, id)
);

-- Who the organisation is on a PEPPOL order: its electronic address and where goods go.
create table procurement.ordering_profile (
  organisation_id text not null,
  buyer_name text not null,
  endpoint_scheme text not null,
  endpoint_id text not null,
  delivery_address jsonb not null,
  contact jsonb not null,
  updated_by text not null,
  updated_at timestamptz not null,
  constraint ordering_profile_pkey primary key (organisation_id),
  constraint ordering_profile_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

-- Gapless document numbers per organisation and kind, taken in the creating transaction.
create table procurement.counter (
  organisation_id text not null,
  kind text not null,
  last_number bigint not null,
  constraint counter_pkey primary key (organisation_id, kind),
  constraint counter_kind_check check (kind in ('requisition', 'purchase-order', 'goods-receipt'))
);

create table procurement.requisition (
  organisation_id text not null,
  id text not null,
  number text not null,
  requester_id text not null,
  status text not null,
  total_net_pence bigint not null,
  approval_route jsonb not null,
  touchless_blockers jsonb not null,
  needed_by date,
  note text,
  source text not null default 'mainstay',
  submitted_at timestamptz not null,
  decided_at timestamptz,
  ordered_at timestamptz,
  closing_reason text,
  constraint requisition_pkey primary key (organisation_id, id),
  constraint requisition_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint requisition_number_key unique (organisation_id, number),
  constraint requisition_status_check check (status in ('pending-approval', 'ordered', 'rejected', 'cancelled')),
  constraint requisition_source_check check (source in ('mainstay', 'migrated')),
  constraint requisition_total_check check (total_net_pence >= 0)
);
create index requisition_status_idx on procurement.requisition (organisation_id, status, submitted_at);
create index requisition_requester_idx on procurement.requisition (organisation_id, requester_id, submitted_at);

create table procurement.requisition_line (
  organisation_id text not null,
  requisition_id text not null,
  line_no integer not null,
  item_id text,
  description text not null,
  supplier_id text not null,
  supplier_item_code text,
  gtin text,
  unit_code text not null,
  quantity numeric(18, 3) not null,
  unit_price_pence bigint not null,
  vat_rate_basis_points integer not null,
  net_pence bigint not null,
  account_code text not null,
  cost_centre_code text not null,
  contract_id text,
  constraint requisition_line_pkey primary key (organisation_id, requisition_id, line_no),
  constraint requisition_line_requisition_fkey foreign key (organisation_id, requisition_id)
    references procurement.requisition (organisation_id, id),
  constraint requisition_line_quantity_check check (quantity > 0),
  constraint requisition_line_price_check check (unit_price_pence >= 0 and net_pence >= 0)
);

-- One decision per level of a requisition's route; decisions are never changed.
create table procurement.approval_decision (
  organisation_id text not null,
  requisition_id text not null,
  level integer not null,
  role text not null,
  decision text not null,
  decided_by text not null,
  on_behalf_of text,
  reason text,
  decided_at timestamptz not null,
  constraint approval_decision_pkey primary key (organisation_id, requisition_id, level),
  constraint approval_decision_requisition_fkey foreign key (organisation_id, requisition_id)
    references procurement.requisition (organisation_id, id),
  constraint approval_decision_check check (decision in ('approved', 'rejected')),
  constraint approval_decision_reason_check check (decision = 'approved' or coalesce(btrim(reason), '') <> '')
);
create index approval_decision_person_idx on procurement.approval_decision (organisation_id, decided_by);

-- An approver away: a deputy holds their approval authority for a date range.
create table procurement.delegation (
  organisation_id text not null,
  id text not null,
  delegator_id text not null,
  deputy_id text not null,
  starts_on date not null,
  ends_on date not null,
  reason text not null,
  created_by text not null,
  created_at timestamptz not null,
  revoked_by text,
  revoked_at timestamptz,
  constraint delegation_pkey primary key (organisation_id, id),
  constraint delegation_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint delegation_people_check check (delegator_id <> deputy_id),
  constraint delegation_dates_check check (starts_on <= ends_on)
);
create index delegation_deputy_idx on procurement.delegation (organisation_id, deputy_id, starts_on);

create table procurement.purchase_order (
  organisation_id text not null,
  id text not null,
  number text not null,
  number_key text not null,
  requisition_id text not null,
  requester_id text not null,
  supplier_id text not null,
  status text not null,
  version integer not null,
  raised_via text not null,
  raised_by text not null,
  requisition_submitted_at timestamptz not null,
  raised_at timestamptz not null,
  order_date date not null,
  financial_year text not null,
  currency text not null default 'GBP',
  total_net_pence bigint not null,
  approved_net_pence bigint not null,
  source text not null default 'mainstay',
  cancelled_by text,
  cancelled_at timestamptz,
  cancel_reason text,
  closed_at timestamptz,
  constraint purchase_order_pkey primary key (organisation_id, id),
  constraint purchase_order_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint purchase_order_requisition_fkey foreign key (organisation_id, requisition_id)
    references procurement.requisition (organisation_id, id),
  constraint purchase_order_number_key unique (organisation_id, number),
  constraint purchase_order_number_key_key unique (organisation_id, number_key),
  constraint purchase_order_status_check check (status in ('issued', 'cancelled', 'closed')),
  constraint purchase_order_raised_via_check check (raised_via in ('touchless', 'approval')),
  constraint purchase_order_source_check check (source in ('mainstay', 'migrated')),
  constraint purchase_order_currency_check check (currency = 'GBP'),
  constraint purchase_order_total_check check (total_net_pence >= 0 and total_net_pence <= approved_net_pence),
  constraint purchase_order_cancelled_check check ((status = 'cancelled') = (cancelled_at is not null))
);
create index purchase_order_raised_idx on procurement.purchase_order (organisation_id, raised_at);
create index purchase_order_status_idx on procurement.purchase_order (organisation_id, status, raised_at);
create index purchase_order_requisition_idx on procurement.purchase_order (organisation_id, requisition_id);

-- Every version of every order line: an amendment supersedes lines, never rewrites them.
create table procurement.purchase_order_line (
  organisation_id text not null,
  purchase_order_id text not null,
  line_no integer not null,
  version integer not null,
  item_id text,
  description text not null,
  gtin text,
  supplier_item_code text,
  unit_code text not null,
  quantity numeric(18, 3) not null,
  unit_price_pence bigint not null,
  vat_rate_basis_points integer not null,
  net_pence bigint not null,
  account_code text not null,
  cost_centre_code text not null,
  contract_id text,
  superseded_in_version integer,
  constraint purchase_order_line_pkey primary key (organisation_id, purchase_order_id, line_no, version),
  constraint purchase_order_line_order_fkey foreign key (organisation_id, purchase_order_id)
    references procurement.purchase_order (organisation_id, id),
  constraint purchase_order_line_quantity_check check (quantity >= 0),
  constraint purchase_order_line_price_check check (unit_price_pence >= 0 and net_pence >= 0),
  constraint purchase_order_line_version_check check (superseded_in_version is null or superseded_in_version > version)
);
create unique index purchase_order_line_current_key on procurement.purchase_order_line (organisation_id, purchase_order_id, line_no)
  where superseded_in_version is null;

create function procurement.refuse_line_rewrite() returns trigger
  language plpgsql
  as $$
begin
  if old.superseded_in_version is not null or new.superseded_in_version is null
     or (new.quantity, new.unit_price_pence, new.net_pence, new.account_code, new.cost_centre_code, new.description)
        is distinct from (old.quantity, old.unit_price_pence, old.net_pence, old.account_code, old.cost_centre_code, old.description) then
    raise exception 'order lines are versioned: supersede a line with a new version, never rewrite it' using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger purchase_order_line_versioned before update on procurement.purchase_order_line
  for each row execute function procurement.refuse_line_rewrite();

create table procurement.purchase_order_version (
  organisation_id text not null,
  purchase_order_id text not null,
  version integer not null,
  change text not null,
  reason text not null,
  total_net_pence bigint not null,
  changed_by text not null,
  changed_at timestamptz not null,
  constraint purchase_order_version_pkey primary key (organisation_id, purchase_order_id, version),
  constraint purchase_order_version_order_fkey foreign key (organisation_id, purchase_order_id)
    references procurement.purchase_order (organisation_id, id),
  constraint purchase_order_version_change_check check (change in ('raised', 'amended', 'cancelled'))
);

create table procurement.goods_receipt (
  organisation_id text not null,
  id text not null,
  number text not null,
  purchase_order_id text not null,
  kind text not null,
  received_on date not null,
  note text,
  journal_id text,
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint goods_receipt_pkey primary key (organisation_id, id),
  constraint goods_receipt_number_key unique (organisation_id, number),
  constraint goods_receipt_order_fkey foreign key (organisation_id, purchase_order_id)
    references procurement.purchase_order (organisation_id, id),
  constraint goods_receipt_kind_check check (kind in ('receipt', 'return'))
);
create index goods_receipt_order_idx on procurement.goods_receipt (organisation_id, purchase_order_id);

-- Quantities received (or returned) per order line, and the accrual each posted (goods received not invoiced).
create table procurement.goods_receipt_line (
  organisation_id text not null,
  goods_receipt_id text not null,
  purchase_order_id text not null,
  line_no integer not null,
  quantity numeric(18, 3) not null,
  value_pence bigint not null,
  account_code text not null,
  cost_centre_code text not null,
  constraint goods_receipt_line_pkey primary key (organisation_id, goods_receipt_id, line_no),
  constraint goods_receipt_line_receipt_fkey foreign key (organisation_id, goods_receipt_id)
    references procurement.goods_receipt (organisation_id, id),
  constraint goods_receipt_line_quantity_check check (quantity > 0),
  constraint goods_receipt_line_value_check check (value_pence >= 0)
);
create index goods_receipt_line_order_idx on procurement.goods_receipt_line (organisation_id, purchase_order_id, line_no);

-- What payables has invoiced against each order line (credit notes negative), and the accrual each invoice released.
create table procurement.invoice_record (
  organisation_id text not null,
  purchase_order_id text not null,
  invoice_id text not null,
  line_no integer not null,
  quantity numeric(18, 3) not null,
  net_pence bigint not null,
  grni_released_pence bigint not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint invoice_record_pkey primary key (organisation_id, purchase_order_id, invoice_id, line_no),
  constraint invoice_record_order_fkey foreign key (organisation_id, purchase_order_id)
    references procurement.purchase_order (organisation_id, id),
  constraint invoice_record_grni_check check (grni_released_pence >= 0)
);

-- Commitments as movements: raised with an order, released by receipts, cancellation and closing.
-- The open commitment of a cost centre is the sum of its movements.
create table procurement.commitment (
  organisation_id text not null,
  id text not null,
  purchase_order_id text not null,
  line_no integer not null,
  cost_centre_code text not null,
  account_code text not null,
  financial_year text not null,
  amount_pence bigint not null,
  event text not null,
  source_id text not null,
  created_at timestamptz not null,
  constraint commitment_pkey primary key (organisation_id, id),
  constraint commitment_order_fkey foreign key (organisation_id, purchase_order_id)
    references procurement.purchase_order (organisation_id, id),
  constraint commitment_amount_check check (amount_pence <> 0),
  constraint commitment_event_check check (event in ('raised', 'amended', 'received', 'returned', 'cancelled', 'closed', 'reopened'))
);
create index commitment_cost_centre_idx on procurement.commitment (organisation_id, financial_year, cost_centre_code);
create index commitment_order_idx on procurement.commitment (organisation_id, purchase_order_id, line_no);

create trigger requisition_line_immutable before update or delete on procurement.requisition_line
  for each row execute function kernel.refuse_change();
create trigger approval_decision_immutable before update or delete on procurement.approval_decision
  for each row execute function kernel.refuse_change();
create trigger purchase_order_version_immutable before update or delete on procurement.purchase_order_version
  for each row execute function kernel.refuse_change();
create trigger goods_receipt_immutable before update or delete on procurement.goods_receipt
  for each row execute function kernel.refuse_change();
create trigger goods_receipt_line_immutable before update or delete on procurement.goods_receipt_line
  for each row execute function kernel.refuse_change();
create trigger invoice_record_immutable before update or delete on procurement.invoice_record
  for each row execute function kernel.refuse_change();
create trigger commitment_immutable before update or delete on procurement.commitment
  for each row execute function kernel.refuse_change();
create trigger catalogue_rejection_immutable before update or delete on procurement.catalogue_rejection
  for each row execute function kernel.refuse_change();

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['contract', 'contract_price', 'catalogue_item', 'catalogue_availability',
                                       'catalogue_import', 'catalogue_rejection', 'ordering_profile', 'counter',
                                       'requisition', 'requisition_line', 'approval_decision', 'delegation',
                                       'purchase_order', 'purchase_order_line', 'purchase_order_version',
                                       'goods_receipt', 'goods_receipt_line', 'invoice_record', 'commitment']
  loop
    execute format('alter table procurement.%I enable row level security', tenant_table);
    execute format('alter table procurement.%I force row level security', tenant_table);
    execute format('create policy tenant_read on procurement.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on procurement.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
  -- The national catalogue and frameworks: read by everyone, written only by a shared-service provider.
  foreach tenant_table in array array['contract', 'contract_price', 'catalogue_item']
  loop
    execute format('create policy national_read on procurement.%I for select using (scope = ''national'')', tenant_table);
    execute format('create policy national_owner on procurement.%I as restrictive for insert with check (scope = ''local'' or procurement.may_own_national(organisation_id))', tenant_table);
    execute format('create policy national_owner_update on procurement.%I as restrictive for update using (true) with check (scope = ''local'' or procurement.may_own_national(organisation_id))', tenant_table);
  end loop;
end
$$;

grant select, insert, update on procurement.contract, procurement.catalogue_item, procurement.catalogue_availability,
  procurement.ordering_profile, procurement.counter, procurement.requisition, procurement.delegation,
  procurement.purchase_order, procurement.purchase_order_line to mainstay_app;
grant select, insert, update on procurement.contract_price to mainstay_app;
grant select, insert on procurement.catalogue_import, procurement.catalogue_rejection, procurement.requisition_line,
  procurement.approval_decision, procurement.purchase_order_version, procurement.goods_receipt,
  procurement.goods_receipt_line, procurement.invoice_record, procurement.commitment to mainstay_app;
grant execute on function procurement.may_own_national(text) to mainstay_app;
