import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPostgres } from './postgres';

const serverUrl = process.env.DATABASE_URL;

/** Runs `work` on a fresh connection to the server's own database. */
async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** Holds `count` connections at once, so that the pool keeps that many idle afterwards. */
async function openConnections(db: ReturnType<typeof openPostgres>, count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => db.query('select pg_sleep(0.05)')));
}

describe.skipIf(!serverUrl)('the PostgreSQL handle', () => {
  const name = `mainstay_scratch_${randomBytes(6).toString('hex')}`;
  let url: string;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    await withAdmin((admin) => admin.query(`create database ${name}`));
    const parsed = new URL(serverUrl ?? '');
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  });
  afterAll(async () => {
    await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
  });
  beforeEach(() => {
    uncaught.length = 0;
    process.on('uncaughtException', recordUncaught);
  });
  afterEach(() => {
    process.off('uncaughtException', recordUncaught);
  });

  it('outlives the server ending its idle connections, warns, and answers the next query', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = openPostgres(url, { poolSize: 4 });
    try {
      await openConnections(db, 4);
      const ended = await withAdmin((admin) =>
        admin.query<{ ended: boolean }>(
          'select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1',
          [name],
        ),
      );
      expect(ended.rows.length).toBe(4);
      await vi.waitFor(() => expect(warnings).toHaveBeenCalledTimes(4));
      expect(String(warnings.mock.calls[0]?.[0])).toMatch(/^PostgreSQL connection lost \(57P01\)/);
      expect((await db.query<{ answer: number }>('select 42 as answer')).rows).toEqual([{ answer: 42 }]);
      expect(uncaught).toEqual([]);
    } finally {
      warnings.mockRestore();
      await db.close();
    }
  });

  it('has closed every connection by the time close resolves, so the database can be dropped at once', async () => {
    const openSockets = () =>
      process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
    const before = openSockets();
    for (let round = 0; round < 5; round += 1) {
      const db = openPostgres(url, { poolSize: 8 });
      await openConnections(db, 8);
      expect(openSockets()).toBe(before + 8);
      await db.close();
      expect(openSockets()).toBe(before);
    }
    expect(uncaught).toEqual([]);
  });
});
