import type { Queryable } from '../../../kernel/db';
import type { ValidationIssue } from '../../../kernel/errors';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { CatalogueItemFields } from '../domain/catalogue-item';
import type { Contract, OrderableItem, Scope } from '../types';

type ItemRow = {
  organisation_id: string;
  id: string;
  scope: Scope;
  gtin: string | null;
  description: string;
  supplier_id: string;
  supplier_name: string;
  supplier_vat_number: string | null;
  supplier_companies_house_number: string | null;
  supplier_gln: string | null;
  supplier_item_code: string;
  unit_code: string;
  pack_size: number;
  category_code: string;
  list_price_pence: bigint;
  vat_rate_basis_points: number;
  account_code: string;
  active: boolean;
  available: boolean;
  local_supplier_id: string | null;
  contract_id: string | null;
  contract_reference: string | null;
  contract_price_pence: bigint | null;
};

export type OrderableItemRow = OrderableItem & {
  ownerSupplierId: string;
  supplierIdentifiers: { vatNumber: string | null; companiesHouseNumber: string | null; gln: string | null };
};

/**
 * Catalogue items as the acting organisation sees them on a date. A local item
 * of its own is orderable unless switched off; a national item only once the
 * organisation has made it available from one of its own suppliers. The price
 * is the best contract price valid on the date (a local contract before a
 * national framework), else the list price.
 */
const ITEM_SELECT = `select i.organisation_id, i.id, i.scope, i.gtin, i.description, i.supplier_id, i.supplier_name,
    i.supplier_vat_number, i.supplier_companies_house_number, i.supplier_gln, i.supplier_item_code, i.unit_code,
    i.pack_size, i.category_code, i.list_price_pence, i.vat_rate_basis_points, i.account_code, i.active,
    i.active and case when a.item_id is not null then a.available else i.scope = 'local' end as available,
    coalesce(a.supplier_id, case when i.scope = 'local' then i.supplier_id end) as local_supplier_id,
    p.contract_id, p.reference as contract_reference, p.unit_price_pence as contract_price_pence
  from procurement.catalogue_item i
  left join procurement.catalogue_availability a
    on a.organisation_id = kernel.current_organisation() and a.item_id = i.id
  left join lateral (
    select cp.contract_id, c.reference, cp.unit_price_pence
    from procurement.contract_price cp
    join procurement.contract c on c.organisation_id = cp.organisation_id and c.id = cp.contract_id
    where cp.item_id = i.id and $1::date between cp.valid_from and cp.valid_to and $1::date between c.valid_from and c.valid_to
    order by (cp.scope = 'local') desc, cp.unit_price_pence, cp.contract_id
    limit 1
  ) p on true`;

const toItem = (row: ItemRow): OrderableItemRow => ({
  id: row.id,
  ownerId: row.organisation_id,
  scope: row.scope,
  gtin: row.gtin,
  description: row.description,
  supplierName: row.supplier_name,
  supplierItemCode: row.supplier_item_code,
  unitCode: row.unit_code,
  packSize: row.pack_size,
  categoryCode: row.category_code,
  listPricePence: row.list_price_pence as Pence,
  vatRateBasisPoints: row.vat_rate_basis_points,
  accountCode: row.account_code,
  active: row.active,
  available: row.available,
  localSupplierId: row.local_supplier_id,
  contractId: row.contract_id,
  contractReference: row.contract_reference,
  contractPricePence: row.contract_price_pence as Pence | null,
  pricePence: (row.contract_price_pence ?? row.list_price_pence) as Pence,
  onContract: row.contract_price_pence !== null,
  ownerSupplierId: row.supplier_id,
  supplierIdentifiers: {
    vatNumber: row.supplier_vat_number,
    companiesHouseNumber: row.supplier_companies_house_number,
    gln: row.supplier_gln,
  },
});

export async function selectOrderableItems(
  q: Queryable,
  filter: {
    onDate: LocalDate;
    ids?: readonly string[];
    /** Every word must appear (in the description, codes, GTIN or supplier). */
    words?: readonly string[];
    availableOnly?: boolean;
    scope?: Scope;
    limit: number;
    offset?: number;
  },
): Promise<OrderableItemRow[]> {
  const result = await q.query<ItemRow>(
    `select * from (${ITEM_SELECT}
       where ($2::text[] is null or i.id = any ($2)) and ($3::text[] is null or i.search_text like all ($3))
         and ($5::text is null or i.scope = $5)) items
     where not $4 or available
     order by available desc, (contract_price_pence is not null) desc, description, id
     limit $6 offset $7`,
    [
      filter.onDate,
      filter.ids ?? null,
      filter.words && filter.words.length > 0 ? filter.words.map((word) => `%${word.toLowerCase()}%`) : null,
      filter.availableOnly ?? false,
      filter.scope ?? null,
      filter.limit,
      filter.offset ?? 0,
    ],
  );
  return result.rows.map(toItem);
}

export type ItemWrite = CatalogueItemFields & {
  supplierId: string;
  supplierName: string;
  supplierVatNumber: string | null;
  supplierCompaniesHouseNumber: string | null;
  supplierGln: string | null;
  searchText: string;
};

/** Inserts new items and updates those already on file (same supplier and supplier code); returns each id and whether it was new. */
export async function upsertItems(
  q: Queryable,
  organisationId: string,
  scope: Scope,
  rows: readonly (ItemWrite & { id: string })[],
  by: string,
  at: Date,
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const result = await q.query<{ id: string; inserted: boolean }>(
    `insert into procurement.catalogue_item (organisation_id, id, scope, gtin, description, supplier_id, supplier_name,
       supplier_vat_number, supplier_companies_house_number, supplier_gln, supplier_item_code, unit_code, pack_size,
       category_code, list_price_pence, vat_rate_basis_points, account_code, search_text, created_by, created_at, updated_at)
     select $1, r.id, $2, r.gtin, r.description, r.supplier_id, r.supplier_name, r.vat, r.ch, r.gln, r.code, r.unit,
       r.pack, r.category, r.price, r.vat_rate, r.account, r.search, $3, $4, $4
     from unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                 $13::text[], $14::text[], $15::int[], $16::text[], $17::int8[], $18::int[], $19::text[], $20::text[])
       as r(id, gtin, description, supplier_id, supplier_name, vat, ch, gln, code, unit, pack, category, price, vat_rate, account, search)
     on conflict (organisation_id, supplier_id, supplier_item_code) do update set
       gtin = excluded.gtin, description = excluded.description, supplier_name = excluded.supplier_name,
       supplier_vat_number = excluded.supplier_vat_number, supplier_companies_house_number = excluded.supplier_companies_house_number,
       supplier_gln = excluded.supplier_gln, unit_code = excluded.unit_code, pack_size = excluded.pack_size,
       category_code = excluded.category_code, list_price_pence = excluded.list_price_pence,
       vat_rate_basis_points = excluded.vat_rate_basis_points, account_code = excluded.account_code,
       search_text = excluded.search_text, active = true, updated_at = excluded.updated_at
     returning id, (xmax = 0) as inserted`,
    [
      organisationId,
      scope,
      by,
      at,
      rows.map((r) => r.id),
      rows.map((r) => r.gtin),
      rows.map((r) => r.description),
      rows.map((r) => r.supplierId),
      rows.map((r) => r.supplierName),
      rows.map((r) => r.supplierVatNumber),
      rows.map((r) => r.supplierCompaniesHouseNumber),
      rows.map((r) => r.supplierGln),
      rows.map((r) => r.supplierItemCode),
      rows.map((r) => r.unitCode),
      rows.map((r) => r.packSize),
      rows.map((r) => r.categoryCode),
      rows.map((r) => r.listPricePence),
      rows.map((r) => r.vatRateBasisPoints),
      rows.map((r) => r.accountCode),
      rows.map((r) => r.searchText),
    ],
  );
  return result.rows;
}

export async function upsertAvailability(
  q: Queryable,
  organisationId: string,
  rows: readonly { itemId: string; available: boolean; supplierId: string }[],
  by: string,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into procurement.catalogue_availability (organisation_id, item_id, available, supplier_id, set_by, set_at)
     select $1, r.item_id, r.available, r.supplier_id, $2, $3
     from unnest($4::text[], $5::bool[], $6::text[]) as r(item_id, available, supplier_id)
     on conflict (organisation_id, item_id) do update set available = excluded.available,
       supplier_id = excluded.supplier_id, set_by = excluded.set_by, set_at = excluded.set_at`,
    [
      organisationId,
      by,
      at,
      rows.map((r) => r.itemId),
      rows.map((r) => r.available),
      rows.map((r) => r.supplierId),
    ],
  );
}

type ContractRow = {
  organisation_id: string;
  id: string;
  reference: string;
  title: string;
  kind: Contract['kind'];
  scope: Scope;
  supplier_name: string | null;
  valid_from: LocalDate;
  valid_to: LocalDate;
  prices: bigint;
};

export async function selectContracts(
  q: Queryable,
  filter: { ids?: readonly string[]; references?: readonly string[] } = {},
): Promise<Contract[]> {
  const result = await q.query<ContractRow>(
    `select c.organisation_id, c.id, c.reference, c.title, c.kind, c.scope, c.supplier_name, c.valid_from, c.valid_to,
       (select count(*) from procurement.contract_price p where p.organisation_id = c.organisation_id and p.contract_id = c.id)::int8 as prices
     from procurement.contract c
     where ($1::text[] is null or c.id = any ($1)) and ($2::text[] is null or c.reference = any ($2))
     order by c.scope, c.valid_to desc, c.reference`,
    [filter.ids ?? null, filter.references ?? null],
  );
  return result.rows.map((row) => ({
    id: row.id,
    ownerId: row.organisation_id,
    reference: row.reference,
    title: row.title,
    kind: row.kind,
    scope: row.scope,
    supplierName: row.supplier_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    prices: Number(row.prices),
  }));
}

export async function insertContract(
  q: Queryable,
  organisationId: string,
  contract: Omit<Contract, 'ownerId' | 'prices'>,
  by: string,
  at: Date,
): Promise<boolean> {
  const result = await q.query(
    `insert into procurement.contract (organisation_id, id, reference, title, kind, scope, supplier_name, valid_from,
       valid_to, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict (organisation_id, reference) do nothing`,
    [
      organisationId,
      contract.id,
      contract.reference,
      contract.title,
      contract.kind,
      contract.scope,
      contract.supplierName,
      contract.validFrom,
      contract.validTo,
      by,
      at,
    ],
  );
  return result.rowCount > 0;
}

export async function upsertContractPrices(
  q: Queryable,
  organisationId: string,
  contract: { id: string; scope: Scope },
  prices: readonly { itemId: string; validFrom: LocalDate; validTo: LocalDate; unitPricePence: bigint }[],
  by: string,
  at: Date,
): Promise<void> {
  if (prices.length === 0) return;
  await q.query(
    `insert into procurement.contract_price (organisation_id, contract_id, item_id, valid_from, valid_to, unit_price_pence,
       scope, set_by, set_at)
     select $1, $2, p.item_id, p.valid_from, p.valid_to, p.price, $3, $4, $5
     from unnest($6::text[], $7::date[], $8::date[], $9::int8[]) as p(item_id, valid_from, valid_to, price)
     on conflict (organisation_id, contract_id, item_id, valid_from) do update set valid_to = excluded.valid_to,
       unit_price_pence = excluded.unit_price_pence, set_by = excluded.set_by, set_at = excluded.set_at`,
    [
      organisationId,
      contract.id,
      contract.scope,
      by,
      at,
      prices.map((p) => p.itemId),
      prices.map((p) => p.validFrom),
      prices.map((p) => p.validTo),
      prices.map((p) => p.unitPricePence),
    ],
  );
}

export async function insertImport(
  q: Queryable,
  organisationId: string,
  record: {
    id: string;
    fileName: string;
    format: 'csv' | 'xlsx';
    scope: Scope;
    rowsRead: number;
    accepted: number;
    rejected: number;
    headers: readonly string[];
    by: string;
    at: Date;
  },
  rejections: readonly {
    rowNumber: number;
    raw: Record<string, string>;
    issues: readonly ValidationIssue[];
  }[],
): Promise<void> {
  await q.query(
    `with header as (
       insert into procurement.catalogue_import (organisation_id, id, file_name, file_format, scope, rows_read,
         rows_accepted, rows_rejected, imported_by, imported_at, headers)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $14::jsonb)
     )
     insert into procurement.catalogue_rejection (organisation_id, import_id, row_number, raw, issues)
     select $1, $2, r.row_number, r.raw::jsonb, r.issues::jsonb from unnest($11::int[], $12::text[], $13::text[]) as r(row_number, raw, issues)`,
    [
      organisationId,
      record.id,
      record.fileName,
      record.format,
      record.scope,
      record.rowsRead,
      record.accepted,
      record.rejected,
      record.by,
      record.at,
      rejections.map((r) => r.rowNumber),
      rejections.map((r) => JSON.stringify(r.raw)),
      rejections.map((r) => JSON.stringify(r.issues)),
      JSON.stringify(record.headers),
    ],
  );
}

export async function selectImport(q: Queryable, importId: string) {
  const header = await q.query<{
    id: string;
    file_name: string;
    file_format: 'csv' | 'xlsx';
    scope: Scope;
    rows_read: number;
    rows_accepted: number;
    rows_rejected: number;
    headers: string[];
  }>(
    `select id, file_name, file_format, scope, rows_read, rows_accepted, rows_rejected, headers
     from procurement.catalogue_import where id = $1`,
    [importId],
  );
  const row = header.rows[0];
  if (!row) return null;
  const rejections = await q.query<{
    row_number: number;
    raw: Record<string, string>;
    issues: ValidationIssue[];
  }>(
    'select row_number, raw, issues from procurement.catalogue_rejection where import_id = $1 order by row_number',
    [importId],
  );
  return {
    importId: row.id,
    fileName: row.file_name,
    format: row.file_format,
    scope: row.scope,
    rowsRead: row.rows_read,
    accepted: row.rows_accepted,
    rejected: row.rows_rejected,
    headers: row.headers,
    rejections: rejections.rows.map((r) => ({ rowNumber: r.row_number, raw: r.raw, issues: r.issues })),
  };
}

export type OrderingProfileRow = {
  /** The organisation's name as suppliers should print it */
  buyerName: string;
  endpointScheme: string;
  endpointId: string;
  deliveryAddress: { lines: string[]; town: string; postcode: string; countryCode: string };
  contact: { name: string; email: string | null; telephone: string | null };
};

export async function upsertOrderingProfile(
  q: Queryable,
  organisationId: string,
  profile: OrderingProfileRow,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into procurement.ordering_profile (organisation_id, endpoint_scheme, endpoint_id, delivery_address, contact,
       updated_by, updated_at, buyer_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (organisation_id) do update set buyer_name = excluded.buyer_name, endpoint_scheme = excluded.endpoint_scheme,
       endpoint_id = excluded.endpoint_id, delivery_address = excluded.delivery_address, contact = excluded.contact,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      organisationId,
      profile.endpointScheme,
      profile.endpointId,
      JSON.stringify(profile.deliveryAddress),
      JSON.stringify(profile.contact),
      by,
      at,
      profile.buyerName,
    ],
  );
}

export async function selectOrderingProfile(q: Queryable): Promise<OrderingProfileRow | null> {
  const result = await q.query<{
    buyer_name: string;
    endpoint_scheme: string;
    endpoint_id: string;
    delivery_address: OrderingProfileRow['deliveryAddress'];
    contact: OrderingProfileRow['contact'];
  }>(
    `select buyer_name, endpoint_scheme, endpoint_id, delivery_address, contact from procurement.ordering_profile
     where organisation_id = kernel.current_organisation()`,
  );
  const row = result.rows[0];
  return row
    ? {
        buyerName: row.buyer_name,
        endpointScheme: row.endpoint_scheme,
        endpointId: row.endpoint_id,
        deliveryAddress: row.delivery_address,
        contact: row.contact,
      }
    : null;
}

export type NumberKind = 'requisition' | 'purchase-order' | 'goods-receipt';

/** Reserves consecutive numbers of each kind for the organisation in one statement; returns the first of each. */
export async function reserveNumbers(
  q: Queryable,
  organisationId: string,
  counts: Partial<Record<NumberKind, number>>,
): Promise<Record<NumberKind, bigint>> {
  const wanted = (Object.entries(counts) as [NumberKind, number][]).filter(([, count]) => count > 0);
  const result = await q.query<{ kind: NumberKind; last_number: bigint }>(
    `insert into procurement.counter as c (organisation_id, kind, last_number)
     select $1, w.kind, w.count from unnest($2::text[], $3::int8[]) as w(kind, count)
     on conflict (organisation_id, kind) do update set last_number = c.last_number + excluded.last_number
     returning kind, last_number`,
    [organisationId, wanted.map(([kind]) => kind), wanted.map(([, count]) => count)],
  );
  const first = { requisition: 0n, 'purchase-order': 0n, 'goods-receipt': 0n };
  for (const row of result.rows) first[row.kind] = row.last_number - BigInt(counts[row.kind] ?? 0) + 1n;
  return first;
}
