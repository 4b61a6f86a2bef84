import type { Queryable } from '../../../kernel/db';
import type { SupplierFields } from '../domain/supplier-record';
import type {
  BankDetailsRecord,
  BankDetailsStatus,
  Supplier,
  SupplierContact,
  SupplierStatus,
} from '../types';

type SupplierRow = {
  organisation_id: string;
  id: string;
  name: string;
  companies_house_number: string | null;
  vat_number: string | null;
  endpoint_scheme: string | null;
  endpoint_id: string | null;
  gln: string | null;
  payment_terms_days: number | null;
  addresses: Supplier['addresses'];
  status: SupplierStatus;
  created_at: Date;
  updated_at: Date;
  pending_bank_change: boolean;
};

const SUPPLIER_SELECT = `select s.organisation_id, s.id, s.name, s.companies_house_number, s.vat_number, s.endpoint_scheme,
  s.endpoint_id, s.gln, s.payment_terms_days, s.addresses, s.status, s.created_at, s.updated_at,
  exists (select 1 from suppliers.bank_details b
          where b.organisation_id = s.organisation_id and b.supplier_id = s.id and b.status = 'pending') as pending_bank_change
  from suppliers.supplier s`;

const toSupplier = (row: SupplierRow, contacts: SupplierContact[]): Supplier => ({
  id: row.id,
  organisationId: row.organisation_id,
  name: row.name,
  companiesHouseNumber: row.companies_house_number,
  vatNumber: row.vat_number,
  endpointScheme: row.endpoint_scheme,
  endpointId: row.endpoint_id,
  gln: row.gln,
  paymentTermsDays: row.payment_terms_days,
  addresses: row.addresses,
  contacts,
  status: row.status,
  pendingBankChange: row.pending_bank_change,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

type ContactRow = {
  supplier_id: string;
  id: string;
  name: string;
  role: string | null;
  email: string | null;
  telephone: string | null;
  added_at: Date;
  added_by: string;
};

async function contactsOf(
  q: Queryable,
  supplierIds: readonly string[],
): Promise<Map<string, SupplierContact[]>> {
  const result = await q.query<ContactRow>(
    `select supplier_id, id, name, role, email, telephone, added_at, added_by from suppliers.contact
     where supplier_id = any ($1) and removed_at is null order by added_at, id`,
    [supplierIds],
  );
  const bySupplier = new Map<string, SupplierContact[]>();
  for (const row of result.rows) {
    const list = bySupplier.get(row.supplier_id) ?? [];
    list.push({
      id: row.id,
      name: row.name,
      role: row.role,
      email: row.email,
      telephone: row.telephone,
      addedAt: row.added_at.toISOString(),
      addedBy: row.added_by,
    });
    bySupplier.set(row.supplier_id, list);
  }
  return bySupplier;
}

async function withContacts(q: Queryable, rows: SupplierRow[]): Promise<Supplier[]> {
  if (rows.length === 0) return [];
  const contacts = await contactsOf(
    q,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toSupplier(row, contacts.get(row.id) ?? []));
}

export async function selectSupplier(q: Queryable, id: string): Promise<Supplier | null> {
  const result = await q.query<SupplierRow>(`${SUPPLIER_SELECT} where s.id = $1`, [id]);
  return (await withContacts(q, result.rows))[0] ?? null;
}

export async function selectSuppliers(
  q: Queryable,
  filter: { search?: string; ids?: readonly string[]; status?: SupplierStatus; limit: number },
): Promise<Supplier[]> {
  const result = await q.query<SupplierRow>(
    `${SUPPLIER_SELECT}
     where ($1::text is null or lower(s.name) like '%' || lower($1) || '%' or s.vat_number = upper($1)
            or s.companies_house_number = upper($1))
       and ($2::text[] is null or s.id = any ($2)) and ($3::text is null or s.status = $3)
     order by lower(s.name), s.id limit $4`,
    [filter.search ?? null, filter.ids ?? null, filter.status ?? null, filter.limit],
  );
  return withContacts(q, result.rows);
}

export type IdentifierLookup = {
  vatNumber: string | null;
  companiesHouseNumber: string | null;
  endpointScheme: string | null;
  endpointId: string | null;
  gln: string | null;
};

/**
 * For each set of identifiers, the supplier holding any of them, strongest first (the PEPPOL
 * endpoint, then GLN, VAT and Companies House numbers), or null: one statement for the lot.
 */
export async function selectSuppliersByIdentifiers(
  q: Queryable,
  lookups: readonly IdentifierLookup[],
): Promise<(Supplier | null)[]> {
  if (lookups.length === 0) return [];
  // `with ordinality` numbers the lookups as int8, read as bigint on both engines
  const result = await q.query<SupplierRow & { lookup: bigint }>(
    `select k.lookup, found.* from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       with ordinality as k(endpoint_scheme, endpoint_id, gln, vat_number, companies_house_number, lookup)
     cross join lateral (
       ${SUPPLIER_SELECT}
       where (s.endpoint_scheme = k.endpoint_scheme and lower(s.endpoint_id) = lower(k.endpoint_id))
          or s.gln = k.gln or s.vat_number = k.vat_number or s.companies_house_number = k.companies_house_number
       order by case when s.endpoint_scheme = k.endpoint_scheme and lower(s.endpoint_id) = lower(k.endpoint_id) then 1
                     when s.gln = k.gln then 2 when s.vat_number = k.vat_number then 3 else 4 end,
                s.status, s.id
       limit 1
     ) found`,
    [
      lookups.map((l) => l.endpointScheme),
      lookups.map((l) => l.endpointId),
      lookups.map((l) => l.gln),
      lookups.map((l) => l.vatNumber),
      lookups.map((l) => l.companiesHouseNumber),
    ],
  );
  const suppliers = await withContacts(q, result.rows);
  const found: (Supplier | null)[] = lookups.map(() => null);
  result.rows.forEach((row, index) => {
    found[Number(row.lookup) - 1] = suppliers[index]!;
  });
  return found;
}

/** Each supplier's own payment terms in days, null where it has none. */
export async function selectPaymentTerms(
  q: Queryable,
  supplierIds: readonly string[],
): Promise<Map<string, number | null>> {
  const result = await q.query<{ id: string; payment_terms_days: number | null }>(
    'select id, payment_terms_days from suppliers.supplier where id = any ($1)',
    [supplierIds],
  );
  return new Map(result.rows.map((row) => [row.id, row.payment_terms_days]));
}

/** The supplier holding any of these identifiers already, other than `exceptId`. */
export async function selectIdentifierClash(
  q: Queryable,
  fields: SupplierFields,
  exceptId: string | null,
): Promise<{ id: string; name: string; field: string } | null> {
  const result = await q.query<{ id: string; name: string; field: string }>(
    `select id, name, case when vat_number = $1 then 'vatNumber' when companies_house_number = $2 then 'companiesHouseNumber'
              when gln = $5 then 'gln' else 'endpointId' end as field
     from suppliers.supplier
     where ($6::text is null or id <> $6)
       and (vat_number = $1 or companies_house_number = $2 or (endpoint_scheme = $3 and lower(endpoint_id) = lower($4))
            or gln = $5)
     limit 1`,
    [
      fields.vatNumber,
      fields.companiesHouseNumber,
      fields.endpointScheme,
      fields.endpointId,
      fields.gln,
      exceptId,
    ],
  );
  return result.rows[0] ?? null;
}

export async function insertSupplier(
  q: Queryable,
  organisationId: string,
  row: { id: string; fields: SupplierFields; by: string; at: Date },
): Promise<void> {
  const f = row.fields;
  await q.query(
    `insert into suppliers.supplier (organisation_id, id, name, companies_house_number, vat_number, endpoint_scheme,
       endpoint_id, gln, payment_terms_days, addresses, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [
      organisationId,
      row.id,
      f.name,
      f.companiesHouseNumber,
      f.vatNumber,
      f.endpointScheme,
      f.endpointId,
      f.gln,
      f.paymentTermsDays,
      JSON.stringify(f.addresses),
      row.by,
      row.at,
    ],
  );
}

export async function updateSupplier(
  q: Queryable,
  id: string,
  fields: SupplierFields & { status: SupplierStatus },
  at: Date,
): Promise<void> {
  await q.query(
    `update suppliers.supplier set name = $2, companies_house_number = $3, vat_number = $4, endpoint_scheme = $5,
       endpoint_id = $6, gln = $7, payment_terms_days = $8, addresses = $9, status = $10, updated_at = $11
     where id = $1`,
    [
      id,
      fields.name,
      fields.companiesHouseNumber,
      fields.vatNumber,
      fields.endpointScheme,
      fields.endpointId,
      fields.gln,
      fields.paymentTermsDays,
      JSON.stringify(fields.addresses),
      fields.status,
      at,
    ],
  );
}

export async function insertContacts(
  q: Queryable,
  organisationId: string,
  supplierId: string,
  contacts: readonly (Omit<SupplierContact, 'addedAt' | 'addedBy'> & { addedBy: string; addedAt: Date })[],
): Promise<void> {
  if (contacts.length === 0) return;
  await q.query(
    `insert into suppliers.contact (organisation_id, supplier_id, id, name, role, email, telephone, added_by, added_at)
     select $1, $2, c.* from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
       as c(id, name, role, email, telephone, added_by, added_at)`,
    [
      organisationId,
      supplierId,
      contacts.map((c) => c.id),
      contacts.map((c) => c.name),
      contacts.map((c) => c.role),
      contacts.map((c) => c.email),
      contacts.map((c) => c.telephone),
      contacts.map((c) => c.addedBy),
      contacts.map((c) => c.addedAt),
    ],
  );
}

export async function markContactRemoved(q: Queryable, supplierId: string, contactId: string, at: Date) {
  const result = await q.query(
    'update suppliers.contact set removed_at = $3 where supplier_id = $1 and id = $2 and removed_at is null',
    [supplierId, contactId, at],
  );
  return result.rowCount > 0;
}

export async function selectContact(
  q: Queryable,
  supplierId: string,
  contactId: string,
): Promise<(SupplierContact & { removedAt: string | null }) | null> {
  const result = await q.query<ContactRow & { removed_at: Date | null }>(
    `select supplier_id, id, name, role, email, telephone, added_at, added_by, removed_at from suppliers.contact
     where supplier_id = $1 and id = $2`,
    [supplierId, contactId],
  );
  const row = result.rows[0];
  return row
    ? {
        id: row.id,
        name: row.name,
        role: row.role,
        email: row.email,
        telephone: row.telephone,
        addedAt: row.added_at.toISOString(),
        addedBy: row.added_by,
        removedAt: row.removed_at?.toISOString() ?? null,
      }
    : null;
}

type BankRow = {
  id: string;
  supplier_id: string;
  sort_code: string;
  account_number: string;
  account_name: string;
  status: BankDetailsStatus;
  source: string;
  entered_by: string;
  entered_at: Date;
  verified_by: string | null;
  verified_at: Date | null;
  verification_contact_id: string | null;
  verification_note: string | null;
  rejected_by: string | null;
  rejected_at: Date | null;
};

const toBankRecord = (row: BankRow): BankDetailsRecord => ({
  id: row.id,
  supplierId: row.supplier_id,
  sortCode: row.sort_code,
  accountNumber: row.account_number,
  accountName: row.account_name,
  status: row.status,
  source: row.source,
  enteredBy: row.entered_by,
  enteredAt: row.entered_at.toISOString(),
  verifiedBy: row.verified_by,
  verifiedAt: row.verified_at?.toISOString() ?? null,
  verificationContactId: row.verification_contact_id,
  verificationNote: row.verification_note,
  rejectedBy: row.rejected_by,
  rejectedAt: row.rejected_at?.toISOString() ?? null,
});

export async function selectBankDetails(
  q: Queryable,
  supplierId: string,
  filter: { status?: BankDetailsStatus; id?: string } = {},
): Promise<BankDetailsRecord[]> {
  const result = await q.query<BankRow>(
    `select id, supplier_id, sort_code, account_number, account_name, status, source, entered_by, entered_at,
       verified_by, verified_at, verification_contact_id, verification_note, rejected_by, rejected_at
     from suppliers.bank_details
     where supplier_id = $1 and ($2::text is null or status = $2) and ($3::text is null or id = $3)
     order by entered_at desc, id desc`,
    [supplierId, filter.status ?? null, filter.id ?? null],
  );
  return result.rows.map(toBankRecord);
}

export async function insertBankDetails(
  q: Queryable,
  organisationId: string,
  row: {
    id: string;
    supplierId: string;
    sortCode: string;
    accountNumber: string;
    accountName: string;
    source: string;
    by: string;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into suppliers.bank_details (organisation_id, id, supplier_id, sort_code, account_number, account_name, status,
       source, entered_by, entered_at)
     values ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9)`,
    [
      organisationId,
      row.id,
      row.supplierId,
      row.sortCode,
      row.accountNumber,
      row.accountName,
      row.source,
      row.by,
      row.at,
    ],
  );
}

/** Supersedes the details in force and verifies the pending change, in that order (one verified set at a time). */
export async function verifyPendingBankDetails(
  q: Queryable,
  row: { id: string; supplierId: string; by: string; at: Date; contactId: string; note: string },
): Promise<void> {
  await q.query(
    `update suppliers.bank_details set status = 'superseded', superseded_at = $2
     where supplier_id = $1 and status = 'verified'`,
    [row.supplierId, row.at],
  );
  await q.query(
    `update suppliers.bank_details set status = 'verified', verified_by = $2, verified_at = $3,
       verification_contact_id = $4, verification_note = $5
     where id = $1 and status = 'pending'`,
    [row.id, row.by, row.at, row.contactId, row.note],
  );
}

export async function rejectPendingBankDetails(
  q: Queryable,
  row: { id: string; by: string; at: Date; contactId: string | null; note: string },
): Promise<void> {
  await q.query(
    `update suppliers.bank_details set status = 'rejected', rejected_by = $2, rejected_at = $3,
       verification_contact_id = $4, verification_note = $5
     where id = $1 and status = 'pending'`,
    [row.id, row.by, row.at, row.contactId, row.note],
  );
}
