import { Option } from 'commander';
import { DEMO_AS_OF, seedDemo } from '../../../demo/seed';
import { DEMO_PASSWORD, PEOPLE } from '../../../demo/world';
import { verifyAuditChain } from '../../../kernel/audit';
import type { CommandRegistrar } from '../../../kernel/cli';
import { systemActor } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { createApp } from '../../server/app';
import { oidcConfigFromEnv } from '../../server/oidc';
import { listen } from '../../server/serve';
import { DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

const VERSION = '0.1.0';

/** `start`, `migrate`, `seed demo` and `audit verify`: running the platform itself. */
export const registerPlatformCommands: CommandRegistrar = (program, runtime) => {
  program
    .command('start')
    .description(
      'Start Mainstay (the demo ICS is loaded into an empty database) and print the URL and demo sign-ins',
    )
    .option(...DATA_OPTION)
    .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
    .option('--no-demo', 'do not load the demo into an empty database')
    .action(
      runCommand(async (options: { data?: string; port?: string; demo: boolean }) => {
        const started = performance.now();
        const platform = await openPlatform(options, runtime.note);
        if (options.demo) {
          const summary = await seedDemo(platform, { progress: runtime.note });
          if (!summary.alreadyLoaded) runtime.note(`Demo loaded in ${summary.seconds.toFixed(1)} s`);
        }
        const port = Number(options.port ?? process.env.PORT ?? 3000);
        const app = createApp(platform, {
          secureCookies: process.env.MAINSTAY_SECURE_COOKIES === 'true',
          oidc: oidcConfigFromEnv(),
          version: VERSION,
          logError: (requestId, error) =>
            runtime.note(`[${requestId}] ${(error as Error).stack ?? String(error)}`),
        });
        const server = await listen(app, port);
        runtime.note(
          `Mainstay is running at http://localhost:${port}/ (ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
        );
        runtime.note(`API reference: http://localhost:${port}/docs`);
        runtime.note(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
        for (const person of PEOPLE) runtime.note(`  ${person.email.padEnd(36)} ${person.shows}`);
        const stop = async () => {
          server.close();
          await platform.db.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );

  program
    .command('migrate')
    .description('Apply database migrations and install the reference data that ships with this version')
    .option(...DATA_OPTION)
    .action(
      runCommand(async (options: { data?: string }) => {
        const platform = await openPlatform(options, runtime.note);
        runtime.note('The database is up to date.');
        await platform.db.close();
      }),
    );

  program
    .command('seed')
    .description('Load generated data')
    .command('demo')
    .description('Load the deterministic demo integrated care system into an empty database')
    .option(...DATA_OPTION)
    .option('--seed <text>', 'random seed: the same seed gives the same world', 'mainstay')
    .addOption(new Option('--scale <n>', 'multiply volumes, for benchmarks').default('1'))
    .option('--as-of <date>', "the demo's today (YYYY-MM-DD)", DEMO_AS_OF)
    .action(
      runCommand(async (options: { data?: string; seed: string; scale: string; asOf: string }) => {
        const scale = Number(options.scale);
        if (!(scale > 0)) throw new Error(`--scale must be a positive number, not "${options.scale}"`);
        if (!isLocalDate(options.asOf))
          throw new Error(`--as-of must be a date in the form YYYY-MM-DD, not "${options.asOf}"`);
        const platform = await openPlatform(options, runtime.note);
        const summary = await seedDemo(platform, {
          seed: options.seed,
          scale,
          asOf: options.asOf as LocalDate,
          progress: runtime.note,
        });
        runtime.note(
          summary.alreadyLoaded
            ? 'The demo is already loaded.'
            : `Loaded ${summary.organisations} organisations, ${summary.people} people, ${summary.journals} journals in ${summary.seconds.toFixed(1)} s`,
        );
        await platform.db.close();
      }),
    );

  program
    .command('audit')
    .description('The tamper-evident audit trail')
    .command('verify')
    .description(
      "Verify every organisation's audit hash chain; names any altered, removed or reordered entry",
    )
    .option(...DATA_OPTION)
    .option('--org <code>', 'only this organisation')
    .option('--json', 'one JSON line per organisation')
    .action(
      runCommand(async (options: { data?: string; org?: string; json?: boolean }) => {
        const platform = await openPlatform(options, runtime.note);
        const organisations = options.org
          ? [options.org]
          : (await platform.organisations.listOrganisations()).map((org) => org.id);
        let broken = 0;
        for (const organisationId of organisations) {
          const result = await platform.runner.withTenant({ organisationId, actor: systemActor }, (tx) =>
            verifyAuditChain(tx, organisationId),
          );
          if (!result.ok) broken += 1;
          if (options.json) runtime.out(JSON.stringify(result));
          else {
            runtime.out(
              `${result.ok ? 'ok      ' : 'TAMPERED'} ${organisationId}: ${result.entries} entries`,
            );
            for (const problem of result.problems)
              runtime.out(
                `  entry ${problem.seq} (${problem.entryId ?? 'head'}): ${problem.kind} — ${problem.detail}`,
              );
          }
        }
        await platform.db.close();
        if (broken > 0) process.exitCode = 1;
      }),
    );
};
