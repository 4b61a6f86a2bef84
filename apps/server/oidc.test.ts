import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, openTestPlatform, seedTestSystem } from '../../testing/platform';
import type { Platform } from '../platform/platform';
import { createApp } from './app';

/**
 * A small identity provider for the test: discovery, authorization (it signs
 * in whoever the test names), token endpoint checking PKCE, and JWKS. It stands
 * in for the NHS identity provider, which the test cannot reach.
 */
async function startIdentityProvider(subject: { sub: string; email: string; emailVerified: boolean }) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string; clientId: string }>();
  const idp = new Hono();
  let issuer = '';
  idp.get('/.well-known/openid-configuration', (c) =>
    c.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    }),
  );
  idp.get('/jwks', (c) => c.json({ keys: [jwk] }));
  idp.get('/authorize', (c) => {
    const code = randomBytes(12).toString('hex');
    codes.set(code, {
      challenge: c.req.query('code_challenge')!,
      nonce: c.req.query('nonce')!,
      clientId: c.req.query('client_id')!,
    });
    const redirect = new URL(c.req.query('redirect_uri')!);
    redirect.searchParams.set('code', code);
    redirect.searchParams.set('state', c.req.query('state')!);
    redirect.searchParams.set('iss', issuer);
    return c.redirect(redirect.href);
  });
  idp.post('/token', async (c) => {
    const form = await c.req.parseBody();
    const grant = codes.get(String(form.code));
    const verifier = String(form.code_verifier ?? '');
    if (!grant || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) {
      return c.json({ error: 'invalid_grant' }, 400);
    }
    const idToken = await new SignJWT({
      nonce: grant.nonce,
      email: subject.email,
      email_verified: subject.emailVerified,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(issuer)
      .setSubject(subject.sub)
      .setAudience(grant.clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    return c.json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
  });
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch: idp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, close: () => server.close() };
}

describe('OpenID Connect sign-in', () => {
  let platform: Platform;
  let idp: Awaited<ReturnType<typeof startIdentityProvider>>;

  beforeAll(async () => {
    platform = await openTestPlatform('pglite');
    const ids = await seedTestSystem(platform);
    await createTestUser(platform, ids.trustA, 'staff.member@example.nhs.uk', ['employee']);
    idp = await startIdentityProvider({
      sub: 'nhs-123',
      email: 'staff.member@example.nhs.uk',
      emailVerified: true,
    });
  });
  afterAll(async () => {
    idp.close();
    await platform.db.close();
  });

  it('signs a person in through the identity provider with PKCE, state and nonce, and opens a Mainstay session', async () => {
    const redirectUri = 'http://localhost/auth/oidc/callback';
    const app = createApp(platform, {
      secureCookies: false,
      oidc: {
        issuer: idp.issuer,
        clientId: 'mainstay',
        clientSecret: 'secret',
        redirectUri,
        allowInsecure: true,
      },
      version: 'test',
      logError: (requestId, error) => process.stderr.write(`${requestId} ${(error as Error).stack}\n`),
    });
    const login = await app.request('/auth/oidc/login');
    expect(login.status).toBe(302);
    const flowCookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const authorizeUrl = new URL(login.headers.get('location')!);
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    const provider = await fetch(authorizeUrl, { redirect: 'manual' });
    const callback = new URL(provider.headers.get('location')!);
    const finished = await app.request(`${callback.pathname}${callback.search}`, {
      headers: { cookie: flowCookie },
    });
    expect(finished.status, await finished.clone().text()).toBe(302);
    const session = finished.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('mainstay_session='))!
      .split(';')[0]!;
    const me = await app.request('/api/v1/session', { headers: { cookie: session } });
    expect(await me.json()).toMatchObject({ email: 'staff.member@example.nhs.uk', via: 'session' });
  });

  it('refuses a callback that did not start here (no flow cookie, so no state to check)', async () => {
    const app = createApp(platform, {
      secureCookies: false,
      oidc: {
        issuer: idp.issuer,
        clientId: 'mainstay',
        clientSecret: 'secret',
        redirectUri: 'http://localhost/auth/oidc/callback',
        allowInsecure: true,
      },
      version: 'test',
      logError: () => undefined,
    });
    const response = await app.request('/auth/oidc/callback?code=forged&state=forged');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('start again');
  });
});
