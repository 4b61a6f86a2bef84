export type Row = Record<string, unknown>;

export type QueryResult<T extends Row = Row> = { rows: T[]; rowCount: number };

/** Anything that runs SQL: the database itself or an open transaction. */
export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
};

/** An open transaction; `exec` runs several statements without parameters (migrations). */
export type Transaction = Queryable & { exec(sql: string): Promise<void> };

export type Engine = 'pglite' | 'postgres';

export type Database = Queryable & {
  readonly engine: Engine;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `opening` is parameterless SQL run first inside the transaction — on a server in the same
   * round trip as BEGIN, which matters for short requests.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, opening?: string): Promise<T>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};
