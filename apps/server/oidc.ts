import { randomBytes } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as client from 'openid-client';
import { DomainError } from '../../kernel/errors';
import { type AppEnv, newRouter } from '../../kernel/http';
import type { OrganisationsService } from '../../modules/organisations';
import { type SessionCookieOptions, setSessionCookie } from '../../modules/organisations/http/routes';

/** OpenID Connect sign-in (NHS staff through their identity provider), configured by MAINSTAY_OIDC_* variables. */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  allowInsecure?: boolean;
};

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const {
    MAINSTAY_OIDC_ISSUER,
    MAINSTAY_OIDC_CLIENT_ID,
    MAINSTAY_OIDC_CLIENT_SECRET,
    MAINSTAY_OIDC_REDIRECT_URI,
  } = env;
  if (!MAINSTAY_OIDC_ISSUER || !MAINSTAY_OIDC_CLIENT_ID || !MAINSTAY_OIDC_REDIRECT_URI) return null;
  return {
    issuer: MAINSTAY_OIDC_ISSUER,
    clientId: MAINSTAY_OIDC_CLIENT_ID,
    clientSecret: MAINSTAY_OIDC_CLIENT_SECRET ?? '',
    redirectUri: MAINSTAY_OIDC_REDIRECT_URI,
  };
}

const FLOW_COOKIE = 'mainstay_oidc';

/**
 * Authorization-code flow with PKCE, state and nonce. The identity provider
 * proves who the person is; Mainstay decides what they may do (their account
 * and memberships must already exist).
 */
export function oidcRoutes(
  config: OidcConfig,
  organisations: OrganisationsService,
  cookie: SessionCookieOptions,
): OpenAPIHono<AppEnv> {
  const app = newRouter();
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client.discovery(
      new URL(config.issuer),
      config.clientId,
      config.clientSecret || undefined,
      undefined,
      config.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    return discovered;
  };

  app.get('/auth/oidc/login', async (c) => {
    const verifier = client.randomPKCECodeVerifier();
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const url = client.buildAuthorizationUrl(await configuration(), {
      redirect_uri: config.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    setCookie(c, FLOW_COOKIE, JSON.stringify({ verifier, state, nonce }), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: cookie.secure,
      path: '/auth/oidc',
      maxAge: 600,
    });
    return c.redirect(url.href);
  });

  app.get('/auth/oidc/callback', async (c) => {
    const flow = getCookie(c, FLOW_COOKIE);
    deleteCookie(c, FLOW_COOKIE, { path: '/auth/oidc' });
    if (!flow)
      throw new DomainError(
        'OIDC_FLOW_MISSING',
        'bad-request',
        'The sign-in took too long or started elsewhere: start again',
      );
    const { verifier, state, nonce } = JSON.parse(flow) as { verifier: string; state: string; nonce: string };
    const tokens = await client
      .authorizationCodeGrant(await configuration(), new URL(c.req.url), {
        pkceCodeVerifier: verifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      })
      .catch((error: Error) => {
        throw new DomainError(
          'OIDC_SIGN_IN_FAILED',
          'unauthenticated',
          `The identity provider's answer was not accepted: ${error.message}`,
        );
      });
    const claims = tokens.claims();
    if (!claims)
      throw new DomainError(
        'OIDC_SIGN_IN_FAILED',
        'unauthenticated',
        'The identity provider sent no identity',
      );
    const { token } = await organisations.signInWithOidc({
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email : null,
      emailVerified: claims.email_verified === true,
    });
    setSessionCookie(c, token, cookie);
    return c.redirect('/');
  });

  return app;
}
