import { createRoute, z } from '@hono/zod-openapi';
import {
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
import type { TenantRunner } from '../../../kernel/tenancy';
import { suppliersPermissions } from '../permissions';
import type { SuppliersService } from '../service';
import {
  BankDetailsChangeSchema,
  BankDetailsRecordSchema,
  ContactSchema,
  NewContactSchema,
  NewSupplierSchema,
  SupplierChangesSchema,
  SupplierSchema,
  VerificationSchema,
} from './schemas';

const body = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});
const supplierParam = z.object({ supplierId: z.string() });

export function suppliersRoutes({
  runner,
  suppliers,
}: {
  runner: TenantRunner;
  suppliers: SuppliersService;
}) {
  const app = newRouter();
  const tags = ['Suppliers'];
  const read = { allowedRoles: suppliersPermissions.rolesFor('read') };
  const manage = { allowedRoles: suppliersPermissions.rolesFor('manage') };
  const bank = { allowedRoles: suppliersPermissions.rolesFor('bank-details') };

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/suppliers',
      tags,
      summary: "The organisation's suppliers, by name, VAT or Companies House number",
      request: {
        headers: organisationHeaders,
        query: z.object({
          search: z.string().optional(),
          status: z.enum(['active', 'inactive']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(SupplierSchema) }), 'Suppliers'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      const query = c.req.valid('query');
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => suppliers.listSuppliers(tx, query)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/suppliers',
      tags,
      summary: 'Add a supplier (bank details given here stay pending until a second person verifies them)',
      request: { headers: idempotentHeaders, body: body(NewSupplierSchema) },
      responses: { 201: jsonContent(SupplierSchema, 'Added'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const input = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'suppliers.createSupplier', input, () => suppliers.createSupplier(tx, input)),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/suppliers/{supplierId}',
      tags,
      summary: 'A supplier',
      request: { headers: organisationHeaders, params: supplierParam },
      responses: { 200: jsonContent(SupplierSchema, 'The supplier'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => suppliers.getSupplier(tx, c.req.valid('param').supplierId)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'patch',
      path: '/api/v1/suppliers/{supplierId}',
      tags,
      summary: "Change a supplier's name, identifiers, terms, addresses or status (not bank details)",
      request: { headers: organisationHeaders, params: supplierParam, body: body(SupplierChangesSchema) },
      responses: { 200: jsonContent(SupplierSchema, 'Changed'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) =>
          suppliers.updateSupplier(tx, c.req.valid('param').supplierId, c.req.valid('json')),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/suppliers/{supplierId}/contacts',
      tags,
      summary: 'Put a contact on file',
      request: { headers: idempotentHeaders, params: supplierParam, body: body(NewContactSchema) },
      responses: { 201: jsonContent(ContactSchema, 'On file'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const input = c.req.valid('json');
      const { supplierId } = c.req.valid('param');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'suppliers.addContact', { supplierId, ...input }, () =>
          suppliers.addContact(tx, supplierId, input),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/suppliers/{supplierId}/bank-details',
      tags,
      summary: 'Every set of bank details entered for the supplier, newest first, with its verification',
      request: { headers: organisationHeaders, params: supplierParam },
      responses: {
        200: jsonContent(z.object({ items: z.array(BankDetailsRecordSchema) }), 'History'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, bank);
      const items = await runner.withTenant(ctx, (tx) =>
        suppliers.bankDetailsHistory(tx, c.req.valid('param').supplierId),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/suppliers/{supplierId}/bank-detail-changes',
      tags,
      summary:
        'Enter new bank details: held as pending; the verified details stay in force until a second person verifies',
      request: { headers: idempotentHeaders, params: supplierParam, body: body(BankDetailsChangeSchema) },
      responses: { 201: jsonContent(BankDetailsRecordSchema, 'Pending verification'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, bank);
      const input = c.req.valid('json');
      const { supplierId } = c.req.valid('param');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'suppliers.requestBankDetailsChange', { supplierId, ...input }, () =>
          suppliers.requestBankDetailsChange(tx, supplierId, input),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/suppliers/{supplierId}/bank-detail-changes/{changeId}/verification',
      tags,
      summary: 'Record the call-back to a contact on file: confirm (puts the details in force) or reject',
      request: {
        headers: idempotentHeaders,
        params: supplierParam.extend({ changeId: z.string() }),
        body: body(VerificationSchema),
      },
      responses: { 201: jsonContent(BankDetailsRecordSchema, 'Recorded'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, bank);
      const input = c.req.valid('json');
      const { supplierId, changeId } = c.req.valid('param');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(
          c,
          tx,
          'suppliers.recordBankDetailsVerification',
          { supplierId, changeId, ...input },
          () =>
            suppliers.recordBankDetailsVerification(tx, supplierId, { bankDetailsId: changeId, ...input }),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  return app;
}
