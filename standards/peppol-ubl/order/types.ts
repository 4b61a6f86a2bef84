/**
 * A purchase order as PEPPOL BIS Ordering 3 carries it (UBL Order 2.1). Amounts and quantities
 * are exact decimal text ("12.50"), dates ISO `YYYY-MM-DD`.
 */
import type { Address, Contact, Identifier } from '../model/types';

export type OrderParty = {
  /** PEPPOL electronic address, e.g. a GLN under scheme 0088 */
  readonly endpoint: Identifier;
  /** Party identifier, e.g. a GLN or an NHS ODS code */
  readonly identifier?: Identifier;
  readonly name: string;
  /** Registered legal name, when different from the name */
  readonly legalName?: string;
  readonly legalRegistrationId?: Identifier;
  readonly vatId?: string;
  readonly address?: Address;
  readonly contact?: Contact;
};

export type OrderLine = {
  /** Line number, unique within the order */
  readonly id: string;
  readonly note?: string;
  readonly quantity: string;
  /** UN/ECE Recommendation 20 unit code, e.g. EA (each), C62 (one), BX (box) */
  readonly unitCode: string;
  /** Quantity × price ÷ base quantity, to two decimals */
  readonly lineExtensionAmount: string;
  /** Net price per base quantity */
  readonly price: string;
  readonly baseQuantity?: string;
  readonly item: {
    readonly name: string;
    readonly description?: string;
    readonly sellerItemId?: string;
    readonly buyerItemId?: string;
    /** GS1 GTIN (scheme 0160) */
    readonly gtin?: string;
    /** e.g. UNSPSC code with listID "STI" (UNCL 7143) */
    readonly classification?: { readonly code: string; readonly listId: string };
    readonly vatCategory?: string;
    readonly vatRate?: string;
  };
  /** Requested delivery date for this line */
  readonly requestedDeliveryDate?: string;
  /** Buyer's cost centre / account coding for the line */
  readonly accountingCost?: string;
};

export type PurchaseOrder = {
  /** Order number */
  readonly id: string;
  readonly issueDate: string;
  readonly currency: string;
  readonly note?: string;
  /** Buyer's reference (e.g. requisition or department reference) */
  readonly customerReference?: string;
  readonly accountingCost?: string;
  readonly contractReference?: string;
  readonly buyer: OrderParty;
  readonly seller: OrderParty;
  readonly delivery?: {
    readonly locationId?: Identifier;
    readonly address?: Address;
    readonly requestedStartDate?: string;
    readonly requestedEndDate?: string;
    readonly partyName?: string;
  };
  readonly paymentTerms?: string;
  readonly totals: {
    /** Σ line extension amounts */
    readonly lineExtensionAmount: string;
    readonly taxExclusiveAmount?: string;
    readonly taxInclusiveAmount?: string;
    readonly taxAmount?: string;
    /** Expected amount payable */
    readonly payableAmount: string;
  };
  readonly lines: readonly OrderLine[];
};
