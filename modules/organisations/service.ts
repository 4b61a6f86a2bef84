import { newId } from '../../kernel/ids';
import type { PlatformTx, TenantRunner, TenantTx } from '../../kernel/tenancy';
import type { Clock } from '../../kernel/time';
import { isRole, type Role } from './domain/roles';
import {
  formatApiToken,
  hashPassword,
  hashSecret,
  MIN_PASSWORD_LENGTH,
  newSecret,
  parseApiToken,
  verifyPassword,
} from './domain/secrets';
import { organisationsError } from './errors';
import * as sql from './sql/queries';
import type {
  IssuedApiToken,
  Member,
  Membership,
  NewOrganisation,
  Organisation,
  Principal,
  User,
} from './types';

const SESSION_HOURS = 12;
const LOCK_AFTER_FAILURES = 10;
const LOCK_MINUTES = 15;
/** Principals are cached briefly so an authenticated read costs no database round trip; revocation takes effect within this. */
const PRINCIPAL_CACHE_MS = 30_000;

export type OrganisationsServiceDeps = { runner: TenantRunner; clock: Clock };

export type OidcIdentity = { issuer: string; subject: string; email: string | null; emailVerified: boolean };

export function createOrganisationsService({ runner, clock }: OrganisationsServiceDeps) {
  // Keyed by the presented token itself (memory only, never stored) so a cached read costs no hashing.
  const principalCache = new Map<string, { principal: Principal; expiresAtMs: number; cachedAtMs: number }>();
  const sessionKey = (token: string) => `ses:${token}`;

  function validateRoles(roles: readonly string[]): Role[] {
    const unknown = roles.filter((role) => !isRole(role));
    if (unknown.length > 0 || roles.length === 0) {
      throw organisationsError('ROLE_UNKNOWN', `Unknown role(s): ${unknown.join(', ') || '(none given)'}`, [
        { path: 'roles', rule: 'role-known', message: 'Each role must be one of the roles Mainstay defines' },
      ]);
    }
    return roles as Role[];
  }

  async function buildPrincipal(
    tx: PlatformTx,
    userId: string,
    via: Principal['via'],
    extra: Pick<Principal, 'sessionOrganisationId' | 'apiToken'>,
  ): Promise<Principal | null> {
    const user = await sql.selectUserById(tx, userId);
    if (user?.status !== 'active') return null;
    const memberships = await sql.selectMembershipsOfUser(tx, userId);
    return { userId, email: user.email, displayName: user.displayName, memberships, via, ...extra };
  }

  async function openSession(
    userId: string,
    organisationId: string | null,
  ): Promise<{ token: string; principal: Principal }> {
    const token = newSecret();
    return runner.withPlatform(async (tx) => {
      const memberships = await sql.selectMembershipsOfUser(tx, userId);
      const defaultOrganisation = organisationId ?? memberships[0]?.organisationId ?? null;
      await sql.insertSession(tx, {
        tokenHash: hashSecret(token),
        userId,
        organisationId: defaultOrganisation,
        createdAt: tx.now,
        expiresAt: new Date(tx.now.getTime() + SESSION_HOURS * 3_600_000),
      });
      await sql.recordSignInOutcome(tx, userId, { succeeded: true, at: tx.now });
      const principal = await buildPrincipal(tx, userId, 'session', {
        sessionOrganisationId: defaultOrganisation,
        apiToken: null,
      });
      if (!principal) throw organisationsError('SIGN_IN_FAILED', 'This account cannot sign in');
      return { token, principal };
    });
  }

  return {
    async getOrganisation(id: string): Promise<Organisation> {
      const organisation = await runner.withPlatform((tx) => sql.selectOrganisation(tx, id));
      if (!organisation) throw organisationsError('ORGANISATION_NOT_FOUND', `No organisation ${id}`);
      return organisation;
    },

    async findOrganisation(id: string): Promise<Organisation | null> {
      return runner.withPlatform((tx) => sql.selectOrganisation(tx, id));
    },

    async listOrganisations(): Promise<Organisation[]> {
      return runner.withPlatform((tx) => sql.selectOrganisations(tx));
    },

    /** An integrated care system: its board and every organisation under it. */
    async systemMembers(icbId: string): Promise<Organisation[]> {
      return runner.withPlatform(async (tx) => {
        const board = await sql.selectOrganisation(tx, icbId);
        if (board?.kind !== 'icb') {
          throw organisationsError('ORGANISATION_NOT_FOUND', `${icbId} is not an integrated care board`);
        }
        return [board, ...(await sql.selectChildren(tx, icbId))];
      });
    },

    /** Registers an organisation; registering the same one again with the same details changes nothing. */
    async registerOrganisation(tx: TenantTx, input: NewOrganisation): Promise<Organisation> {
      const existing = await sql.selectOrganisation(tx, input.id);
      if (existing) {
        const same =
          existing.name === input.name &&
          existing.kind === input.kind &&
          existing.parentId === (input.parentId ?? null) &&
          existing.trustType === (input.trustType ?? null);
        if (same) return existing;
        throw organisationsError(
          'ORGANISATION_EXISTS',
          `Organisation ${input.id} is already registered as ${existing.name}`,
          [{ path: 'id', rule: 'organisation-id-unique', message: 'Organisation codes are unique' }],
        );
      }
      if (input.parentId) {
        const parent = await sql.selectOrganisation(tx, input.parentId);
        const validParent =
          parent &&
          (input.kind === 'trust' ? parent.kind === 'icb' : parent.kind === 'shared-service-provider');
        if (!validParent) {
          throw organisationsError(
            'ORGANISATION_PARENT_INVALID',
            `${input.parentId} cannot be the parent of a ${input.kind}`,
            [
              {
                path: 'parentId',
                rule: 'organisation-hierarchy',
                message: 'A trust sits under an ICB; an ICB under the shared-service provider',
              },
            ],
          );
        }
      }
      await sql.insertOrganisation(tx, input);
      const created = (await sql.selectOrganisation(tx, input.id))!;
      tx.audit({
        action: 'organisations.organisation.registered',
        entityType: 'organisation',
        entityId: input.id,
        after: created,
      });
      return created;
    },

    /** Insight analyses data from organisations before they join: such an organisation is registered as external. */
    async ensureExternalOrganisation(tx: TenantTx, id: string, name?: string): Promise<Organisation> {
      const existing = await sql.selectOrganisation(tx, id);
      if (existing) return existing;
      const organisation: NewOrganisation = {
        id,
        name: name ?? id,
        kind: 'trust',
        trustType: 'acute',
        status: 'external',
      };
      await sql.insertOrganisation(tx, organisation);
      tx.audit({
        action: 'organisations.organisation.registered',
        entityType: 'organisation',
        entityId: id,
        after: organisation,
        reason: 'first data received from an organisation not yet on Mainstay',
      });
      return (await sql.selectOrganisation(tx, id))!;
    },

    async setOrganisationStatus(tx: TenantTx, id: string, status: Organisation['status']): Promise<void> {
      const before = await sql.selectOrganisation(tx, id);
      if (!before) throw organisationsError('ORGANISATION_NOT_FOUND', `No organisation ${id}`);
      await sql.updateOrganisationStatus(tx, id, status);
      tx.audit({
        action: 'organisations.organisation.status-changed',
        entityType: 'organisation',
        entityId: id,
        before: { status: before.status },
        after: { status },
      });
    },

    async createUser(
      tx: TenantTx,
      input: { email: string; displayName: string; password?: string; passwordHash?: string },
    ): Promise<User> {
      const email = input.email.trim().toLowerCase();
      if (await sql.selectUserByEmail(tx, email)) {
        throw organisationsError('USER_EXISTS', `A user with email ${email} already exists`, [
          { path: 'email', rule: 'user-email-unique', message: 'Each person has one account' },
        ]);
      }
      if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH) {
        throw organisationsError(
          'PASSWORD_TOO_SHORT',
          `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters`,
          [
            {
              path: 'password',
              rule: 'password-length',
              message: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
            },
          ],
        );
      }
      const id = newId('usr');
      const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
      await sql.insertUser(tx, { id, email, displayName: input.displayName, passwordHash });
      tx.audit({
        action: 'organisations.user.created',
        entityType: 'user',
        entityId: id,
        after: { email, displayName: input.displayName, passwordSet: passwordHash !== null },
      });
      return { id, email, displayName: input.displayName, status: 'active' };
    },

    async findUserByEmail(email: string): Promise<User | null> {
      const user = await runner.withPlatform((tx) => sql.selectUserByEmail(tx, email));
      return user
        ? { id: user.id, email: user.email, displayName: user.displayName, status: user.status }
        : null;
    },

    /** Grants (or replaces) a person's roles in the transaction's organisation. */
    async setRoles(tx: TenantTx, userId: string, roles: readonly string[]): Promise<Member> {
      const valid = validateRoles(roles);
      const user = await sql.selectUserById(tx, userId);
      if (!user) throw organisationsError('USER_NOT_FOUND', `No user ${userId}`);
      const before = await sql.upsertMembership(tx, tx.ctx.organisationId, userId, valid);
      tx.audit({
        action: 'organisations.membership.roles-set',
        entityType: 'membership',
        entityId: userId,
        before: before ? { roles: before } : null,
        after: { roles: valid },
      });
      principalCache.clear();
      return { userId, email: user.email, displayName: user.displayName, roles: valid };
    },

    async removeMember(tx: TenantTx, userId: string): Promise<void> {
      const before = await sql.deleteMembership(tx, tx.ctx.organisationId, userId);
      if (!before)
        throw organisationsError('USER_NOT_FOUND', `${userId} is not a member of ${tx.ctx.organisationId}`);
      tx.audit({
        action: 'organisations.membership.removed',
        entityType: 'membership',
        entityId: userId,
        before: { roles: before },
      });
      principalCache.clear();
    },

    async listMembers(tx: TenantTx): Promise<Member[]> {
      return sql.selectMembers(tx, tx.ctx.organisationId);
    },

    async membershipsOf(userId: string): Promise<Membership[]> {
      return runner.withPlatform((tx) => sql.selectMembershipsOfUser(tx, userId));
    },

    /** Password sign-in. Failures say nothing about which part was wrong; ten in a row lock the account for 15 minutes. */
    async signIn(email: string, password: string): Promise<{ token: string; principal: Principal }> {
      const user = await runner.withPlatform((tx) => sql.selectUserByEmail(tx, email.trim()));
      const failed = organisationsError('SIGN_IN_FAILED', 'The email address or password is not right');
      if (user?.status !== 'active' || !user.passwordHash) throw failed;
      const now = clock.now();
      if (user.lockedUntil && user.lockedUntil > now) {
        throw organisationsError('SIGN_IN_LOCKED', 'Too many failed sign-ins: try again in a few minutes');
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const lockedUntil =
          user.failedSignIns + 1 >= LOCK_AFTER_FAILURES
            ? new Date(now.getTime() + LOCK_MINUTES * 60_000)
            : null;
        await runner.withPlatform((tx) =>
          sql.recordSignInOutcome(tx, user.id, { succeeded: false, lockedUntil }),
        );
        throw failed;
      }
      return openSession(user.id, null);
    },

    /** Sign-in through an identity provider: the person must already have an account (matched by subject, or once by verified email). */
    async signInWithOidc(identity: OidcIdentity): Promise<{ token: string; principal: Principal }> {
      const user = await runner.withPlatform(async (tx) => {
        const linked = await sql.selectUserByOidc(tx, identity.issuer, identity.subject);
        if (linked) return linked;
        if (!identity.email || !identity.emailVerified) return null;
        const byEmail = await sql.selectUserByEmail(tx, identity.email);
        if (!byEmail) return null;
        await sql.linkOidcIdentity(tx, byEmail.id, identity.issuer, identity.subject);
        return byEmail;
      });
      if (user?.status !== 'active') {
        throw organisationsError(
          'OIDC_USER_UNKNOWN',
          'You signed in with your identity provider, but you do not have a Mainstay account yet: ask your administrator',
        );
      }
      return openSession(user.id, null);
    },

    async principalForSession(token: string): Promise<Principal> {
      const nowMs = clock.now().getTime();
      const cached = principalCache.get(sessionKey(token));
      if (cached && cached.expiresAtMs > nowMs && nowMs - cached.cachedAtMs < PRINCIPAL_CACHE_MS)
        return cached.principal;
      const tokenHash = hashSecret(token);
      const resolved = await runner.withPlatform(async (tx) => {
        const session = await sql.selectSession(tx, tokenHash);
        if (!session || session.expiresAt <= tx.now) return null;
        const principal = await buildPrincipal(tx, session.userId, 'session', {
          sessionOrganisationId: session.organisationId,
          apiToken: null,
        });
        return principal ? { principal, expiresAtMs: session.expiresAt.getTime() } : null;
      });
      if (!resolved) throw organisationsError('SESSION_INVALID', 'Your session has ended: sign in again');
      principalCache.set(sessionKey(token), { ...resolved, cachedAtMs: nowMs });
      return resolved.principal;
    },

    async switchOrganisation(token: string, organisationId: string): Promise<Principal> {
      const principal = await this.principalForSession(token);
      if (!principal.memberships.some((m) => m.organisationId === organisationId)) {
        throw organisationsError('NOT_A_MEMBER', `You are not a member of ${organisationId}`);
      }
      const tokenHash = hashSecret(token);
      await runner.withPlatform((tx) => sql.updateSessionOrganisation(tx, tokenHash, organisationId));
      principalCache.delete(sessionKey(token));
      return this.principalForSession(token);
    },

    async signOut(token: string): Promise<void> {
      principalCache.delete(sessionKey(token));
      await runner.withPlatform((tx) => sql.deleteSession(tx, hashSecret(token)));
    },

    /** Issues a token for a machine client, with at most the issuer's own roles; the secret is shown once. */
    async issueApiToken(
      tx: TenantTx,
      input: {
        name: string;
        roles: readonly string[];
        issuerRoles: readonly string[];
        expiresAt?: Date | null;
      },
    ): Promise<IssuedApiToken> {
      const roles = validateRoles(input.roles);
      const beyond = roles.filter((role) => !input.issuerRoles.includes(role));
      if (beyond.length > 0) {
        throw organisationsError(
          'ROLE_NOT_HELD',
          `You cannot issue a token with roles you do not hold: ${beyond.join(', ')}`,
          [
            {
              path: 'roles',
              rule: 'token-roles-subset',
              message: 'A token can carry only roles its issuer holds',
            },
          ],
        );
      }
      const id = newId('tok');
      const secret = newSecret();
      await sql.insertApiToken(tx, {
        id,
        organisationId: tx.ctx.organisationId,
        tokenHash: hashSecret(secret),
        name: input.name,
        roles,
        createdBy: tx.ctx.actor.id,
        createdAt: tx.now,
        expiresAt: input.expiresAt ?? null,
      });
      tx.audit({
        action: 'organisations.api-token.issued',
        entityType: 'api-token',
        entityId: id,
        after: { name: input.name, roles },
      });
      return {
        id,
        token: formatApiToken(id, secret),
        organisationId: tx.ctx.organisationId,
        roles,
        expiresAt: input.expiresAt?.toISOString() ?? null,
      };
    },

    async revokeApiToken(tx: TenantTx, id: string): Promise<void> {
      if (!(await sql.revokeApiTokenRow(tx, id, tx.ctx.organisationId, tx.now))) {
        throw organisationsError('TOKEN_INVALID', `No active token ${id} in ${tx.ctx.organisationId}`);
      }
      tx.audit({ action: 'organisations.api-token.revoked', entityType: 'api-token', entityId: id });
      principalCache.clear();
    },

    async principalForApiToken(token: string): Promise<Principal> {
      const parsed = parseApiToken(token);
      const invalid = organisationsError('TOKEN_INVALID', 'The API token is not valid');
      if (!parsed) throw invalid;
      const cacheKey = `tok:${token}`;
      const nowMs = clock.now().getTime();
      const cached = principalCache.get(cacheKey);
      if (cached && cached.expiresAtMs > nowMs && nowMs - cached.cachedAtMs < PRINCIPAL_CACHE_MS)
        return cached.principal;
      const principal = await runner.withPlatform(async (tx) => {
        const row = await sql.selectApiToken(tx, parsed.id);
        if (!row || row.revoked_at || (row.expires_at && row.expires_at <= tx.now)) return null;
        if (row.token_hash !== hashSecret(parsed.secret)) return null;
        return buildPrincipal(tx, row.created_by, 'api-token', {
          sessionOrganisationId: null,
          apiToken: { id: row.id, organisationId: row.organisation_id, roles: row.roles },
        });
      });
      if (!principal) throw invalid;
      principalCache.set(cacheKey, { principal, expiresAtMs: Number.MAX_SAFE_INTEGER, cachedAtMs: nowMs });
      return principal;
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
