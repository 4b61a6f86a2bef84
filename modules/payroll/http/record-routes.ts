import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type AppEnv,
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  organisationHeaders,
  replayHeaders,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import type { TenantRunner } from '../../../kernel/tenancy';
import { claimInputSchema } from '../domain/claims';
import {
  bankDetailsSchema,
  deductionOrderSchema,
  newEmployeeSchema,
  payAwardSchema,
  personSchema,
  recordChangeSchema,
} from '../domain/employee-input';
import type { PayrollService } from '../service';
import { employeeParams, jsonBody, tags, withRoles } from './route-kit';
import {
  BankDetailsSchema,
  ClaimRejectionSchema,
  ClaimSchema,
  ClaimsImportSchema,
  DeductionOrderSchema,
  EmployeeSchema,
  EmployeeSummarySchema,
  EmployerSchema,
  P45Schema,
  PayAwardSchema,
} from './schemas';

/** Employer set-up, employees and their effective-dated records, bank details, deductions, claims, awards. */
export function recordRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { runner: TenantRunner; payroll: PayrollService },
) {
  const { runner, payroll } = deps;
  const read = withRoles('read');
  const manage = withRoles('manage');

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/employer',
      tags,
      summary: "The employer's PAYE and Bacs details",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(EmployerSchema.nullable(), 'The employer, or null before set-up'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, await runner.withTenant(ctx, (tx) => payroll.employer(tx)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/payroll/employer',
      tags,
      summary: "Set the employer's PAYE reference, Accounts Office reference and Bacs originator",
      request: { headers: organisationHeaders, ...jsonBody(EmployerSchema) },
      responses: { 200: jsonContent(EmployerSchema, 'Saved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      return sendJson(c, await runner.withTenant(ctx, (tx) => payroll.saveEmployer(tx, c.req.valid('json'))));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/employees',
      tags,
      summary: 'Employees with their pay record today (search by name, payroll number or NI number)',
      request: {
        headers: organisationHeaders,
        query: z.object({
          search: z.string().optional(),
          after: z.string().optional().openapi({ description: 'The last id of the previous page' }),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(EmployeeSummarySchema) }), 'Employees'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      const query = c.req.valid('query');
      const items = await runner.withTenant(ctx, (tx) =>
        payroll.employees(tx, { search: query.search, afterId: query.after, limit: query.limit }),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/employees',
      tags,
      summary:
        'Register a starter: person, employment, contract, and a tax code from HMRC or the starter rules (P45 or declaration A/B/C)',
      request: { headers: idempotentHeaders, ...jsonBody(newEmployeeSchema) },
      responses: { 201: jsonContent(EmployeeSchema, 'Registered'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.registerEmployee', body, () => payroll.registerEmployee(tx, body)),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/employees/{employeeId}',
      tags,
      summary:
        'An employee: person, pay record today, every change with its effective date, bank details, deductions',
      request: { headers: organisationHeaders, params: employeeParams },
      responses: { 200: jsonContent(EmployeeSchema, 'The employee'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => payroll.employee(tx, c.req.valid('param').employeeId)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/payroll/employees/{employeeId}/person',
      tags,
      summary: 'Correct personal details (name, NI number, date of birth, address, linked user)',
      request: { headers: organisationHeaders, params: employeeParams, ...jsonBody(personSchema) },
      responses: { 200: jsonContent(EmployeeSchema, 'Updated'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) =>
          payroll.updatePerson(tx, c.req.valid('param').employeeId, c.req.valid('json')),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/employees/{employeeId}/changes',
      tags,
      summary:
        'An effective-dated change to the pay record (band, point, hours, cost centre, tax code, NI letter …); a change back-dated into periods already paid is paid as arrears in the next run',
      request: { headers: idempotentHeaders, params: employeeParams, ...jsonBody(recordChangeSchema) },
      responses: {
        201: jsonContent(EmployeeSchema, 'Recorded; arrearsFrom says whether arrears will be paid'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const { employeeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.recordChange', { employeeId, ...body }, () =>
          payroll.recordChange(tx, employeeId, body),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/employees/{employeeId}/leaver',
      tags,
      summary: 'Record a leaver: pay ends pro rata on the leaving date, which goes on the FPS',
      request: {
        headers: idempotentHeaders,
        params: employeeParams,
        ...jsonBody(z.object({ leavingDate: z.iso.date(), reason: z.string().min(1) })),
      },
      responses: { 201: jsonContent(EmployeeSchema, 'Recorded'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const { employeeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.recordLeaver', { employeeId, ...body }, () =>
          payroll.recordLeaver(tx, employeeId, body),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/employees/{employeeId}/p45',
      tags,
      summary:
        "A leaver's P45 figures: leaving date, tax code, pay and tax to date in the employment, loans to continue",
      request: { headers: organisationHeaders, params: employeeParams },
      responses: { 200: jsonContent(P45Schema, 'The P45 figures'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => payroll.leaverP45(tx, c.req.valid('param').employeeId)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/employees/{employeeId}/bank-details',
      tags,
      summary:
        'Enter new bank details: held until a second person verifies them; net pay goes only to verified details',
      request: { headers: idempotentHeaders, params: employeeParams, ...jsonBody(bankDetailsSchema) },
      responses: { 201: jsonContent(BankDetailsSchema, 'Waiting for verification'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const { employeeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.enterBankDetails', { employeeId, ...body }, () =>
          payroll.enterBankDetails(tx, employeeId, body),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/bank-details',
      tags,
      summary: 'Bank details waiting for a second person to verify them',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(BankDetailsSchema) }), 'Waiting'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => payroll.pendingBankDetails(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/bank-details/{bankDetailsId}/decision',
      tags,
      summary: 'Verify or reject bank details (not by the person who entered them)',
      request: {
        headers: organisationHeaders,
        params: z.object({ bankDetailsId: z.string() }),
        ...jsonBody(z.object({ approve: z.boolean(), note: z.string().nullable().optional() })),
      },
      responses: { 200: jsonContent(BankDetailsSchema, 'Decided'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) =>
          payroll.decideBankDetails(tx, c.req.valid('param').bankDetailsId, c.req.valid('json')),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/employees/{employeeId}/deductions',
      tags,
      summary:
        'A standing deduction: salary sacrifice, payroll giving, a voluntary deduction or an attachment of earnings order',
      request: { headers: idempotentHeaders, params: employeeParams, ...jsonBody(deductionOrderSchema) },
      responses: { 201: jsonContent(DeductionOrderSchema, 'Added'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const { employeeId } = c.req.valid('param');
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.addDeductionOrder', { employeeId, ...body }, () =>
          payroll.addDeductionOrder(tx, employeeId, body),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/deductions/{orderId}/stop',
      tags,
      summary: 'Stop a standing deduction from the next run',
      request: {
        headers: organisationHeaders,
        params: z.object({ orderId: z.string() }),
        ...jsonBody(z.object({ reason: z.string().min(1) })),
      },
      responses: { 204: { description: 'Stopped' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      await runner.withTenant(ctx, (tx) =>
        payroll.stopDeductionOrder(tx, c.req.valid('param').orderId, c.req.valid('json').reason),
      );
      return c.body(null, 204);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/absences',
      tags,
      summary: 'Record sickness and other absences (workforce history for the insight module)',
      request: {
        headers: idempotentHeaders,
        ...jsonBody(
          z.object({
            absences: z.array(
              z.object({
                employeeId: z.string(),
                kind: z.enum(['sickness', 'maternity', 'other']),
                firstDay: z.iso.date(),
                lastDay: z.iso.date(),
              }),
            ),
          }),
        ),
      },
      responses: {
        201: jsonContent(z.object({ recorded: z.number().int() }), 'Recorded'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.recordAbsences', body, async () => ({
          recorded: await payroll.recordAbsences(tx, body.absences),
        })),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/claims',
      tags,
      summary:
        'Timesheets and claims (unsocial hours, overtime, on-call, bank shifts, sickness, maternity, adjustments): all or none',
      request: {
        headers: idempotentHeaders,
        ...jsonBody(z.object({ claims: z.array(claimInputSchema).min(1) })),
      },
      responses: {
        201: jsonContent(z.object({ claimIds: z.array(z.string()) }), 'Recorded'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.recordClaims', body, async () => ({
          claimIds: await payroll.recordClaims(tx, body.claims),
        })),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/claims/import',
      tags,
      summary: 'Import a timesheet CSV: good rows become claims, each bad row is kept with its reasons',
      request: {
        headers: idempotentHeaders,
        ...jsonBody(z.object({ fileName: z.string().min(1), content: z.string() })),
      },
      responses: {
        201: jsonContent(ClaimsImportSchema, 'Imported, with the rows rejected'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.importClaimsCsv', body, () =>
          payroll.importClaimsCsv(tx, { fileName: body.fileName, text: body.content }),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/claims',
      tags,
      summary: 'Claims, newest first, with the run that paid each',
      request: { headers: organisationHeaders, query: z.object({ employeeId: z.string().optional() }) },
      responses: { 200: jsonContent(z.object({ items: z.array(ClaimSchema) }), 'Claims'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.claims(tx, c.req.valid('query'))),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/claims/rejections',
      tags,
      summary: 'Claim rows that could not be imported, with the reasons',
      request: { headers: organisationHeaders, query: z.object({ importId: z.string().optional() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ClaimRejectionSchema) }), 'Rejected rows'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) =>
          payroll.claimRejections(tx, c.req.valid('query').importId),
        ),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/pay-awards',
      tags,
      summary: 'Pay awards recorded',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(PayAwardSchema) }), 'Awards'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => payroll.payAwards(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/pay-awards',
      tags,
      summary:
        'Record a pay award (uplift by bands, or explicit pay point values) from a date; staff already paid since then get arrears, period by period, in the next run',
      request: { headers: idempotentHeaders, ...jsonBody(payAwardSchema) },
      responses: { 201: jsonContent(PayAwardSchema, 'Recorded'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.recordPayAward', body, () => payroll.recordPayAward(tx, body)),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );
}
