import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import { badRequest } from '../errors';
import type { AppEnv } from './caller';

/**
 * A router whose request validation failures become a REQUEST_INVALID problem
 * naming each field (`body.lines.1.amountPence`), like every other error.
 */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const where = result.target === 'json' ? 'body' : result.target;
      throw badRequest(
        'REQUEST_INVALID',
        `The request ${where} is not valid`,
        result.error.issues.map((issue) => ({
          path: [where, ...issue.path.map(String)].join('.'),
          rule: `schema-${issue.code}`,
          message: issue.message,
        })),
      );
    },
  });
}

export type RouteContext<R extends RouteConfig> = Parameters<RouteHandler<R, AppEnv>>[0];

/**
 * Adds a documented route. Handlers answer through `sendJson` (bigint money
 * becomes a JSON integer at the edge), so they return a plain Response rather
 * than the schema's TypeScript type; the API tests check every response body
 * against this route's schema in the OpenAPI document instead.
 */
export function addRoute<R extends RouteConfig>(
  app: OpenAPIHono<AppEnv>,
  config: R,
  handler: (c: RouteContext<R>) => Promise<Response>,
): void {
  app.openapi(config, handler as unknown as RouteHandler<R, AppEnv>);
}
