import type { AnalyticsDb } from '../analytics/duckdb';

/**
 * The analytical snapshot's tables (DuckDB). Line tables are copies of the
 * imported rows with each organisation's harmonisation applied; the rollups
 * are what dashboards read. Column order matters: rows are appended
 * positionally.
 */
export const SNAPSHOT_TABLES = {
  organisation: `org varchar, name varchar, kind varchar, trust_type varchar, parent_id varchar, status varchar,
    income_pence bigint`,
  batch: 'org varchar, batch_id varchar, kind varchar, file_name varchar',
  spend_line: `org varchar, fingerprint varchar, batch_id varchar, source_line integer, payment_date date,
    supplier varchar, amount_pence bigint, expense_type varchar, expense_area varchar, transaction_number varchar,
    company_number varchar, vat_number varchar`,
  po_line: `org varchar, fingerprint varchar, batch_id varchar, source_line integer, order_date date,
    po_number varchar, supplier varchar, supplier_code varchar, description varchar, supplier_item_code varchar,
    manufacturer_code varchar, manufacturer varchar, gtin varchar, unit_of_measure varchar, pack_size double,
    quantity double, unit_price double, value_pence bigint, category varchar, contract_reference varchar,
    cost_centre varchar`,
  gl_line: `org varchar, fingerprint varchar, batch_id varchar, source_line integer, account_code varchar,
    account_name varchar, cost_centre varchar, cost_centre_name varchar, period varchar, amount_pence bigint`,
  workforce: `org varchar, kind varchar, employee_id varchar, record_date date, end_date date, period varchar,
    staff_group varchar, band varchar, team varchar, contracted_fte double, start_date date, reason varchar,
    days_lost double, fte_days_lost double, establishment_fte double, staff_in_post_fte double, vacancy_fte double,
    staffing_type varchar, cost_pence bigint, on_framework boolean, destination varchar, age_band varchar,
    contract_type varchar, fingerprint varchar, batch_id varchar, source_line integer`,
  ledger_line: `org varchar, month varchar, cost_centre varchar, cost_centre_name varchar, division varchar,
    account_code varchar, account_name varchar, account_type varchar, amount_pence bigint`,
  ledger_budget: 'org varchar, financial_year varchar, cost_centre varchar, budget_pence bigint',
  account_map: 'org varchar, legacy_code varchar, common_account varchar',
  supplier_map: `org varchar, supplier_key varchar, unified_supplier_id varchar, unified_name varchar,
    reason varchar, confidence double, supplier_name varchar`,
  item_map: `org varchar, item_key varchar, unified_item_id varchar, unified_description varchar,
    reason varchar, confidence double`,
} as const;

export type SnapshotTable = keyof typeof SNAPSHOT_TABLES;

/** Tables copied from Insight's own rows, replaced organisation by organisation when its data changes. */
export const IMPORTED_TABLES: readonly SnapshotTable[] = [
  'batch',
  'spend_line',
  'po_line',
  'gl_line',
  'workforce',
  'supplier_map',
  'item_map',
];

/** The harmonisation links: reloaded alone after a harmonisation run or a review decision. */
export const LINK_TABLES: readonly SnapshotTable[] = ['supplier_map', 'item_map'];

/** Tables mirrored from the ledger service, refreshed on their own schedule. */
export const LEDGER_TABLES: readonly SnapshotTable[] = ['ledger_line', 'ledger_budget', 'account_map'];

export async function createSnapshotTables(db: AnalyticsDb): Promise<void> {
  for (const [table, columns] of Object.entries(SNAPSHOT_TABLES)) {
    await db.run(`create table if not exists ${table} (${columns})`);
  }
}

export async function clearOrganisation(
  db: AnalyticsDb,
  organisationId: string,
  tables: readonly SnapshotTable[],
): Promise<void> {
  for (const table of tables) await db.run(`delete from ${table} where org = $1`, [organisationId]);
}

/**
 * A line key for catalogue items: the codes and words that say what was
 * bought, normalised, so the same item bought again has the same key.
 */
const ITEM_KEY = `md5(concat_ws('|', upper(trim(coalesce(l.gtin, ''))), upper(trim(coalesce(l.manufacturer_code, ''))),
  upper(trim(l.supplier)), upper(trim(coalesce(l.supplier_item_code, ''))), upper(regexp_replace(trim(l.description), '\\s+', ' ', 'g')),
  upper(trim(coalesce(l.unit_of_measure, ''))), coalesce(l.pack_size, 1)::varchar))`;

/** The supplier key an organisation's spelling is known by: its name, trimmed, spaces collapsed, any case. */
export const SUPPLIER_KEY = (column: string) => `upper(regexp_replace(trim(${column}), '\\s+', ' ', 'g'))`;

/**
 * Builds the facts and rollups the analytics read: purchase-order lines with
 * the unified item and supplier, each line's quantity in base units (pack size
 * times quantity) and its month; then monthly rollups by item and
 * organisation, and by category and supplier. Rebuilt after every load.
 */
export async function buildFacts(db: AnalyticsDb): Promise<void> {
  await db.run(`create or replace table po_fact as
    select l.org, l.fingerprint, l.batch_id, l.source_line, l.order_date, strftime(l.order_date, '%Y-%m') as month,
      l.po_number, l.supplier, coalesce(s.unified_supplier_id, 'org:' || l.org || ':' || ${SUPPLIER_KEY('l.supplier')}) as supplier_id,
      coalesce(s.unified_name, trim(l.supplier)) as supplier_name,
      ${ITEM_KEY} as item_key,
      l.description, l.supplier_item_code, l.manufacturer, l.manufacturer_code, l.gtin,
      coalesce(nullif(trim(l.category), ''), 'Uncategorised') as category,
      l.unit_of_measure, coalesce(l.pack_size, 1) as pack_size, l.quantity,
      l.quantity * coalesce(l.pack_size, 1) as base_quantity, l.value_pence,
      l.contract_reference, l.contract_reference is not null and trim(l.contract_reference) <> '' as on_contract,
      l.cost_centre
    from po_line l
    left join supplier_map s on s.org = l.org and s.supplier_key = ${SUPPLIER_KEY('l.supplier')}`);
  await db.run(`create or replace table po_fact as
    select f.*, coalesce(i.unified_item_id, 'org:' || f.org || ':' || f.item_key) as item_id,
      coalesce(i.unified_description, f.description) as item_description
    from po_fact f left join item_map i on i.org = f.org and i.item_key = f.item_key`);
  await buildRollups(db);
  await db.run(`create or replace table spend_fact as
    select l.org, l.fingerprint, l.batch_id, l.source_line, l.payment_date, strftime(l.payment_date, '%Y-%m') as month,
      l.supplier, coalesce(s.unified_supplier_id, 'org:' || l.org || ':' || ${SUPPLIER_KEY('l.supplier')}) as supplier_id,
      coalesce(s.unified_name, trim(l.supplier)) as supplier_name,
      coalesce(nullif(trim(l.expense_type), ''), 'Unclassified') as category, l.expense_area, l.amount_pence,
      l.transaction_number, l.company_number, l.vat_number
    from spend_line l
    left join supplier_map s on s.org = l.org and s.supplier_key = ${SUPPLIER_KEY('l.supplier')}`);
}

/**
 * The rollups the analytics read, rebuilt from the purchase-order facts:
 * items numbered densely (grouping on integers is much faster than on text);
 * each item's quantity and spend per organisation and month; the same for the
 * standard periods dashboards open on (the trailing twelve months and each
 * financial year), so price variation over a standard period reads one row
 * per item and organisation; spend per category and per supplier per month.
 */
export async function buildRollups(db: AnalyticsDb): Promise<void> {
  await db.run(`create or replace table item_dim as
    select item_id, row_number() over (order by item_id)::integer as item_no,
      any_value(item_description) as description, any_value(category) as category
    from po_fact group by item_id`);
  await db.run(`create or replace table po_item_month as
    select d.item_no, f.org, f.month, sum(f.base_quantity) as base_quantity, sum(f.value_pence)::bigint as value_pence,
      count(*)::bigint as lines,
      sum(f.base_quantity) filter (where f.on_contract) as contract_quantity,
      sum(f.value_pence) filter (where f.on_contract)::bigint as contract_value_pence
    from po_fact f join item_dim d using (item_id)
    group by d.item_no, f.org, f.month`);
  await db.run(`create or replace table po_period as
    with months as (select distinct month from po_item_month),
      latest as (select max(month) as month from months)
    select 'trailing-12' as period_key,
      strftime(strptime(latest.month || '-01', '%Y-%m-%d')::date - interval 11 month, '%Y-%m') as from_month,
      latest.month as to_month
    from latest where latest.month is not null
    union all
    select distinct 'fy-' || fy as period_key, fy || '-04' as from_month, (fy::integer + 1)::varchar || '-03' as to_month
    from (select case when month[6:7]::integer >= 4 then month[1:4] else (month[1:4]::integer - 1)::varchar end as fy from months)`);
  await db.run(`create or replace table po_item_period as
    select p.period_key, m.item_no, m.org, sum(m.base_quantity) as base_quantity, sum(m.value_pence)::bigint as value_pence,
      sum(m.lines)::bigint as lines, sum(m.contract_quantity) as contract_quantity,
      sum(m.contract_value_pence)::bigint as contract_value_pence
    from po_period p join po_item_month m on m.month between p.from_month and p.to_month
    group by p.period_key, m.item_no, m.org
    order by p.period_key, m.item_no`);
  await db.run(`create or replace table po_spend_month as
    select org, month, category, sum(value_pence)::bigint as value_pence, count(*)::bigint as lines,
      count(distinct supplier_id) as suppliers,
      sum(value_pence) filter (where not on_contract)::bigint as off_contract_pence
    from po_fact group by org, month, category`);
  await db.run(`create or replace table po_category_month as
    select org, month, category, supplier_id, any_value(supplier_name) as supplier_name,
      sum(value_pence)::bigint as value_pence, count(*)::bigint as lines,
      sum(value_pence) filter (where not on_contract)::bigint as off_contract_pence
    from po_fact group by org, month, category, supplier_id`);
}
