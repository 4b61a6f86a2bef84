import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from '../../kernel/http';

const require = createRequire(import.meta.url);

/** Static files served from installed packages (the NHS.UK frontend, Swagger UI, Chart.js): no CDN, works offline. */
const PACKAGE_ROOTS = {
  nhsuk: join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist', 'nhsuk'),
  'swagger-ui': dirname(require.resolve('swagger-ui-dist/package.json')),
  chartjs: dirname(require.resolve('chart.js')),
} as const;

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export function mountPackageAssets(app: Hono<AppEnv>, extraRoots: Record<string, string> = {}): void {
  const roots: Record<string, string> = { ...PACKAGE_ROOTS, ...extraRoots };
  const cache = new Map<string, Uint8Array>();
  app.get('/assets/:package/*', async (c) => {
    const root = roots[c.req.param('package')];
    const relative = normalize(c.req.path.replace(/^\/assets\/[^/]+\//, ''));
    if (!root || relative.startsWith('..')) return c.notFound();
    const file = join(root, relative);
    let body = cache.get(file);
    if (!body) {
      try {
        body = new Uint8Array(await readFile(file));
      } catch {
        return c.notFound();
      }
      cache.set(file, body);
    }
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=3600',
    });
  });
}
