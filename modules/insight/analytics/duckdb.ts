import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBValue,
} from '@duckdb/node-api';

/** A value a row read from the analytical engine can hold (BIGINT and HUGEINT arrive as bigint; LIST as an array). */
export type AnalyticsValue = string | number | bigint | boolean | Date | null | readonly AnalyticsValue[];
export type AnalyticsRow = Record<string, AnalyticsValue>;

/**
 * The embedded analytical engine (DuckDB, columnar, vectorised): a copy of
 * the imported rows and the mirrored ledger figures, rebuilt from PostgreSQL
 * by the snapshot, on which the cross-organisation analytics run. Statements
 * run one at a time on one connection.
 */
export type AnalyticsDb = {
  run(sql: string, params?: readonly (string | number | bigint | boolean | null)[]): Promise<void>;
  rows<T extends AnalyticsRow = AnalyticsRow>(
    sql: string,
    params?: readonly (string | number | bigint | boolean | null)[],
  ): Promise<T[]>;
  /** Appends rows to a table column by column in the table's order; much faster than inserts. */
  append(table: string, write: (appender: DuckDBAppender) => void): Promise<void>;
  close(): void;
};

export async function openAnalyticsDb(
  options: { path?: string; threads?: number } = {},
): Promise<AnalyticsDb> {
  const instance = await DuckDBInstance.create(options.path ?? ':memory:', {
    threads: String(options.threads ?? 2),
  });
  const connection: DuckDBConnection = await instance.connect();
  let queue: Promise<unknown> = Promise.resolve();
  /** One statement at a time: the engine's connection is shared by every request. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const bind = (params: readonly (string | number | bigint | boolean | null)[] | undefined) =>
    params === undefined ? undefined : (params as DuckDBValue[]);
  return {
    run: (sql, params) =>
      serial(async () => {
        await connection.run(sql, bind(params));
      }),
    rows: <T extends AnalyticsRow>(
      sql: string,
      params?: readonly (string | number | bigint | boolean | null)[],
    ) =>
      serial(async () => {
        const reader = await connection.runAndReadAll(sql, bind(params));
        return reader.getRowObjectsJS() as T[];
      }),
    append: (table, write) =>
      serial(async () => {
        const appender = await connection.createAppender(table);
        try {
          write(appender);
          appender.flushSync();
        } finally {
          appender.closeSync();
        }
      }),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
