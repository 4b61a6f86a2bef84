import { createRoute, z } from '@hono/zod-openapi';
import { listAuditEntries, verifyAuditChain } from '../../kernel/audit';
import {
  addRoute,
  jsonContent,
  newRouter,
  organisationHeaders,
  pageOf,
  pageQuery,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../kernel/http';
import { organisationPermissions } from '../../modules/organisations';
import type { Platform } from '../platform/platform';

const AuditEntrySchema = z
  .object({
    seq: z.string(),
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({ kind: z.string(), id: z.string() }),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

const VerificationSchema = z
  .object({
    organisationId: z.string(),
    entries: z.number().int(),
    ok: z.boolean(),
    problems: z.array(
      z.object({
        seq: z.string(),
        entryId: z.string().nullable(),
        kind: z.enum(['altered', 'removed', 'reordered', 'truncated']),
        detail: z.string(),
      }),
    ),
  })
  .openapi('AuditVerification');

/** The tamper-evident audit trail: read it, and check its hash chain. */
export function auditRoutes(platform: Platform) {
  const app = newRouter();
  const tags = ['Audit'];
  const auditRoles = { allowedRoles: organisationPermissions.rolesFor('read-audit') };

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/audit/entries',
      tags,
      summary: "The acting organisation's audit trail, newest first: who, when, what changed, why",
      request: {
        headers: organisationHeaders,
        query: pageQuery.extend({ entityType: z.string().optional(), entityId: z.string().optional() }),
      },
      responses: { 200: jsonContent(pageOf(AuditEntrySchema), 'A page of entries'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, auditRoles);
      const query = c.req.valid('query');
      const limit = query.limit ?? 50;
      const items = await platform.runner.withTenant(ctx, (tx) =>
        listAuditEntries(tx, {
          entityType: query.entityType,
          entityId: query.entityId,
          beforeSeq: query.cursor && /^\d+$/.test(query.cursor) ? BigInt(query.cursor) : undefined,
          limit,
        }),
      );
      return sendJson(c, { items, nextCursor: items.length === limit ? (items.at(-1)?.seq ?? null) : null });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/audit/verification',
      tags,
      summary: "Verify the acting organisation's hash chain: names any altered, removed or reordered entry",
      request: { headers: organisationHeaders },
      responses: { 200: jsonContent(VerificationSchema, 'The verification'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, auditRoles);
      return sendJson(
        c,
        await platform.runner.withTenant(ctx, (tx) => verifyAuditChain(tx, ctx.organisationId)),
      );
    },
  );

  return app;
}
