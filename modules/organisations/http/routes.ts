import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  addRoute,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  replayHeaders,
  requireCaller,
  sendJson,
  standardErrors,
  tenantOf,
} from '../../../kernel/http';
import type { TenantRunner } from '../../../kernel/tenancy';
import { organisationPermissions } from '../domain/roles';
import type { OrganisationsService } from '../service';
import type { Principal } from '../types';
import {
  IssuedApiTokenSchema,
  MemberSchema,
  NewApiTokenSchema,
  NewOrganisationSchema,
  NewUserSchema,
  OrganisationSchema,
  SessionSchema,
  SignInSchema,
} from './schemas';

export const SESSION_COOKIE = 'mainstay_session';

export type SessionCookieOptions = { secure: boolean };

export function setSessionCookie(c: Context, token: string, options: SessionCookieOptions): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: options.secure,
    path: '/',
    maxAge: 12 * 3600,
  });
}

export function sessionTokenOf(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export const sessionView = (principal: Principal) => ({
  userId: principal.userId,
  email: principal.email,
  displayName: principal.displayName,
  via: principal.via,
  organisationId: principal.apiToken?.organisationId ?? principal.sessionOrganisationId,
  memberships: principal.memberships,
});

export function organisationsRoutes(deps: {
  runner: TenantRunner;
  organisations: OrganisationsService;
  cookie: SessionCookieOptions;
}) {
  const { runner, organisations } = deps;
  const app = newRouter();
  const tags = ['Sign-in and organisations'];

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/session',
      tags,
      summary: 'Sign in with email and password',
      description: 'Sets an HttpOnly session cookie. Ten failed attempts lock the account for 15 minutes.',
      request: { body: { content: { 'application/json': { schema: SignInSchema } }, required: true } },
      responses: { 200: jsonContent(SessionSchema, 'Signed in'), ...standardErrors },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { token, principal } = await organisations.signIn(email, password);
      setSessionCookie(c, token, deps.cookie);
      return sendJson(c, sessionView(principal));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/session',
      tags,
      summary: 'Who am I: the signed-in person and their organisations and roles',
      responses: { 200: jsonContent(SessionSchema, 'The current session'), ...standardErrors },
    }),
    async (c) => {
      requireCaller(c);
      const token = sessionTokenOf(c);
      const principal = token
        ? await organisations.principalForSession(token)
        : await organisations.principalForApiToken(
            (c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, ''),
          );
      return sendJson(c, sessionView(principal));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/session/organisation',
      tags,
      summary: 'Switch the organisation the session acts for',
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ organisationId: z.string() }) } },
          required: true,
        },
      },
      responses: { 200: jsonContent(SessionSchema, 'Switched'), ...standardErrors },
    }),
    async (c) => {
      const token = sessionTokenOf(c);
      requireCaller(c);
      const principal = await organisations.switchOrganisation(
        token ?? '',
        c.req.valid('json').organisationId,
      );
      return sendJson(c, sessionView(principal));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/session',
      tags,
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out' }, ...standardErrors },
    }),
    async (c) => {
      const token = sessionTokenOf(c);
      if (token) await organisations.signOut(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/organisations',
      tags,
      summary: 'The register of organisations: provider, boards, trusts',
      responses: {
        200: jsonContent(z.object({ items: z.array(OrganisationSchema) }), 'Organisations'),
        ...standardErrors,
      },
    }),
    async (c) => {
      requireCaller(c);
      return sendJson(c, { items: await organisations.listOrganisations() });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{id}',
      tags,
      summary: 'One organisation',
      request: { params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(OrganisationSchema, 'The organisation'), ...standardErrors },
    }),
    async (c) => {
      requireCaller(c);
      return sendJson(c, await organisations.getOrganisation(c.req.valid('param').id));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/organisations',
      tags,
      summary: 'Register an organisation (administrators of the acting organisation)',
      request: {
        headers: idempotentHeaders,
        body: { content: { 'application/json': { schema: NewOrganisationSchema } }, required: true },
      },
      responses: { 201: jsonContent(OrganisationSchema, 'Registered'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: organisationPermissions.rolesFor('manage') });
      const body = c.req.valid('json');
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'organisations.register', body, () =>
          organisations.registerOrganisation(tx, {
            ...body,
            annualIncomePence: body.annualIncomePence == null ? null : BigInt(body.annualIncomePence),
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
      path: '/api/v1/members',
      tags,
      summary: 'The people of the acting organisation and their roles',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(MemberSchema) }), 'Members'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c);
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => organisations.listMembers(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/members',
      tags,
      summary: 'Add a person to the acting organisation (creating their account if new)',
      request: {
        headers: idempotentHeaders,
        body: { content: { 'application/json': { schema: NewUserSchema } }, required: true },
      },
      responses: { 201: jsonContent(MemberSchema, 'Added'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: organisationPermissions.rolesFor('manage') });
      const body = c.req.valid('json');
      const existing = await organisations.findUserByEmail(body.email);
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'organisations.addMember', body, async () => {
          const user = existing ?? (await organisations.createUser(tx, body));
          return organisations.setRoles(tx, user.id, body.roles);
        }),
      );
      return sendJson(c, outcome.result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/members/{userId}/roles',
      tags,
      summary: "Set a member's roles in the acting organisation",
      request: {
        headers: organisationHeaders,
        params: z.object({ userId: z.string() }),
        body: {
          content: { 'application/json': { schema: z.object({ roles: z.array(z.string()).min(1) }) } },
          required: true,
        },
      },
      responses: { 200: jsonContent(MemberSchema, 'Updated'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: organisationPermissions.rolesFor('manage') });
      const member = await runner.withTenant(ctx, (tx) =>
        organisations.setRoles(tx, c.req.valid('param').userId, c.req.valid('json').roles),
      );
      return sendJson(c, member);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/api-tokens',
      tags,
      summary: 'Issue an API token for a machine client (with no more than your own roles)',
      request: {
        headers: idempotentHeaders,
        body: { content: { 'application/json': { schema: NewApiTokenSchema } }, required: true },
      },
      responses: {
        201: jsonContent(IssuedApiTokenSchema, 'Issued: the token is shown once'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, roles } = tenantOf(c);
      const body = c.req.valid('json');
      let secret = '';
      const outcome = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'organisations.issueApiToken', body, async () => {
          const issued = await organisations.issueApiToken(tx, {
            name: body.name,
            roles: body.roles,
            issuerRoles: roles,
            expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
          });
          secret = issued.token;
          // The secret is never stored: a replay returns the token's details with the secret withheld.
          return { ...issued, token: 'withheld: shown only in the first response' };
        }),
      );
      const result = outcome.replayed ? outcome.result : { ...(outcome.result as object), token: secret };
      return sendJson(c, result, 201, replayHeaders(outcome));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'delete',
      path: '/api/v1/api-tokens/{id}',
      tags,
      summary: 'Revoke an API token',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 204: { description: 'Revoked' }, ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, { allowedRoles: organisationPermissions.rolesFor('manage') });
      await runner.withTenant(ctx, (tx) => organisations.revokeApiToken(tx, c.req.valid('param').id));
      return c.body(null, 204);
    },
  );

  return app;
}
