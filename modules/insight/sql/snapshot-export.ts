import type { Queryable } from '../../../kernel/db';
import type { SnapshotTable } from './snapshot-schema';

/**
 * What the analytical snapshot copies from PostgreSQL, one organisation at a
 * time (in that organisation's transaction, so row-level security applies),
 * in pages by primary key. Each query's columns are in the order of the
 * snapshot table it fills.
 */
const EXPORTS: Partial<Record<SnapshotTable, { sql: string; keyed: boolean }>> = {
  batch: {
    sql: `select organisation_id, id, kind, file_name from insight.import_batch
      where organisation_id = kernel.current_organisation() and status = 'imported' and id > $1 order by id limit $2`,
    keyed: true,
  },
  spend_line: {
    sql: `select organisation_id, fingerprint, batch_id, source_line, payment_date, supplier, amount_pence, expense_type,
        expense_area, transaction_number, company_number, vat_number
      from insight.spend_line where organisation_id = kernel.current_organisation() and fingerprint > $1
      order by fingerprint limit $2`,
    keyed: true,
  },
  po_line: {
    sql: `select organisation_id, fingerprint, batch_id, source_line, order_date, po_number, supplier, supplier_code,
        item_description, supplier_item_code, manufacturer_code, manufacturer, gtin, unit_of_measure, pack_size::float8,
        quantity::float8, unit_price::float8, line_value_pence, category, contract_reference, cost_centre
      from insight.po_line where organisation_id = kernel.current_organisation() and fingerprint > $1
      order by fingerprint limit $2`,
    keyed: true,
  },
  gl_line: {
    sql: `select organisation_id, fingerprint, batch_id, source_line, account_code, account_name, cost_centre,
        cost_centre_name, period, amount_pence
      from insight.gl_line where organisation_id = kernel.current_organisation() and fingerprint > $1
      order by fingerprint limit $2`,
    keyed: true,
  },
  workforce: {
    sql: `select organisation_id, kind, employee_id, record_date, end_date, period, staff_group, band, team,
        contracted_fte::float8, start_date, reason, days_lost::float8, fte_days_lost::float8, establishment_fte::float8,
        staff_in_post_fte::float8, vacancy_fte::float8, staffing_type, cost_pence, on_framework,
        detail ->> 'destination' as destination, detail ->> 'ageBand' as age_band,
        detail ->> 'contractType' as contract_type, fingerprint, batch_id, source_line
      from insight.workforce_record where organisation_id = kernel.current_organisation() and fingerprint > $1
      order by fingerprint limit $2`,
    keyed: true,
  },
  supplier_map: {
    sql: `select organisation_id, supplier_key, unified_supplier_id, unified_name, reason, confidence::float8,
        supplier_name
      from insight.supplier_link where organisation_id = kernel.current_organisation() and supplier_key > $1
      order by supplier_key limit $2`,
    keyed: true,
  },
  item_map: {
    sql: `select organisation_id, item_key, unified_item_id, unified_description, reason, confidence::float8
      from insight.item_link where organisation_id = kernel.current_organisation() and item_key > $1
      order by item_key limit $2`,
    keyed: true,
  },
};

/** The index of each export's paging key in its row (the second column, except for workforce). */
const KEY_COLUMN: Partial<Record<SnapshotTable, number>> = { workforce: 23 };

export const EXPORT_PAGE_ROWS = 20_000;

/** Reads one page of an organisation's rows for a snapshot table, as arrays in the table's column order. */
export async function exportPage(
  q: Queryable,
  table: SnapshotTable,
  after: string,
): Promise<{ rows: unknown[][]; last: string | null }> {
  const spec = EXPORTS[table];
  if (!spec) return { rows: [], last: null };
  const result = await q.query<Record<string, unknown>>(spec.sql, [after, EXPORT_PAGE_ROWS]);
  const rows = result.rows.map((row) => Object.values(row));
  const lastRow = rows.at(-1);
  const keyIndex = KEY_COLUMN[table] ?? 1;
  return {
    rows,
    last: rows.length === EXPORT_PAGE_ROWS && lastRow ? String(lastRow[keyIndex]) : null,
  };
}
