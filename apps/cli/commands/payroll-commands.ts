import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { notFound } from '../../../kernel/errors';
import { formatPounds } from '../../../kernel/money';
import type { TenantContext } from '../../../kernel/tenancy';
import type { Platform } from '../../platform/platform';
import { cliContext, DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

type CommonOptions = { data?: string; org: string; as?: string };

const ORGANISATION_OPTION = ['--org <code>', 'the organisation whose payroll this is'] as const;
const AS_OPTION = [
  '--as <email>',
  'act as this person (segregation of duties: the preparer cannot approve)',
] as const;

async function actorFor(platform: Platform, options: CommonOptions): Promise<TenantContext> {
  if (!options.as) return cliContext(options.org);
  const user = await platform.organisations.findUserByEmail(options.as);
  if (!user) throw notFound('USER_NOT_FOUND', `No user ${options.as}`);
  return {
    organisationId: options.org,
    actor: { kind: 'user', id: user.id, displayName: user.displayName },
  };
}

const pounds = (pence: number) => formatPounds(BigInt(pence));

/**
 * `mainstay payroll run …`, `payroll claims import`, `payroll bacs` and
 * `payroll fps`: pay runs from the command line, for batch work and for runs
 * too large to wait on in a browser. A calculation stopped part way (Ctrl-C,
 * a crash) is finished by running `payroll run calculate` again.
 */
export const registerPayrollCommands: CommandRegistrar = (program, runtime) => {
  const payroll = commandGroup(program, 'payroll', 'Payroll: calculation, pay runs, payslips');
  const run = payroll.command('run').description('Pay runs: create, calculate, approve, commit, status');

  const withPlatform = <O extends CommonOptions>(
    work: (platform: Platform, ctx: TenantContext, options: O, ...args: string[]) => Promise<void>,
  ) =>
    runCommand(async (...args: unknown[]) => {
      const options = args.find((arg) => typeof arg === 'object' && arg !== null && 'org' in arg) as O;
      const positional = args.filter((arg): arg is string => typeof arg === 'string');
      const platform = await openPlatform(options, runtime.note);
      try {
        await work(platform, await actorFor(platform, options), options, ...positional);
      } finally {
        await platform.db.close();
      }
    });

  run
    .command('create')
    .description('Create a main pay run (or a supplementary one for named employees)')
    .option(...DATA_OPTION)
    .requiredOption(...ORGANISATION_OPTION)
    .option(...AS_OPTION)
    .option('--frequency <frequency>', 'weekly, fortnightly, four-weekly or monthly', 'monthly')
    .requiredOption('--tax-year <year>', 'e.g. 2026-27')
    .requiredOption('--period <n>', 'the n-th pay day of the tax year (monthly: the n-th month from April)')
    .option('--supplementary <employeeIds>', 'comma-separated employee ids: a supplementary run for them')
    .action(
      withPlatform<
        CommonOptions & { frequency: string; taxYear: string; period: string; supplementary?: string }
      >(async (platform, ctx, options) => {
        const created = await platform.runner.withTenant(ctx, (tx) =>
          platform.payroll.createRun(tx, {
            payFrequency: options.frequency,
            taxYear: options.taxYear,
            period: Number(options.period),
            kind: options.supplementary ? 'supplementary' : 'main',
            employeeIds: options.supplementary?.split(',').map((id) => id.trim()),
          }),
        );
        runtime.out(created.id);
        runtime.note(
          `Created ${created.kind} run ${created.id}: ${created.periodStart} to ${created.periodEnd}, paid ${created.payDate}`,
        );
      }),
    );

  run
    .command('calculate')
    .description('Calculate (preview) a run batch by batch; run it again to finish one that was stopped')
    .argument('<runId>')
    .option(...DATA_OPTION)
    .requiredOption(...ORGANISATION_OPTION)
    .option(...AS_OPTION)
    .option('--batch-size <n>', 'employees per transaction', '5000')
    .option('--recalculate', 'start again from the records as they are now')
    .action(
      withPlatform<CommonOptions & { batchSize: string; recalculate?: boolean }>(
        async (platform, ctx, options, runId = '') => {
          const summary = await platform.payroll.previewRun(ctx, runId, {
            batchSize: Number(options.batchSize),
            recalculate: options.recalculate ?? false,
            concurrency: platform.db.engine === 'postgres' ? 2 : 1,
            onBatch: (done, of) => runtime.note(`calculated batch ${done} of ${of}`),
          });
          runtime.out(JSON.stringify(summary));
          runtime.note(
            `${summary.payslips} payslips, net pay ${pounds(summary.totals.netPay)}; ${summary.withIssues} employee(s) with bad input; variances ${JSON.stringify(summary.variances)}`,
          );
        },
      ),
    );

  for (const [name, description] of [
    ['approve', 'Approve a calculated run (someone other than the preparer: use --as)'],
    ['commit', 'Commit an approved run: payslips final, claims paid, journal posted'],
    ['status', 'Show a run'],
  ] as const) {
    run
      .command(name)
      .description(description)
      .argument('<runId>')
      .option(...DATA_OPTION)
      .requiredOption(...ORGANISATION_OPTION)
      .option(...AS_OPTION)
      .action(
        withPlatform(async (platform, ctx, _options, runId = '') => {
          const result =
            name === 'approve'
              ? await platform.runner.withTenant(ctx, (tx) => platform.payroll.approveRun(tx, runId))
              : name === 'commit'
                ? await platform.payroll.commitRun(ctx, runId)
                : await platform.runner.withTenant(ctx, (tx) => platform.payroll.run(tx, runId));
          runtime.out(
            JSON.stringify({
              id: result.id,
              status: result.status,
              journalId: result.journalId,
              preview: result.preview,
              totals: result.totals,
            }),
          );
        }),
      );
  }

  payroll
    .command('claims')
    .description('Timesheets and claims')
    .command('import')
    .description('Import a timesheet CSV; rows that cannot be read are kept with their reasons')
    .argument('<file>')
    .option(...DATA_OPTION)
    .requiredOption(...ORGANISATION_OPTION)
    .option(...AS_OPTION)
    .action(
      withPlatform(async (platform, ctx, _options, file = '') => {
        const text = await readFile(file, 'utf8');
        const result = await platform.runner.withTenant(ctx, (tx) =>
          platform.payroll.importClaimsCsv(tx, { fileName: basename(file), text }),
        );
        runtime.out(JSON.stringify(result));
        runtime.note(`Imported ${result.imported} claim(s); ${result.rejections.length} row(s) rejected`);
        for (const rejection of result.rejections) {
          for (const issue of rejection.issues) runtime.note(`  ${issue.path}: ${issue.message}`);
        }
        if (result.rejections.length > 0) process.exitCode = 1;
      }),
    );

  for (const [name, description] of [
    ['bacs', 'Write the net pay Bacs Standard 18 file of a committed run'],
    ['fps', 'Write the HMRC RTI Full Payment Submission of a committed run'],
  ] as const) {
    payroll
      .command(name)
      .description(description)
      .argument('<runId>')
      .option(...DATA_OPTION)
      .requiredOption(...ORGANISATION_OPTION)
      .option('--out <file>', 'write to this file (default: standard output)')
      .action(
        withPlatform<CommonOptions & { out?: string }>(async (platform, ctx, options, runId = '') => {
          const text = await platform.runner.withTenant(ctx, async (tx) =>
            name === 'bacs'
              ? (await platform.payroll.bacsFile(tx, runId)).text
              : (await platform.payroll.fullPaymentSubmission(tx, runId)).xml,
          );
          if (options.out) {
            await writeFile(options.out, text);
            runtime.note(`Wrote ${options.out}`);
          } else process.stdout.write(text);
        }),
      );
  }
};
