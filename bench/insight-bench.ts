import { readFileSync } from 'node:fs';
import { createPlatform, preparePlatform } from '../apps/platform/platform';
import type { Engine } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';
import { systemActor } from '../kernel/tenancy';
import { systemClock } from '../kernel/time';
import { openAnalyticsDb } from '../modules/insight/analytics/duckdb';
import { syntheticSpendCsv } from '../modules/insight/domain/ingest';
import { benchCatalogueUnification } from '../modules/insight/domain/unification';
import { createAnalyticsService } from '../modules/insight/services/analytics';
import type { OrganisationFacts, Snapshot, SnapshotState } from '../modules/insight/services/snapshot';
import { buildFacts, buildRollups, createSnapshotTables } from '../modules/insight/sql/snapshot-schema';
import { generateOrderFacts } from '../modules/insight/sql/synthetic-facts';
import { type Benchmark, type BenchOptions, median, round } from './benchmark';

const ROUNDS = 5;

function count(options: BenchOptions, name: string, fallback: number): number {
  const text = options[name];
  if (text === undefined || typeof text === 'boolean') return fallback;
  const value = Number(String(text).replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return value;
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Price variation and spend by category through the analytics service, over
 * purchase-order lines generated straight into the analytical snapshot (the
 * figures measure the analytics, not the loading). The snapshot is the real
 * one's tables and rollups; only the PostgreSQL side is left out.
 */
async function measureAnalytics(
  options: { lines: number; organisations: number; products: number },
  progress: (line: string) => void,
) {
  const db = await openAnalyticsDb();
  try {
    await createSnapshotTables(db);
    await buildFacts(db);
    const generateSeconds = await timed(() =>
      generateOrderFacts(db, {
        lines: options.lines,
        organisations: options.organisations,
        products: options.products,
        productsPerOrganisation: Math.max(1, Math.round(options.products / 4)),
        categories: 300,
        suppliers: 2_000,
        firstMonth: '2025-04',
      }),
    );
    const rollupSeconds = await timed(() => buildRollups(db));
    progress(
      `  ${options.lines.toLocaleString('en-GB')} lines generated in ${round(generateSeconds, 1)} s, rolled up in ${round(rollupSeconds, 2)} s`,
    );
    const board = 'BICB';
    const trusts = Array.from(
      { length: options.organisations },
      (_, index) => `B${String(index + 1).padStart(3, '0')}`,
    );
    const organisations = new Map<string, OrganisationFacts>(
      [board, ...trusts].map((id) => [
        id,
        {
          organisation: {
            id,
            name: id,
            kind: id === board ? 'icb' : 'trust',
            trustType: id === board ? null : 'acute',
            parentId: id === board ? null : board,
            status: 'member',
            region: null,
            annualIncomePence: null,
          },
          thresholds: { automation: 0.98, decision: 0.8 },
          datasets: [],
          ledgerLatestMonth: null,
        },
      ]),
    );
    const state: SnapshotState = { db, builtAt: new Date(), version: 1, organisations };
    const snapshot: Snapshot = { current: async () => state, close: () => undefined };
    const analytics = createAnalyticsService({ snapshot, clock: systemClock });
    const system = { organisationIds: [board, ...trusts], actor: systemActor };
    const period = { from: '2025-04', to: '2026-03' };
    const priceVariation: number[] = [];
    const spendByCategory: number[] = [];
    const organisationView: number[] = [];
    let comparableItems = 0;
    // each round asks for a different number of rows, so no round is answered from the remembered results
    for (let roundNumber = 0; roundNumber <= ROUNDS; roundNumber += 1) {
      const limit = 25 + roundNumber;
      const variation = await timed(async () => {
        comparableItems = (await analytics.priceVariation(system, { ...period, limit })).comparableItems;
      });
      const categories = await timed(() =>
        analytics.spend(system, { ...period, dimension: 'category', limit }),
      );
      const own = await timed(() =>
        analytics.priceVariation(
          { organisationId: trusts[0] ?? board, actor: systemActor },
          { ...period, limit },
        ),
      );
      if (roundNumber === 0) continue;
      priceVariation.push(variation);
      spendByCategory.push(categories);
      organisationView.push(own);
    }
    const remembered = await timed(() =>
      analytics.spend(system, { ...period, dimension: 'category', limit: 25 }),
    );
    progress(
      `  price variation ${priceVariation.map((value) => round(value, 3)).join(', ')} s; spend by category ${spendByCategory.map((value) => round(value, 3)).join(', ')} s`,
    );
    return {
      priceVariationSeconds: round(median(priceVariation), 3),
      spendByCategorySeconds: round(median(spendByCategory), 3),
      organisationPriceVariationSeconds: round(median(organisationView), 3),
      rememberedDashboardSeconds: round(remembered, 4),
      rollupSeconds: round(rollupSeconds, 2),
      comparableItems,
    };
  } finally {
    db.close();
  }
}

/** CPU seconds a process has used, from /proc (Linux), or null where that cannot be read. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

type ImportFigures = {
  rowsPerSecond: number;
  rowsPerAppCpuSecond: number;
  rowsPerDatabaseCpuSecond: number | null;
};

/**
 * Spend files imported end to end through the ingestion service: read, map,
 * normalise, store, score, audit. Besides rows per second it reports rows per
 * CPU second of this process and of the PostgreSQL backend that wrote them,
 * which stay meaningful when other work shares the machine: with a core each,
 * the pipeline runs at about the lower of the two.
 */
async function measureImport(
  engine: Engine,
  rows: number,
  progress: (line: string) => void,
): Promise<ImportFigures> {
  const db = await openScratchDatabase(engine);
  try {
    const platform = createPlatform(db);
    await preparePlatform(platform);
    const rates: number[] = [];
    const appRates: number[] = [];
    const databaseRates: number[] = [];
    for (let roundNumber = 0; roundNumber <= 3; roundNumber += 1) {
      // a fresh organisation each round, so every row is new and nothing is skipped as already held
      const organisationId = `BENCH${roundNumber}`;
      const size = roundNumber === 0 ? Math.min(rows, 20_000) : rows;
      const { bytes } = syntheticSpendCsv(size, roundNumber + 1);
      const app = process.cpuUsage();
      let databaseSeconds: number | null = null;
      const seconds = await timed(() =>
        platform.runner.withTenant({ organisationId, actor: systemActor }, async (tx) => {
          const backend =
            engine === 'postgres'
              ? Number((await tx.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid)
              : null;
          const before = backend === null ? null : processCpuSeconds(backend);
          await platform.insight.ingestion.importFile(tx, {
            bytes,
            fileName: `spend-${roundNumber}.csv`,
            kind: 'spend',
          });
          const after = backend === null ? null : processCpuSeconds(backend);
          databaseSeconds = before === null || after === null ? null : after - before;
        }),
      );
      if (roundNumber === 0) continue;
      const used = process.cpuUsage(app);
      rates.push(size / seconds);
      appRates.push(size / ((used.user + used.system) / 1e6));
      if (databaseSeconds !== null && databaseSeconds > 0) databaseRates.push(size / databaseSeconds);
    }
    progress(`  ${engine}: ${rates.map((rate) => round(rate)).join(', ')} rows/s`);
    return {
      rowsPerSecond: median(rates),
      rowsPerAppCpuSecond: median(appRates),
      rowsPerDatabaseCpuSecond: databaseRates.length > 0 ? median(databaseRates) : null,
    };
  } finally {
    await db.close();
  }
}

export const insightBench: Benchmark = {
  name: 'insight',
  description:
    'Price variation and spend by category over PO lines across organisations, catalogue unification with precision and recall, spend import rows per second (PostgreSQL when DATABASE_URL is set, PGlite beside it)',
  options: [
    { flags: '--lines <n>', description: 'purchase-order lines (default 10,000,000)' },
    { flags: '--items <n>', description: 'catalogue items to unify (default 1,000,000)' },
    { flags: '--organisations <n>', description: 'organisations ordering (default 40)' },
    { flags: '--products <n>', description: 'distinct products ordered (default 100,000)' },
    { flags: '--import-rows <n>', description: 'rows in each spend file imported (default 200,000)' },
  ],
  async run(options, progress) {
    const lines = count(options, 'lines', 10_000_000);
    const items = count(options, 'items', 1_000_000);
    const organisations = count(options, 'organisations', 40);
    const products = count(options, 'products', 100_000);
    const importRows = count(options, 'importRows', 200_000);
    progress('  analytics over the snapshot…');
    const analytics = await measureAnalytics({ lines, organisations, products }, progress);
    progress('  spend import…');
    const pglite = await measureImport('pglite', importRows, progress);
    const postgres = process.env.DATABASE_URL ? await measureImport('postgres', importRows, progress) : null;
    progress(`  catalogue unification of ${items.toLocaleString('en-GB')} items…`);
    const unification = benchCatalogueUnification(items);
    return {
      engine: postgres === null ? 'pglite' : 'postgres',
      ...analytics,
      catalogueUnificationSeconds: unification.catalogueUnificationSeconds,
      precision: unification.precision,
      recall: unification.recall,
      spendImportRowsPerSecond: round((postgres ?? pglite).rowsPerSecond),
      spendImportRowsPerAppCpuSecond: round((postgres ?? pglite).rowsPerAppCpuSecond),
      spendImportRowsPerDatabaseCpuSecond:
        postgres?.rowsPerDatabaseCpuSecond == null ? null : round(postgres.rowsPerDatabaseCpuSecond),
      pgliteSpendImportRowsPerSecond: round(pglite.rowsPerSecond),
      lines,
      items,
      organisations,
      products,
      importRows,
    };
  },
};
