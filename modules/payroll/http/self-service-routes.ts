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
import { calculateEmployeePeriodParts, explainEmployeePeriod, readEmployeePeriodRequest } from '../domain';
import { loadTaxYearReference } from '../reference-data';
import type { PayrollService } from '../service';
import { QUERY_ROOT_CAUSES } from '../services/self-service';
import { asEmployee, fileResponse, jsonBody, runParams, selfServiceTags, tags, withRoles } from './route-kit';
import {
  AnytimePaySchema,
  CalcAnswerSchema,
  MyPayslipSchema,
  PayslipSchema,
  QuerySchema,
  RepeatedQuerySchema,
  WorkforceMonthSchema,
} from './schemas';

/** Employees' own payslips, anytime pay and queries; the payroll team's query queue; the what-if calculator; workforce history. */
export function selfServiceRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { runner: TenantRunner; payroll: PayrollService },
) {
  const { runner, payroll } = deps;
  const read = withRoles('read');
  const manage = withRoles('manage');
  const me = async (c: Parameters<typeof asEmployee>[0]) => {
    const { ctx } = asEmployee(c);
    return {
      ctx,
      employeeFor: (tx: Parameters<PayrollService['employeeForUser']>[0]) =>
        payroll.employeeForUser(tx, ctx.actor.id),
    };
  };

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/me/payslips',
      tags: selfServiceTags,
      summary: 'My payslips, newest first',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(MyPayslipSchema) }), 'Payslips'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      const items = await runner.withTenant(ctx, async (tx) =>
        payroll.employeePayslips(tx, (await employeeFor(tx)).id),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/me/payslips/{runId}',
      tags: selfServiceTags,
      summary: 'One of my payslips, every line explained',
      request: { headers: organisationHeaders, params: runParams },
      responses: { 200: jsonContent(PayslipSchema, 'The payslip'), ...standardErrors },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      const payslip = await runner.withTenant(ctx, async (tx) =>
        payroll.employeePayslip(tx, (await employeeFor(tx)).id, c.req.valid('param').runId),
      );
      return sendJson(c, payslip);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/me/payslips/{runId}/pdf',
      tags: selfServiceTags,
      summary: 'One of my payslips as a PDF',
      request: { headers: organisationHeaders, params: runParams },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      const { runId } = c.req.valid('param');
      const pdf = await runner.withTenant(ctx, async (tx) => {
        const employee = await employeeFor(tx);
        await payroll.employeePayslip(tx, employee.id, runId);
        return payroll.payslipPdf(tx, runId, employee.id);
      });
      return fileResponse(c, pdf, 'application/pdf', `payslip-${runId}.pdf`);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/me/anytime-pay',
      tags: selfServiceTags,
      summary: 'How much pay already earned I can draw now, and my draws this period',
      request: { headers: organisationHeaders },
      responses: { 200: jsonContent(AnytimePaySchema, 'Anytime pay'), ...standardErrors },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      return sendJson(
        c,
        await runner.withTenant(ctx, async (tx) => payroll.anytimePay(tx, (await employeeFor(tx)).id)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/me/anytime-pay/draws',
      tags: selfServiceTags,
      summary: 'Draw pay already earned this period, within the limits (recovered from net pay on pay day)',
      request: { headers: idempotentHeaders, ...jsonBody(z.object({ amountPence: z.number().int() })) },
      responses: {
        201: jsonContent(
          z.object({
            id: z.string(),
            amountPence: z.number().int(),
            journalId: z.string(),
            position: AnytimePaySchema,
          }),
          'Paid',
        ),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.drawAnytimePay', body, async () =>
          payroll.drawAnytimePay(tx, (await employeeFor(tx)).id, body.amountPence),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/me/queries',
      tags: selfServiceTags,
      summary: 'My payslip queries',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(QuerySchema) }), 'Queries'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      return sendJson(c, {
        items: await runner.withTenant(ctx, async (tx) =>
          payroll.queries(tx, { employeeId: (await employeeFor(tx)).id }),
        ),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/me/queries',
      tags: selfServiceTags,
      summary:
        'Ask about a line of one of my payslips: the payroll team receives it with the calculation attached',
      request: {
        headers: idempotentHeaders,
        ...jsonBody(z.object({ runId: z.string(), lineRef: z.string(), message: z.string() })),
      },
      responses: { 201: jsonContent(QuerySchema, 'Raised'), ...standardErrors },
    }),
    async (c) => {
      const { ctx, employeeFor } = await me(c);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.raiseQuery', body, async () => {
          const employee = await employeeFor(tx);
          await payroll.employeePayslip(tx, employee.id, body.runId);
          return payroll.raiseQuery(tx, { ...body, employeeId: employee.id });
        }),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/queries',
      tags,
      summary: 'The payslip query queue, aged in working hours against the service desk SLA',
      request: {
        headers: organisationHeaders,
        query: z.object({ status: z.enum(['open', 'resolved']).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(QuerySchema) }), 'Queries'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.queries(tx, c.req.valid('query'))),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/queries/{queryId}/resolution',
      tags,
      summary: 'Resolve a payslip query, recording the root cause',
      request: {
        headers: organisationHeaders,
        params: z.object({ queryId: z.string() }),
        ...jsonBody(z.object({ resolution: z.string(), rootCause: z.enum(QUERY_ROOT_CAUSES) })),
      },
      responses: { 200: jsonContent(QuerySchema, 'Resolved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manage);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) =>
          payroll.resolveQuery(tx, c.req.valid('param').queryId, c.req.valid('json')),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/queries/repeated',
      tags,
      summary:
        'Query types that keep coming back (by line and rule), so the rule or input can be fixed at its source',
      request: {
        headers: organisationHeaders,
        query: z.object({ days: z.coerce.number().int().min(1).max(730).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(RepeatedQuerySchema) }), 'Counts'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.repeatedQueries(tx, c.req.valid('query').days)),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/calc',
      tags,
      summary:
        'What-if calculator: one employee-period as `mainstay payroll calc` takes it (money in pence), with every figure explained',
      request: { headers: organisationHeaders, ...jsonBody(z.record(z.string(), z.unknown())) },
      responses: {
        200: jsonContent(CalcAnswerSchema, 'Figures, explanations and any bad fields'),
        ...standardErrors,
      },
    }),
    async (c) => {
      tenantOf(c, read);
      const raw = c.req.valid('json');
      const taxYear = typeof raw.taxYear === 'string' ? raw.taxYear : '';
      const reference = await loadTaxYearReference(taxYear);
      const { fields, issues } = readEmployeePeriodRequest(raw, reference);
      const parts = calculateEmployeePeriodParts(fields, reference);
      const { incomeTax, nationalInsurance, studentLoans, pension } = parts;
      return sendJson(c, {
        incomeTax: incomeTax?.tax ?? null,
        employeeNi: nationalInsurance?.employee ?? null,
        employerNi: nationalInsurance?.employer ?? null,
        studentLoan: studentLoans?.studentLoan ?? null,
        postgraduateLoan: studentLoans?.postgraduateLoan ?? null,
        pensionEmployee: pension?.employee ?? null,
        pensionEmployer: pension?.employer ?? null,
        explanations:
          incomeTax && nationalInsurance && studentLoans && pension
            ? explainEmployeePeriod({ incomeTax, nationalInsurance, studentLoans, pension })
            : [],
        issues,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/workforce-history',
      tags,
      summary: 'Headcount, starters, leavers and sickness by team and month, from the pay records',
      request: {
        headers: organisationHeaders,
        query: z.object({
          from: z.string().openapi({ example: '2025-12' }),
          to: z.string().openapi({ example: '2026-11' }),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(WorkforceMonthSchema) }), 'Months'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.workforceHistory(tx, c.req.valid('query'))),
      });
    },
  );
}
