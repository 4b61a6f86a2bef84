import { randomUUID } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { DomainError, forbidden, isDomainError } from '../../kernel/errors';
import { type AppEnv, newRouter, ORGANISATION_HEADER, type Problem, problemFor } from '../../kernel/http';
import { frameworkRoutes } from '../../modules/framework/http/routes';
import { insightRoutes } from '../../modules/insight/http/routes';
import { ledgerRoutes } from '../../modules/ledger/http/routes';
import { organisationsRoutes, SESSION_COOKIE } from '../../modules/organisations/http/routes';
import { payablesRoutes } from '../../modules/payables/http/routes';
import { payrollRoutes } from '../../modules/payroll/http/routes';
import { procurementRoutes } from '../../modules/procurement/http/routes';
import { suppliersRoutes } from '../../modules/suppliers/http/routes';
import type { Platform } from '../platform/platform';
import { mountWebApp } from '../web';
import { mountPackageAssets } from './assets';
import { auditRoutes } from './audit-routes';
import { authenticate } from './auth';
import { docsPage } from './docs-page';
import { type OidcConfig, oidcRoutes } from './oidc';
import { systemScopeResolver } from './system-scope';

const SECURITY_HEADERS = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
] as const;

export type AppOptions = {
  /** Secure cookies need HTTPS; off for http://localhost. */
  secureCookies: boolean;
  oidc: OidcConfig | null;
  version: string;
  /** Writes unexpected errors (with their request id) somewhere a maintainer will see them. */
  logError: (requestId: string, error: unknown) => void;
};

/**
 * The HTTP application: the API (documented at /openapi.json and /docs), the
 * web app, and the plumbing every request goes through — request id,
 * authentication, and errors as RFC 9457 problem documents, never stack traces.
 */
export function createApp(platform: Platform, options: AppOptions): OpenAPIHono<AppEnv> {
  const app = newRouter();

  // Headers are set before the handler runs: changing them afterwards makes the Node adapter rebuild the
  // whole response, which costs more than everything else an authenticated read does.
  app.use('*', async (c, next) => {
    const requestId = c.req.header('request-id') ?? randomUUID();
    c.set('requestId', requestId);
    c.header('Request-Id', requestId);
    for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
    if (options.secureCookies) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    await next();
  });
  // Cross-site request forgery matters only where the browser sends credentials by itself: the session cookie.
  const forgeryCheck = csrf();
  app.use('*', async (c, next) =>
    c.req.header('authorization') || !c.req.header('cookie')?.includes(SESSION_COOKIE)
      ? next()
      : forgeryCheck(c, next),
  );
  app.use('*', authenticate(platform.organisations));
  // Naming an organisation the caller cannot act for is refused before anything else is read, even the request body.
  app.use('/api/*', async (c, next) => {
    const named = c.req.header(ORGANISATION_HEADER);
    const caller = c.get('caller');
    if (named && caller) {
      const allowed = caller.token
        ? caller.token.organisationId === named
        : caller.memberships.some((membership) => membership.organisationId === named);
      if (!allowed) throw forbidden('NOT_A_MEMBER', `You cannot act for ${named}`);
    }
    await next();
  });

  app.onError((error, c) => {
    const requestId = c.get('requestId') ?? randomUUID();
    const known = isDomainError(error) || error instanceof HTTPException;
    if (!known) options.logError(requestId, error);
    const problem =
      error instanceof HTTPException
        ? problemFor(
            new DomainError(
              `HTTP_${error.status}`,
              error.status === 403 ? 'forbidden' : 'bad-request',
              error.message || 'Refused',
            ),
            requestId,
          )
        : problemFor(error, requestId);
    return c.body(JSON.stringify(problem), problem.status as 400, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  });
  app.notFound((c) => {
    const problem: Problem = {
      type: 'https://mainstay.nhs.uk/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `Nothing at ${c.req.method} ${c.req.path}`,
      code: 'ROUTE_NOT_FOUND',
      issues: [],
      requestId: c.get('requestId'),
    };
    return c.body(JSON.stringify(problem), 404, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  });

  app.get('/health', async (c) => {
    await platform.db.query('select 1');
    return c.json({ status: 'ok', database: platform.db.engine, version: options.version });
  });

  const cookie = { secure: options.secureCookies };
  const systemScope = systemScopeResolver(platform.organisations);
  const { runner } = platform;
  app.route('/', organisationsRoutes({ runner, organisations: platform.organisations, cookie }));
  app.route('/', frameworkRoutes({ runner, framework: platform.framework, systemScope }));
  app.route('/', ledgerRoutes({ runner, ledger: platform.ledger, systemScope }));
  app.route('/', insightRoutes({ runner, insight: platform.insight, systemScope }));
  app.route('/', payablesRoutes({ runner, payables: platform.payables }));
  app.route('/', payrollRoutes({ runner, payroll: platform.payroll }));
  app.route('/', suppliersRoutes({ runner, suppliers: platform.suppliers }));
  app.route('/', procurementRoutes({ runner, procurement: platform.procurement }));
  app.route('/', auditRoutes(platform));
  if (options.oidc) app.route('/', oidcRoutes(options.oidc, platform.organisations, cookie));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'mainstay_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mainstay API',
      version: options.version,
      description:
        'The shared operational layer for NHS organisations. Money is integer pence. Every request acts for one organisation: ' +
        'API tokens carry theirs; sessions send the `Mainstay-Organisation` header. Creating requests accept `Idempotency-Key`. ' +
        'Errors are RFC 9457 problem documents naming the field or rule at fault.',
    },
    security: [{ session: [] }, { apiToken: [] }],
  });
  app.get('/docs', (c) => c.html(docsPage()));
  mountPackageAssets(app);

  mountWebApp(platform, { secureCookies: options.secureCookies, oidcEnabled: options.oidc !== null })(app);
  return app;
}
