import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database, Engine } from './types';

/**
 * A throwaway database for tests and benchmarks: in-memory PGlite, or a new
 * database on the PostgreSQL server named by `serverUrl`, dropped on close —
 * never the database people use.
 */
export async function openScratchDatabase(
  engine: Engine,
  serverUrl = process.env.DATABASE_URL,
): Promise<Database> {
  if (engine === 'pglite') return openPglite();
  if (!serverUrl) throw new Error('A scratch PostgreSQL database needs DATABASE_URL');
  const name = `mainstay_scratch_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { poolSize: 8 });
  return {
    ...db,
    async close() {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
