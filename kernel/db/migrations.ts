import { createHash } from 'node:crypto';
import { DomainError } from '../errors';
import type { Database, Transaction } from './types';

export type Migration = {
  /** The owning module, which is also the name of its PostgreSQL schema. */
  module: string;
  /** File name, e.g. `0001_create_journal.sql`; applied in the order given. */
  name: string;
  sql: string;
};

export type MigrationReport = { applied: string[]; alreadyApplied: number };

const BOOTSTRAP = `
create schema if not exists kernel;
create table if not exists kernel.schema_migration (
  module text not null,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now(),
  constraint schema_migration_pkey primary key (module, name)
);`;

/** Arbitrary constant: serialises concurrent migrators (several servers or test runs on one database). */
const MIGRATION_LOCK = 7_414_236_001;

export const checksumOf = (sql: string): string => createHash('sha256').update(sql).digest('hex');

/**
 * Applies forward-only migrations in one transaction (DDL is transactional in
 * PostgreSQL, so a failed run leaves nothing half-applied), recording a sha256
 * of every file. A file changed after it was applied, or a recorded migration
 * whose file is gone, stops the run: history is never rewritten.
 */
export async function migrate(db: Database, migrations: readonly Migration[]): Promise<MigrationReport> {
  return db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(BOOTSTRAP);
    const known = await recordedChecksums(tx);
    const expected = new Set(migrations.map((m) => `${m.module}/${m.name}`));
    const vanished = [...known.keys()].filter((key) => !expected.has(key));
    if (vanished.length > 0) {
      throw new DomainError(
        'MIGRATION_MISSING',
        'conflict',
        `The database has migrations that this version of Mainstay does not know: ${vanished.join(', ')}`,
      );
    }
    const applied: string[] = [];
    for (const migration of migrations) {
      const key = `${migration.module}/${migration.name}`;
      const checksum = checksumOf(migration.sql);
      const recordedChecksum = known.get(key);
      if (recordedChecksum === undefined) {
        await tx.exec(migration.sql);
        await tx.query('insert into kernel.schema_migration (module, name, checksum) values ($1, $2, $3)', [
          migration.module,
          migration.name,
          checksum,
        ]);
        applied.push(key);
      } else if (recordedChecksum !== checksum) {
        throw new DomainError(
          'MIGRATION_CHANGED',
          'conflict',
          `Migration ${key} was changed after it was applied (checksum ${recordedChecksum.slice(0, 12)}… in the database, ${checksum.slice(0, 12)}… in the file). Migrations are forward-only: add a new one instead.`,
        );
      }
    }
    return { applied, alreadyApplied: known.size };
  });
}

async function recordedChecksums(tx: Transaction): Promise<Map<string, string>> {
  const recorded = await tx.query<{ module: string; name: string; checksum: string }>(
    'select module, name, checksum from kernel.schema_migration',
  );
  return new Map(recorded.rows.map((row) => [`${row.module}/${row.name}`, row.checksum]));
}
