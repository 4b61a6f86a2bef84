import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { createPlatform, preparePlatform } from '../apps/platform/platform';
import { createApp } from '../apps/server/app';
import { listen } from '../apps/server/serve';
import { openScratchDatabase } from '../kernel/db/scratch';
import { pence } from '../kernel/money';
import { localDate } from '../kernel/time';
import { type Benchmark, median, round } from './benchmark';

const ROUNDS = 3;
const SECONDS_PER_ROUND = 8;
const CONNECTIONS = 32;

/**
 * Load one URL in rounds. Besides requests per second it reports requests per
 * busy second of the server's event loop (its one core): what the server could
 * serve with a core to itself, which stays meaningful when other work shares
 * the machine.
 */
async function measure(
  target: { url: string; headers: Record<string, string> },
  progress: (line: string) => void,
) {
  const check = await fetch(target.url, { headers: target.headers });
  if (check.status !== 200) throw new Error(`${target.url} answered ${check.status}: ${await check.text()}`);
  const results: {
    requestsPerSecond: number;
    p99Ms: number;
    requestsPerCoreSecond: number;
    errors: number;
  }[] = [];
  for (let roundNumber = 0; roundNumber <= ROUNDS; roundNumber += 1) {
    const before = performance.eventLoopUtilization();
    const result = await autocannon({
      ...target,
      connections: CONNECTIONS,
      duration: roundNumber === 0 ? 2 : SECONDS_PER_ROUND,
      workers: 1,
    });
    const busy = performance.eventLoopUtilization(before);
    if (roundNumber === 0) continue;
    const busySeconds = busy.active / 1000;
    const entry = {
      requestsPerSecond: result.requests.average,
      p99Ms: result.latency.p99,
      requestsPerCoreSecond: result.requests.total / Math.max(busySeconds, 1e-9),
      errors: result.errors + result.non2xx,
    };
    progress(
      `  ${new URL(target.url).pathname}: ${round(entry.requestsPerSecond)} req/s, p99 ${entry.p99Ms} ms, ${round(entry.requestsPerCoreSecond)} per busy core-second`,
    );
    results.push(entry);
  }
  return {
    requestsPerSecond: round(median(results.map((r) => r.requestsPerSecond))),
    p99Ms: median(results.map((r) => r.p99Ms)),
    requestsPerCoreSecond: round(median(results.map((r) => r.requestsPerCoreSecond))),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * Authenticated reads over HTTP by a signed-in finance controller: "who am I"
 * (session, memberships and roles — the API's own overhead) and a journal by id
 * (plus an organisation check and a tenant transaction under row-level
 * security). The server runs on this process's main thread — one core — and the
 * load comes from a worker thread.
 */
export const apiBench: Benchmark = {
  name: 'api',
  description:
    'Authenticated reads over HTTP with a session cookie, server on one core: who-am-I (no database) and a journal by id (a database read)',
  async run(_options, progress) {
    const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    const db = await openScratchDatabase(engine);
    const platform = createPlatform(db);
    try {
      await preparePlatform(platform);
      const actor = { kind: 'system' as const, id: 'bench' };
      await platform.runner.withTenant({ organisationId: 'APISSP', actor }, async (tx) => {
        await platform.organisations.registerOrganisation(tx, {
          id: 'APISSP',
          name: 'Bench provider',
          kind: 'shared-service-provider',
          status: 'member',
        });
        await platform.organisations.registerOrganisation(tx, {
          id: 'APIICB',
          name: 'Bench board',
          kind: 'icb',
          status: 'member',
          parentId: 'APISSP',
        });
        await platform.organisations.registerOrganisation(tx, {
          id: 'APIRA',
          name: 'Bench trust',
          kind: 'trust',
          trustType: 'acute',
          status: 'member',
          parentId: 'APIICB',
        });
      });
      const journalId = await platform.runner.withTenant({ organisationId: 'APIRA', actor }, async (tx) => {
        const user = await platform.organisations.createUser(tx, {
          email: 'bench@example.nhs.uk',
          displayName: 'Bench',
          password: 'benchmark-password',
        });
        await platform.organisations.setRoles(tx, user.id, ['finance-controller']);
        await platform.ledger.openFinancialYear(tx, '2026-27');
        await platform.ledger.saveCostCentre(tx, { code: 'CC1', name: 'Ward', division: 'Medicine' });
        const journal = await platform.ledger.postJournal(tx, {
          accountingDate: localDate('2026-06-15'),
          sourceModule: 'bench',
          sourceId: 'api',
          reasonCode: 'MANUAL',
          description: 'Benchmark journal',
          lines: [
            { accountCode: '610100', costCentreCode: 'CC1', side: 'debit', amountPence: pence(12_345) },
            { accountCode: '210200', side: 'credit', amountPence: pence(12_345) },
          ],
        });
        return journal.id;
      });
      const { token } = await platform.organisations.signIn('bench@example.nhs.uk', 'benchmark-password');
      const app = createApp(platform, {
        secureCookies: false,
        oidc: null,
        version: 'bench',
        logError: (id, error) => progress(`[${id}] ${String(error)}`),
      });
      const server = await listen(app, 0, '127.0.0.1');
      const port = (server.address() as AddressInfo).port;
      const cookie = { cookie: `mainstay_session=${token}`, 'Mainstay-Organisation': 'APIRA' };
      const session = await measure(
        { url: `http://127.0.0.1:${port}/api/v1/session`, headers: cookie },
        progress,
      );
      const journal = await measure(
        { url: `http://127.0.0.1:${port}/api/v1/ledger/journals/${journalId}`, headers: cookie },
        progress,
      );
      server.close();
      return {
        engine,
        endpoint: 'GET /api/v1/session (authenticated, organisation memberships and roles)',
        requestsPerSecond: session.requestsPerSecond,
        p99Ms: session.p99Ms,
        requestsPerCoreSecond: session.requestsPerCoreSecond,
        databaseReadEndpoint:
          'GET /api/v1/ledger/journals/{id} (tenant transaction under row-level security)',
        databaseReadRequestsPerSecond: journal.requestsPerSecond,
        databaseReadP99Ms: journal.p99Ms,
        databaseReadRequestsPerCoreSecond: journal.requestsPerCoreSecond,
        errors: session.errors + journal.errors,
        connections: CONNECTIONS,
        rounds: ROUNDS,
      };
    } finally {
      await db.close();
    }
  },
};
