create schema ledger;
grant usage on schema ledger to mainstay_app;

-- The common NHS chart of accounts (national, shared by every organisation).
create table ledger.account (
  code text not null,
  name text not null,
  account_type text not null,
  category text not null,
  chart_version text not null,
  postable boolean not null default true,
  constraint account_pkey primary key (code),
  constraint account_code_check check (code ~ '^[0-9]{6}$'),
  constraint account_type_check check (account_type in ('asset', 'liability', 'equity', 'income', 'expenditure'))
);
grant select, insert on ledger.account to mainstay_app;

-- Cost centres are each organisation's own.
create table ledger.cost_centre (
  organisation_id text not null,
  code text not null,
  name text not null,
  division text not null,
  active boolean not null default true,
  constraint cost_centre_pkey primary key (organisation_id, code),
  constraint cost_centre_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

-- An organisation's legacy chart, kept as imported, and its mapping onto the common chart.
create table ledger.legacy_account (
  organisation_id text not null,
  code text not null,
  name text not null,
  import_id text not null,
  imported_at timestamptz not null,
  constraint legacy_account_pkey primary key (organisation_id, code),
  constraint legacy_account_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

create table ledger.account_mapping (
  organisation_id text not null,
  legacy_code text not null,
  account_code text not null,
  method text not null,
  mapped_by text not null,
  mapped_at timestamptz not null,
  constraint account_mapping_pkey primary key (organisation_id, legacy_code),
  constraint account_mapping_legacy_fkey foreign key (organisation_id, legacy_code)
    references ledger.legacy_account (organisation_id, code),
  constraint account_mapping_account_fkey foreign key (account_code) references ledger.account (code),
  constraint account_mapping_method_check check (method in ('import', 'manual', 'suggested'))
);

create table ledger.accounting_period (
  organisation_id text not null,
  period_key text not null,
  financial_year text not null,
  period integer not null,
  start_date date not null,
  end_date date not null,
  status text not null,
  closed_by text,
  closed_at timestamptz,
  constraint accounting_period_pkey primary key (organisation_id, period_key),
  constraint accounting_period_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint accounting_period_status_check check (status in ('open', 'closed')),
  constraint accounting_period_dates_check check (start_date <= end_date)
);

create table ledger.budget (
  organisation_id text not null,
  financial_year text not null,
  cost_centre_code text not null,
  amount_pence bigint not null,
  set_by text not null,
  set_at timestamptz not null,
  constraint budget_pkey primary key (organisation_id, financial_year, cost_centre_code),
  constraint budget_cost_centre_fkey foreign key (organisation_id, cost_centre_code)
    references ledger.cost_centre (organisation_id, code),
  constraint budget_amount_check check (amount_pence >= 0)
);

-- Gapless journal numbers per organisation, taken in the posting transaction.
create table ledger.journal_counter (
  organisation_id text not null,
  last_number bigint not null,
  constraint journal_counter_pkey primary key (organisation_id)
);

create table ledger.journal (
  organisation_id text not null,
  id text not null,
  journal_number bigint not null,
  accounting_date date not null,
  period_key text not null,
  source_module text not null,
  source_id text not null,
  reason_code text not null,
  description text not null,
  reverses_journal_id text,
  idempotency_key text not null,
  content_hash text not null,
  total_pence bigint not null,
  line_count integer not null,
  posted_by text not null,
  posted_at timestamptz not null,
  constraint journal_pkey primary key (organisation_id, id),
  constraint journal_number_key unique (organisation_id, journal_number),
  constraint journal_idempotency_key_key unique (organisation_id, idempotency_key),
  constraint journal_period_fkey foreign key (organisation_id, period_key)
    references ledger.accounting_period (organisation_id, period_key),
  constraint journal_reverses_fkey foreign key (organisation_id, reverses_journal_id)
    references ledger.journal (organisation_id, id),
  constraint journal_reason_code_check check (
    reason_code in ('OPENING_BALANCE', 'MANUAL', 'AP_INVOICE', 'AP_CREDIT_NOTE', 'AP_PAYMENT', 'GRNI_ACCRUAL',
                    'GRNI_RELEASE', 'PAYROLL_COMMIT', 'PAYROLL_PAYMENT', 'ANYTIME_PAY', 'RECHARGE', 'INCOME', 'REVERSAL')
  ),
  constraint journal_total_check check (total_pence > 0),
  constraint journal_line_count_check check (line_count >= 2)
);
-- A journal can be reversed once.
create unique index journal_reverses_key on ledger.journal (organisation_id, reverses_journal_id)
  where reverses_journal_id is not null;
create index journal_source_idx on ledger.journal (organisation_id, source_module, source_id);
create index journal_period_idx on ledger.journal (organisation_id, period_key);

create table ledger.journal_line (
  organisation_id text not null,
  journal_id text not null,
  line_no integer not null,
  accounting_date date not null,
  period_key text not null,
  account_code text not null,
  cost_centre_code text,
  side text not null,
  amount_pence bigint not null,
  description text,
  counterparty_organisation_id text,
  constraint journal_line_pkey primary key (organisation_id, journal_id, line_no),
  constraint journal_line_journal_fkey foreign key (organisation_id, journal_id) references ledger.journal (organisation_id, id),
  constraint journal_line_account_fkey foreign key (account_code) references ledger.account (code),
  constraint journal_line_cost_centre_fkey foreign key (organisation_id, cost_centre_code)
    references ledger.cost_centre (organisation_id, code),
  constraint journal_line_side_check check (side in ('debit', 'credit')),
  constraint journal_line_amount_check check (amount_pence > 0)
);
create index journal_line_account_idx on ledger.journal_line (organisation_id, account_code, period_key);
create index journal_line_cost_centre_idx on ledger.journal_line (organisation_id, cost_centre_code, period_key);

-- Double entry, enforced by the database as well as the service: after any
-- insert, every journal touched must have exactly its declared lines, and its
-- debits and credits must each equal its total. Statement-level with transition
-- tables, so a batch of thousands of journals is checked in one set-based query;
-- a journal's header and lines are inserted by one statement (see queries.ts),
-- so a header without lines, or lines added later, both fail here.
create function ledger.check_journals_balanced() returns trigger
  language plpgsql
  as $$
declare
  organisation_ids text[];
  journal_ids text[];
  offender record;
begin
  if tg_table_name = 'journal' then
    select array_agg(distinct organisation_id), array_agg(distinct id) into organisation_ids, journal_ids from inserted;
  else
    select array_agg(distinct organisation_id), array_agg(distinct journal_id) into organisation_ids, journal_ids from inserted;
  end if;
  select j.id, j.total_pence, j.line_count,
         coalesce(sum(l.amount_pence) filter (where l.side = 'debit'), 0) as debits,
         coalesce(sum(l.amount_pence) filter (where l.side = 'credit'), 0) as credits,
         count(l.line_no) as lines
    into offender
    from ledger.journal j
    left join ledger.journal_line l on l.organisation_id = j.organisation_id and l.journal_id = j.id
   where j.organisation_id = any (organisation_ids) and j.id = any (journal_ids)
   group by j.organisation_id, j.id, j.total_pence, j.line_count
  having coalesce(sum(l.amount_pence) filter (where l.side = 'debit'), 0) <> j.total_pence
      or coalesce(sum(l.amount_pence) filter (where l.side = 'credit'), 0) <> j.total_pence
      or count(l.line_no) <> j.line_count
   limit 1;
  if found then
    raise exception 'journal % does not balance: debits %, credits %, declared total %, % of % lines',
      offender.id, offender.debits, offender.credits, offender.total_pence, offender.lines, offender.line_count
      using errcode = '23514', constraint = 'journal_balanced';
  end if;
  return null;
end
$$;

create trigger journal_balanced after insert on ledger.journal
  referencing new table as inserted for each statement execute function ledger.check_journals_balanced();
create trigger journal_line_balanced after insert on ledger.journal_line
  referencing new table as inserted for each statement execute function ledger.check_journals_balanced();

-- Postings are immutable: corrections are reversals.
create trigger journal_immutable before update or delete on ledger.journal
  for each row execute function kernel.refuse_change();
create trigger journal_line_immutable before update or delete on ledger.journal_line
  for each row execute function kernel.refuse_change();

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['cost_centre', 'legacy_account', 'account_mapping', 'accounting_period', 'budget',
                                       'journal_counter', 'journal', 'journal_line']
  loop
    execute format('alter table ledger.%I enable row level security', tenant_table);
    execute format('alter table ledger.%I force row level security', tenant_table);
    execute format('create policy tenant_read on ledger.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on ledger.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

grant select, insert, update on ledger.cost_centre, ledger.legacy_account, ledger.account_mapping,
  ledger.accounting_period, ledger.budget, ledger.journal_counter to mainstay_app;
grant select, insert on ledger.journal, ledger.journal_line to mainstay_app;
