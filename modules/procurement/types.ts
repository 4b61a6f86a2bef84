import type { ValidationIssue } from '../../kernel/errors';
import type { Pence } from '../../kernel/money';
import type { LocalDate } from '../../kernel/time';
import type { RouteStep } from './domain/approval';

/**
 * Quantities leave this module as exact decimal strings with at most three
 * decimal places ("12", "2.5"); they are stored as numeric(18,3).
 */
export type DecimalString = string;

export type Scope = 'national' | 'local';

export type CatalogueItem = {
  id: string;
  /** The organisation that owns the record: the shared-service provider for the national catalogue. */
  ownerId: string;
  scope: Scope;
  /** 14-digit GTIN */
  gtin: string | null;
  description: string;
  supplierName: string;
  supplierItemCode: string;
  unitCode: string;
  packSize: number;
  categoryCode: string;
  listPricePence: Pence;
  vatRateBasisPoints: number;
  accountCode: string;
  active: boolean;
};

/** A catalogue item as the acting organisation sees it on a date: whether it can order it, and at what price. */
export type OrderableItem = CatalogueItem & {
  available: boolean;
  /** The acting organisation's own supplier record for this item (null while not set up here). */
  localSupplierId: string | null;
  contractId: string | null;
  contractReference: string | null;
  contractPricePence: Pence | null;
  /** Contract price where one is valid on the date, otherwise the list price. */
  pricePence: Pence;
  onContract: boolean;
};

export type Contract = {
  id: string;
  ownerId: string;
  reference: string;
  title: string;
  kind: 'national-framework' | 'local-contract';
  scope: Scope;
  supplierName: string | null;
  validFrom: LocalDate;
  validTo: LocalDate;
  prices: number;
};

export type CatalogueImportReport = {
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  scope: Scope;
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** The file's columns, in order */
  headers: string[];
  rejections: { rowNumber: number; raw: Record<string, string>; issues: ValidationIssue[] }[];
};

export type RequisitionStatus = 'pending-approval' | 'ordered' | 'rejected' | 'cancelled';

export type RequisitionLineInput = {
  /** A catalogue item; or leave out for a free-text line and give supplierId, description, unitPricePence, unitCode */
  itemId?: string | null;
  /** Decimal (string, or a JSON number), more than 0, at most 3 decimal places */
  quantity: string | number;
  costCentreCode: string;
  /** Common-chart expenditure account; defaults to the item's */
  accountCode?: string | null;
  description?: string | null;
  supplierId?: string | null;
  unitPricePence?: number | bigint | null;
  unitCode?: string | null;
  vatRateBasisPoints?: number | null;
};

export type RequisitionInput = {
  lines: RequisitionLineInput[];
  neededBy?: LocalDate | null;
  note?: string | null;
  /** The order date (default: today in the UK) */
  orderDate?: LocalDate | null;
};

export type RequisitionLine = {
  lineNo: number;
  itemId: string | null;
  description: string;
  supplierId: string;
  supplierItemCode: string | null;
  gtin: string | null;
  unitCode: string;
  quantity: DecimalString;
  unitPricePence: Pence;
  vatRateBasisPoints: number;
  netPence: Pence;
  accountCode: string;
  costCentreCode: string;
  contractId: string | null;
  onContract: boolean;
};

export type ApprovalDecision = {
  level: number;
  role: string;
  decision: 'approved' | 'rejected';
  decidedBy: string;
  onBehalfOf: string | null;
  reason: string | null;
  decidedAt: string;
};

export type Requisition = {
  id: string;
  number: string;
  requesterId: string;
  status: RequisitionStatus;
  totalNetPence: Pence;
  approvalRoute: RouteStep[];
  /** Why it could not be ordered with no human step (empty for a touchless order). */
  touchlessBlockers: string[];
  decisions: ApprovalDecision[];
  /** The level waiting for a decision, while pending. */
  awaitingLevel: RouteStep | null;
  neededBy: LocalDate | null;
  note: string | null;
  submittedAt: string;
  decidedAt: string | null;
  orderedAt: string | null;
  closingReason: string | null;
  lines: RequisitionLine[];
  purchaseOrderIds: string[];
};

export type PurchaseOrderStatus = 'issued' | 'partially-received' | 'received' | 'closed' | 'cancelled';

export type PurchaseOrderLine = {
  lineNo: number;
  version: number;
  itemId: string | null;
  description: string;
  gtin: string | null;
  supplierItemCode: string | null;
  unitCode: string;
  orderedQuantity: DecimalString;
  receivedQuantity: DecimalString;
  invoicedQuantity: DecimalString;
  unitPricePence: Pence;
  vatRateBasisPoints: number;
  netPence: Pence;
  accountCode: string;
  costCentreCode: string;
  contractId: string | null;
};

export type PurchaseOrder = {
  id: string;
  number: string;
  requisitionId: string;
  requesterId: string;
  supplierId: string;
  status: PurchaseOrderStatus;
  version: number;
  raisedVia: 'touchless' | 'approval';
  raisedBy: string;
  raisedAt: string;
  orderDate: LocalDate;
  currency: 'GBP';
  totalNetPence: Pence;
  cancelReason: string | null;
  lines: PurchaseOrderLine[];
};

export type PurchaseOrderVersion = {
  version: number;
  change: 'raised' | 'amended' | 'cancelled';
  reason: string;
  totalNetPence: Pence;
  changedBy: string;
  changedAt: string;
  lines: Omit<PurchaseOrderLine, 'receivedQuantity' | 'invoicedQuantity'>[];
};

/** What payables matches an invoice against (EN 16931 BT-13 names the order). */
export type PurchaseOrderForMatching = {
  id: string;
  number: string;
  supplierId: string;
  status: PurchaseOrderStatus;
  currency: 'GBP';
  lines: {
    lineNo: number;
    description: string;
    gtin: string | null;
    supplierItemCode: string | null;
    /** UN/ECE Recommendation 20 */
    unitCode: string;
    orderedQuantity: DecimalString;
    receivedQuantity: DecimalString;
    invoicedQuantity: DecimalString;
    unitPricePence: Pence;
    vatRateBasisPoints: number;
    accountCode: string;
    costCentreCode: string;
  }[];
};

export type RecordInvoicedInput = {
  purchaseOrderId: string;
  /** Payables' own id for the invoice or credit note; recording the same invoice again changes nothing. */
  invoiceId: string;
  /** Quantities are decimals; a credit note gives negative quantities and values. */
  lines: { lineNo: number; quantity: string | number; netPence: number | bigint }[];
  /**
   * How far the quantity invoiced in all may exceed the quantity ordered, per
   * line (payables' quantity tolerance). Default "0": no over-invoicing.
   */
  allowedOverQuantity?: string | number;
};

export type RecordInvoicedResult = {
  purchaseOrderId: string;
  invoiceId: string;
  alreadyRecorded: boolean;
  status: PurchaseOrderStatus;
  lines: {
    lineNo: number;
    invoicedQuantity: DecimalString;
    /** The accrual (goods received not invoiced) this invoice releases on the line: Dr 210300 with it. */
    grniReleasedPence: Pence;
  }[];
};

export type GoodsReceiptInput = {
  kind?: 'receipt' | 'return';
  receivedOn?: LocalDate | null;
  note?: string | null;
  lines: { lineNo: number; quantity: string | number }[];
};

export type GoodsReceipt = {
  id: string;
  number: string;
  purchaseOrderId: string;
  kind: 'receipt' | 'return';
  receivedOn: LocalDate;
  note: string | null;
  journalId: string | null;
  recordedBy: string;
  recordedAt: string;
  lines: {
    lineNo: number;
    quantity: DecimalString;
    valuePence: Pence;
    accountCode: string;
    costCentreCode: string;
  }[];
};

export type BudgetPosition = {
  costCentreCode: string;
  financialYear: string;
  budgetPence: Pence | null;
  actualPence: Pence;
  committedPence: Pence;
  /** Budget less actuals less open commitments (null where no budget is set). */
  availablePence: Pence | null;
};

export type Delegation = {
  id: string;
  delegatorId: string;
  deputyId: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
  reason: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
};

export type ProcurementMeasures = {
  organisationId: string;
  from: LocalDate;
  to: LocalDate;
  requisitionsSubmitted: number;
  purchaseOrdersRaised: number;
  touchlessPurchaseOrders: number;
  /** Share of purchase orders raised with no human step, 0–1 (null when none were raised). */
  touchlessRate: number | null;
  /** Seconds from requisition submitted to purchase order raised. */
  requisitionToOrderSeconds: { median: number | null; p90: number | null };
  requisitionsAwaitingApproval: number;
  requisitionsRejected: number;
  purchaseOrdersCancelled: number;
  goodsReceipts: number;
};
