import { type Database, type Engine, type Migration, migrate } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it). */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, migrated database for one test file, dropped when closed. */
export async function openTestDatabase(engine: Engine, migrations: readonly Migration[]): Promise<Database> {
  const db = await openScratchDatabase(engine);
  await migrate(db, migrations);
  return db;
}
