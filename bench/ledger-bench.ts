import { createPlatform, preparePlatform } from '../apps/platform/platform';
import type { Engine } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';
import { pence } from '../kernel/money';
import { localDate } from '../kernel/time';
import type { JournalInput } from '../modules/ledger';
import { type Benchmark, median, round } from './benchmark';

const JOURNALS_PER_BATCH = 500;
const LINES_PER_JOURNAL = 4;
const ROUNDS = 5;
/** Two organisations post at once: each has its own audit chain, as real traffic does. */
const ORGANISATIONS = ['BENCHA', 'BENCHB'];

function batch(organisation: string, round: number): JournalInput[] {
  return Array.from({ length: JOURNALS_PER_BATCH }, (_, index) => ({
    accountingDate: localDate('2026-06-15'),
    sourceModule: 'bench',
    sourceId: `${organisation}-${round}-${index}`,
    reasonCode: 'AP_INVOICE',
    description: 'Benchmark supplier invoice',
    lines: [
      { accountCode: '610100', costCentreCode: 'CC1', side: 'debit', amountPence: pence(10_000 + index) },
      { accountCode: '610200', costCentreCode: 'CC2', side: 'debit', amountPence: pence(2_500) },
      { accountCode: '130300', side: 'debit', amountPence: pence(2_500 + index) },
      { accountCode: '210200', side: 'credit', amountPence: pence(15_000 + 2 * index) },
    ],
  }));
}

/** Journal lines posted per second through the ledger service (validation, numbering, audit) on one engine. */
async function measure(engine: Engine, progress: (line: string) => void): Promise<number> {
  const db = await openScratchDatabase(engine);
  try {
    const platform = createPlatform(db);
    await preparePlatform(platform);
    const actor = { kind: 'system' as const, id: 'bench' };
    await platform.runner.withTenant({ organisationId: 'BENCHSSP', actor }, async (tx) => {
      await platform.organisations.registerOrganisation(tx, {
        id: 'BENCHSSP',
        name: 'Bench provider',
        kind: 'shared-service-provider',
        status: 'member',
      });
      await platform.organisations.registerOrganisation(tx, {
        id: 'BENCHICB',
        name: 'Bench ICB',
        kind: 'icb',
        status: 'member',
        parentId: 'BENCHSSP',
      });
      for (const id of ORGANISATIONS) {
        await platform.organisations.registerOrganisation(tx, {
          id,
          name: id,
          kind: 'trust',
          trustType: 'acute',
          status: 'member',
          parentId: 'BENCHICB',
        });
      }
    });
    for (const organisationId of ORGANISATIONS) {
      await platform.runner.withTenant({ organisationId, actor }, async (tx) => {
        await platform.ledger.openFinancialYear(tx, '2026-27');
        await platform.ledger.saveCostCentre(tx, { code: 'CC1', name: 'Ward', division: 'Medicine' });
        await platform.ledger.saveCostCentre(tx, {
          code: 'CC2',
          name: 'Pharmacy',
          division: 'Clinical Support',
        });
      });
    }
    const post = (roundNumber: number) =>
      Promise.all(
        ORGANISATIONS.map((organisationId) =>
          platform.runner.withTenant({ organisationId, actor }, (tx) =>
            platform.ledger.postJournals(tx, batch(organisationId, roundNumber)),
          ),
        ),
      );
    await post(0);
    const rates: number[] = [];
    for (let roundNumber = 1; roundNumber <= ROUNDS; roundNumber += 1) {
      const started = performance.now();
      await post(roundNumber);
      const seconds = (performance.now() - started) / 1000;
      rates.push((ORGANISATIONS.length * JOURNALS_PER_BATCH * LINES_PER_JOURNAL) / seconds);
    }
    progress(`  ${engine}: ${rates.map((rate) => round(rate)).join(', ')} lines/s`);
    return median(rates);
  } finally {
    await db.close();
  }
}

export const ledgerBench: Benchmark = {
  name: 'ledger',
  description:
    'Balanced journals with audit through the ledger service: journal lines per second (PostgreSQL when DATABASE_URL is set, PGlite beside it)',
  async run(_options, progress) {
    const pglite = await measure('pglite', progress);
    if (!process.env.DATABASE_URL) {
      return {
        engine: 'pglite',
        journalLinesPerSecond: round(pglite),
        pgliteJournalLinesPerSecond: round(pglite),
        batchJournals: JOURNALS_PER_BATCH,
        linesPerJournal: LINES_PER_JOURNAL,
        rounds: ROUNDS,
      };
    }
    const postgres = await measure('postgres', progress);
    return {
      engine: 'postgres',
      journalLinesPerSecond: round(postgres),
      pgliteJournalLinesPerSecond: round(pglite),
      postgresToPgliteRatio: round(postgres / pglite, 2),
      batchJournals: JOURNALS_PER_BATCH,
      linesPerJournal: LINES_PER_JOURNAL,
      rounds: ROUNDS,
    };
  },
};
