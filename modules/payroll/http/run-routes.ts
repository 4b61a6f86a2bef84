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
import { payFrequencies } from '../domain/pay-frequency';
import type { PayrollService } from '../service';
import { fileResponse, jsonBody, runParams, tags, withRoles } from './route-kit';
import {
  PayRunSchema,
  PayslipSchema,
  PayslipSummarySchema,
  PreviewSummarySchema,
  RunIssueSchema,
  ThirdPartySchema,
  VarianceSchema,
} from './schemas';

const runEmployeeParams = runParams.extend({ employeeId: z.string() });

/** Pay runs: create, calculate (preview), review issues and variances, exclude, approve, commit, and what they produce. */
export function runRoutes(app: OpenAPIHono<AppEnv>, deps: { runner: TenantRunner; payroll: PayrollService }) {
  const { runner, payroll } = deps;
  const read = withRoles('read');
  const run = withRoles('run');

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs',
      tags,
      summary: 'Pay runs, newest first',
      request: {
        headers: organisationHeaders,
        query: z.object({ status: z.enum(['draft', 'approved', 'committed', 'cancelled']).optional() }),
      },
      responses: { 200: jsonContent(z.object({ items: z.array(PayRunSchema) }), 'Runs'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.runs(tx, c.req.valid('query'))),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/runs',
      tags,
      summary: 'Create a pay run for a pay frequency and period (main, or supplementary for named employees)',
      request: {
        headers: idempotentHeaders,
        ...jsonBody(
          z.object({
            payFrequency: z.enum(payFrequencies),
            taxYear: z.string().openapi({ example: '2026-27' }),
            period: z.number().int().min(1).max(53).openapi({
              description:
                'The n-th pay day of the tax year; for monthly pay the n-th calendar month from April',
            }),
            kind: z.enum(['main', 'supplementary']).optional(),
            employeeIds: z.array(z.string()).optional(),
          }),
        ),
      },
      responses: { 201: jsonContent(PayRunSchema, 'Created (draft)'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payroll.createRun', body, () => payroll.createRun(tx, body)),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}',
      tags,
      summary: 'A pay run: status, preview figures and totals',
      request: { headers: organisationHeaders, params: runParams },
      responses: { 200: jsonContent(PayRunSchema, 'The run'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, await runner.withTenant(ctx, (tx) => payroll.run(tx, c.req.valid('param').runId)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/runs/{runId}/calculation',
      tags,
      summary:
        'Calculate (preview) the run: every payslip from the records and claims recorded now, the bad-input list and the variances; a calculation that was interrupted resumes; recalculate: true starts again',
      request: {
        headers: organisationHeaders,
        params: runParams,
        ...jsonBody(z.object({ recalculate: z.boolean().optional() })),
      },
      responses: { 200: jsonContent(PreviewSummarySchema, 'Calculated'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      return sendJson(c, await payroll.previewRun(ctx, c.req.valid('param').runId, c.req.valid('json')));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/issues',
      tags,
      summary:
        'Every employee with bad input, naming the field; each must be fixed (and the run recalculated) or excluded with a reason',
      request: { headers: organisationHeaders, params: runParams },
      responses: {
        200: jsonContent(z.object({ items: z.array(RunIssueSchema) }), 'Bad input'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) => payroll.issues(tx, c.req.valid('param').runId)),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/variances',
      tags,
      summary:
        'Payslips to look at before commit: net pay change beyond the threshold, first pay, zero or negative pay, tax code change, emergency code, arrears, bank change pending',
      request: {
        headers: organisationHeaders,
        params: runParams,
        query: z.object({ flag: z.string().optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(VarianceSchema) }), 'Variances'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) =>
          payroll.variances(tx, c.req.valid('param').runId, c.req.valid('query').flag),
        ),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/runs/{runId}/exclusions',
      tags,
      summary: 'Leave an employee out of this run, with the reason',
      request: {
        headers: organisationHeaders,
        params: runParams,
        ...jsonBody(z.object({ employeeId: z.string(), reason: z.string() })),
      },
      responses: { 204: { description: 'Excluded' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      await runner.withTenant(ctx, (tx) =>
        payroll.excludeEmployee(tx, c.req.valid('param').runId, c.req.valid('json')),
      );
      return c.body(null, 204);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/payroll/runs/{runId}/exclusions/{employeeId}',
      tags,
      summary: 'Put an excluded employee back into the run',
      request: { headers: organisationHeaders, params: runParams.extend({ employeeId: z.string() }) },
      responses: { 204: { description: 'Included again' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      const { runId, employeeId } = c.req.valid('param');
      await runner.withTenant(ctx, (tx) => payroll.includeEmployee(tx, runId, employeeId));
      return c.body(null, 204);
    },
  );

  for (const [step, summary, action] of [
    ['approval', 'Approve the calculated run (not by the person who prepared it)', 'approve'],
    ['reopening', 'Withdraw the approval to change something before commit', 'reopen'],
    ['cancellation', 'Cancel a draft run', 'cancel'],
  ] as const) {
    addRoute(
      app,
      createRoute({
        method: 'post',
        path: `/api/v1/payroll/runs/{runId}/${step}`,
        tags,
        summary,
        request: {
          headers: organisationHeaders,
          params: runParams,
          ...jsonBody(z.object({ reason: z.string().optional() })),
        },
        responses: { 200: jsonContent(PayRunSchema, 'Done'), ...standardErrors },
      }),
      async (c) => {
        const { ctx } = tenantOf(c, run);
        const { runId } = c.req.valid('param');
        const reason = c.req.valid('json').reason ?? '';
        const result = await runner.withTenant(ctx, (tx) =>
          action === 'approve'
            ? payroll.approveRun(tx, runId)
            : action === 'reopen'
              ? payroll.reopenRun(tx, runId, reason || 'Reopened')
              : payroll.cancelRun(tx, runId, reason || 'Cancelled'),
        );
        return sendJson(c, result);
      },
    );
  }

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payroll/runs/{runId}/commit',
      tags,
      summary:
        'Commit the approved run: payslips become final, claims paid, the journal posted (one transaction; a repeated commit returns the committed run)',
      request: { headers: organisationHeaders, params: runParams },
      responses: { 200: jsonContent(PayRunSchema, 'Committed'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      return sendJson(c, await payroll.commitRun(ctx, c.req.valid('param').runId));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/payslips',
      tags,
      summary: 'The payslips of a run (drafts while it is being prepared), in employee order',
      request: {
        headers: organisationHeaders,
        params: runParams,
        query: z.object({
          after: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(PayslipSummarySchema) }), 'Payslips'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      const query = c.req.valid('query');
      const items = await runner.withTenant(ctx, (tx) =>
        payroll.payslips(tx, {
          runId: c.req.valid('param').runId,
          afterEmployeeId: query.after,
          limit: query.limit,
        }),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/payslips/{employeeId}',
      tags,
      summary: 'A payslip with every line explained by the rule that made it, and the year to date',
      request: { headers: organisationHeaders, params: runEmployeeParams },
      responses: { 200: jsonContent(PayslipSchema, 'The payslip'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      const { runId, employeeId } = c.req.valid('param');
      return sendJson(c, await runner.withTenant(ctx, (tx) => payroll.payslip(tx, runId, employeeId)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/payslips/{employeeId}/pdf',
      tags,
      summary: 'A payslip as a PDF',
      request: { headers: organisationHeaders, params: runEmployeeParams },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      const { runId, employeeId } = c.req.valid('param');
      const pdf = await runner.withTenant(ctx, (tx) => payroll.payslipPdf(tx, runId, employeeId));
      return fileResponse(c, pdf, 'application/pdf', `payslip-${runId}-${employeeId}.pdf`);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/bacs',
      tags,
      summary: 'The net pay Bacs Standard 18 file of a committed run (verified bank details only)',
      request: { headers: organisationHeaders, params: runParams },
      responses: {
        200: { description: 'Standard 18 records', content: { 'text/plain': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      const file = await runner.withTenant(ctx, (tx) => payroll.bacsFile(tx, c.req.valid('param').runId));
      return fileResponse(c, file.text, 'text/plain; charset=us-ascii', file.fileName);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/fps',
      tags,
      summary: 'The HMRC RTI Full Payment Submission of a committed run, each payment carrying its Bacs hash',
      request: {
        headers: organisationHeaders,
        params: runParams,
        query: z.object({ gatewayTest: z.enum(['true', 'false']).optional() }),
      },
      responses: {
        200: { description: 'FPS XML', content: { 'application/xml': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, run);
      const fps = await runner.withTenant(ctx, (tx) =>
        payroll.fullPaymentSubmission(tx, c.req.valid('param').runId, {
          gatewayTest: c.req.valid('query').gatewayTest === 'true',
        }),
      );
      return fileResponse(c, fps.xml, 'application/xml; charset=utf-8', fps.fileName);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payroll/runs/{runId}/third-party-payments',
      tags,
      summary: 'What the run owes HMRC, NHS Pensions and each third party, and when',
      request: { headers: organisationHeaders, params: runParams },
      responses: { 200: jsonContent(ThirdPartySchema, 'Payment schedule'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, read);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => payroll.thirdPartyPayments(tx, c.req.valid('param').runId)),
      );
    },
  );
}
