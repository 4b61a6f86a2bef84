import { allMigrations } from '../apps/platform/migrations';
import { createPlatform, type Platform, preparePlatform } from '../apps/platform/platform';
import type { Engine } from '../kernel/db';
import type { Actor, TenantContext } from '../kernel/tenancy';
import { type Clock, fixedClock } from '../kernel/time';
import type { Role } from '../modules/organisations';
import { openTestDatabase } from './database';

/** A migrated platform on a fresh database, with the national standard and chart installed. */
export async function openTestPlatform(
  engine: Engine,
  clock: Clock = fixedClock('2026-06-15T10:00:00Z'),
): Promise<Platform> {
  const db = await openTestDatabase(engine, allMigrations);
  const platform = createPlatform(db, clock);
  await preparePlatform(platform);
  return platform;
}

export const systemTestActor: Actor = { kind: 'system', id: 'test-setup' };

export function contextFor(organisationId: string, actorId = 'test-setup'): TenantContext {
  return { organisationId, actor: { kind: actorId === 'test-setup' ? 'system' : 'user', id: actorId } };
}

/**
 * A small integrated care system for tests: provider, ICB, two trusts, with
 * the financial year open. Returns the ids so tests read clearly.
 */
export async function seedTestSystem(
  platform: Platform,
  prefix = 'T',
): Promise<{ provider: string; icb: string; trustA: string; trustB: string }> {
  const ids = {
    provider: `${prefix}SSP`,
    icb: `${prefix}ICB`,
    trustA: `${prefix}RA1`,
    trustB: `${prefix}RB1`,
  };
  await platform.runner.withTenant(contextFor(ids.provider), async (tx) => {
    await platform.organisations.registerOrganisation(tx, {
      id: ids.provider,
      name: `${prefix} Shared Services`,
      kind: 'shared-service-provider',
      status: 'member',
    });
    await platform.organisations.registerOrganisation(tx, {
      id: ids.icb,
      name: `${prefix} Integrated Care Board`,
      kind: 'icb',
      status: 'member',
      parentId: ids.provider,
    });
    await platform.organisations.registerOrganisation(tx, {
      id: ids.trustA,
      name: `${prefix} Acute Trust`,
      kind: 'trust',
      trustType: 'acute',
      status: 'member',
      parentId: ids.icb,
    });
    await platform.organisations.registerOrganisation(tx, {
      id: ids.trustB,
      name: `${prefix} Community Trust`,
      kind: 'trust',
      trustType: 'community',
      status: 'member',
      parentId: ids.icb,
    });
  });
  for (const trust of [ids.trustA, ids.trustB]) {
    await platform.runner.withTenant(contextFor(trust), async (tx) => {
      await platform.ledger.openFinancialYear(tx, '2026-27');
      await platform.ledger.saveCostCentre(tx, { code: 'WARD1', name: 'Ward 1', division: 'Medicine' });
      await platform.ledger.saveCostCentre(tx, { code: 'FIN01', name: 'Finance', division: 'Corporate' });
    });
  }
  return ids;
}

export async function createTestUser(
  platform: Platform,
  organisationId: string,
  email: string,
  roles: Role[],
  password = 'correct horse battery',
): Promise<string> {
  const existing = await platform.organisations.findUserByEmail(email);
  return platform.runner.withTenant(contextFor(organisationId), async (tx) => {
    const user =
      existing ??
      (await platform.organisations.createUser(tx, { email, displayName: email.split('@')[0]!, password }));
    await platform.organisations.setRoles(tx, user.id, roles);
    return user.id;
  });
}
