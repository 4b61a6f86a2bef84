import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { contextFor, createTestUser, openTestPlatform, seedTestSystem } from '../../testing/platform';

describe.each(testEngines())('organisations on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
  });
  afterAll(async () => platform.db.close());

  it('holds the hierarchy: provider, board, trusts of each type', async () => {
    const system = await platform.organisations.systemMembers(ids.icb);
    expect(system.map((org) => org.id)).toEqual([ids.icb, ids.trustA, ids.trustB]);
    expect(system.find((org) => org.id === ids.trustB)).toMatchObject({
      kind: 'trust',
      trustType: 'community',
      parentId: ids.icb,
    });
  });

  it('refuses a trust whose parent is not a board, and a second organisation with the same code', async () => {
    await expect(
      platform.runner.withTenant(contextFor(ids.provider), (tx) =>
        platform.organisations.registerOrganisation(tx, {
          id: 'TBAD',
          name: 'Bad',
          kind: 'trust',
          trustType: 'acute',
          status: 'member',
          parentId: ids.trustA,
        }),
      ),
    ).rejects.toMatchObject({ code: 'ORGANISATION_PARENT_INVALID' });
    await expect(
      platform.runner.withTenant(contextFor(ids.provider), (tx) =>
        platform.organisations.registerOrganisation(tx, {
          id: ids.trustA,
          name: 'Another name',
          kind: 'trust',
          trustType: 'acute',
          status: 'member',
          parentId: ids.icb,
        }),
      ),
    ).rejects.toMatchObject({ code: 'ORGANISATION_EXISTS' });
  });

  it('signs a person in with a password, lists every organisation they belong to, and signs them out', async () => {
    const userId = await createTestUser(platform, ids.trustA, 'amara@example.nhs.uk', ['budget-holder']);
    await createTestUser(platform, ids.trustB, 'amara@example.nhs.uk', ['ap-clerk', 'auditor']);
    const { token, principal } = await platform.organisations.signIn(
      'Amara@example.nhs.uk',
      'correct horse battery',
    );
    expect(principal.userId).toBe(userId);
    expect(principal.memberships.map((m) => [m.organisationId, m.roles])).toEqual(
      expect.arrayContaining([
        [ids.trustA, ['budget-holder']],
        [ids.trustB, ['ap-clerk', 'auditor']],
      ]),
    );
    const switched = await platform.organisations.switchOrganisation(token, ids.trustB);
    expect(switched.sessionOrganisationId).toBe(ids.trustB);
    await expect(platform.organisations.switchOrganisation(token, ids.icb)).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
    });
    await platform.organisations.signOut(token);
    await expect(platform.organisations.principalForSession(token)).rejects.toMatchObject({
      code: 'SESSION_INVALID',
    });
  });

  it('does not say whether the email or the password was wrong, and locks after ten failures', async () => {
    await createTestUser(platform, ids.trustA, 'locked@example.nhs.uk', ['employee']);
    await expect(platform.organisations.signIn('nobody@example.nhs.uk', 'whatever')).rejects.toMatchObject({
      code: 'SIGN_IN_FAILED',
    });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await expect(
        platform.organisations.signIn('locked@example.nhs.uk', 'wrong password'),
      ).rejects.toMatchObject({ code: 'SIGN_IN_FAILED' });
    }
    await expect(
      platform.organisations.signIn('locked@example.nhs.uk', 'correct horse battery'),
    ).rejects.toMatchObject({
      code: 'SIGN_IN_LOCKED',
    });
  });

  it('refuses unknown roles and short passwords, naming the field', async () => {
    await expect(
      platform.runner.withTenant(contextFor(ids.trustA), async (tx) => {
        const user = await platform.organisations.createUser(tx, {
          email: 'x@example.nhs.uk',
          displayName: 'X',
        });
        await platform.organisations.setRoles(tx, user.id, ['wizard']);
      }),
    ).rejects.toMatchObject({ code: 'ROLE_UNKNOWN', issues: [expect.objectContaining({ path: 'roles' })] });
    await expect(
      platform.runner.withTenant(contextFor(ids.trustA), (tx) =>
        platform.organisations.createUser(tx, {
          email: 'y@example.nhs.uk',
          displayName: 'Y',
          password: 'short',
        }),
      ),
    ).rejects.toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      issues: [expect.objectContaining({ path: 'password' })],
    });
  });

  it('issues API tokens bound to one organisation with no more than the issuer holds, and revokes them', async () => {
    const issuerId = await createTestUser(platform, ids.trustA, 'integrator@example.nhs.uk', [
      'finance-controller',
      'auditor',
    ]);
    const ctx = contextFor(ids.trustA, issuerId);
    await expect(
      platform.runner.withTenant(ctx, (tx) =>
        platform.organisations.issueApiToken(tx, {
          name: 'too much',
          roles: ['payroll-officer'],
          issuerRoles: ['finance-controller', 'auditor'],
        }),
      ),
    ).rejects.toMatchObject({ code: 'ROLE_NOT_HELD' });
    const issued = await platform.runner.withTenant(ctx, (tx) =>
      platform.organisations.issueApiToken(tx, {
        name: 'ledger feed',
        roles: ['auditor'],
        issuerRoles: ['finance-controller', 'auditor'],
      }),
    );
    const principal = await platform.organisations.principalForApiToken(issued.token);
    expect(principal).toMatchObject({
      via: 'api-token',
      apiToken: { organisationId: ids.trustA, roles: ['auditor'] },
    });
    await expect(
      platform.organisations.principalForApiToken(`${issued.token.slice(0, -2)}xx`),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await platform.runner.withTenant(ctx, (tx) => platform.organisations.revokeApiToken(tx, issued.id));
    await expect(platform.organisations.principalForApiToken(issued.token)).rejects.toMatchObject({
      code: 'TOKEN_INVALID',
    });
  });

  it('signs in through an identity provider only a person who already has an account, linking by verified email once', async () => {
    const userId = await createTestUser(platform, ids.trustA, 'oidc.person@example.nhs.uk', ['employee']);
    const issuer = 'https://login.example.nhs.uk';
    await expect(
      platform.organisations.signInWithOidc({
        issuer,
        subject: 'abc',
        email: 'oidc.person@example.nhs.uk',
        emailVerified: false,
      }),
    ).rejects.toMatchObject({ code: 'OIDC_USER_UNKNOWN' });
    const first = await platform.organisations.signInWithOidc({
      issuer,
      subject: 'abc',
      email: 'oidc.person@example.nhs.uk',
      emailVerified: true,
    });
    expect(first.principal.userId).toBe(userId);
    const again = await platform.organisations.signInWithOidc({
      issuer,
      subject: 'abc',
      email: null,
      emailVerified: false,
    });
    expect(again.principal.userId).toBe(userId);
    await expect(
      platform.organisations.signInWithOidc({
        issuer,
        subject: 'stranger',
        email: 'stranger@example.nhs.uk',
        emailVerified: true,
      }),
    ).rejects.toMatchObject({ code: 'OIDC_USER_UNKNOWN' });
  });
});
