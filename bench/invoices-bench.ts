import type { Engine } from '../kernel/db';
import {
  createPayablesService,
  type IncomingFile,
  invoiceFingerprint,
  type PayablesService,
  type ProcurementPort,
  type PurchaseOrderForMatching,
  prepareDocument,
} from '../modules/payables';
import { insertFingerprints, selectFingerprints } from '../modules/payables/sql/queries';
import { benchmarkValidation } from '../standards/peppol-ubl';
import { type Benchmark, median, round } from './benchmark';
import {
  BENCH_TRUST,
  type InvoicesWorld,
  invoiceForOrder,
  openInvoicesWorld,
  type RaisedOrder,
  raiseOrders,
} from './invoices-world';
import { openPreparePool, type PreparePool } from './prepare-pool';
import { benchRequisitionToOrder } from './procurement-bench';

const ROUNDS = 3;
/**
 * Unmeasured rounds first, of the measured size: an intake service runs for weeks, and V8 keeps
 * optimising the validator and the intake path for the first few thousand invoices (measured:
 * Node.js used 1.5–1.7 s of CPU for the first thousand and 0.75–1.1 s for the fourth).
 */
const WARM_UP_ROUNDS = 2;
/** Invoices per transaction: big enough that set-based SQL pays off, small enough to keep a transaction short. */
const BATCH = 250;
const actor = { kind: 'system' as const, id: 'bench' };

type EngineFigures = {
  invoicesPerSecond: number;
  payablesOnlyInvoicesPerSecond: number;
  approvedShare: number;
  requisitionToOrderMedianMs: number;
  requisitionToOrderP99Ms: number;
  duplicateCheckMsPerInvoice: number;
  fingerprintsOnFile: number;
};

/**
 * End to end: parse, validate every rule, identify the supplier, check duplicates, match,
 * approve, post. With a pool, batches are read and validated on worker threads while the main
 * thread records the batch before them; without one, everything runs on the main thread.
 * `lanes` batches are recorded at once, each in its own transaction, as concurrent uploads
 * would be: while one waits for PostgreSQL the main thread works on another.
 */
async function ingestionRound(
  world: InvoicesWorld,
  orders: RaisedOrder[],
  roundNumber: number,
  { pool, lanes }: { pool: PreparePool | null; lanes: number },
  payables: PayablesService = world.platform.payables,
) {
  const files: IncomingFile[] = orders.map((entry, index) => ({
    fileName: `bench-${roundNumber}-${index}.xml`,
    content: invoiceForOrder(entry.order, entry.supplier, `BENCH-${roundNumber}-${index}`, entry.ordinal),
    channel: 'bench',
  }));
  const started = performance.now();
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, n) =>
    files.slice(n * BATCH, (n + 1) * BATCH),
  );
  const prepared = batches.map((batch) =>
    pool ? pool.prepare(batch) : Promise.resolve(batch.map(prepareDocument)),
  );
  let approved = 0;
  let next = 0;
  const lane = async () => {
    while (next < prepared.length) {
      const documents = await prepared[next++]!;
      const outcomes = await world.platform.runner.withTenant({ organisationId: BENCH_TRUST, actor }, (tx) =>
        payables.ingestPrepared(tx, documents),
      );
      approved += outcomes.filter((o) => o.outcome === 'invoice' && o.status === 'approved').length;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return {
    perSecond: files.length / ((performance.now() - started) / 1000),
    approvedShare: approved / files.length,
  };
}

/**
 * The shared duplicate register with `count` fingerprints on file, seeded by one set-based
 * statement (hashes spread over the whole 64-bit space like real ones), then the check a batch
 * of invoices makes before any of them can become payable: look up every key, record the new ones.
 */
async function duplicateCheck(world: InvoicesWorld, count: number, progress: (line: string) => void) {
  const started = performance.now();
  await world.platform.db.exec(
    `insert into payables.invoice_fingerprint (number_key, amount_key, organisation_id, invoice_id, overrides)
     select hashtextextended('n' || g, 0), hashtextextended('a' || g, 0), '${BENCH_TRUST}', 'inv_seed_' || g, false
     from generate_series(1, ${count}) g on conflict do nothing;
     analyze payables.invoice_fingerprint;`,
  );
  progress(
    `  ${world.engine}: ${count.toLocaleString('en-GB')} fingerprints on file in ${round((performance.now() - started) / 1000, 1)} s`,
  );
  const perInvoice: number[] = [];
  for (let batch = 0; batch < 8; batch += 1) {
    const keys = Array.from({ length: BATCH }, (_, index) =>
      invoiceFingerprint({
        supplierKey: `vat:GB${batch}`,
        kind: 'invoice',
        number: `DUP-${batch}-${index}`,
        grossPence: 1000n + BigInt(index),
        issueDate: '2026-06-01',
      }),
    );
    const begun = performance.now();
    await world.platform.runner.withTenant({ organisationId: BENCH_TRUST, actor }, async (tx) => {
      await selectFingerprints(
        tx,
        keys.map((k) => k.numberKey),
        keys.map((k) => k.amountKey),
      );
      await insertFingerprints(
        tx,
        BENCH_TRUST,
        keys.map((k, index) => ({
          numberKey: k.numberKey,
          amountKey: k.amountKey,
          invoiceId: `inv_dup_${batch}_${index}`,
          overrides: false,
        })),
      );
    });
    perInvoice.push((performance.now() - begun) / BATCH);
  }
  return median(perInvoice.slice(1));
}

/**
 * The same payables service with the order book answered from memory (orders read once,
 * before timing) and procurement's recording left out: what intake costs on its own, to set
 * beside the end-to-end figure when procurement's lookups dominate.
 */
async function withOrderBook(world: InvoicesWorld, orders: RaisedOrder[]) {
  const { platform } = world;
  const book = new Map<string, PurchaseOrderForMatching>();
  await platform.runner.withTenant({ organisationId: BENCH_TRUST, actor }, async (tx) => {
    for (const { order } of orders) {
      const found = await platform.procurement.purchaseOrderForMatching(tx, order.number);
      if (found) book.set(order.number, found);
    }
  });
  const procurement: ProcurementPort = {
    purchaseOrderForMatching: async (_tx, reference) => structuredClone(book.get(reference) ?? null),
    recordInvoiced: async (_tx, input) => ({
      lines: input.lines.map((line) => ({ lineNo: line.lineNo, grniReleasedPence: line.netPence })),
    }),
    measures: async () => ({}),
  };
  return createPayablesService({ ...platform, procurement });
}

async function measure(
  engine: Engine,
  options: { invoices: number; fingerprints: number; workers: number; lanes: number },
  progress: (line: string) => void,
): Promise<EngineFigures> {
  const world = await openInvoicesWorld(engine);
  const pool = options.workers > 0 ? await openPreparePool(options.workers) : null;
  try {
    const rates: number[] = [];
    const shares: number[] = [];
    for (let roundNumber = 0; roundNumber < WARM_UP_ROUNDS + ROUNDS; roundNumber += 1) {
      const orders = await raiseOrders(world, options.invoices, roundNumber * options.invoices);
      const result = await ingestionRound(world, orders, roundNumber, { pool, lanes: options.lanes });
      if (roundNumber < WARM_UP_ROUNDS) {
        progress(`  ${engine}: warming up, ${round(result.perSecond)} invoices/s (not counted)`);
        continue;
      }
      rates.push(result.perSecond);
      shares.push(result.approvedShare);
      progress(
        `  ${engine}: ${round(result.perSecond)} invoices/s, ${round(result.approvedShare * 100, 1)}% approved touchless`,
      );
    }
    const alone: number[] = [];
    for (
      let roundNumber = WARM_UP_ROUNDS + ROUNDS;
      roundNumber < WARM_UP_ROUNDS + 2 * ROUNDS;
      roundNumber += 1
    ) {
      const orders = await raiseOrders(world, options.invoices, roundNumber * options.invoices);
      const result = await ingestionRound(
        world,
        orders,
        roundNumber,
        { pool, lanes: options.lanes },
        await withOrderBook(world, orders),
      );
      alone.push(result.perSecond);
      progress(`  ${engine}: ${round(result.perSecond)} invoices/s with the order book in memory`);
    }
    // Before the bulk load of fingerprints: the server's checkpoint after millions of rows is not the order path's cost.
    const requisitions = await benchRequisitionToOrder({ engine, progress });
    const duplicateMs = await duplicateCheck(world, options.fingerprints, progress);
    return {
      invoicesPerSecond: round(median(rates)),
      payablesOnlyInvoicesPerSecond: round(median(alone)),
      approvedShare: round(median(shares), 4),
      requisitionToOrderMedianMs: requisitions.medianMs,
      requisitionToOrderP99Ms: requisitions.p99Ms,
      duplicateCheckMsPerInvoice: round(duplicateMs, 4),
      fingerprintsOnFile: options.fingerprints,
    };
  } finally {
    await pool?.close();
    await world.close();
  }
}

export const invoicesBench: Benchmark = {
  name: 'invoices',
  description:
    'PEPPOL invoices end to end (parse, validate every rule, identify, duplicate check, match, approve, post) per second; catalogue requisition to order p99; duplicate check with millions of invoices on file (PostgreSQL when DATABASE_URL is set, PGlite beside it)',
  options: [
    { flags: '--invoices <n>', description: 'invoices per measured round (default 1000)' },
    {
      flags: '--workers <n>',
      description:
        'worker threads reading and validating beside the database work (default 1: on two cores, one for them and one shared by the main thread and PostgreSQL; 0: none)',
    },
    {
      flags: '--lanes <n>',
      description: 'batches recorded at once, each in its own transaction, as concurrent uploads (default 2)',
    },
    {
      flags: '--fingerprints <n>',
      description:
        'fingerprints on file for the duplicate check (default 10,000,000 on PostgreSQL, 1,000,000 on PGlite)',
    },
  ],
  async run(options, progress) {
    const invoices = Number(options.invoices ?? 1000);
    const workers = Number(options.workers ?? 1);
    const lanes = Number(options.lanes ?? 2);
    const fingerprints = (engine: Engine) =>
      Number(options.fingerprints ?? (engine === 'postgres' ? 10_000_000 : 1_000_000));
    const validation = benchmarkValidation(undefined, { millisecondsPerDocument: 500 });
    const pglite = await measure(
      'pglite',
      { invoices, workers, lanes, fingerprints: fingerprints('pglite') },
      progress,
    );
    const common = {
      batchSize: BATCH,
      workers,
      lanes,
      invoicesPerRound: invoices,
      rounds: ROUNDS,
      warmUpRounds: WARM_UP_ROUNDS,
      validationOnlyDocumentsPerSecond: validation.documentsPerSecond,
    };
    if (!process.env.DATABASE_URL) {
      return { engine: 'pglite', ...pglite, pglite, ...common };
    }
    const postgres = await measure(
      'postgres',
      { invoices, workers, lanes, fingerprints: fingerprints('postgres') },
      progress,
    );
    return { engine: 'postgres', ...postgres, pglite, ...common };
  },
};
