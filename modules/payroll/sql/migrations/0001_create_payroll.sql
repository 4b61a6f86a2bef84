create schema payroll;
grant usage on schema payroll to mainstay_app;

-- Recording order of everything a pay run reads. A run remembers the value it
-- was built at and reads only inputs recorded by then, so its preview and its
-- commit (possibly restarted after a crash) see exactly the same inputs.
create sequence payroll.record_seq;
grant usage on sequence payroll.record_seq to mainstay_app;

-- The employer's PAYE and Bacs identity.
create table payroll.employer (
  organisation_id text not null,
  paye_office_number text not null,
  paye_reference text not null,
  accounts_office_reference text not null,
  bacs_service_user_number text not null,
  bank_sort_code text not null,
  bank_account_number text not null,
  bank_account_name text not null,
  pension_funding text not null,
  updated_by text not null,
  updated_at timestamptz not null,
  constraint employer_pkey primary key (organisation_id),
  constraint employer_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint employer_pension_funding_check check (pension_funding in ('central-funding', 'full-rate'))
);

-- The person and the employment. Pay details are effective-dated changes (pay_record_change).
create table payroll.employee (
  organisation_id text not null,
  id text not null,
  payroll_number text not null,
  user_id text,
  title text,
  forenames text not null,
  surname text not null,
  ni_number text,
  date_of_birth date not null,
  gender text not null,
  address_lines text[] not null,
  postcode text,
  pay_frequency text not null,
  start_date date not null,
  starter_basis text not null,
  p45_tax_year text,
  p45_taxable_pence bigint,
  p45_tax_pence bigint,
  -- Kept in step with the record's leaving date so that runs need not read long-gone leavers.
  leaving_date date,
  created_by text not null,
  created_at timestamptz not null,
  constraint employee_pkey primary key (organisation_id, id),
  constraint employee_payroll_number_key unique (organisation_id, payroll_number),
  constraint employee_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint employee_gender_check check (gender in ('M', 'F')),
  constraint employee_frequency_check check (pay_frequency in ('weekly', 'fortnightly', 'four-weekly', 'monthly')),
  constraint employee_starter_basis_check check (starter_basis in ('p45', 'A', 'B', 'C'))
);
create unique index employee_user_key on payroll.employee (organisation_id, user_id) where user_id is not null;

create table payroll.pay_record_change (
  organisation_id text not null,
  employee_id text not null,
  change_no integer not null,
  effective_from date not null,
  fields jsonb not null,
  reason text not null,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint pay_record_change_pkey primary key (organisation_id, employee_id, change_no),
  constraint pay_record_change_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint pay_record_change_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id)
);

-- Bank details: a change waits for a second person to verify it; net pay goes only to verified details.
create table payroll.bank_details (
  organisation_id text not null,
  id text not null,
  employee_id text not null,
  sort_code text not null,
  account_number text not null,
  account_name text not null,
  building_society_reference text,
  status text not null,
  entered_by text not null,
  entered_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  decided_seq bigint,
  decision_note text,
  constraint bank_details_pkey primary key (organisation_id, id),
  constraint bank_details_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint bank_details_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id),
  constraint bank_details_status_check check (status in ('pending', 'verified', 'rejected')),
  constraint bank_details_sort_code_check check (sort_code ~ '^[0-9]{6}$'),
  constraint bank_details_account_number_check check (account_number ~ '^[0-9]{8}$'),
  constraint bank_details_second_person_check check (decided_by is null or decided_by <> entered_by),
  constraint bank_details_decided_check check ((status = 'pending') = (decided_at is null))
);
create index bank_details_employee_idx on payroll.bank_details (organisation_id, employee_id, decided_seq);

-- Standing deductions: salary sacrifice, payroll giving, voluntary deductions, attachment of earnings orders.
create table payroll.deduction_order (
  organisation_id text not null,
  id text not null,
  employee_id text not null,
  kind text not null,
  description text not null,
  payee text not null,
  amount_per_period_pence bigint not null,
  priority boolean,
  normal_deduction_pence bigint,
  protected_earnings_pence bigint,
  total_debt_pence bigint,
  order_date date,
  starts_on date not null,
  ends_on date,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  recorded_by text not null,
  recorded_at timestamptz not null,
  stopped_seq bigint,
  stopped_by text,
  stopped_at timestamptz,
  constraint deduction_order_pkey primary key (organisation_id, id),
  constraint deduction_order_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint deduction_order_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id),
  constraint deduction_order_kind_check check (
    kind in ('salary-sacrifice', 'payroll-giving', 'voluntary-deduction', 'attachment-of-earnings')),
  constraint deduction_order_amount_check check (amount_per_period_pence >= 0),
  constraint deduction_order_attachment_check check (
    (kind = 'attachment-of-earnings') = (normal_deduction_pence is not null and protected_earnings_pence is not null
      and priority is not null and order_date is not null))
);
create index deduction_order_employee_idx on payroll.deduction_order (organisation_id, employee_id);

-- Timesheets and claims, paid by the first committed run that takes them.
create table payroll.claim (
  organisation_id text not null,
  id text not null,
  employee_id text not null,
  worked_on date not null,
  kind text not null,
  details jsonb not null,
  source text not null,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint claim_pkey primary key (organisation_id, id),
  constraint claim_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint claim_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id),
  constraint claim_kind_check check (
    kind in ('unsocial-hours', 'overtime', 'on-call', 'bank-shift', 'sickness', 'maternity', 'adjustment'))
);
create index claim_employee_idx on payroll.claim (organisation_id, employee_id, worked_on);

-- Claim rows that could not be read, kept with their reasons.
create table payroll.claim_rejection (
  organisation_id text not null,
  import_id text not null,
  row_number integer not null,
  raw text not null,
  issues jsonb not null,
  file_name text not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint claim_rejection_pkey primary key (organisation_id, import_id, row_number),
  constraint claim_rejection_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

-- Sickness absence, for the workforce history the insight module reads.
create table payroll.absence (
  organisation_id text not null,
  id text not null,
  employee_id text not null,
  kind text not null,
  first_day date not null,
  last_day date not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint absence_pkey primary key (organisation_id, id),
  constraint absence_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint absence_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id),
  constraint absence_kind_check check (kind in ('sickness', 'maternity', 'other')),
  constraint absence_days_check check (first_day <= last_day)
);
create index absence_day_idx on payroll.absence (organisation_id, first_day);

-- Pay awards: new values for pay points from a date, often agreed months later.
create table payroll.pay_award (
  organisation_id text not null,
  id text not null,
  pay_year text not null,
  effective_from date not null,
  description text not null,
  points jsonb not null,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  recorded_by text not null,
  recorded_at timestamptz not null,
  constraint pay_award_pkey primary key (organisation_id, id),
  constraint pay_award_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

-- Employees whose past periods must be priced again (a backdated change or award), until a run pays the arrears.
create table payroll.recalculation (
  organisation_id text not null,
  employee_id text not null,
  id text not null,
  from_date date not null,
  reason text not null,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  settled_run_id text,
  constraint recalculation_pkey primary key (organisation_id, id),
  constraint recalculation_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint recalculation_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id)
);
create index recalculation_open_idx on payroll.recalculation (organisation_id, employee_id) where settled_run_id is null;

-- A pay run moves draft (calculated batch by batch into draft payslips) -> approved -> committed, or is cancelled from draft.
create table payroll.pay_run (
  organisation_id text not null,
  id text not null,
  sequence bigint not null,
  kind text not null,
  pay_frequency text not null,
  tax_year text not null,
  period integer not null,
  tax_period integer not null,
  period_start date not null,
  period_end date not null,
  pay_date date not null,
  status text not null,
  employee_ids text[],
  inputs_seq bigint,
  -- The first employee id of each calculation batch, fixed when the calculation starts so that a resumed one uses the same batches.
  batch_bounds text[],
  prepared_by text,
  prepared_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  commit_started_by text,
  commit_started_at timestamptz,
  committed_at timestamptz,
  journal_id text,
  preview jsonb,
  totals jsonb,
  created_by text not null,
  created_at timestamptz not null,
  constraint pay_run_pkey primary key (organisation_id, id),
  constraint pay_run_sequence_key unique (organisation_id, sequence),
  constraint pay_run_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint pay_run_kind_check check (kind in ('main', 'supplementary')),
  constraint pay_run_status_check check (status in ('draft', 'approved', 'committed', 'cancelled')),
  constraint pay_run_approver_check check (approved_by is null or approved_by <> prepared_by)
);
-- One main run per period; and one run in progress per pay frequency, so runs commit in order.
create unique index pay_run_main_key on payroll.pay_run (organisation_id, pay_frequency, tax_year, period)
  where kind = 'main' and status <> 'cancelled';
create unique index pay_run_open_key on payroll.pay_run (organisation_id, pay_frequency)
  where status in ('draft', 'approved');

-- Each calculated batch, written in the same transaction as its draft payslips: a batch is there whole or not
-- at all, so a calculation stopped part way resumes where it stopped.
create table payroll.pay_run_batch (
  organisation_id text not null,
  run_id text not null,
  batch_no integer not null,
  employees integer not null,
  payslips integer not null,
  with_issues integer not null,
  not_employed integer not null,
  net_pence bigint not null,
  checksum text not null,
  -- The batch's pay costs, liabilities and totals, summed so that the run's journal never reads every payslip.
  postings jsonb not null,
  variance_counts jsonb not null,
  claim_ids text[] not null,
  calculated_at timestamptz not null,
  constraint pay_run_batch_pkey primary key (organisation_id, run_id, batch_no),
  constraint pay_run_batch_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint pay_run_batch_run_fkey foreign key (organisation_id, run_id) references payroll.pay_run (organisation_id, id)
);

-- Bad input found by the preview, naming the employee and field; rebuilt with each preview.
create table payroll.pay_run_issue (
  organisation_id text not null,
  run_id text not null,
  employee_id text not null,
  issue_no integer not null,
  path text not null,
  rule text not null,
  message text not null,
  constraint pay_run_issue_pkey primary key (organisation_id, run_id, employee_id, issue_no),
  constraint pay_run_issue_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

create table payroll.pay_run_variance (
  organisation_id text not null,
  run_id text not null,
  employee_id text not null,
  flags text[] not null,
  net_pence bigint not null,
  previous_net_pence bigint,
  change_bps integer,
  constraint pay_run_variance_pkey primary key (organisation_id, run_id, employee_id),
  constraint pay_run_variance_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);

create table payroll.pay_run_exclusion (
  organisation_id text not null,
  run_id text not null,
  employee_id text not null,
  reason text not null,
  excluded_by text not null,
  excluded_at timestamptz not null,
  constraint pay_run_exclusion_pkey primary key (organisation_id, run_id, employee_id),
  constraint pay_run_exclusion_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint pay_run_exclusion_run_fkey foreign key (organisation_id, run_id) references payroll.pay_run (organisation_id, id),
  constraint pay_run_exclusion_employee_fkey foreign key (organisation_id, employee_id) references payroll.employee (organisation_id, id)
);

-- A run's payslips are written as drafts while it is calculated and become final when it is committed:
-- never changed, and deleted only while their run is a draft (a recalculation, or an employee left out).
-- Only the organisation is a foreign key here: run and employee are guaranteed by the writing service, and
-- per-row key checks would halve the rate at which a national pay run is stored.
create table payroll.payslip (
  organisation_id text not null,
  run_id text not null,
  employee_id text not null,
  run_sequence bigint not null,
  tax_year text not null,
  tax_period integer not null,
  pay_date date not null,
  cost_centre_code text not null,
  account_code text not null,
  tax_code text not null,
  week1_month1 boolean not null,
  ni_letter text not null,
  pension_tier integer not null,
  contracted_centihours integer not null,
  gross_pence bigint not null,
  taxable_pence bigint not null,
  niable_pence bigint not null,
  pensionable_pence bigint not null,
  income_tax_pence bigint not null,
  employee_ni_pence bigint not null,
  employer_ni_pence bigint not null,
  pension_employee_pence bigint not null,
  pension_employer_pence bigint not null,
  student_loan_pence bigint not null,
  postgraduate_loan_pence bigint not null,
  other_deductions_pence bigint not null,
  anytime_pay_recovered_pence bigint not null,
  net_pence bigint not null,
  ytd_gross_pence bigint not null,
  ytd_taxable_pence bigint not null,
  ytd_tax_pence bigint not null,
  ytd_niable_pence bigint not null,
  ytd_employee_ni_pence bigint not null,
  ytd_employer_ni_pence bigint not null,
  ytd_pension_employee_pence bigint not null,
  ytd_pension_employer_pence bigint not null,
  ytd_student_loan_pence bigint not null,
  ytd_postgraduate_loan_pence bigint not null,
  ytd_at_lel_pence bigint not null,
  ytd_lel_to_pt_pence bigint not null,
  ytd_pt_to_uel_pence bigint not null,
  bank_details_id text,
  first_pay boolean not null,
  -- Pay lines and deductions from net pay, compactly: [{"k": kind, "a": pence, ...}].
  lines json not null,
  -- What attachment orders carry to the next pay day; null for almost everyone.
  carried json,
  constraint payslip_pkey primary key (organisation_id, run_id, employee_id),
  constraint payslip_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id)
);
create index payslip_employee_idx on payroll.payslip (organisation_id, employee_id, run_sequence);
create trigger payslip_immutable before update on payroll.payslip
  for each row execute function kernel.refuse_change();
create function payroll.refuse_committed_payslip_delete() returns trigger
  language plpgsql
  as $$
begin
  if exists (select 1 from payroll.pay_run r where r.organisation_id = old.organisation_id and r.id = old.run_id
             and r.status = 'committed') then
    raise exception 'payroll.payslip of committed run % is final: delete refused', old.run_id
      using errcode = 'P0001', hint = 'Corrections go in a later or a supplementary run.';
  end if;
  return old;
end
$$;
create trigger payslip_committed_final before delete on payroll.payslip
  for each row execute function payroll.refuse_committed_payslip_delete();

-- Claims paid by a run, written with the payslips that pay them.
create table payroll.pay_run_claim (
  organisation_id text not null,
  run_id text not null,
  claim_id text not null,
  constraint pay_run_claim_pkey primary key (organisation_id, run_id, claim_id),
  constraint pay_run_claim_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint pay_run_claim_run_fkey foreign key (organisation_id, run_id) references payroll.pay_run (organisation_id, id),
  constraint pay_run_claim_claim_fkey foreign key (organisation_id, claim_id) references payroll.claim (organisation_id, id)
);
create index pay_run_claim_claim_idx on payroll.pay_run_claim (organisation_id, claim_id);
create trigger pay_run_claim_immutable before update or delete on payroll.pay_run_claim
  for each row execute function kernel.refuse_change();

-- Anytime pay: each draw paid and posted; recovered by the next committed run (payslip.anytime_pay_recovered_pence).
create table payroll.anytime_pay_draw (
  organisation_id text not null,
  id text not null,
  employee_id text not null,
  amount_pence bigint not null,
  period_start date not null,
  earned_net_pence bigint not null,
  available_pence bigint not null,
  journal_id text not null,
  recorded_seq bigint not null default nextval('payroll.record_seq'),
  drawn_by text not null,
  drawn_at timestamptz not null,
  constraint anytime_pay_draw_pkey primary key (organisation_id, id),
  constraint anytime_pay_draw_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint anytime_pay_draw_employee_fkey foreign key (organisation_id, employee_id)
    references payroll.employee (organisation_id, id),
  constraint anytime_pay_draw_amount_check check (amount_pence > 0)
);
create index anytime_pay_draw_employee_idx on payroll.anytime_pay_draw (organisation_id, employee_id, period_start);
create trigger anytime_pay_draw_immutable before update or delete on payroll.anytime_pay_draw
  for each row execute function kernel.refuse_change();

-- Payslip queries: raised from a payslip line, answered by the payroll team within the SLA.
create table payroll.payslip_query (
  organisation_id text not null,
  id text not null,
  run_id text not null,
  employee_id text not null,
  line_ref text not null,
  query_type text not null,
  rule text,
  message text not null,
  calculation jsonb not null,
  status text not null,
  raised_by text not null,
  raised_at timestamptz not null,
  resolution text,
  root_cause text,
  resolved_by text,
  resolved_at timestamptz,
  constraint payslip_query_pkey primary key (organisation_id, id),
  constraint payslip_query_organisation_id_fkey foreign key (organisation_id) references organisations.organisation (id),
  constraint payslip_query_payslip_fkey foreign key (organisation_id, run_id, employee_id)
    references payroll.payslip (organisation_id, run_id, employee_id),
  constraint payslip_query_status_check check (status in ('open', 'resolved')),
  constraint payslip_query_root_cause_check check (
    root_cause is null or root_cause in ('explained', 'input-error', 'rule-error', 'late-change'))
);
create index payslip_query_status_idx on payroll.payslip_query (organisation_id, status, raised_at);

do $$
declare
  tenant_table text;
begin
  foreach tenant_table in array array['employer', 'employee', 'pay_record_change', 'bank_details', 'deduction_order',
                                       'claim', 'claim_rejection', 'absence', 'pay_award', 'recalculation', 'pay_run',
                                       'pay_run_batch', 'pay_run_issue', 'pay_run_variance', 'pay_run_exclusion',
                                       'payslip', 'pay_run_claim', 'anytime_pay_draw', 'payslip_query']
  loop
    execute format('alter table payroll.%I enable row level security', tenant_table);
    execute format('alter table payroll.%I force row level security', tenant_table);
    execute format('create policy tenant_read on payroll.%I for select using (organisation_id = any (kernel.readable_organisations()))', tenant_table);
    execute format('create policy tenant_write on payroll.%I for all using (organisation_id = kernel.current_organisation()) with check (organisation_id = kernel.current_organisation())', tenant_table);
  end loop;
end
$$;

grant select, insert, update on payroll.employer, payroll.employee, payroll.bank_details, payroll.deduction_order,
  payroll.recalculation, payroll.pay_run, payroll.payslip_query to mainstay_app;
grant select, insert on payroll.pay_record_change, payroll.claim, payroll.claim_rejection, payroll.absence,
  payroll.pay_award, payroll.pay_run_claim, payroll.anytime_pay_draw to mainstay_app;
-- A draft run is recalculated: its batches, draft payslips, issues and variances are replaced; exclusions can be withdrawn.
grant select, insert, delete on payroll.pay_run_batch, payroll.pay_run_issue, payroll.pay_run_variance,
  payroll.pay_run_exclusion, payroll.payslip to mainstay_app;
