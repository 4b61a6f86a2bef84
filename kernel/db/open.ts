import { resolve } from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export type DatabaseConfig =
  | { engine: 'postgres'; url: string; poolSize?: number }
  | { engine: 'pglite'; dataDir: string | null };

/**
 * DATABASE_URL selects a PostgreSQL server; otherwise the embedded database
 * lives in MAINSTAY_DATA (default ./.mainstay). `dataDir: null` keeps it in memory.
 */
export function databaseConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  overrides: { dataDir?: string } = {},
): DatabaseConfig {
  if (env.DATABASE_URL) return { engine: 'postgres', url: env.DATABASE_URL };
  return { engine: 'pglite', dataDir: resolve(overrides.dataDir ?? env.MAINSTAY_DATA ?? '.mainstay') };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'postgres'
    ? openPostgres(config.url, { poolSize: config.poolSize })
    : openPglite(config.dataDir ?? undefined);
}

export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'pglite')
    return config.dataDir ? `embedded PostgreSQL in ${config.dataDir}` : 'embedded PostgreSQL in memory';
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
