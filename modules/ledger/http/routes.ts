import { createRoute, z } from '@hono/zod-openapi';
import {
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  pageOf,
  pageQuery,
  replayHeaders,
  type SystemScopeResolver,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import { newId } from '../../../kernel/ids';
import { type Pence, pence } from '../../../kernel/money';
import type { TenantRunner } from '../../../kernel/tenancy';
import type { LocalDate } from '../../../kernel/time';
import { ledgerPermissions } from '../permissions';
import type { LedgerService } from '../service';
import {
  AccountSchema,
  CostCentreReportSchema,
  CostCentreSchema,
  JournalSchema,
  LegacyChartImportSchema,
  LegacyMappingSchema,
  NewJournalSchema,
  PeriodSchema,
  periodQuery,
  TrialBalanceSchema,
} from './schemas';

export function ledgerRoutes(deps: {
  runner: TenantRunner;
  ledger: LedgerService;
  systemScope: SystemScopeResolver;
}) {
  const { runner, ledger } = deps;
  const app = newRouter();
  const tags = ['Ledger'];
  const readRoles = { allowedRoles: ledgerPermissions.rolesFor('read') };
  const manageRoles = { allowedRoles: ledgerPermissions.rolesFor('manage') };

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/accounts',
      tags,
      summary: 'The common chart of accounts',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ version: z.string(), items: z.array(AccountSchema) }), 'The chart'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const items = await runner.withTenant(ctx, (tx) => ledger.chart(tx));
      return sendJson(c, { version: ledger.chartVersion(), items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/cost-centres',
      tags,
      summary: "The acting organisation's cost centres",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(CostCentreSchema) }), 'Cost centres'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => ledger.costCentres(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/ledger/cost-centres/{code}',
      tags,
      summary: 'Create or update a cost centre',
      request: {
        headers: organisationHeaders,
        params: z.object({ code: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.object({
                name: z.string().min(1),
                division: z.string().min(1),
                active: z.boolean().optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: jsonContent(CostCentreSchema, 'Saved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      const saved = await runner.withTenant(ctx, (tx) =>
        ledger.saveCostCentre(tx, { code: c.req.valid('param').code, ...c.req.valid('json') }),
      );
      return sendJson(c, saved);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/ledger/legacy-chart',
      tags,
      summary:
        "Import the organisation's legacy chart of accounts (CSV or JSON), with any mappings it carries",
      request: {
        headers: idempotentHeaders,
        body: {
          content: {
            'application/json': { schema: z.object({ fileName: z.string().min(1), content: z.string() }) },
          },
          required: true,
        },
      },
      responses: {
        200: jsonContent(LegacyChartImportSchema, 'Imported, with unmapped codes and rejected rows'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'ledger.importLegacyChart', body, () =>
          ledger.importLegacyChart(tx, { fileName: body.fileName, text: body.content }),
        ),
      );
      return sendJson(c, outcome.result, 200, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/legacy-mappings',
      tags,
      summary: 'Every legacy account and the common account it maps to (null while unmapped)',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(LegacyMappingSchema) }), 'Mappings'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => ledger.legacyMappings(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/ledger/legacy-mappings/{legacyCode}',
      tags,
      summary: 'Map a legacy account onto the common chart',
      request: {
        headers: organisationHeaders,
        params: z.object({ legacyCode: z.string() }),
        body: {
          content: { 'application/json': { schema: z.object({ accountCode: z.string() }) } },
          required: true,
        },
      },
      responses: { 204: { description: 'Mapped' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      await runner.withTenant(ctx, (tx) =>
        ledger.mapLegacyAccount(tx, c.req.valid('param').legacyCode, c.req.valid('json').accountCode),
      );
      return c.body(null, 204);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/periods',
      tags,
      summary: 'Accounting periods and whether each is open',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(PeriodSchema) }), 'Periods'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => ledger.periods(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/ledger/financial-years',
      tags,
      summary: 'Open the twelve periods of a financial year',
      request: {
        headers: organisationHeaders,
        body: {
          content: {
            'application/json': {
              schema: z.object({ financialYear: z.string().openapi({ example: '2026-27' }) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: jsonContent(z.object({ periodsOpened: z.number().int() }), 'Opened'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      const periodsOpened = await runner.withTenant(ctx, (tx) =>
        ledger.openFinancialYear(tx, c.req.valid('json').financialYear),
      );
      return sendJson(c, { periodsOpened });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/ledger/periods/status',
      tags,
      summary: 'Close (or reopen) an accounting period, with a reason',
      request: {
        headers: organisationHeaders,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                period: periodQuery.shape.period,
                status: z.enum(['open', 'closed']),
                reason: z.string().min(1),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 200: jsonContent(PeriodSchema, 'Updated'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      const body = c.req.valid('json');
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) =>
          ledger.setPeriodStatus(tx, body.period, body.status, body.reason),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/ledger/journals',
      tags,
      summary: 'Post a manual journal (debits must equal credits)',
      request: {
        headers: idempotentHeaders,
        body: { content: { 'application/json': { schema: NewJournalSchema } }, required: true },
      },
      responses: { 201: jsonContent(JournalSchema, 'Posted'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: ledgerPermissions.rolesFor('post') });
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'ledger.postJournal', body, () =>
          ledger.postJournal(tx, {
            accountingDate: body.accountingDate as LocalDate,
            sourceModule: 'ledger',
            sourceId: body.sourceId ?? newId('mjn'),
            reasonCode: body.reasonCode,
            description: body.description,
            lines: body.lines.map((line) => ({ ...line, amountPence: pence(line.amountPence) as Pence })),
          }),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/journals',
      tags,
      summary: 'Journals, newest first',
      request: {
        headers: organisationHeaders,
        query: pageQuery.extend({
          period: periodQuery.shape.period.optional(),
          sourceModule: z.string().optional(),
          sourceId: z.string().optional(),
        }),
      },
      responses: { 200: jsonContent(pageOf(JournalSchema), 'A page of journals'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const query = c.req.valid('query');
      const limit = query.limit ?? 50;
      const journals = await runner.withTenant(ctx, (tx) =>
        ledger.journals(tx, {
          periodKey: query.period,
          sourceModule: query.sourceModule,
          sourceId: query.sourceId,
          beforeNumber: query.cursor && /^\d+$/.test(query.cursor) ? BigInt(query.cursor) : undefined,
          limit,
        }),
      );
      const last = journals.at(-1);
      return sendJson(c, {
        items: journals,
        nextCursor: journals.length === limit && last ? last.journalNumber.toString() : null,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/journals/{id}',
      tags,
      summary: 'One journal with its lines',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(JournalSchema, 'The journal'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(c, await runner.withTenant(ctx, (tx) => ledger.journal(tx, c.req.valid('param').id)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/ledger/journals/{id}/reversal',
      tags,
      summary: 'Reverse a journal (once), with a reason',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.object({
                reason: z.string().min(1),
                accountingDate: z
                  .string()
                  .regex(/^\d{4}-\d{2}-\d{2}$/)
                  .optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: jsonContent(JournalSchema, 'The reversing journal'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: ledgerPermissions.rolesFor('post') });
      const body = c.req.valid('json');
      const reversal = await runner.withTenant(ctx, (tx) =>
        ledger.reverseJournal(tx, c.req.valid('param').id, {
          reason: body.reason,
          accountingDate: body.accountingDate as LocalDate | undefined,
        }),
      );
      return sendJson(c, reversal, 201);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/trial-balance',
      tags,
      summary: 'Trial balance for a period: opening, movements, closing, by account',
      request: { headers: organisationHeaders, query: periodQuery },
      responses: { 200: jsonContent(TrialBalanceSchema, 'Trial balance'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => ledger.trialBalance(tx, c.req.valid('query').period)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/systems/{icbId}/trial-balance',
      tags,
      summary: 'Consolidated trial balance of an integrated care system (system roles)',
      request: { params: z.object({ icbId: z.string() }), query: periodQuery },
      responses: { 200: jsonContent(TrialBalanceSchema, 'Consolidated trial balance'), ...standardErrors },
    }),
    async (c) => {
      const scope = await deps.systemScope(c, c.req.valid('param').icbId);
      return sendJson(
        c,
        await runner.withReadScope(scope, (tx) =>
          ledger.consolidatedTrialBalance(tx, c.req.valid('query').period),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/ledger/cost-centre-report',
      tags,
      summary: 'Management accounts: income and expenditure by cost centre against budget',
      request: { headers: organisationHeaders, query: periodQuery },
      responses: { 200: jsonContent(CostCentreReportSchema, 'Management accounts'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => ledger.costCentreReport(tx, c.req.valid('query').period)),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/ledger/budgets',
      tags,
      summary: "Set a cost centre's annual budget",
      request: {
        headers: organisationHeaders,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                financialYear: z.string(),
                costCentreCode: z.string(),
                amountPence: z.number().int().nonnegative(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 204: { description: 'Set' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, manageRoles);
      const body = c.req.valid('json');
      await runner.withTenant(ctx, (tx) =>
        ledger.setBudget(tx, { ...body, amountPence: pence(body.amountPence) }),
      );
      return c.body(null, 204);
    },
  );

  return app;
}
