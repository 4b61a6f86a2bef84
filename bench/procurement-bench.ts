import { createPlatform, preparePlatform } from '../apps/platform/platform';
import type { Engine } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';
import { buildProcurementWorld } from '../modules/procurement/fixtures/test-world';
import { type Benchmark, median, round } from './benchmark';

export type RequisitionToOrderFigures = {
  engine: Engine;
  requisitions: number;
  medianMs: number;
  p90Ms: number;
  p99Ms: number;
};

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;

/**
 * Catalogue requisition to purchase order, server-side: one transaction per
 * requisition (validation, pricing on contract, budget check, touchless
 * decision, numbering, the order, commitments, audit), timed from opening the
 * transaction to its commit. Every requisition must come out as a touchless
 * order, or the run fails.
 */
export async function benchRequisitionToOrder(
  options: {
    engine?: Engine;
    requisitions?: number;
    warmUp?: number;
    progress?: (line: string) => void;
  } = {},
): Promise<RequisitionToOrderFigures> {
  const engine = options.engine ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const count = options.requisitions ?? 500;
  const warmUp = options.warmUp ?? 50;
  const db = await openScratchDatabase(engine);
  try {
    const platform = createPlatform(db);
    await preparePlatform(platform);
    const world = await buildProcurementWorld(platform, 'BNCH');
    const items = [world.national.gloves, world.national.dressings, world.national.syringes];
    const ctx = {
      organisationId: world.ids.trustA,
      actor: { kind: 'user' as const, id: world.people.requester },
    };
    const timings: number[] = [];
    for (let n = 0; n < warmUp + count; n += 1) {
      const lines = items.slice(0, 1 + (n % items.length)).map((itemId, index) => ({
        itemId,
        quantity: String(1 + ((n + index) % 4)),
        costCentreCode: 'WARD1',
      }));
      const started = performance.now();
      const { requisition } = await platform.runner.withTenant(ctx, (tx) =>
        platform.procurement.submitRequisition(tx, { lines }),
      );
      const elapsed = performance.now() - started;
      if (requisition.status !== 'ordered') {
        throw new Error(
          `benchmark requisition ${requisition.number} was not touchless: ${requisition.touchlessBlockers.join('; ')}`,
        );
      }
      if (n >= warmUp) timings.push(elapsed);
    }
    const sorted = [...timings].sort((a, b) => a - b);
    const figures = {
      engine,
      requisitions: count,
      medianMs: round(median(sorted), 2),
      p90Ms: round(percentile(sorted, 0.9), 2),
      p99Ms: round(percentile(sorted, 0.99), 2),
    };
    options.progress?.(
      `  ${engine}: median ${figures.medianMs} ms, p90 ${figures.p90Ms} ms, p99 ${figures.p99Ms} ms over ${count}`,
    );
    return figures;
  } finally {
    await db.close();
  }
}

export const procurementBench: Benchmark = {
  name: 'procurement',
  description:
    'Catalogue requisition to touchless purchase order, server-side, one transaction each: p99 ms (PostgreSQL when DATABASE_URL is set, PGlite beside it)',
  options: [{ flags: '--requisitions <n>', description: 'requisitions to time (default 500)' }],
  async run(options, progress) {
    const requisitions = typeof options.requisitions === 'string' ? Number(options.requisitions) : 500;
    const pglite = await benchRequisitionToOrder({ engine: 'pglite', requisitions, progress });
    if (!process.env.DATABASE_URL) {
      return {
        engine: 'pglite',
        requisitionToOrderP99Ms: pglite.p99Ms,
        requisitionToOrderMedianMs: pglite.medianMs,
        requisitionToOrderP90Ms: pglite.p90Ms,
        requisitions,
      };
    }
    const postgres = await benchRequisitionToOrder({ engine: 'postgres', requisitions, progress });
    return {
      engine: 'postgres',
      requisitionToOrderP99Ms: postgres.p99Ms,
      requisitionToOrderMedianMs: postgres.medianMs,
      requisitionToOrderP90Ms: postgres.p90Ms,
      pgliteRequisitionToOrderP99Ms: pglite.p99Ms,
      pgliteRequisitionToOrderMedianMs: pglite.medianMs,
      requisitions,
    };
  },
};
