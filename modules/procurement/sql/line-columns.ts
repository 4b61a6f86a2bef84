import type { Pence } from '../../../kernel/money';
import { formatQuantity, type Milli, milli } from '../domain/quantity';

/**
 * What every order-like line carries — requisition lines and each version of
 * a purchase-order line — in one column order, so that each insert and select
 * of a line is written once.
 */
const COLUMNS = [
  ['item_id', 'text'],
  ['description', 'text'],
  ['gtin', 'text'],
  ['supplier_item_code', 'text'],
  ['unit_code', 'text'],
  ['quantity', 'numeric'],
  ['unit_price_pence', 'int8'],
  ['vat_rate_basis_points', 'int'],
  ['net_pence', 'int8'],
  ['account_code', 'text'],
  ['cost_centre_code', 'text'],
  ['contract_id', 'text'],
] as const;

export const LINE_COLUMNS = COLUMNS.map(([name]) => name).join(', ');

/** The same columns read from alias `l`, quantity as exact text. */
export const LINE_SELECT = COLUMNS.map(([name]) =>
  name === 'quantity' ? 'l.quantity::text as quantity' : `l.${name}`,
).join(', ');

/** `$from::text[], $from+1::text[], …` for the line columns, to unnest them from parameters. */
export const unnestLineParams = (from: number): string =>
  COLUMNS.map(([, type], index) => `$${from + index}::${type}[]`).join(', ');

export type LineValues = {
  itemId: string | null;
  description: string;
  gtin: string | null;
  supplierItemCode: string | null;
  unitCode: string;
  quantity: bigint;
  unitPricePence: bigint;
  vatRateBasisPoints: number;
  netPence: bigint;
  accountCode: string;
  costCentreCode: string;
  contractId: string | null;
};

export function lineParams(lines: readonly LineValues[]): unknown[] {
  return [
    lines.map((l) => l.itemId),
    lines.map((l) => l.description),
    lines.map((l) => l.gtin),
    lines.map((l) => l.supplierItemCode),
    lines.map((l) => l.unitCode),
    lines.map((l) => formatQuantity(l.quantity)),
    lines.map((l) => l.unitPricePence),
    lines.map((l) => l.vatRateBasisPoints),
    lines.map((l) => l.netPence),
    lines.map((l) => l.accountCode),
    lines.map((l) => l.costCentreCode),
    lines.map((l) => l.contractId),
  ];
}

export type LineRow = {
  item_id: string | null;
  description: string;
  gtin: string | null;
  supplier_item_code: string | null;
  unit_code: string;
  quantity: string;
  unit_price_pence: bigint;
  vat_rate_basis_points: number;
  net_pence: bigint;
  account_code: string;
  cost_centre_code: string;
  contract_id: string | null;
};

export function lineOf(row: LineRow): Omit<LineValues, 'quantity' | 'unitPricePence' | 'netPence'> & {
  quantity: Milli;
  unitPricePence: Pence;
  netPence: Pence;
} {
  return {
    itemId: row.item_id,
    description: row.description,
    gtin: row.gtin,
    supplierItemCode: row.supplier_item_code,
    unitCode: row.unit_code,
    quantity: milli(row.quantity),
    unitPricePence: row.unit_price_pence as Pence,
    vatRateBasisPoints: row.vat_rate_basis_points,
    netPence: row.net_pence as Pence,
    accountCode: row.account_code,
    costCentreCode: row.cost_centre_code,
    contractId: row.contract_id,
  };
}
