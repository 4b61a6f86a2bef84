import type { DuckDBAppender } from '@duckdb/node-api';
import { systemActor, type TenantRunner, type TenantTx } from '../../../kernel/tenancy';
import { type Clock, londonDate } from '../../../kernel/time';
import type { FrameworkService } from '../../framework';
import type { LedgerService } from '../../ledger';
import type { Organisation, OrganisationsService } from '../../organisations';
import { type AnalyticsDb, openAnalyticsDb } from '../analytics/duckdb';
import type { QualityThresholds } from '../domain/data-quality';
import type { QualityScore, SourceKind } from '../domain/ingest';
import { type Revision, selectDatasetQualities, selectRevisions } from '../sql/ingestion-queries';
import { exportPage } from '../sql/snapshot-export';
import {
  buildFacts,
  clearOrganisation,
  createSnapshotTables,
  IMPORTED_TABLES,
  LEDGER_TABLES,
  LINK_TABLES,
  SNAPSHOT_TABLES,
  type SnapshotTable,
} from '../sql/snapshot-schema';

type ColumnType = 'varchar' | 'date' | 'integer' | 'bigint' | 'double' | 'boolean';

const columnTypes = (table: SnapshotTable): ColumnType[] =>
  SNAPSHOT_TABLES[table].split(',').map((column) => column.trim().split(/\s+/)[1] as ColumnType);

function appendValue(appender: DuckDBAppender, type: ColumnType, value: unknown): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  switch (type) {
    case 'varchar':
    case 'date':
      appender.appendVarchar(value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
      return;
    case 'integer':
      appender.appendInteger(Number(value));
      return;
    case 'bigint':
      appender.appendBigInt(BigInt(value as bigint | string | number));
      return;
    case 'double':
      appender.appendDouble(Number(value));
      return;
    case 'boolean':
      appender.appendBoolean(Boolean(value));
      return;
  }
}

/** Appends rows given as arrays in the table's column order. */
export async function appendRows(
  db: AnalyticsDb,
  table: SnapshotTable,
  rows: readonly unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const types = columnTypes(table);
  await db.append(table, (appender) => {
    for (const row of rows) {
      for (let index = 0; index < types.length; index += 1) {
        appendValue(appender, types[index] as ColumnType, row[index]);
      }
      appender.endRow();
    }
  });
}

/** What the snapshot knows about each organisation besides its rows. */
export type OrganisationFacts = {
  organisation: Organisation;
  thresholds: QualityThresholds;
  /** Each imported dataset's quality scores, by kind. */
  datasets: { kind: SourceKind; name: string; score: QualityScore }[];
  /** The latest month the ledger mirror holds, when the organisation keeps its books on Mainstay. */
  ledgerLatestMonth: string | null;
};

export type SnapshotState = {
  db: AnalyticsDb;
  builtAt: Date;
  /** Moves whenever anything in the snapshot was reloaded: results computed from an earlier version are stale. */
  version: number;
  organisations: ReadonlyMap<string, OrganisationFacts>;
};

export type SnapshotDeps = {
  runner: TenantRunner;
  organisations: OrganisationsService;
  framework: FrameworkService;
  ledger: LedgerService;
  clock: Clock;
};

export type SnapshotOptions = {
  /** How long the ledger mirror is trusted before it is read again. */
  ledgerRefreshMs?: number;
  /** A DuckDB file to keep the snapshot in; in memory by default. */
  path?: string;
};

/** Ledger months mirrored: a trailing year, enough for every benchmark and trend. */
const LEDGER_MONTHS = 12;

const asScore = (value: unknown): QualityScore | null =>
  value !== null && typeof value === 'object' && 'dimensions' in value ? (value as QualityScore) : null;

/**
 * The analytical snapshot: a columnar copy (DuckDB) of every organisation's
 * imported rows, harmonisation links and ledger figures, refreshed from
 * PostgreSQL organisation by organisation when that organisation's data
 * changes (its dataset revision moves) and, for the ledger mirror, after
 * `ledgerRefreshMs`. It reads through each organisation's own transaction, so
 * row-level security applies to the copy; who may see which figures is
 * decided by the analytics service from the caller's transaction.
 *
 * Refreshing opens transactions: call `current()` outside any transaction.
 */
export function createSnapshot(deps: SnapshotDeps, options: SnapshotOptions = {}) {
  const { runner, organisations, framework, ledger, clock } = deps;
  const ledgerRefreshMs = options.ledgerRefreshMs ?? 10 * 60_000;
  let db: AnalyticsDb | null = null;
  const loadedRevision = new Map<string, Revision>();
  const facts = new Map<string, OrganisationFacts>();
  let ledgerLoadedAt = 0;
  let builtAt = new Date(0);
  let version = 0;
  let refreshing: Promise<SnapshotState> | null = null;

  async function engine(): Promise<AnalyticsDb> {
    if (!db) {
      db = await openAnalyticsDb(options.path ? { path: options.path } : {});
      await createSnapshotTables(db);
    }
    return db;
  }

  async function loadRows(
    target: AnalyticsDb,
    tx: TenantTx,
    tables: readonly SnapshotTable[],
  ): Promise<void> {
    for (const table of tables) {
      let after = '';
      for (;;) {
        const page = await exportPage(tx, table, after);
        await appendRows(target, table, page.rows);
        if (page.last === null) break;
        after = page.last;
      }
    }
  }

  /** The organisation's books on Mainstay, month by month and cost centre by cost centre, through the ledger service. */
  async function loadLedger(
    target: AnalyticsDb,
    tx: TenantTx,
    organisationId: string,
  ): Promise<string | null> {
    await clearOrganisation(target, organisationId, LEDGER_TABLES);
    const mappings = await ledger.legacyMappings(tx);
    await appendRows(
      target,
      'account_map',
      mappings.map((mapping) => [organisationId, mapping.legacyCode, mapping.accountCode]),
    );
    const today = londonDate(clock.now());
    const periods = (await ledger.periods(tx))
      .filter((period) => period.startDate <= today)
      .slice(-LEDGER_MONTHS);
    if (periods.length === 0) return null;
    const types = new Map((await ledger.chart(tx)).map((account) => [account.code, account.type]));
    const rows: unknown[][] = [];
    let latest: string | null = null;
    for (const period of periods) {
      const report = await ledger.costCentreReport(tx, period.periodKey);
      const month = period.startDate.slice(0, 7);
      for (const centre of report.centres) {
        for (const line of centre.byAccount) {
          if (line.periodPence === 0n) continue;
          rows.push([
            organisationId,
            month,
            centre.code,
            centre.name,
            centre.division,
            line.accountCode,
            line.accountName,
            types.get(line.accountCode) ?? null,
            line.periodPence,
          ]);
          if (latest === null || month > latest) latest = month;
        }
      }
    }
    await appendRows(target, 'ledger_line', rows);
    const years = [...new Set(periods.map((period) => period.periodKey.slice(0, 7)))];
    const budgets: unknown[][] = [];
    for (const year of years) {
      for (const [centre, amount] of await ledger.budgets(tx, year))
        budgets.push([organisationId, year, centre, amount]);
    }
    await appendRows(target, 'ledger_budget', budgets);
    return latest;
  }

  async function refreshNow(force: boolean): Promise<SnapshotState> {
    const target = await engine();
    const all = await organisations.listOrganisations();
    const ids = all.map((organisation) => organisation.id);
    const revisions =
      ids.length === 0
        ? new Map<string, Revision>()
        : await runner.withReadScope({ organisationIds: ids, actor: systemActor }, (tx) =>
            selectRevisions(tx),
          );
    const ledgerDue = force || clock.now().getTime() - ledgerLoadedAt > ledgerRefreshMs;
    let changed = false;
    await target.run('delete from organisation');
    await appendRows(
      target,
      'organisation',
      all.map((organisation) => [
        organisation.id,
        organisation.name,
        organisation.kind,
        organisation.trustType,
        organisation.parentId,
        organisation.status,
        organisation.annualIncomePence,
      ]),
    );
    for (const organisation of all) {
      const revision = revisions.get(organisation.id) ?? { rows: 0n, links: 0n };
      const loaded = loadedRevision.get(organisation.id);
      const rowsDue = force || loaded?.rows !== revision.rows;
      const linksDue = rowsDue || loaded?.links !== revision.links;
      if (!linksDue && !ledgerDue && facts.has(organisation.id)) {
        const known = facts.get(organisation.id);
        if (known) facts.set(organisation.id, { ...known, organisation });
        continue;
      }
      if (linksDue) changed = true;
      version += 1;
      const context = { organisationId: organisation.id, actor: systemActor };
      const refreshed = await runner.withTenant(context, async (tx) => {
        // rows bring their links with them; a harmonisation run or a review decision moves only the links
        const tables = rowsDue ? IMPORTED_TABLES : LINK_TABLES;
        if (linksDue) {
          await clearOrganisation(target, organisation.id, tables);
          await loadRows(target, tx, tables);
        }
        const known = facts.get(organisation.id);
        const ledgerLatestMonth =
          ledgerDue || !known ? await loadLedger(target, tx, organisation.id) : known.ledgerLatestMonth;
        const thresholds = (await framework.resolve(tx, 'insight.dataQualityThresholds')).value;
        const datasets = (await selectDatasetQualities(tx)).flatMap((dataset) => {
          const score = asScore(dataset.quality);
          return score ? [{ kind: dataset.kind, name: dataset.fileName, score }] : [];
        });
        return { thresholds, datasets, ledgerLatestMonth };
      });
      facts.set(organisation.id, { organisation, ...refreshed });
      loadedRevision.set(organisation.id, revision);
    }
    for (const id of [...facts.keys()]) {
      if (!ids.includes(id)) {
        facts.delete(id);
        await clearOrganisation(target, id, [...IMPORTED_TABLES, ...LEDGER_TABLES]);
        changed = true;
      }
    }
    if (ledgerDue) ledgerLoadedAt = clock.now().getTime();
    if (changed || builtAt.getTime() === 0) {
      await buildFacts(target);
      builtAt = clock.now();
    }
    return { db: target, builtAt, version, organisations: facts };
  }

  return {
    /**
     * The snapshot, brought up to date first when any organisation's data has
     * changed since it was built. Concurrent callers share one refresh.
     */
    async current(options: { force?: boolean } = {}): Promise<SnapshotState> {
      if (!refreshing) {
        refreshing = refreshNow(options.force ?? false).finally(() => {
          refreshing = null;
        });
      }
      return refreshing;
    },
    close(): void {
      db?.close();
      db = null;
    },
  };
}

export type Snapshot = ReturnType<typeof createSnapshot>;
