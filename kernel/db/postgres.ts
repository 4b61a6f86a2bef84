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

export function openPostgres(connectionString: string, options: { poolSize?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 16, types: typeParsers });
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
      await pool.end();
    },
  };
}
