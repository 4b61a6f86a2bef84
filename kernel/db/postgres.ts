import pg from 'pg';
import type { Database, QueryResult, Row } from './types';

const INT8 = 20;
const INT8_ARRAY = 1016;
const DATE = 1082;
const TEXT_ARRAY = 1009 as Parameters<typeof pg.types.getTypeParser>[0];

/** Reads int8 as bigint and dates as ISO strings, matching the PGlite handle exactly. */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => BigInt(value);
    if (oid === DATE) return (value: string) => value;
    if (oid === INT8_ARRAY) {
      const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY) as (value: string) => (string | null)[];
      return (value: string) => parseTextArray(value).map((item) => (item === null ? null : BigInt(item)));
    }
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * The server may end a connection at any time (restart, `pg_terminate_backend`, an idle timeout).
 * pg reports that as an `error` event, which ends the process when nobody listens: the pool only
 * listens to idle clients, so each client gets a listener of its own. A client in use also sees
 * the error on its next query, so its caller is told; here it is only worth a warning.
 */
function keepConnectionLossesFromEndingTheProcess(
  pool: pg.Pool,
  isClosing: () => boolean,
): Set<pg.PoolClient> {
  const open = new Set<pg.PoolClient>();
  const warn = (error: Error & { code?: string }) => {
    if (isClosing()) return;
    // Never log the error object itself: pg attaches the client, whose parameters hold the password.
    console.warn(`PostgreSQL connection lost${error.code ? ` (${error.code})` : ''}: ${error.message}`);
  };
  // pg-pool passes an idle client's error on to the pool as well; the client's own listener has reported it.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    open.add(client);
    client.on('error', warn);
    client.once('end', () => open.delete(client));
  });
  return open;
}

/** Resolves once every connection has closed: pg-pool's `end` resolves as soon as it has asked them to. */
function whenEnded(clients: Iterable<pg.PoolClient>): Promise<unknown> {
  return Promise.all([...clients].map((client) => new Promise((resolve) => client.once('end', resolve))));
}

export function openPostgres(connectionString: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 16, types: typeParsers });
  let closing = false;
  const openClients = keepConnectionLossesFromEndingTheProcess(pool, () => closing);
  const toResult = <T extends Row>(result: pg.QueryResult): QueryResult<T> => ({
    rows: result.rows as T[],
    rowCount: result.rowCount ?? result.rows.length,
  });
  return {
    engine: 'postgres',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return toResult<T>(await pool.query(sql, params as unknown[]));
    },
    async transaction(work, opening) {
      const client = await pool.connect();
      try {
        await client.query(opening ? `begin; ${opening}` : 'begin');
        const result = await work({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return toResult<T>(await client.query(sql, params as unknown[]));
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async close() {
      closing = true;
      const ended = whenEnded(openClients);
      await pool.end();
      await ended;
    },
  };
}
