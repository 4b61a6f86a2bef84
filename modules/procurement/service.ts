import { createCatalogueService } from './services/catalogue-service';
import type { ProcurementDeps } from './services/context';
import { createHistoryService } from './services/history-service';
import { createInvoicingService } from './services/invoicing-service';
import { createOrderService } from './services/order-service';
import { createRequisitionService } from './services/requisition-service';

/**
 * Procurement: the catalogue and contracts, requisitions and their approval,
 * purchase orders, goods receipt and commitments. One service made of a part
 * per area; every method takes the caller's transaction first.
 */
export function createProcurementService(deps: ProcurementDeps) {
  return {
    ...createCatalogueService(deps),
    ...createOrderService(deps),
    ...createInvoicingService(),
    ...createRequisitionService(deps),
    ...createHistoryService(deps),
  };
}

export type ProcurementService = ReturnType<typeof createProcurementService>;
export type { ProcurementDeps };
