import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { DocumentKind } from './fingerprint';
import type { Quantity } from './quantity';

/** How the seller named itself on the document: what the suppliers register is searched by. */
export type SellerIdentifiers = {
  name: string | null;
  vatNumber: string | null;
  companiesHouseNumber: string | null;
  endpointScheme: string | null;
  endpointId: string | null;
  gln: string | null;
};

export type CapturedLine = {
  /** 1, 2, 3… in document order. */
  lineNo: number;
  /** BT-126 as written (any text). */
  lineId: string;
  description: string;
  quantity: Quantity;
  unitCode: string | null;
  /** BT-146 as decimal text in pounds (may have more than two places, e.g. 0.0125). */
  unitPrice: string | null;
  netPence: Pence;
  /** BT-152 in basis points (20% = 2000); null for categories without a rate. */
  vatRateBasisPoints: number | null;
  vatCategory: string | null;
  /** BT-132: the purchase order line this line invoices. */
  orderLineReference: string | null;
  gtin: string | null;
  sellerItemCode: string | null;
  /** Coding for a non-PO invoice (captured by hand or when an AP clerk codes it). */
  accountCode: string | null;
  costCentreCode: string | null;
};

/** A supplier invoice or credit note, from a PEPPOL document or captured by hand from paper, in exact pence. */
export type CapturedInvoice = {
  kind: DocumentKind;
  number: string;
  issueDate: LocalDate;
  /** BT-9 as stated by the supplier (Mainstay pays by its own terms; this is kept for reference). */
  statedDueDate: LocalDate | null;
  currency: string;
  orderReference: string | null;
  /** BT-25 for credit notes: the invoices being credited. */
  precedingInvoiceNumbers: string[];
  buyerReference: string | null;
  seller: SellerIdentifiers;
  netPence: Pence;
  vatPence: Pence;
  grossPence: Pence;
  /** BT-113: already paid (a deposit); an invoice with one is checked by a person. */
  prepaidPence: Pence;
  amountDuePence: Pence;
  lines: CapturedLine[];
};
