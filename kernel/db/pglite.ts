import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import type { Database, QueryResult, Row } from './types';

/**
 * Embedded PostgreSQL (WebAssembly) for a first look and for tests. int8 is
 * always read as bigint (PGlite would otherwise return number or bigint by size)
 * and dates as ISO strings so that no time zone shifts a date.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, {
    parsers: {
      [types.INT8]: (value: string) => BigInt(value),
      [types.DATE]: (value: string) => value,
    },
  });
  const toResult = <T extends Row>(result: { rows: unknown[]; affectedRows?: number }): QueryResult<T> => ({
    rows: result.rows as T[],
    rowCount: result.affectedRows || result.rows.length,
  });
  return {
    engine: 'pglite',
    async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
      return toResult<T>(await pg.query(sql, params as unknown[]));
    },
    async transaction(work, opening) {
      return pg.transaction(async (tx) => {
        if (opening) await tx.exec(opening);
        return work({
          async query<T extends Row>(sql: string, params: readonly unknown[] = []) {
            return toResult<T>(await tx.query(sql, params as unknown[]));
          },
          async exec(sql: string) {
            await tx.exec(sql);
          },
        });
      });
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
  };
}
