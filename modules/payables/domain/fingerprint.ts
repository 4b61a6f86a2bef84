import { createHash } from 'node:crypto';

/**
 * Duplicate-invoice keys. A supplier's invoice number identifies one invoice for ever (VAT
 * law requires unique numbering), whatever year it was sent in and whichever trust it was
 * sent to, so the key leaves out the date and the organisation. Numbers are compared the way
 * a person reads them: "INV-001", "INV001" and "inv 001" are one number.
 */
export function normaliseInvoiceNumber(number: string): string {
  return number
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A VAT or company number as written on any document: "GB 123 4567 89" → "GB123456789". */
export function normaliseIdentifier(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export type SupplierIdentity = {
  supplierId: string;
  organisationId: string;
  vatNumber?: string | null;
  companiesHouseNumber?: string | null;
  endpointScheme?: string | null;
  endpointId?: string | null;
};

/**
 * The one key that names a supplier in every member organisation: each trust keeps its own
 * supplier record, so the record id cannot be shared, but the VAT number (on every VAT
 * invoice), the Companies House number and the PEPPOL endpoint can. A supplier with none of
 * them is keyed by its record, which still catches duplicates within the organisation.
 */
export function supplierKey(identity: SupplierIdentity): string {
  if (identity.vatNumber) return `vat:${normaliseIdentifier(identity.vatNumber)}`;
  if (identity.companiesHouseNumber) return `ch:${normaliseIdentifier(identity.companiesHouseNumber)}`;
  if (identity.endpointScheme && identity.endpointId) {
    return `peppol:${identity.endpointScheme}:${normaliseIdentifier(identity.endpointId)}`;
  }
  return `record:${identity.organisationId}:${identity.supplierId}`;
}

export type DocumentKind = 'invoice' | 'credit-note';

/** A 64-bit key: a signed bigint from the first eight bytes of SHA-256 (fits an int8 index). */
function key64(text: string): bigint {
  return createHash('sha256').update(text).digest().readBigInt64BE(0);
}

/**
 * The hashed keys an invoice leaves in the shared duplicate register: its number, and its
 * amount with its date (a different number for the same amount on the same day is suspect).
 * Only hashes are shared between organisations, never the number or amount themselves.
 */
export function invoiceFingerprint(input: {
  supplierKey: string;
  kind: DocumentKind;
  number: string;
  grossPence: bigint;
  issueDate: string;
}): { numberKey: bigint; amountKey: bigint; normalisedNumber: string } {
  const normalisedNumber = normaliseInvoiceNumber(input.number);
  return {
    normalisedNumber,
    numberKey: key64(`number\u0000${input.supplierKey}\u0000${input.kind}\u0000${normalisedNumber}`),
    amountKey: key64(
      `amount\u0000${input.supplierKey}\u0000${input.kind}\u0000${input.grossPence}\u0000${input.issueDate}`,
    ),
  };
}
