import { createRoute, z } from '@hono/zod-openapi';
import {
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  replayHeaders,
  requireCaller,
  type SystemScopeResolver,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import type { TenantRunner } from '../../../kernel/tenancy';
import { SETTING_KEYS } from '../domain/catalogue';
import { REASON_CATEGORIES } from '../domain/variation';
import { frameworkPermissions } from '../permissions';
import type { FrameworkService } from '../service';

const VariationSchema = z
  .object({
    organisationId: z.string(),
    id: z.string(),
    settingKey: z.string(),
    value: z.unknown(),
    reasonCategory: z.enum(REASON_CATEGORIES),
    reason: z.string(),
    status: z.enum(['proposed', 'approved', 'rejected', 'withdrawn']),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    reviewBy: z.string().nullable(),
  })
  .openapi('Variation');

const EffectiveSettingSchema = z
  .object({
    key: z.string(),
    value: z.unknown(),
    source: z.enum(['standard', 'variation']),
    standardVersion: z.string(),
    standardValue: z.unknown(),
    variationId: z.string().nullable(),
  })
  .openapi('EffectiveSetting');

const ConformanceSchema = z
  .object({
    organisationId: z.string(),
    standardVersion: z.string(),
    settingsCounted: z.number().int(),
    onStandard: z.number().int(),
    share: z.number(),
    variations: z.array(
      VariationSchema.extend({
        title: z.string(),
        standardValue: z.unknown(),
        justified: z.boolean(),
        concerns: z.array(z.string()),
        affects: z.string(),
        localChoice: z.boolean(),
      }),
    ),
    proposed: z.array(VariationSchema),
  })
  .openapi('Conformance');

const GapItemSchema = z.object({
  settingKey: z.string(),
  title: z.string().nullable(),
  module: z.string().nullable(),
  status: z.enum(['matches', 'differs', 'not-supplied', 'unknown-setting', 'invalid-value']),
  standardValue: z.unknown(),
  currentValue: z.unknown(),
  affects: z.string().nullable(),
  localChoice: z.boolean(),
  message: z.string().nullable(),
});

const GapAnalysisSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    fileName: z.string(),
    fileFormat: z.enum(['json', 'csv']),
    standardVersion: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    items: z.array(GapItemSchema),
    summary: z.object({
      settings: z.number().int(),
      matches: z.number().int(),
      differs: z.number().int(),
      'not-supplied': z.number().int(),
      'unknown-setting': z.number().int(),
      'invalid-value': z.number().int(),
    }),
  })
  .openapi('GapAnalysis');

export function frameworkRoutes(deps: {
  runner: TenantRunner;
  framework: FrameworkService;
  systemScope: SystemScopeResolver;
}) {
  const { runner, framework } = deps;
  const app = newRouter();
  const tags = ['Framework: standard and variations'];

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/standard',
      tags,
      summary: 'The current national standard configuration, with what each setting means and affects',
      responses: {
        200: jsonContent(
          z.object({
            version: z.string(),
            title: z.string(),
            effectiveFrom: z.string(),
            settings: z.array(
              z.object({
                key: z.string(),
                title: z.string(),
                description: z.string(),
                affects: z.string(),
                module: z.string(),
                localChoice: z.boolean(),
                value: z.unknown(),
              }),
            ),
          }),
          'The standard',
        ),
        ...standardErrors,
      },
    }),
    async (c) => {
      requireCaller(c);
      const standard = await framework.standard();
      return sendJson(c, {
        version: standard.version,
        title: standard.title,
        effectiveFrom: standard.effectiveFrom,
        settings: SETTING_KEYS.map((key) => {
          const definition = standard.definitions[key];
          return {
            key,
            title: definition.title,
            description: definition.description,
            affects: definition.affects,
            module: definition.module,
            localChoice: 'localChoice' in definition && definition.localChoice === true,
            value: standard.settings[key],
          };
        }),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/settings',
      tags,
      summary: "The acting organisation's effective settings: the standard plus its approved variations",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(EffectiveSettingSchema) }), 'Effective settings'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => framework.resolveAll(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/variations',
      tags,
      summary: "The acting organisation's variations",
      request: {
        headers: organisationHeaders,
        query: z.object({ status: z.enum(['proposed', 'approved', 'rejected', 'withdrawn']).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(VariationSchema) }), 'Variations'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      const status = c.req.valid('query').status;
      return sendJson(c, {
        items: await runner.withTenant(ctx, (tx) =>
          framework.listVariations(tx, status ? [status] : undefined),
        ),
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/framework/variations',
      tags,
      summary: 'Propose a local variation from the standard, with its reason',
      request: {
        headers: idempotentHeaders,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                settingKey: z.string(),
                value: z.unknown(),
                reasonCategory: z.enum(REASON_CATEGORIES),
                reason: z.string(),
                reviewBy: z.string().nullable().optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: jsonContent(VariationSchema, 'Proposed'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: frameworkPermissions.rolesFor('propose') });
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'framework.proposeVariation', body, () =>
          framework.proposeVariation(tx, body),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/framework/variations/{id}/decision',
      tags,
      summary: 'Approve or reject a proposed variation (Design Authority; not the proposer)',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.object({ approve: z.boolean(), note: z.string().nullable().optional() }),
            },
          },
          required: true,
        },
      },
      responses: { 200: jsonContent(VariationSchema, 'Decided'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: frameworkPermissions.rolesFor('decide') });
      const variation = await runner.withTenant(ctx, (tx) =>
        framework.decideVariation(tx, c.req.valid('param').id, c.req.valid('json')),
      );
      return sendJson(c, variation);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/framework/variations/{id}/withdrawal',
      tags,
      summary: 'Withdraw a variation: the setting returns to the standard',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: {
          content: { 'application/json': { schema: z.object({ reason: z.string().min(1) }) } },
          required: true,
        },
      },
      responses: { 200: jsonContent(VariationSchema, 'Withdrawn'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, {
        allowedRoles: [
          ...frameworkPermissions.rolesFor('propose'),
          ...frameworkPermissions.rolesFor('decide'),
        ],
      });
      const variation = await runner.withTenant(ctx, (tx) =>
        framework.withdrawVariation(tx, c.req.valid('param').id, c.req.valid('json').reason),
      );
      return sendJson(c, variation);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/conformance',
      tags,
      summary:
        "The acting organisation's conformance to the standard, with every variation and whether it is justified",
      request: { headers: organisationHeaders },
      responses: { 200: jsonContent(ConformanceSchema, 'Conformance report'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      return sendJson(c, await runner.withTenant(ctx, (tx) => framework.conformance(tx, ctx.organisationId)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/systems/{icbId}/conformance',
      tags,
      summary: 'Conformance of every organisation of an integrated care system (system roles)',
      request: { params: z.object({ icbId: z.string() }) },
      responses: {
        200: jsonContent(z.object({ items: z.array(ConformanceSchema) }), 'One report per organisation'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const scope = await deps.systemScope(c, c.req.valid('param').icbId);
      const reports = await runner.withReadScope(scope, async (tx) => {
        const list = [];
        for (const organisationId of scope.organisationIds)
          list.push(await framework.conformance(tx, organisationId));
        return list;
      });
      return sendJson(c, { items: reports });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/framework/gap-analyses',
      tags,
      summary: "Gap analysis: compare an organisation's current settings (JSON or CSV) with the standard",
      request: {
        headers: idempotentHeaders,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                fileName: z.string().min(1).openapi({ example: 'current-settings.csv' }),
                content: z.string().openapi({
                  description: 'The file as text: JSON settings, or CSV with setting,value columns',
                }),
              }),
            },
          },
          required: true,
        },
      },
      responses: { 201: jsonContent(GapAnalysisSchema, 'The analysis, kept'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: frameworkPermissions.rolesFor('gap-analysis') });
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'framework.gapAnalysis', body, () =>
          framework.runGapAnalysis(tx, { fileName: body.fileName, text: body.content }),
        ),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/gap-analyses',
      tags,
      summary: "The acting organisation's gap analyses",
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(GapAnalysisSchema) }), 'Gap analyses'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => framework.gapAnalyses(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/framework/gap-analyses/{id}',
      tags,
      summary: 'One gap analysis',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(GapAnalysisSchema, 'The analysis'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => framework.gapAnalysis(tx, c.req.valid('param').id)),
      );
    },
  );

  return app;
}
