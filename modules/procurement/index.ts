export { type ApprovalLevel, approvalRoute, type RouteStep, touchlessBlockers } from './domain/approval';
export type { CatalogueItemInput } from './domain/catalogue-item';
export { CATEGORIES, type Category, categoryOf } from './domain/categories';
export { type OrderDocument, orderTotals } from './domain/order-document';
export { formatQuantity, parseQuantity } from './domain/quantity';
export type { ProcurementErrorCode } from './errors';
export { procurementPermissions } from './permissions';
export { createProcurementService, type ProcurementDeps, type ProcurementService } from './service';
export type { OrderingProfile } from './services/catalogue-service';
export type { HistoricOrder } from './services/history-service';
export { TOUCHLESS_ACTOR } from './services/requisition-service';
export { procurementMigrations } from './sql/migrations';
export type {
  BudgetPosition,
  CatalogueImportReport,
  CatalogueItem,
  Contract,
  DecimalString,
  Delegation,
  GoodsReceipt,
  GoodsReceiptInput,
  OrderableItem,
  ProcurementMeasures,
  PurchaseOrder,
  PurchaseOrderForMatching,
  PurchaseOrderLine,
  PurchaseOrderStatus,
  PurchaseOrderVersion,
  RecordInvoicedInput,
  RecordInvoicedResult,
  Requisition,
  RequisitionInput,
  RequisitionLine,
  RequisitionLineInput,
  RequisitionStatus,
  Scope,
} from './types';
