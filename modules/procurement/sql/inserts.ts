import type { Queryable } from '../../../kernel/db';

/**
 * Insert statements and their parameters ($1…$n within the part), which can
 * run alone or together with others as one statement: a catalogue order's
 * requisition, purchase order and commitments reach the database in a single
 * round trip. Foreign keys between them hold, because they are checked at the
 * end of the statement.
 */
export type Inserts = { statements: readonly string[]; params: readonly unknown[] };

const renumber = (sql: string, offset: number) =>
  sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

export async function runInserts(q: Queryable, parts: readonly Inserts[]): Promise<void> {
  const statements: string[] = [];
  const params: unknown[] = [];
  for (const part of parts) {
    const offset = params.length;
    for (const statement of part.statements)
      statements.push(`write${statements.length} as (${renumber(statement, offset)})`);
    params.push(...part.params);
  }
  if (statements.length > 0) await q.query(`with ${statements.join(',\n')} select 1`, params);
}
