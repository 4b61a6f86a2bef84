import { userInfo } from 'node:os';
import { databaseConfigFromEnv, describeDatabase, openDatabase } from '../../kernel/db';
import type { TenantContext } from '../../kernel/tenancy';
import { createPlatform, type Platform, preparePlatform } from '../platform/platform';

export type DatabaseOptions = { data?: string };

/**
 * Opens the database the command should use — DATABASE_URL's PostgreSQL, or
 * the embedded one in --data / MAINSTAY_DATA / ./.mainstay — and brings it up
 * to this version (migrations and shipped reference data) before use.
 */
export async function openPlatform(
  options: DatabaseOptions,
  note: (line: string) => void,
): Promise<Platform> {
  const config = databaseConfigFromEnv(process.env, { dataDir: options.data });
  const db = await openDatabase(config);
  const platform = createPlatform(db);
  const { migrationsApplied } = await preparePlatform(platform);
  if (migrationsApplied.length > 0)
    note(`Applied ${migrationsApplied.length} migration(s) to ${describeDatabase(config)}`);
  return platform;
}

export const DATA_OPTION = [
  '--data <dir>',
  'embedded database folder (default: $MAINSTAY_DATA or ./.mainstay); ignored when DATABASE_URL is set',
] as const;

/** The command line acts as a system actor named after the operating-system user who ran it. */
export const cliContext = (organisationId: string): TenantContext => ({
  organisationId,
  actor: { kind: 'system', id: `cli:${userInfo().username}`, displayName: 'Mainstay command line' },
});
