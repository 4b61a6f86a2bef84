/**
 * The EN 16931 semantic model of an invoice or credit note, as read from UBL. Each field names
 * its business term (BT-n) or group (BG-n). Amounts, quantities and rates are exact decimal text
 * as written in the document (e.g. "1436.50"), never binary floating point; dates are ISO
 * `YYYY-MM-DD` text. Absent optional terms are undefined, repeatable ones are arrays.
 */

/** A monetary amount with its currency (the `currencyID` attribute). */
export type Amount = { readonly value: string; readonly currency: string | undefined };

/** A quantity with its UN/ECE Recommendation 20 unit code. */
export type Quantity = { readonly value: string; readonly unitCode: string | undefined };

/** An identifier with its identification scheme (ISO 6523 ICD or EAS code). */
export type Identifier = { readonly id: string; readonly schemeId: string | undefined };

/** BG-5 / BG-8 / BG-12 / BG-15 postal address. */
export type Address = {
  /** BT-35 / BT-50 / BT-64 / BT-75 */
  readonly line1: string | undefined;
  /** BT-36 / BT-51 / BT-65 / BT-76 */
  readonly line2: string | undefined;
  /** BT-162 / BT-163 / BT-164 / BT-165 */
  readonly line3: string | undefined;
  /** BT-37 / BT-52 / BT-66 / BT-77 */
  readonly city: string | undefined;
  /** BT-38 / BT-53 / BT-67 / BT-78 */
  readonly postalCode: string | undefined;
  /** BT-39 / BT-54 / BT-68 / BT-79 */
  readonly countrySubdivision: string | undefined;
  /** BT-40 / BT-55 / BT-69 / BT-80 ISO 3166-1 alpha-2 */
  readonly countryCode: string | undefined;
};

/** BG-6 / BG-9 contact. */
export type Contact = {
  /** BT-41 / BT-56 */
  readonly name: string | undefined;
  /** BT-42 / BT-57 */
  readonly telephone: string | undefined;
  /** BT-43 / BT-58 */
  readonly email: string | undefined;
};

/** BG-4 Seller. */
export type Seller = {
  /** BT-27 Seller name */
  readonly name: string | undefined;
  /** BT-28 Seller trading name */
  readonly tradingName: string | undefined;
  /** BT-29 Seller identifiers (a SEPA creditor identifier, BT-90, is kept apart) */
  readonly identifiers: readonly Identifier[];
  /** BT-30 Seller legal registration identifier */
  readonly legalRegistrationId: Identifier | undefined;
  /** BT-31 Seller VAT identifier */
  readonly vatId: string | undefined;
  /** BT-32 Seller tax registration identifier */
  readonly taxRegistrationId: string | undefined;
  /** BT-33 Seller additional legal information */
  readonly additionalLegalInformation: string | undefined;
  /** BT-34 Seller electronic address (PEPPOL endpoint) */
  readonly electronicAddress: Identifier | undefined;
  /** BG-5 */
  readonly address: Address | undefined;
  /** BG-6 */
  readonly contact: Contact | undefined;
};

/** BG-7 Buyer. */
export type Buyer = {
  /** BT-44 Buyer name */
  readonly name: string | undefined;
  /** BT-45 Buyer trading name */
  readonly tradingName: string | undefined;
  /** BT-46 Buyer identifier */
  readonly identifier: Identifier | undefined;
  /** BT-47 Buyer legal registration identifier */
  readonly legalRegistrationId: Identifier | undefined;
  /** BT-48 Buyer VAT identifier */
  readonly vatId: string | undefined;
  /** BT-49 Buyer electronic address (PEPPOL endpoint) */
  readonly electronicAddress: Identifier | undefined;
  /** BG-8 */
  readonly address: Address | undefined;
  /** BG-9 */
  readonly contact: Contact | undefined;
};

/** BG-10 Payee, when not the seller. */
export type Payee = {
  /** BT-59 */
  readonly name: string | undefined;
  /** BT-60 */
  readonly identifier: Identifier | undefined;
  /** BT-61 */
  readonly legalRegistrationId: Identifier | undefined;
};

/** BG-11 Seller tax representative party. */
export type TaxRepresentative = {
  /** BT-62 */
  readonly name: string | undefined;
  /** BT-63 */
  readonly vatId: string | undefined;
  /** BG-12 */
  readonly address: Address | undefined;
};

/** BG-13 Delivery information. */
export type Delivery = {
  /** BT-70 Deliver to party name */
  readonly partyName: string | undefined;
  /** BT-71 Deliver to location identifier (e.g. a GLN) */
  readonly locationId: Identifier | undefined;
  /** BT-72 Actual delivery date */
  readonly actualDeliveryDate: string | undefined;
  /** BG-15 Deliver to address */
  readonly address: Address | undefined;
};

/** BG-14 / BG-26 invoicing period. */
export type Period = {
  /** BT-73 / BT-134 */
  readonly startDate: string | undefined;
  /** BT-74 / BT-135 */
  readonly endDate: string | undefined;
  /** BT-8 Value added tax point date code (document level only) */
  readonly descriptionCode: string | undefined;
};

/** BG-16 Payment instructions. */
export type PaymentInstructions = {
  /** BT-81 Payment means type code (UNCL 4461) */
  readonly meansCode: string | undefined;
  /** BT-82 Payment means text */
  readonly meansText: string | undefined;
  /** BT-83 Remittance information */
  readonly remittanceInformation: string | undefined;
  /** BG-17 Credit transfer */
  readonly creditTransfers: readonly {
    /** BT-84 Payment account identifier (IBAN, or UK account number) */
    readonly accountId: string | undefined;
    /** BT-85 Payment account name */
    readonly accountName: string | undefined;
    /** BT-86 Payment service provider identifier (BIC, or UK sort code) */
    readonly serviceProviderId: string | undefined;
  }[];
  /** BG-18 Payment card information: BT-87 account number (first 6 and last 4 digits only), BT-88 holder */
  readonly card:
    | {
        readonly primaryAccountNumber: string | undefined;
        readonly holderName: string | undefined;
        /** The card network (e.g. VISA); no business term, but UBL requires it */
        readonly network: string | undefined;
      }
    | undefined;
  /** BG-19 Direct debit */
  readonly directDebit:
    | { readonly mandateReference: string | undefined; readonly debitedAccount: string | undefined }
    | undefined;
};

/** BG-20 document level allowance / BG-21 document level charge (also BG-27/BG-28 on lines). */
export type AllowanceCharge = {
  readonly isCharge: boolean;
  /** BT-92 / BT-99 (lines: BT-136 / BT-141) */
  readonly amount: Amount | undefined;
  /** BT-93 / BT-100 (lines: BT-137 / BT-142) */
  readonly baseAmount: Amount | undefined;
  /** BT-94 / BT-101 (lines: BT-138 / BT-143) */
  readonly percentage: string | undefined;
  /** BT-95 / BT-102 VAT category code (document level only) */
  readonly vatCategoryCode: string | undefined;
  /** BT-96 / BT-103 VAT rate (document level only) */
  readonly vatRate: string | undefined;
  /** BT-97 / BT-104 (lines: BT-139 / BT-144) */
  readonly reason: string | undefined;
  /** BT-98 / BT-105 (lines: BT-140 / BT-145) */
  readonly reasonCode: string | undefined;
};

/** BG-22 Document totals. */
export type DocumentTotals = {
  /** BT-106 Sum of invoice line net amount */
  readonly lineNetTotal: Amount | undefined;
  /** BT-107 Sum of allowances on document level */
  readonly allowanceTotal: Amount | undefined;
  /** BT-108 Sum of charges on document level */
  readonly chargeTotal: Amount | undefined;
  /** BT-109 Invoice total amount without VAT */
  readonly totalWithoutVat: Amount | undefined;
  /** BT-110 Invoice total VAT amount (in the document currency) */
  readonly totalVat: Amount | undefined;
  /** BT-111 Invoice total VAT amount in accounting currency */
  readonly totalVatInAccountingCurrency: Amount | undefined;
  /** BT-112 Invoice total amount with VAT */
  readonly totalWithVat: Amount | undefined;
  /** BT-113 Paid amount */
  readonly paidAmount: Amount | undefined;
  /** BT-114 Rounding amount */
  readonly roundingAmount: Amount | undefined;
  /** BT-115 Amount due for payment */
  readonly amountDue: Amount | undefined;
};

/** BG-23 VAT breakdown. */
export type VatBreakdown = {
  /** BT-116 VAT category taxable amount */
  readonly taxableAmount: Amount | undefined;
  /** BT-117 VAT category tax amount */
  readonly taxAmount: Amount | undefined;
  /** BT-118 VAT category code (UNCL 5305: S, Z, E, AE, K, G, O, L, M, B) */
  readonly categoryCode: string | undefined;
  /** BT-119 VAT category rate */
  readonly rate: string | undefined;
  /** BT-120 VAT exemption reason text */
  readonly exemptionReason: string | undefined;
  /** BT-121 VAT exemption reason code (VATEX) */
  readonly exemptionReasonCode: string | undefined;
};

/** BG-24 Additional supporting document. */
export type AdditionalDocument = {
  /** BT-122 Supporting document reference */
  readonly reference: string | undefined;
  /** BT-18 Invoiced object identifier, when the document type code is 130 */
  readonly isInvoicedObject: boolean;
  /** BT-123 Supporting document description */
  readonly description: string | undefined;
  /** BT-124 External document location */
  readonly externalLocation: string | undefined;
  /** BT-125 Attached document: base64 content as written, with its MIME code and file name */
  readonly attachment:
    | {
        readonly mimeCode: string | undefined;
        readonly filename: string | undefined;
        readonly base64: string;
      }
    | undefined;
};

/** BG-29 Price details. */
export type Price = {
  /** BT-146 Item net price */
  readonly netPrice: Amount | undefined;
  /** BT-147 Item price discount */
  readonly discount: Amount | undefined;
  /** BT-148 Item gross price */
  readonly grossPrice: Amount | undefined;
  /** BT-149 / BT-150 Item price base quantity and its unit */
  readonly baseQuantity: Quantity | undefined;
};

/** BG-31 Item information. */
export type Item = {
  /** BT-153 Item name */
  readonly name: string | undefined;
  /** BT-154 Item description */
  readonly description: string | undefined;
  /** BT-155 Item Seller's identifier */
  readonly sellerId: string | undefined;
  /** BT-156 Item Buyer's identifier */
  readonly buyerId: string | undefined;
  /** BT-157 Item standard identifier; scheme 0160 is a GS1 GTIN */
  readonly standardId: Identifier | undefined;
  /** BT-158 Item classification identifiers, each with its list (UNCL 7143) */
  readonly classifications: readonly { readonly code: string; readonly listId: string | undefined }[];
  /** BT-159 Item country of origin */
  readonly originCountry: string | undefined;
  /** BG-32 Item attributes: BT-160 name, BT-161 value */
  readonly attributes: readonly { readonly name: string | undefined; readonly value: string | undefined }[];
};

/** BG-25 Invoice line. */
export type InvoiceLine = {
  /** BT-126 Invoice line identifier */
  readonly id: string | undefined;
  /** BT-127 Invoice line note */
  readonly note: string | undefined;
  /** BT-128 Invoice line object identifier */
  readonly objectId: Identifier | undefined;
  /** BT-129 / BT-130 Invoiced quantity and unit of measure */
  readonly quantity: Quantity | undefined;
  /** BT-131 Invoice line net amount */
  readonly netAmount: Amount | undefined;
  /** BT-132 Referenced purchase order line reference */
  readonly orderLineReference: string | undefined;
  /** BT-133 Invoice line Buyer accounting reference */
  readonly accountingReference: string | undefined;
  /** BG-26 Invoice line period */
  readonly period: Period | undefined;
  /** BG-27 line allowances and BG-28 line charges */
  readonly allowanceCharges: readonly AllowanceCharge[];
  /** BG-29 */
  readonly price: Price;
  /** BG-30 Line VAT information: BT-151 category code, BT-152 rate */
  readonly vat: { readonly categoryCode: string | undefined; readonly rate: string | undefined };
  /** BG-31 */
  readonly item: Item;
};

/** An EN 16931 invoice (UBL Invoice) or credit note (UBL CreditNote). */
export type En16931Invoice = {
  readonly documentType: 'Invoice' | 'CreditNote';
  /** BT-24 Specification identifier */
  readonly customizationId: string | undefined;
  /** BT-23 Business process type */
  readonly profileId: string | undefined;
  /** BT-1 Invoice number */
  readonly number: string | undefined;
  /** BT-2 Invoice issue date */
  readonly issueDate: string | undefined;
  /** BT-9 Payment due date */
  readonly dueDate: string | undefined;
  /** BT-3 Invoice type code (UNCL 1001: 380 invoice, 381 credit note, …) */
  readonly typeCode: string | undefined;
  /** BT-5 Invoice currency code */
  readonly currency: string | undefined;
  /** BT-6 VAT accounting currency code */
  readonly vatAccountingCurrency: string | undefined;
  /** BT-7 Value added tax point date */
  readonly taxPointDate: string | undefined;
  /** BT-22 Invoice notes */
  readonly notes: readonly string[];
  /** BT-10 Buyer reference */
  readonly buyerReference: string | undefined;
  /** BT-11 Project reference */
  readonly projectReference: string | undefined;
  /** BT-12 Contract reference */
  readonly contractReference: string | undefined;
  /** BT-13 Purchase order reference */
  readonly orderReference: string | undefined;
  /** BT-14 Sales order reference */
  readonly salesOrderReference: string | undefined;
  /** BT-15 Receiving advice reference */
  readonly receivingAdviceReference: string | undefined;
  /** BT-16 Despatch advice reference */
  readonly despatchAdviceReference: string | undefined;
  /** BT-17 Tender or lot reference */
  readonly tenderReference: string | undefined;
  /** BT-19 Buyer accounting reference */
  readonly buyerAccountingReference: string | undefined;
  /** BT-20 Payment terms */
  readonly paymentTerms: string | undefined;
  /** BG-3 Preceding invoice references: BT-25 number, BT-26 issue date */
  readonly precedingInvoices: readonly {
    readonly number: string | undefined;
    readonly issueDate: string | undefined;
  }[];
  /** BG-4 */
  readonly seller: Seller;
  /** BG-7 */
  readonly buyer: Buyer;
  /** BG-10 */
  readonly payee: Payee | undefined;
  /** BG-11 */
  readonly taxRepresentative: TaxRepresentative | undefined;
  /** BG-13 */
  readonly delivery: Delivery | undefined;
  /** BG-14 */
  readonly invoicePeriod: Period | undefined;
  /** BG-16 */
  readonly paymentInstructions: readonly PaymentInstructions[];
  /** BT-90 Bank assigned creditor identifier (SEPA direct debit) */
  readonly creditorId: string | undefined;
  /** BG-20 and BG-21 */
  readonly allowanceCharges: readonly AllowanceCharge[];
  /** BG-22 */
  readonly totals: DocumentTotals;
  /** BG-23 */
  readonly vatBreakdown: readonly VatBreakdown[];
  /** BG-24 */
  readonly additionalDocuments: readonly AdditionalDocument[];
  /** BG-25 */
  readonly lines: readonly InvoiceLine[];
};
