import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AppEnv,
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  replayHeaders,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import type { TenantContext, TenantRunner, TenantTx } from '../../../kernel/tenancy';
import { isLocalDate } from '../../../kernel/time';
import { procurementError } from '../errors';
import { procurementPermissions } from '../permissions';
import type { ProcurementService } from '../service';
import {
  AmendmentSchema,
  BudgetPositionSchema,
  ContractPricesSchema,
  ContractSchema,
  DelegationSchema,
  GoodsReceiptSchema,
  ImportReportSchema,
  ImportRequestSchema,
  MatchingOrderSchema,
  MeasuresSchema,
  NewCatalogueItemSchema,
  NewContractSchema,
  NewDelegationSchema,
  NewReceiptSchema,
  NewRequisitionSchema,
  OrderableItemSchema,
  OrderingProfileSchema,
  OrderVersionSchema,
  PurchaseOrderSchema,
  RequisitionOutcomeSchema,
  RequisitionSchema,
} from './schemas';

type Permission = Parameters<typeof procurementPermissions.rolesFor>[0];
const body = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const items = <T extends z.ZodType>(schema: T, description: string) =>
  jsonContent(z.object({ items: z.array(schema) }), description);
const orderParam = z.object({ purchaseOrderId: z.string() });
const requisitionParam = z.object({ requisitionId: z.string() });
const reasonSchema = z.object({ reason: z.string() });

export function procurementRoutes({
  runner,
  procurement,
}: {
  runner: TenantRunner;
  procurement: ProcurementService;
}) {
  const app = newRouter();
  const tags = ['Procurement'];
  const as = (c: Context<AppEnv>, permission: Permission) =>
    tenantOf(c, { allowedRoles: procurementPermissions.rolesFor(permission) }).ctx;
  const read = <T>(ctx: TenantContext, work: (tx: TenantTx) => Promise<T>) => runner.withTenant(ctx, work);
  /** A creating write under the request's Idempotency-Key: a retry answers exactly as the first request did. */
  const create = async (
    c: Context<AppEnv>,
    ctx: TenantContext,
    operation: string,
    input: unknown,
    write: (tx: TenantTx) => Promise<unknown>,
  ) => {
    const outcome = await runner.withTenant(ctx, (tx) =>
      idempotentWrite(c, tx, operation, input, () => write(tx)),
    );
    return sendJson(c, outcome.result, 201, replayHeaders(outcome));
  };

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/catalogue',
      tags,
      summary: 'Search the catalogue (national and local items) as this organisation sees it today',
      request: {
        headers: organisationHeaders,
        query: z.object({
          q: z
            .string()
            .optional()
            .openapi({ description: 'Words in the description, codes, GTIN or supplier' }),
          available: z
            .enum(['true', 'false'])
            .optional()
            .openapi({ description: 'Only items orderable here (default true)' }),
          limit: z.coerce.number().int().min(1).max(200).optional(),
          offset: z.coerce.number().int().min(0).optional(),
        }),
      },
      responses: { 200: items(OrderableItemSchema, 'Items'), ...standardErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const found = await read(as(c, 'read'), (tx) =>
        procurement.searchCatalogue(tx, {
          query: query.q,
          availableOnly: query.available !== 'false',
          limit: query.limit,
          offset: query.offset,
        }),
      );
      return sendJson(c, { items: found });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/catalogue',
      tags,
      summary: 'Add or update a catalogue item (national items: the shared-service provider only)',
      request: { headers: idempotentHeaders, body: body(NewCatalogueItemSchema) },
      responses: { 201: jsonContent(OrderableItemSchema, 'Saved'), ...standardErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return create(c, as(c, 'manage-catalogue'), 'procurement.saveCatalogueItem', input, (tx) =>
        procurement.saveCatalogueItem(tx, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/catalogue/{itemId}',
      tags,
      summary: 'A catalogue item, with its availability and price here today',
      request: { headers: organisationHeaders, params: z.object({ itemId: z.string() }) },
      responses: { 200: jsonContent(OrderableItemSchema, 'The item'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'read'), (tx) => procurement.catalogueItem(tx, c.req.valid('param').itemId)),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/procurement/catalogue-availability',
      tags,
      summary:
        "Make national items orderable here (or not), each from this organisation's own record of its supplier",
      request: {
        headers: organisationHeaders,
        body: body(
          z.object({
            itemIds: z.array(z.string()).optional().openapi({ description: 'Default: every national item' }),
            available: z.boolean(),
          }),
        ),
      },
      responses: {
        200: jsonContent(
          z.object({
            updated: z.number().int(),
            supplierNotOnFile: z.array(z.object({ itemId: z.string(), supplierName: z.string() })),
          }),
          'Set',
        ),
        ...standardErrors,
      },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'manage-catalogue'), (tx) => procurement.setAvailability(tx, c.req.valid('json'))),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/catalogue-imports',
      tags,
      summary: 'Import catalogue items from CSV or XLSX; every refused row is kept with its reasons',
      request: { headers: idempotentHeaders, body: body(ImportRequestSchema) },
      responses: { 201: jsonContent(ImportReportSchema, 'Imported, with rejected rows'), ...standardErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return create(c, as(c, 'manage-catalogue'), 'procurement.importCatalogue', input, (tx) =>
        procurement.importCatalogue(tx, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/catalogue-imports/{importId}',
      tags,
      summary: 'An import and its rejected rows',
      request: { headers: organisationHeaders, params: z.object({ importId: z.string() }) },
      responses: { 200: jsonContent(ImportReportSchema, 'The import'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'manage-catalogue'), (tx) =>
          procurement.catalogueImport(tx, c.req.valid('param').importId),
        ),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/catalogue-imports/{importId}/rejections.csv',
      tags,
      summary: 'The rejected rows as CSV to correct and send again: each row as read, then its problems',
      request: { headers: organisationHeaders, params: z.object({ importId: z.string() }) },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { importId } = c.req.valid('param');
      const text = await read(as(c, 'manage-catalogue'), (tx) =>
        procurement.catalogueRejectionsCsv(tx, importId),
      );
      return c.body(text, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${importId}-rejections.csv"`,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/contracts',
      tags,
      summary: 'National frameworks and this organisation’s local contracts',
      request: { headers: organisationHeaders },
      responses: { 200: items(ContractSchema, 'Contracts'), ...standardErrors },
    }),
    async (c) => sendJson(c, { items: await read(as(c, 'read'), (tx) => procurement.contracts(tx)) }),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/contracts',
      tags,
      summary: 'Create a local contract, or (shared-service provider) a national framework',
      request: { headers: idempotentHeaders, body: body(NewContractSchema) },
      responses: { 201: jsonContent(ContractSchema, 'Created'), ...standardErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return create(c, as(c, 'manage-catalogue'), 'procurement.createContract', input, (tx) =>
        procurement.createContract(tx, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/contracts/{contractId}/prices',
      tags,
      summary:
        'Set contracted prices for catalogue items (over the contract’s dates unless narrower ones are given)',
      request: {
        headers: idempotentHeaders,
        params: z.object({ contractId: z.string() }),
        body: body(ContractPricesSchema),
      },
      responses: { 201: jsonContent(ContractSchema, 'Prices set'), ...standardErrors },
    }),
    async (c) => {
      const { contractId } = c.req.valid('param');
      const input = c.req.valid('json');
      return create(
        c,
        as(c, 'manage-catalogue'),
        'procurement.setContractPrices',
        { contractId, ...input },
        (tx) => procurement.setContractPrices(tx, contractId, input.prices),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/ordering-profile',
      tags,
      summary: 'Who this organisation is on a PEPPOL order',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(OrderingProfileSchema.nullable(), 'The profile (null until set)'),
        ...standardErrors,
      },
    }),
    async (c) => sendJson(c, await read(as(c, 'read'), (tx) => procurement.orderingProfile(tx))),
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/procurement/ordering-profile',
      tags,
      summary: 'Set this organisation’s PEPPOL address, delivery address and contact for orders',
      request: { headers: organisationHeaders, body: body(OrderingProfileSchema) },
      responses: { 200: jsonContent(OrderingProfileSchema, 'Saved'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'manage-catalogue'), (tx) =>
          procurement.saveOrderingProfile(tx, c.req.valid('json')),
        ),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/requisitions',
      tags,
      summary:
        'Submit a requisition: catalogue lines on contract within the touchless limits become orders at once',
      request: { headers: idempotentHeaders, body: body(NewRequisitionSchema) },
      responses: {
        201: jsonContent(RequisitionOutcomeSchema, 'Submitted, with any orders raised'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const neededBy = input.neededBy ?? null;
      if (neededBy !== null && !isLocalDate(neededBy)) {
        throw procurementError('REQUISITION_INVALID', 'neededBy is a date such as 2026-07-01', [
          { path: 'neededBy', rule: 'date-format', message: 'Use the form YYYY-MM-DD' },
        ]);
      }
      return create(c, as(c, 'requisition'), 'procurement.submitRequisition', input, (tx) =>
        procurement.submitRequisition(tx, { ...input, neededBy }),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/requisitions',
      tags,
      summary: 'Requisitions, newest first (mine=true: only yours)',
      request: {
        headers: organisationHeaders,
        query: z.object({
          mine: z.enum(['true', 'false']).optional(),
          status: z.enum(['pending-approval', 'ordered', 'rejected', 'cancelled']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: { 200: items(RequisitionSchema, 'Requisitions'), ...standardErrors },
    }),
    async (c) => {
      const ctx = as(c, 'read');
      const query = c.req.valid('query');
      const found = await read(ctx, (tx) =>
        procurement.requisitions(tx, {
          requesterId: query.mine === 'true' ? ctx.actor.id : undefined,
          statuses: query.status ? [query.status] : undefined,
          limit: query.limit,
        }),
      );
      return sendJson(c, { items: found });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/requisitions/{requisitionId}',
      tags,
      summary: 'A requisition, its route, decisions and orders',
      request: { headers: organisationHeaders, params: requisitionParam },
      responses: { 200: jsonContent(RequisitionSchema, 'The requisition'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'read'), (tx) => procurement.requisition(tx, c.req.valid('param').requisitionId)),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/requisitions/{requisitionId}/decisions',
      tags,
      summary: 'Approve or reject the level a requisition waits at (a rejection needs a reason)',
      request: {
        headers: idempotentHeaders,
        params: requisitionParam,
        body: body(
          z.object({ decision: z.enum(['approved', 'rejected']), reason: z.string().nullable().optional() }),
        ),
      },
      responses: {
        201: jsonContent(RequisitionOutcomeSchema, 'Decided, with any orders raised'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { requisitionId } = c.req.valid('param');
      const input = c.req.valid('json');
      return create(c, as(c, 'read'), 'procurement.decideRequisition', { requisitionId, ...input }, (tx) =>
        procurement.decideRequisition(tx, requisitionId, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/requisitions/{requisitionId}/cancellation',
      tags,
      summary: 'Withdraw a requisition still waiting for approval',
      request: { headers: organisationHeaders, params: requisitionParam, body: body(reasonSchema) },
      responses: { 200: jsonContent(RequisitionSchema, 'Withdrawn'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'requisition'), (tx) =>
          procurement.cancelRequisition(tx, c.req.valid('param').requisitionId, c.req.valid('json').reason),
        ),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/approvals',
      tags,
      summary: 'Requisitions waiting for a decision you may make (your roles, or as a deputy today)',
      request: { headers: organisationHeaders },
      responses: { 200: items(RequisitionSchema, 'Waiting for you'), ...standardErrors },
    }),
    async (c) => sendJson(c, { items: await read(as(c, 'read'), (tx) => procurement.approvalQueue(tx)) }),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/delegations',
      tags,
      summary: 'Delegations of approval authority',
      request: { headers: organisationHeaders },
      responses: { 200: items(DelegationSchema, 'Delegations'), ...standardErrors },
    }),
    async (c) => sendJson(c, { items: await read(as(c, 'read'), (tx) => procurement.delegations(tx)) }),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/delegations',
      tags,
      summary: "Let a deputy approve with an approver's authority between two dates",
      request: { headers: idempotentHeaders, body: body(NewDelegationSchema) },
      responses: { 201: jsonContent(DelegationSchema, 'Delegated'), ...standardErrors },
    }),
    async (c) => {
      const input = c.req.valid('json');
      return create(c, as(c, 'approve'), 'procurement.delegateApproval', input, (tx) =>
        procurement.delegateApproval(tx, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/budget',
      tags,
      summary: "A cost centre's budget, actuals, open commitments and what is left",
      request: {
        headers: organisationHeaders,
        query: z.object({
          costCentre: z.string(),
          financialYear: z.string().optional().openapi({ example: '2026-27' }),
        }),
      },
      responses: { 200: jsonContent(BudgetPositionSchema, 'The position'), ...standardErrors },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return sendJson(
        c,
        await read(as(c, 'read'), (tx) =>
          procurement.budgetPosition(tx, query.costCentre, query.financialYear),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/purchase-orders',
      tags,
      summary: 'Purchase orders, newest first',
      request: {
        headers: organisationHeaders,
        query: z.object({
          status: z.enum(['issued', 'cancelled', 'closed']).optional(),
          search: z.string().optional().openapi({ description: 'Part of the order number' }),
          mine: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: { 200: items(PurchaseOrderSchema, 'Orders'), ...standardErrors },
    }),
    async (c) => {
      const ctx = as(c, 'read');
      const query = c.req.valid('query');
      const found = await read(ctx, (tx) =>
        procurement.purchaseOrders(tx, {
          statuses: query.status ? [query.status] : undefined,
          search: query.search,
          requesterId: query.mine === 'true' ? ctx.actor.id : undefined,
          limit: query.limit,
        }),
      );
      return sendJson(c, { items: found });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}',
      tags,
      summary: 'A purchase order with what has been received and invoiced on each line',
      request: { headers: organisationHeaders, params: orderParam },
      responses: { 200: jsonContent(PurchaseOrderSchema, 'The order'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'read'), (tx) =>
          procurement.purchaseOrder(tx, c.req.valid('param').purchaseOrderId),
        ),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/versions',
      tags,
      summary: 'Every version of the order: raised, amended, cancelled',
      request: { headers: organisationHeaders, params: orderParam },
      responses: { 200: items(OrderVersionSchema, 'Versions'), ...standardErrors },
    }),
    async (c) =>
      sendJson(c, {
        items: await read(as(c, 'read'), (tx) =>
          procurement.purchaseOrderHistory(tx, c.req.valid('param').purchaseOrderId),
        ),
      }),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/order.xml',
      tags,
      summary: 'The order as PEPPOL BIS Ordering 3 (UBL Order 2.1) XML',
      request: { headers: organisationHeaders, params: orderParam },
      responses: {
        200: { description: 'UBL Order', content: { 'application/xml': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { purchaseOrderId } = c.req.valid('param');
      const xml = await read(as(c, 'read'), (tx) => procurement.orderXml(tx, purchaseOrderId));
      return c.body(xml, 200, { 'content-type': 'application/xml; charset=utf-8' });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/amendments',
      tags,
      summary: 'Change quantities or prices as a new version (never above the approved value)',
      request: { headers: idempotentHeaders, params: orderParam, body: body(AmendmentSchema) },
      responses: { 201: jsonContent(PurchaseOrderSchema, 'Amended'), ...standardErrors },
    }),
    async (c) => {
      const { purchaseOrderId } = c.req.valid('param');
      const input = c.req.valid('json');
      return create(
        c,
        as(c, 'manage-orders'),
        'procurement.amendPurchaseOrder',
        { purchaseOrderId, ...input },
        (tx) => procurement.amendPurchaseOrder(tx, purchaseOrderId, input),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/cancellation',
      tags,
      summary: 'Cancel an order nothing has been received or invoiced against; its commitments are released',
      request: { headers: organisationHeaders, params: orderParam, body: body(reasonSchema) },
      responses: { 200: jsonContent(PurchaseOrderSchema, 'Cancelled'), ...standardErrors },
    }),
    async (c) =>
      sendJson(
        c,
        await read(as(c, 'manage-orders'), (tx) =>
          procurement.cancelPurchaseOrder(
            tx,
            c.req.valid('param').purchaseOrderId,
            c.req.valid('json').reason,
          ),
        ),
      ),
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/receipts',
      tags,
      summary: 'Receipts and returns recorded against the order',
      request: { headers: organisationHeaders, params: orderParam },
      responses: { 200: items(GoodsReceiptSchema, 'Receipts'), ...standardErrors },
    }),
    async (c) =>
      sendJson(c, {
        items: await read(as(c, 'read'), (tx) =>
          procurement.goodsReceipts(tx, c.req.valid('param').purchaseOrderId),
        ),
      }),
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/procurement/purchase-orders/{purchaseOrderId}/receipts',
      tags,
      summary: 'Record goods received (or returned): posts the GRNI accrual and releases the commitment',
      request: { headers: idempotentHeaders, params: orderParam, body: body(NewReceiptSchema) },
      responses: { 201: jsonContent(GoodsReceiptSchema, 'Recorded'), ...standardErrors },
    }),
    async (c) => {
      const { purchaseOrderId } = c.req.valid('param');
      const input = c.req.valid('json');
      const receivedOn = input.receivedOn ?? null;
      if (receivedOn !== null && !isLocalDate(receivedOn)) {
        throw procurementError('RECEIPT_INVALID', 'receivedOn is a date such as 2026-07-01', [
          { path: 'receivedOn', rule: 'date-format', message: 'Use the form YYYY-MM-DD' },
        ]);
      }
      return create(c, as(c, 'receive'), 'procurement.recordReceipt', { purchaseOrderId, ...input }, (tx) =>
        procurement.recordReceipt(tx, purchaseOrderId, { ...input, receivedOn }),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/matching/purchase-orders',
      tags,
      summary: 'The order an invoice names (EN 16931 BT-13), as payables matches against it',
      request: { headers: organisationHeaders, query: z.object({ reference: z.string().min(1) }) },
      responses: { 200: jsonContent(MatchingOrderSchema, 'The order'), ...standardErrors },
    }),
    async (c) => {
      const { reference } = c.req.valid('query');
      const order = await read(as(c, 'read'), (tx) => procurement.purchaseOrderForMatching(tx, reference));
      if (!order) throw procurementError('PURCHASE_ORDER_NOT_FOUND', `No purchase order ${reference} here`);
      return sendJson(c, order);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/procurement/measures',
      tags,
      summary: 'Touchless order rate, requisition-to-order time and counts over a date range',
      request: {
        headers: organisationHeaders,
        query: z.object({
          from: z.string().openapi({ example: '2026-04-01' }),
          to: z.string().openapi({ example: '2026-06-30' }),
        }),
      },
      responses: { 200: jsonContent(MeasuresSchema, 'Measures'), ...standardErrors },
    }),
    async (c) =>
      sendJson(c, await read(as(c, 'measures'), (tx) => procurement.measures(tx, c.req.valid('query')))),
  );

  return app;
}
