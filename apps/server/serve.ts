import { type ServerType, serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../kernel/http';

/** Listens on the port and resolves once the server is accepting connections. */
export function listen(app: OpenAPIHono<AppEnv>, port: number, hostname = '0.0.0.0'): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
