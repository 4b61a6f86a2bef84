/**
 * Document numbers. A purchase order number carries the organisation's code
 * ("RN1-PO-000042") because suppliers quote it on invoices to a shared service
 * that pays for many organisations; the requisition and receipt numbers are
 * the organisation's own.
 */
const sequence = (n: bigint) => n.toString().padStart(6, '0');

export const requisitionNumber = (n: bigint): string => `REQ-${sequence(n)}`;
export const purchaseOrderNumber = (organisationId: string, n: bigint): string =>
  `${organisationId}-PO-${sequence(n)}`;
export const goodsReceiptNumber = (n: bigint): string => `GRN-${sequence(n)}`;

/** Order numbers compared as suppliers write them: case, spaces and punctuation do not matter. */
export const orderNumberKey = (reference: string): string =>
  reference.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The keys an order reference from an invoice (EN 16931 BT-13) may match: as
 * written, or with the organisation's code put back when the supplier left it
 * off ("PO-000042" for "RN1-PO-000042").
 */
export function orderReferenceKeys(organisationId: string, reference: string): string[] {
  const key = orderNumberKey(reference);
  if (key === '') return [];
  const prefix = orderNumberKey(organisationId);
  return key.startsWith(prefix) ? [key] : [key, `${prefix}${key}`];
}
