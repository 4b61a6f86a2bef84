import type { AnalyticsDb } from '../analytics/duckdb';

export type SyntheticOrders = {
  lines: number;
  organisations: number;
  /** Distinct unified products ordered across all organisations. */
  products: number;
  /** Distinct products each organisation orders (a window of the whole range, overlapping its neighbours'). */
  productsPerOrganisation: number;
  categories: number;
  suppliers: number;
  /** The first of the twelve months ordered in (YYYY-MM). */
  firstMonth: string;
};

/**
 * Fills the snapshot's purchase-order facts with generated lines for the
 * benchmark, in the columns the rollups read: organisations order from
 * overlapping windows of the product range (so most products are bought by
 * several organisations), each at its own price level with small variation,
 * over twelve months, a fifth of the lines on no contract. Generated inside
 * the engine because the benchmark times the analytics, not the loading.
 */
export async function generateOrderFacts(db: AnalyticsDb, options: SyntheticOrders): Promise<void> {
  const { lines, organisations, products, productsPerOrganisation, categories, suppliers, firstMonth } =
    options;
  const step = Math.max(1, Math.floor(products / organisations));
  await db.run(
    `create or replace table po_fact as
     with generated as (
       select i, (i % $2)::integer as organisation,
         ((hash(i) % $4) + (i % $2) * $5) % $3 as product,
         (hash(i * 3) % 12)::integer as month_index,
         1 + (hash(i * 5) % 20)::integer as quantity
       from range($1) as r(i))
     select 'B' || lpad((organisation + 1)::varchar, 3, '0') as org,
       strftime(date_add(strptime($8 || '-01', '%Y-%m-%d')::date, to_months(month_index)), '%Y-%m') as month,
       'item:' || product::varchar as item_id, 'Product ' || product::varchar as item_description,
       'Category ' || (product % $6)::varchar as category,
       'supplier:' || (hash(product * 7) % $7)::varchar as supplier_id,
       'Supplier ' || (hash(product * 7) % $7)::varchar as supplier_name,
       quantity::double as base_quantity,
       (quantity * (100 + hash(product) % 10000) * (0.9 + (organisation % 5) * 0.05)
         * (0.98 + (hash(i * 11) % 5) * 0.01))::bigint as value_pence,
       hash(i * 13) % 5 <> 0 as on_contract
     from generated`,
    [lines, organisations, products, productsPerOrganisation, step, categories, suppliers, firstMonth],
  );
}
