import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { describeValue } from '../../../modules/framework';
import { cliContext, DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

/** `mainstay framework …`: the standard, conformance and gap analysis from the command line. */
export const registerFrameworkCommands: CommandRegistrar = (program, runtime) => {
  const framework = commandGroup(
    program,
    'framework',
    'The national standard, local variations, conformance, gap analysis',
  );

  framework
    .command('gap-analysis')
    .description(
      "Compare an organisation's current settings (JSON, or CSV with setting,value) with the national standard",
    )
    .argument('<file>', 'settings file')
    .requiredOption('--org <code>', 'the organisation about to join')
    .option(...DATA_OPTION)
    .option('--json', 'print the analysis as one JSON line')
    .action(
      runCommand(async (file: string, options: { org: string; data?: string; json?: boolean }) => {
        const text = await readFile(file, 'utf8');
        const platform = await openPlatform(options, runtime.note);
        const analysis = await platform.runner.withTenant(cliContext(options.org), (tx) =>
          platform.framework.runGapAnalysis(tx, { fileName: basename(file), text }),
        );
        await platform.db.close();
        if (options.json) {
          runtime.out(JSON.stringify(analysis));
          return;
        }
        const { summary } = analysis;
        runtime.out(
          `${file} against standard ${analysis.standardVersion}: ${summary.differs} differ, ${summary['invalid-value']} invalid, ${summary['unknown-setting']} not in the standard, ${summary['not-supplied']} not supplied, ${summary.matches} match`,
        );
        for (const item of analysis.items.filter(
          (entry) => entry.status !== 'matches' && entry.status !== 'not-supplied',
        )) {
          runtime.out(
            `  ${item.status.padEnd(15)} ${item.title ?? item.settingKey}: today ${describeValue(item.currentValue)}, standard ${describeValue(item.standardValue)}`,
          );
          runtime.out(`                  ${item.message ?? `changing it affects: ${item.affects}`}`);
        }
      }),
    );

  framework
    .command('conformance')
    .description("An organisation's conformance to the standard and its variations")
    .requiredOption('--org <code>', 'organisation')
    .option(...DATA_OPTION)
    .option('--json', 'print the report as one JSON line')
    .action(
      runCommand(async (options: { org: string; data?: string; json?: boolean }) => {
        const platform = await openPlatform(options, runtime.note);
        const report = await platform.runner.withTenant(cliContext(options.org), (tx) =>
          platform.framework.conformance(tx, options.org),
        );
        await platform.db.close();
        if (options.json) {
          runtime.out(JSON.stringify(report));
          return;
        }
        runtime.out(
          `${options.org}: ${(report.share * 100).toFixed(0)}% on standard ${report.standardVersion} (${report.onStandard} of ${report.settingsCounted} settings)`,
        );
        for (const variation of report.variations) {
          runtime.out(
            `  ${variation.justified ? 'justified    ' : 'NOT JUSTIFIED'} ${variation.title}: ${describeValue(variation.value)} (standard ${describeValue(variation.standardValue)}) — ${variation.reason}`,
          );
          for (const concern of variation.concerns) runtime.out(`                ${concern}`);
        }
      }),
    );
};
