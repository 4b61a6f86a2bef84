import type { TenantTx } from '../../kernel/tenancy';

/**
 * What payables needs from the suppliers and procurement modules, as the shapes it relies
 * on. The platform passes those modules' services (they satisfy these types structurally);
 * tests pass small fakes. Keeping the contract here keeps payables' assumptions in one place.
 */
export type SupplierSummary = {
  id: string;
  name: string;
  vatNumber?: string | null;
  companiesHouseNumber?: string | null;
  endpointScheme?: string | null;
  endpointId?: string | null;
  gln?: string | null;
  status?: string;
};

export type SupplierIdentifierQuery = {
  vatNumber?: string | null;
  companiesHouseNumber?: string | null;
  endpointScheme?: string | null;
  endpointId?: string | null;
  gln?: string | null;
};

export type VerifiedBankDetails = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  verifiedAt: string;
  verifiedBy: string;
};

export type SuppliersPort = {
  getSupplier(tx: TenantTx, supplierId: string): Promise<SupplierSummary>;
  findSupplierByIdentifiers(
    tx: TenantTx,
    identifiers: SupplierIdentifierQuery,
  ): Promise<SupplierSummary | null>;
  /** Only details a second person has verified; never pending ones. */
  verifiedBankDetails(tx: TenantTx, supplierId: string): Promise<VerifiedBankDetails | null>;
  effectivePaymentTermsDays(tx: TenantTx, supplierId: string): Promise<number>;
  /**
   * Optional batch forms, used when the suppliers module offers them: a whole batch of
   * invoices' sellers found in one call (null where none matches), and their terms in one call.
   */
  findSuppliersByIdentifiers?(
    tx: TenantTx,
    list: readonly SupplierIdentifierQuery[],
  ): Promise<(SupplierSummary | null)[]>;
  effectivePaymentTermsDaysOf?(tx: TenantTx, supplierIds: readonly string[]): Promise<Map<string, number>>;
};

/** An exact quantity from procurement: decimal text or a whole number of units, never a float. */
export type ExactQuantity = string | bigint;

export type PurchaseOrderLineForMatching = {
  lineNo: number;
  description: string;
  gtin: string | null;
  supplierItemCode: string | null;
  unitCode: string | null;
  orderedQuantity: ExactQuantity;
  receivedQuantity: ExactQuantity;
  invoicedQuantity: ExactQuantity;
  unitPricePence: bigint;
  vatRateBasisPoints: number;
  accountCode: string;
  costCentreCode: string;
  /** False for services paid on the order alone (2-way); goods default to 3-way. */
  receiptRequired?: boolean;
};

export type PurchaseOrderForMatching = {
  id: string;
  number: string;
  supplierId: string;
  status: string;
  currency: string;
  lines: PurchaseOrderLineForMatching[];
};

export type ProcurementMeasures = {
  touchlessPoRate?: number | null;
  requisitionToOrderMedianSeconds?: number | null;
  [figure: string]: unknown;
};

export type RecordInvoicedInput = {
  purchaseOrderId: string;
  invoiceId: string;
  lines: { lineNo: number; quantity: string; netPence: bigint }[];
  allowedOverQuantity?: string;
};

export type RecordedInvoice = { lines: { lineNo: number; grniReleasedPence: bigint }[] };

export type ProcurementPort = {
  purchaseOrderForMatching(tx: TenantTx, orderReference: string): Promise<PurchaseOrderForMatching | null>;
  /**
   * Records what an approved invoice (positive) or credit note (negative) takes from the order
   * and says how much goods-received-not-invoiced accrual each line releases; refuses (throws)
   * quantities beyond the order plus `allowedOverQuantity`.
   */
  recordInvoiced(tx: TenantTx, input: RecordInvoicedInput): Promise<RecordedInvoice>;
  measures(tx: TenantTx, range: { from: string; to: string }): Promise<ProcurementMeasures>;
  /**
   * Optional batch forms, used when procurement offers them: one lookup for a whole batch of
   * invoices (null where no order has the reference), and one recording that is all or nothing
   * (on a refusal payables records the batch one invoice at a time to find the one refused).
   */
  purchaseOrdersForMatching?(
    tx: TenantTx,
    references: readonly string[],
  ): Promise<(PurchaseOrderForMatching | null)[]>;
  recordInvoicedMany?(tx: TenantTx, inputs: readonly RecordInvoicedInput[]): Promise<RecordedInvoice[]>;
};
