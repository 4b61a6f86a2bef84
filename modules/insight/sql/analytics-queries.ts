import type { AnalyticsDb, AnalyticsRow } from '../analytics/duckdb';
import { SUPPLIER_KEY } from './snapshot-schema';

/**
 * The analytic queries over the snapshot (DuckDB). Organisation lists travel
 * as one comma-separated parameter (organisation codes contain no commas);
 * months are `YYYY-MM` strings, compared as text. Totals stay integer pence;
 * unit prices (pence per base unit) and savings estimates are ratios,
 * computed in double precision and rounded to whole pence when returned.
 */
const inList = (placeholder: string) => `(select unnest(string_split(${placeholder}, ',')))`;

export type MonthRange = { from: string; to: string };

export type PriceVariationQuery = MonthRange & {
  /** Organisations whose savings are counted (the view). */
  view: readonly string[];
  /** Organisations the item statistics are taken over (the comparison group). */
  peers: readonly string[];
  category: string | null;
  item: string | null;
  limit: number;
};

export type PriceVariationRow = {
  item_id: string;
  description: string;
  category: string;
  organisations: bigint;
  min_price: number;
  median_price: number;
  max_price: number;
  benchmark_price: number | null;
  total_value_pence: bigint;
  view_value_pence: bigint;
  saving_median_pence: bigint;
  saving_benchmark_pence: bigint | null;
};

type Param = string | number | bigint | boolean | null;

/** Builds a statement's positional parameters as the SQL names them, so no parameter is ever left unused. */
function parameters() {
  const values: Param[] = [];
  return {
    values,
    add(value: Param): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** The standard periods with a prepared rollup (trailing twelve months, financial years). */
export async function selectStandardPeriods(
  db: AnalyticsDb,
): Promise<{ period_key: string; from_month: string; to_month: string }[]> {
  return db.rows('select period_key, from_month, to_month from po_period order by period_key');
}

/**
 * Each organisation's quantity, spend and unit price per item over the
 * period: from the standard period's rollup when the period is one (one row
 * per item and organisation), otherwise summed from the monthly rollup.
 */
function pricedItems(
  p: ReturnType<typeof parameters>,
  query: Omit<PriceVariationQuery, 'view' | 'limit'>,
  periodKey: string | null,
): string {
  const peers = inList(p.add(query.peers.join(',')));
  const filters = [
    `org in ${peers}`,
    query.category === null
      ? ''
      : `item_no in (select item_no from item_dim where category = ${p.add(query.category)})`,
    query.item === null
      ? ''
      : `item_no = (select item_no from item_dim where item_id = ${p.add(query.item)})`,
  ].filter(Boolean);
  const source =
    periodKey !== null
      ? `select item_no, org, base_quantity as quantity, value_pence, contract_quantity, contract_value_pence
         from po_item_period where period_key = ${p.add(periodKey)} and ${filters.join(' and ')}`
      : `select item_no, org, sum(base_quantity) as quantity, sum(value_pence)::bigint as value_pence,
           sum(contract_quantity) as contract_quantity, sum(contract_value_pence)::bigint as contract_value_pence
         from po_item_month where month between ${p.add(query.from)} and ${p.add(query.to)} and ${filters.join(' and ')}
         group by item_no, org`;
  return `with org_item as (${source}),
  priced as (
    select *, value_pence::double / quantity as unit_price,
      case when contract_quantity > 0 then contract_value_pence::double / contract_quantity end as contract_price
    from org_item where quantity > 0)`;
}

/**
 * Price variation per unified item (NAO / Spend Comparison Service method):
 * each organisation's unit price is its spend over its quantity in base
 * units; the statistics run over the comparison group; the saving is what the
 * organisations in view would have saved paying the group median, or the
 * benchmark (the lowest contracted price any organisation paid), for the same
 * quantity. Items bought by fewer than two organisations cannot be compared.
 * Also returns the totals over every comparable item.
 */
export async function selectPriceVariation(
  db: AnalyticsDb,
  query: PriceVariationQuery,
  periodKey: string | null,
): Promise<{
  rows: PriceVariationRow[];
  totals: { items: bigint; saving_median_pence: bigint | null; saving_benchmark_pence: bigint | null };
}> {
  const p = parameters();
  const with_ = pricedItems(p, query, periodKey);
  const view = inList(p.add(query.view.join(',')));
  const opportunities = `${with_},
    stats as (
      select item_no, count(*) as organisations, min(unit_price) as min_price, median(unit_price) as median_price,
        max(unit_price) as max_price, min(contract_price) as benchmark_price, sum(value_pence)::bigint as total_value_pence
      from priced group by item_no having count(*) >= 2),
    opportunity as (
      select p.item_no, sum(p.value_pence)::bigint as view_value_pence,
        round(sum(greatest(p.unit_price - s.median_price, 0) * p.quantity))::bigint as saving_median_pence,
        round(sum(greatest(p.unit_price - s.benchmark_price, 0) * p.quantity))::bigint as saving_benchmark_pence
      from priced p join stats s using (item_no)
      where p.org in ${view}
      group by p.item_no)`;
  const limit = p.add(query.limit);
  // the totals over every comparable item ride along on each row (window sums), so one statement answers both
  const found = await db.rows<
    PriceVariationRow & {
      items: bigint;
      all_median_pence: bigint | null;
      all_benchmark_pence: bigint | null;
    } & AnalyticsRow
  >(
    `${opportunities},
    result as (
      select s.*, o.view_value_pence, o.saving_median_pence,
        case when s.benchmark_price is null then null else o.saving_benchmark_pence end as saving_benchmark_pence
      from stats s join opportunity o using (item_no)),
    ranked as (
      select *, count(*) over () as items, sum(saving_median_pence) over ()::bigint as all_median_pence,
        sum(saving_benchmark_pence) over ()::bigint as all_benchmark_pence
      from result order by saving_median_pence desc, item_no limit ${limit})
    select d.item_id, d.description, d.category, r.organisations, r.min_price, r.median_price, r.max_price,
      r.benchmark_price, r.total_value_pence, r.view_value_pence, r.saving_median_pence, r.saving_benchmark_pence,
      r.items, r.all_median_pence, r.all_benchmark_pence
    from ranked r join item_dim d using (item_no)
    order by r.saving_median_pence desc, d.item_id`,
    p.values,
  );
  const first = found[0];
  const totals = first
    ? {
        items: first.items,
        saving_median_pence: first.all_median_pence,
        saving_benchmark_pence: first.all_benchmark_pence,
      }
    : null;
  const rows: PriceVariationRow[] = found;
  return { rows, totals: totals ?? { items: 0n, saving_median_pence: null, saving_benchmark_pence: null } };
}

export type ItemPriceRow = {
  item_id: string;
  org: string;
  quantity: number;
  value_pence: bigint;
  unit_price: number;
  lines: bigint;
};

/** Every comparison-group organisation's price for the given items. */
export async function selectItemPrices(
  db: AnalyticsDb,
  query: Omit<PriceVariationQuery, 'item' | 'limit' | 'category' | 'view'>,
  periodKey: string | null,
  items: readonly string[],
): Promise<ItemPriceRow[]> {
  if (items.length === 0) return [];
  const p = parameters();
  const with_ = pricedItems(p, { ...query, category: null, item: null }, periodKey);
  const wanted = inList(p.add(items.join(',')));
  return db.rows<ItemPriceRow & AnalyticsRow>(
    `${with_}
    select d.item_id, p.org, p.quantity, p.value_pence, p.unit_price, 0::bigint as lines
    from priced p join item_dim d using (item_no)
    where d.item_id in ${wanted} order by d.item_id, p.unit_price`,
    p.values,
  );
}

export type SpendDimension = 'category' | 'supplier' | 'organisation' | 'month';

export type SpendQuery = MonthRange & {
  view: readonly string[];
  dimension: SpendDimension;
  category: string | null;
  supplier: string | null;
  limit: number;
};

export type SpendRow = {
  key: string;
  label: string;
  value_pence: bigint;
  lines: bigint;
  off_contract_pence: bigint | null;
  organisations: bigint;
};

const SPEND_KEYS: Record<SpendDimension, { key: string; label: string }> = {
  category: { key: 'category', label: 'category' },
  supplier: { key: 'supplier_id', label: 'any_value(supplier_name)' },
  organisation: { key: 'org', label: 'org' },
  month: { key: 'month', label: 'month' },
};

/**
 * Purchase-order spend grouped by category, supplier, organisation or month,
 * from the monthly rollups: by category (without suppliers) unless the
 * grouping or a filter needs the supplier.
 */
export async function selectOrderSpend(db: AnalyticsDb, query: SpendQuery): Promise<SpendRow[]> {
  const { key, label } = SPEND_KEYS[query.dimension];
  const bySupplier = query.dimension === 'supplier' || query.supplier !== null;
  const p = parameters();
  const filters = [
    `month between ${p.add(query.from)} and ${p.add(query.to)}`,
    `org in ${inList(p.add(query.view.join(',')))}`,
    query.category === null ? '' : `category = ${p.add(query.category)}`,
    query.supplier === null ? '' : `supplier_id = ${p.add(query.supplier)}`,
  ].filter(Boolean);
  return db.rows<SpendRow & AnalyticsRow>(
    `select ${key} as key, ${label} as label, sum(value_pence)::bigint as value_pence, sum(lines)::bigint as lines,
       sum(off_contract_pence)::bigint as off_contract_pence, count(distinct org) as organisations
     from ${bySupplier ? 'po_category_month' : 'po_spend_month'}
     where ${filters.join(' and ')}
     group by ${key} order by ${query.dimension === 'month' ? 'key' : 'value_pence desc, key'} limit ${p.add(query.limit)}`,
    p.values,
  );
}

/** Payments from the spend-over-£25,000 files grouped the same way (expense type as the category). */
export async function selectPaymentSpend(db: AnalyticsDb, query: SpendQuery): Promise<SpendRow[]> {
  const { key, label } = SPEND_KEYS[query.dimension];
  return db.rows<SpendRow & AnalyticsRow>(
    `select ${key} as key, ${label} as label, sum(amount_pence)::bigint as value_pence, count(*) as lines,
       null::bigint as off_contract_pence, count(distinct org) as organisations
     from spend_fact
     where month between $2 and $3 and org in ${inList('$1')} and ($4::varchar is null or category = $4)
       and ($5::varchar is null or supplier_id = $5)
     group by ${key} order by ${query.dimension === 'month' ? 'key' : 'value_pence desc, key'} limit $6`,
    [query.view.join(','), query.from, query.to, query.category, query.supplier, query.limit],
  );
}

/** Off-contract spend by organisation and month: the share of order value on no contract. */
export async function selectOffContractByMonth(
  db: AnalyticsDb,
  query: MonthRange & { view: readonly string[] },
): Promise<{ org: string; month: string; value_pence: bigint; off_contract_pence: bigint }[]> {
  return db.rows(
    `select org, month, sum(value_pence)::bigint as value_pence, coalesce(sum(off_contract_pence), 0)::bigint as off_contract_pence
     from po_category_month where month between $2 and $3 and org in ${inList('$1')}
     group by org, month order by org, month`,
    [query.view.join(','), query.from, query.to],
  );
}

/** Per category: how many suppliers, how concentrated the spend is, and the long tail. */
export async function selectSupplierSpread(
  db: AnalyticsDb,
  query: MonthRange & { view: readonly string[]; limit: number },
): Promise<
  {
    category: string;
    value_pence: bigint;
    suppliers: bigint;
    organisations: bigint;
    top_supplier: string;
    top_share: number;
    tail_suppliers: bigint;
    tail_value_pence: bigint;
  }[]
> {
  return db.rows(
    `with by_supplier as (
       select category, supplier_id, any_value(supplier_name) as supplier_name, sum(value_pence)::bigint as value_pence,
         count(distinct org) as organisations
       from po_category_month where month between $2 and $3 and org in ${inList('$1')}
       group by category, supplier_id having sum(value_pence) > 0),
     ranked as (
       select *, sum(value_pence) over (partition by category order by value_pence desc, supplier_id
           rows between unbounded preceding and 1 preceding) as before_pence,
         sum(value_pence) over (partition by category) as category_pence,
         row_number() over (partition by category order by value_pence desc, supplier_id) as position
       from by_supplier)
     select category, max(category_pence)::bigint as value_pence, count(*) as suppliers,
       (select count(distinct org) from po_category_month p where p.category = ranked.category and p.org in ${inList('$1')}
          and p.month between $2 and $3) as organisations,
       max(supplier_name) filter (where position = 1) as top_supplier,
       max(value_pence) filter (where position = 1)::double / max(category_pence) as top_share,
       count(*) filter (where coalesce(before_pence, 0) >= 0.8 * category_pence) as tail_suppliers,
       coalesce(sum(value_pence) filter (where coalesce(before_pence, 0) >= 0.8 * category_pence), 0)::bigint as tail_value_pence
     from ranked group by category having count(*) >= 2
     order by tail_value_pence desc, category limit $4`,
    [query.view.join(','), query.from, query.to, query.limit],
  );
}

/** One unified supplier known under several names (in one organisation or across them). */
export async function selectSupplierNameVariants(
  db: AnalyticsDb,
  view: readonly string[],
): Promise<
  {
    unified_supplier_id: string;
    unified_name: string;
    names: string[];
    organisations: string[];
    reason: string;
    confidence: number;
  }[]
> {
  return db.rows(
    `select unified_supplier_id, any_value(unified_name) as unified_name, list(distinct supplier_name order by supplier_name) as names,
       list(distinct org order by org) as organisations, arg_min(reason, confidence) as reason, min(confidence) as confidence
     from supplier_map where org in ${inList('$1')}
     group by unified_supplier_id having count(distinct supplier_key) > 1
     order by count(distinct supplier_key) desc, unified_supplier_id limit 200`,
    [view.join(',')],
  );
}

export type DrillQuery = MonthRange & {
  view: readonly string[];
  item: string | null;
  category: string | null;
  supplier: string | null;
  organisation: string | null;
  offContract: boolean;
  limit: number;
};

/** The purchase-order lines behind a figure, with the file and line each came from. */
export async function selectOrderLines(db: AnalyticsDb, query: DrillQuery): Promise<AnalyticsRow[]> {
  return db.rows(
    `select f.org as organisation, f.order_date, f.po_number, f.supplier, f.supplier_name as unified_supplier,
       f.description, f.item_description as unified_item, f.category, f.unit_of_measure, f.pack_size, f.quantity,
       f.value_pence, f.contract_reference, b.file_name as source_file, f.source_line
     from po_fact f left join batch b on b.org = f.org and b.batch_id = f.batch_id
     where f.month between $2 and $3 and f.org in ${inList('$1')} and ($4::varchar is null or f.item_id = $4)
       and ($5::varchar is null or f.category = $5) and ($6::varchar is null or f.supplier_id = $6)
       and ($7::varchar is null or f.org = $7) and (not $8 or not f.on_contract)
     order by f.order_date desc, f.org, f.fingerprint limit $9`,
    [
      query.view.join(','),
      query.from,
      query.to,
      query.item,
      query.category,
      query.supplier,
      query.organisation,
      query.offContract,
      query.limit,
    ],
  );
}

/** The payments behind a figure, with the file and line each came from. */
export async function selectPaymentLines(db: AnalyticsDb, query: DrillQuery): Promise<AnalyticsRow[]> {
  return db.rows(
    `select f.org as organisation, f.payment_date, f.supplier, f.supplier_name as unified_supplier, f.category,
       f.expense_area, f.transaction_number, f.amount_pence, b.file_name as source_file, f.source_line
     from spend_fact f left join batch b on b.org = f.org and b.batch_id = f.batch_id
     where f.month between $2 and $3 and f.org in ${inList('$1')} and ($4::varchar is null or f.category = $4)
       and ($5::varchar is null or f.supplier_id = $5) and ($6::varchar is null or f.org = $6)
     order by f.payment_date desc, f.org, f.fingerprint limit $7`,
    [
      query.view.join(','),
      query.from,
      query.to,
      query.category,
      query.supplier,
      query.organisation,
      query.limit,
    ],
  );
}

/** The months the snapshot holds data for, per source, to choose a default period. */
export async function selectLatestMonths(
  db: AnalyticsDb,
  view: readonly string[],
): Promise<{ source: string; latest: string | null; earliest: string | null }[]> {
  return db.rows(
    `select 'po-lines' as source, max(month) as latest, min(month) as earliest from po_spend_month where org in ${inList('$1')}
     union all select 'spend', max(month), min(month) from spend_fact where org in ${inList('$1')}
     union all select 'workforce', strftime(max(coalesce(record_date, strptime(period || '-01', '%Y-%m-%d')::date)), '%Y-%m'),
       strftime(min(coalesce(record_date, strptime(period || '-01', '%Y-%m-%d')::date)), '%Y-%m') from workforce where org in ${inList('$1')}
     union all select 'ledger', max(month), min(month) from ledger_line where org in ${inList('$1')}
     union all select 'gl', max(period), min(period) from gl_line where org in ${inList('$1')}`,
    [view.join(',')],
  );
}

/** Corporate and total costs, and income, by organisation, month, division and cost centre: from the ledger mirror and GL extracts. */
export async function selectCostAreas(
  db: AnalyticsDb,
  query: MonthRange & { view: readonly string[] },
): Promise<
  {
    org: string;
    source: 'ledger' | 'gl';
    division: string | null;
    cost_centre_name: string | null;
    account_class: 'income' | 'expenditure' | 'pay' | 'bank' | 'agency';
    amount_pence: bigint;
  }[]
> {
  return db.rows(
    `with ledger as (
       select org, 'ledger' as source, division, cost_centre_name, account_code, account_type, amount_pence
       from ledger_line where month between $2 and $3 and org in ${inList('$1')}),
     gl as (
       select g.org, 'gl' as source, null as division, coalesce(g.cost_centre_name, g.cost_centre) as cost_centre_name,
         m.common_account as account_code,
         case when m.common_account like '4%' then 'income' when m.common_account like '5%' or m.common_account like '6%'
           then 'expenditure' end as account_type, g.amount_pence
       from gl_line g join account_map m on m.org = g.org and m.legacy_code = g.account_code
       where g.period between $2 and $3 and g.org in ${inList('$1')}),
     classed as (
       select org, source, division, cost_centre_name,
         case when account_type = 'income' then 'income'
              when account_code = '512100' then 'bank'
              when account_code = '512200' then 'agency'
              when account_code like '51%' then 'pay'
              else 'expenditure' end as account_class,
         case when account_type = 'income' then -amount_pence else amount_pence end as amount_pence
       from (select * from ledger union all select * from gl) where account_type in ('income', 'expenditure'))
     select org, source, division, cost_centre_name, account_class, sum(amount_pence)::bigint as amount_pence
     from classed group by all order by org, division, cost_centre_name, account_class`,
    [query.view.join(','), query.from, query.to],
  );
}

/** Budgets and year-to-date expenditure by cost centre, from the ledger mirror. */
export async function selectBudgetRunRate(
  db: AnalyticsDb,
  query: { view: readonly string[]; financialYear: string; from: string; to: string },
): Promise<
  {
    org: string;
    cost_centre: string;
    cost_centre_name: string | null;
    division: string | null;
    budget_pence: bigint;
    spent_pence: bigint;
    months: bigint;
  }[]
> {
  return db.rows(
    `with spent as (
       select org, cost_centre, any_value(cost_centre_name) as cost_centre_name, any_value(division) as division,
         sum(amount_pence)::bigint as spent_pence, count(distinct month) as months
       from ledger_line where account_type = 'expenditure' and month between $3 and $4 and org in ${inList('$1')}
       group by org, cost_centre)
     select b.org, b.cost_centre, s.cost_centre_name, s.division, b.budget_pence, coalesce(s.spent_pence, 0)::bigint as spent_pence,
       coalesce(s.months, 0) as months
     from ledger_budget b left join spent s on s.org = b.org and s.cost_centre = b.cost_centre
     where b.financial_year = $2 and b.org in ${inList('$1')} order by b.org, b.cost_centre`,
    [query.view.join(','), query.financialYear, query.from, query.to],
  );
}

export type WorkforceRow = {
  org: string;
  kind: string;
  employee_id: string | null;
  record_date: Date | null;
  end_date: Date | null;
  period: string | null;
  staff_group: string | null;
  band: string | null;
  team: string | null;
  contracted_fte: number | null;
  start_date: Date | null;
  reason: string | null;
  days_lost: number | null;
  fte_days_lost: number | null;
  establishment_fte: number | null;
  staff_in_post_fte: number | null;
  vacancy_fte: number | null;
  staffing_type: string | null;
  cost_pence: bigint | null;
  on_framework: boolean | null;
  destination: string | null;
  age_band: string | null;
  contract_type: string | null;
};

/** The workforce records of the given organisations (the metrics are computed from them in the domain). */
export async function selectWorkforce(
  db: AnalyticsDb,
  organisations: readonly string[],
): Promise<WorkforceRow[]> {
  return db.rows<WorkforceRow & AnalyticsRow>(
    `select org, kind, employee_id, record_date, end_date, period, staff_group, band, team, contracted_fte, start_date,
       reason, days_lost, fte_days_lost, establishment_fte, staff_in_post_fte, vacancy_fte, staffing_type, cost_pence,
       on_framework, destination, age_band, contract_type
     from workforce where org in ${inList('$1')} order by org, kind, record_date`,
    [organisations.join(',')],
  );
}

/** Distinct catalogue items bought, per organisation, for catalogue unification. */
export async function selectCatalogueItems(db: AnalyticsDb): Promise<
  {
    org: string;
    item_key: string;
    supplier: string;
    supplier_item_code: string | null;
    manufacturer: string | null;
    manufacturer_code: string | null;
    gtin: string | null;
    description: string;
    unit_of_measure: string | null;
    pack_size: number;
    price_pence: number;
  }[]
> {
  return db.rows(
    `select org, item_key, any_value(supplier) as supplier, any_value(supplier_item_code) as supplier_item_code,
       any_value(manufacturer) as manufacturer, any_value(manufacturer_code) as manufacturer_code, any_value(gtin) as gtin,
       any_value(description) as description, any_value(unit_of_measure) as unit_of_measure,
       any_value(pack_size) as pack_size, median(value_pence::double / nullif(quantity, 0)) as price_pence
     from po_fact group by org, item_key order by org, item_key`,
  );
}

/** Distinct supplier spellings per organisation, with any Companies House or VAT number seen, for supplier resolution. */
export async function selectSupplierRecords(db: AnalyticsDb): Promise<
  {
    org: string;
    supplier_key: string;
    name: string;
    company_number: string | null;
    vat_number: string | null;
  }[]
> {
  return db.rows(
    `select org, supplier_key, any_value(name) as name, max(company_number) as company_number, max(vat_number) as vat_number
     from (
       select org, ${SUPPLIER_KEY('supplier')} as supplier_key, trim(supplier) as name,
         nullif(trim(company_number), '') as company_number, nullif(trim(vat_number), '') as vat_number from spend_line
       union all
       select org, ${SUPPLIER_KEY('supplier')}, trim(supplier), null, null from po_line)
     group by org, supplier_key order by org, supplier_key`,
  );
}

export type PayRow = {
  org: string;
  month: string;
  cost_centre_name: string | null;
  pay_kind: 'pay' | 'bank' | 'agency';
  amount_pence: bigint;
};

/** The pay bill by organisation, month and cost centre (substantive, bank and agency), from the ledger mirror and GL extracts. */
export async function selectPayByMonth(
  db: AnalyticsDb,
  query: MonthRange & { view: readonly string[] },
): Promise<PayRow[]> {
  return db.rows<PayRow & AnalyticsRow>(
    `with lines as (
       select org, month, cost_centre_name, account_code, amount_pence from ledger_line
       where account_type = 'expenditure' and month between $2 and $3 and org in ${inList('$1')}
       union all
       select g.org, g.period, coalesce(g.cost_centre_name, g.cost_centre), m.common_account, g.amount_pence
       from gl_line g join account_map m on m.org = g.org and m.legacy_code = g.account_code
       where g.period between $2 and $3 and g.org in ${inList('$1')})
     select org, month, cost_centre_name,
       case account_code when '512100' then 'bank' when '512200' then 'agency' else 'pay' end as pay_kind,
       sum(amount_pence)::bigint as amount_pence
     from lines where account_code like '51%' group by all order by org, month`,
    [query.view.join(','), query.from, query.to],
  );
}
