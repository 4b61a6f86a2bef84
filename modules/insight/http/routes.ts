import { createRoute, z } from '@hono/zod-openapi';
import { forbidden } from '../../../kernel/errors';
import {
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  replayHeaders,
  type SystemScopeResolver,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import type { ReadScope, TenantContext, TenantRunner } from '../../../kernel/tenancy';
import type { IsoDate, SourceKind } from '../domain/ingest';
import { insightPermissions } from '../permissions';
import type { InsightService } from '../service';
import {
  analyticsQuery,
  BatchSchema,
  ConsolidationSchema,
  CorporateCostsSchema,
  CoverageSchema,
  DrillSchema,
  EarlyWarningSchema,
  HarmonisationRunSchema,
  ImportOutcomeSchema,
  ImportRequestSchema,
  KindSchema,
  KpisSchema,
  OffContractSchema,
  OrganisationQualitySchema,
  PriceVariationSchema,
  ProfileSchema,
  ReviewSchema,
  SpendSchema,
  WorkforceSchema,
} from './schemas';

type Viewer = TenantContext | ReadScope;

type AnalyticsRoute<Q extends z.ZodObject> = {
  path: string;
  summary: string;
  schema: z.ZodType;
  query: Q;
  run(viewer: Viewer, query: z.infer<Q>): Promise<unknown>;
};

/** Keeps each route's query type for its own `run`, and lets the routes share one list. */
const analyticsRoute = <Q extends z.ZodObject>(route: AnalyticsRoute<Q>): AnalyticsRoute<z.ZodObject> =>
  route as unknown as AnalyticsRoute<z.ZodObject>;

/** Roles that may start a harmonisation run over every organisation's data. */
const RUN_ROLES = ['shared-service-manager', 'administrator'];

export function insightRoutes(deps: {
  runner: TenantRunner;
  insight: InsightService;
  systemScope: SystemScopeResolver;
}) {
  const { runner, insight } = deps;
  const app = newRouter();
  const tags = ['Insight'];
  const readRoles = { allowedRoles: insightPermissions.rolesFor('read') };
  const importRoles = { allowedRoles: insightPermissions.rolesFor('import') };
  const reviewRoles = { allowedRoles: insightPermissions.rolesFor('review') };

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/insight/imports',
      tags,
      summary:
        'Import one legacy extract (spend, PO lines, GL, workforce): every row imported once or rejected with reasons',
      request: {
        headers: idempotentHeaders,
        body: { content: { 'application/json': { schema: ImportRequestSchema } }, required: true },
      },
      responses: { 200: jsonContent(ImportOutcomeSchema, 'What the import did'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, importRoles);
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'insight.importFile', body, () =>
          insight.ingestion.importFile(tx, {
            bytes: Buffer.from(body.contentBase64, 'base64'),
            fileName: body.fileName,
            kind: body.kind as SourceKind,
            ...(body.source ? { source: body.source } : {}),
            ...(body.asAt ? { asAt: body.asAt as IsoDate } : {}),
            ...(body.organisationName ? { organisationName: body.organisationName } : {}),
          }),
        ),
      );
      return sendJson(c, outcome.result, 200, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/imports',
      tags,
      summary: "The organisation's imports, newest first, each with its data-quality label",
      request: {
        headers: organisationHeaders,
        query: z.object({
          kind: KindSchema.optional(),
          before: z
            .string()
            .optional()
            .openapi({ description: 'importedAt of the last item of the previous page' }),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(BatchSchema) }), 'Imports'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const query = c.req.valid('query');
      const items = await runner.withTenant(ctx, (tx) =>
        insight.ingestion.batches(tx, {
          ...(query.kind ? { kinds: [query.kind as SourceKind] } : {}),
          ...(query.before ? { before: query.before } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        }),
      );
      return sendJson(c, { items: items.map(({ profile: _profile, quality: _quality, ...batch }) => batch) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/imports/{id}',
      tags,
      summary: 'One import',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(BatchSchema, 'The import'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const {
        profile: _profile,
        quality: _quality,
        ...batch
      } = await runner.withTenant(ctx, (tx) => insight.ingestion.batch(tx, c.req.valid('param').id));
      return sendJson(c, batch);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/imports/{id}/rejections',
      tags,
      summary:
        "An import's rejected rows as CSV: line, reason, then the row's cells under the file's headers",
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'Rejected rows', content: { 'text/csv': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const file = await runner.withTenant(ctx, (tx) =>
        insight.ingestion.rejectionsCsv(tx, c.req.valid('param').id),
      );
      return c.body(file.csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"`,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/profiles',
      tags,
      summary: "The organisation's saved column mappings, one per source",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(ProfileSchema) }), 'Mappings'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => insight.ingestion.profiles(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/insight/profiles/{source}',
      tags,
      summary:
        'Confirm or edit the column mapping for a source; the next file from it is read with this mapping',
      request: {
        headers: organisationHeaders,
        params: z.object({ source: z.string() }),
        body: {
          content: { 'application/json': { schema: z.object({ profile: z.unknown() }) } },
          required: true,
        },
      },
      responses: { 200: jsonContent(ProfileSchema, 'Saved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, importRoles);
      const saved = await runner.withTenant(ctx, (tx) =>
        insight.ingestion.confirmProfile(tx, c.req.valid('param').source, c.req.valid('json').profile),
      );
      return sendJson(c, saved);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/data-quality',
      tags,
      summary: "The organisation's data-quality label, overall and by kind of data",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(OrganisationQualitySchema) }), 'Labels'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const items = await runner.withTenant(ctx, async (tx) =>
        insight.ingestion.organisationQuality(tx, await insight.ingestion.thresholds(tx)),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/insight/reviews',
      tags,
      summary: "Uncertain supplier and catalogue matches for the organisation's records, to accept or reject",
      request: {
        headers: organisationHeaders,
        query: z.object({
          status: z.enum(['open', 'accepted', 'rejected']).optional(),
          subject: z.enum(['supplier', 'item']).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(ReviewSchema) }), 'Reviews'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, readRoles);
      const query = c.req.valid('query');
      const items = await runner.withTenant(ctx, (tx) =>
        insight.harmonisation.reviews(tx, {
          ...(query.status ? { status: query.status } : {}),
          ...(query.subject ? { subject: query.subject } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        }),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/insight/reviews/{id}/decision',
      tags,
      summary: 'Accept or reject a proposed match (audited; later harmonisation runs keep the decision)',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ accept: z.boolean(), reason: z.string().min(1).max(500) }),
            },
          },
          required: true,
        },
      },
      responses: { 200: jsonContent(ReviewSchema, 'The decided review'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, reviewRoles);
      const decided = await runner.withTenant(ctx, (tx) =>
        insight.harmonisation.decide(tx, c.req.valid('param').id, c.req.valid('json')),
      );
      return sendJson(c, decided);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/insight/harmonisation/runs',
      tags,
      summary:
        'Harmonise every organisation’s suppliers and catalogue items now (shared-service manager or administrator)',
      request: { headers: organisationHeaders },
      responses: { 200: jsonContent(HarmonisationRunSchema, 'What the run found'), ...standardErrors },
    }),
    async (c) => {
      const { roles } = tenantOf(c, readRoles);
      if (!roles.some((role) => RUN_ROLES.includes(role))) {
        throw forbidden(
          'ROLE_REQUIRED',
          `A harmonisation run needs one of these roles: ${RUN_ROLES.join(', ')}`,
        );
      }
      return sendJson(c, await insight.harmonisation.run());
    },
  );

  const analytics = [
    analyticsRoute({
      path: 'coverage',
      summary: 'What the analytics can see: the organisations in view and the months each source covers',
      schema: CoverageSchema,
      query: z.object({}),
      run: (viewer) => insight.analytics.coverage(viewer),
    }),
    analyticsRoute({
      path: 'price-variation',
      summary: 'Price variation per unified item with the top savings opportunities (NAO method)',
      schema: PriceVariationSchema,
      query: analyticsQuery.extend({
        item: z.string().optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
      run: (viewer, query) => insight.analytics.priceVariation(viewer, query),
    }),
    analyticsRoute({
      path: 'spend',
      summary: 'Spend by category, supplier, organisation or month, from purchase orders or payments',
      schema: SpendSchema,
      query: analyticsQuery.extend({
        dimension: z.enum(['category', 'supplier', 'organisation', 'month']).default('category'),
        source: z.enum(['po-lines', 'spend']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
      run: (viewer, query) => insight.analytics.spend(viewer, query),
    }),
    analyticsRoute({
      path: 'off-contract',
      summary: 'Off-contract ordering and off-framework agency spend',
      schema: OffContractSchema,
      query: analyticsQuery,
      run: (viewer, query) => insight.analytics.offContract(viewer, query),
    }),
    analyticsRoute({
      path: 'supplier-consolidation',
      summary: 'Categories bought from many suppliers, and suppliers known under several names',
      schema: ConsolidationSchema,
      query: analyticsQuery,
      run: (viewer, query) => insight.analytics.consolidation(viewer, query),
    }),
    analyticsRoute({
      path: 'workforce',
      summary:
        'Turnover, leaver rate, stability, sickness, vacancy and bank/agency share against the ICS median',
      schema: WorkforceSchema,
      query: analyticsQuery.extend({ level: z.enum(['organisation', 'staff-group', 'team']).optional() }),
      run: (viewer, query) => insight.analytics.workforce(viewer, query),
    }),
    analyticsRoute({
      path: 'early-warning',
      summary:
        'Team alerts, finance and procurement pressure, and the leaver-risk model with its honest evaluation',
      schema: EarlyWarningSchema,
      query: analyticsQuery,
      run: (viewer, query) => insight.analytics.earlyWarning(viewer, query),
    }),
    analyticsRoute({
      path: 'corporate-costs',
      summary: 'Corporate costs per £100m income, per payslip and per invoice against the peer median',
      schema: CorporateCostsSchema,
      query: analyticsQuery,
      run: (viewer, query) => insight.analytics.corporateCosts(viewer, query),
    }),
    analyticsRoute({
      path: 'kpis',
      summary: "The shared service's KPIs for every member organisation",
      schema: KpisSchema,
      query: analyticsQuery,
      run: (viewer, query) => insight.analytics.kpis(viewer, query),
    }),
    analyticsRoute({
      path: 'drill',
      summary: 'The rows behind a figure, with the file and line each came from',
      schema: DrillSchema,
      query: analyticsQuery.extend({
        kind: z.enum(['po-lines', 'spend']).default('po-lines'),
        item: z.string().optional(),
        offContract: z
          .enum(['true', 'false'])
          .optional()
          .transform((value) => value === 'true'),
        limit: z.coerce.number().int().min(1).max(5000).optional(),
      }),
      run: (viewer, query) => insight.analytics.drill(viewer, query),
    }),
  ];

  for (const route of analytics) {
    addRoute(
      app,
      createRoute({
        method: 'get',
        path: `/api/v1/insight/${route.path}`,
        tags,
        summary: route.summary,
        request: { headers: organisationHeaders, query: route.query },
        responses: { 200: jsonContent(route.schema, route.summary), ...standardErrors },
      }),
      async (c) => {
        const { ctx } = tenantOf(c, readRoles);
        return sendJson(c, await route.run(ctx, c.req.valid('query')));
      },
    );
    addRoute(
      app,
      createRoute({
        method: 'get',
        path: `/api/v1/systems/{icbId}/insight/${route.path}`,
        tags,
        summary: `${route.summary}: every member of an integrated care system (system roles)`,
        request: { params: z.object({ icbId: z.string() }), query: route.query },
        responses: { 200: jsonContent(route.schema, route.summary), ...standardErrors },
      }),
      async (c) => {
        const scope = await deps.systemScope(c, c.req.valid('param').icbId);
        return sendJson(c, await route.run(scope, c.req.valid('query')));
      },
    );
  }
  return app;
}
