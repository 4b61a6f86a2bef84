import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, tenantOf } from '../../../kernel/http';
import { payrollPermissions } from '../permissions';

/** Small helpers shared by the payroll routes. */
export const tags = ['Payroll'];
export const selfServiceTags = ['Payroll: my pay'];

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const withRoles = (permission: 'read' | 'manage' | 'run' | 'self-service') => ({
  allowedRoles: payrollPermissions.rolesFor(permission),
});

export const runParams = z.object({ runId: z.string() });
export const employeeParams = z.object({ employeeId: z.string() });

/** A file answer (Bacs, FPS XML, PDF), named for download. */
export function fileResponse(
  c: Context<AppEnv>,
  body: string | Buffer,
  contentType: string,
  fileName: string,
): Response {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${fileName}"`,
  });
}

/** The signed-in employee's organisation context (self-service routes act on their own record only). */
export const asEmployee = (c: Context<AppEnv>) => tenantOf(c, withRoles('self-service'));
