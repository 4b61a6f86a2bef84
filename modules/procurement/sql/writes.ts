import type { Queryable } from '../../../kernel/db';

/**
 * Write statements (inserts, or updates keyed by the rows they change) and
 * their parameters ($1…$n within the part), which can run alone or together
 * with others as one statement: a catalogue order's requisition, purchase
 * order and commitments reach the database in a single round trip, as do a
 * batch of invoices' records, the orders they close and the commitments those
 * release. Foreign keys between them hold, because they are checked at the end
 * of the statement. No two parts may change the same row.
 */
export type Writes = { statements: readonly string[]; params: readonly unknown[] };

const renumber = (sql: string, offset: number) =>
  sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

export async function runWrites(q: Queryable, parts: readonly Writes[]): Promise<void> {
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
