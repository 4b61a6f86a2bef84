import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type CliRuntime, type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { badRequest } from '../../../kernel/errors';
import { penceToNumber } from '../../../kernel/money';
import { assertOrganisationId, type TenantContext } from '../../../kernel/tenancy';
import { isLocalDate } from '../../../kernel/time';
import { type ImportOutcome, type IsoDate, SOURCE_KINDS, type SourceKind } from '../../../modules/insight';
import type { Platform } from '../../platform/platform';
import { DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

type ImportOptions = {
  org: string;
  json?: boolean;
  source?: string;
  orgName?: string;
  asAt?: string;
  sheet?: string;
  data?: string;
};

const WORKFORCE_KINDS = SOURCE_KINDS.filter(
  (kind) => kind !== 'spend' && kind !== 'po-lines' && kind !== 'gl',
) as SourceKind[];

const cliContext = (organisationId: string): TenantContext => ({
  organisationId,
  actor: { kind: 'system', id: 'cli', displayName: 'mainstay insight (command line)' },
});

/**
 * The contract's line first (file, rows, imported, rejected, totalPence), then
 * what else happened. On a repeat, `imported` counts the rows the file put in
 * the store (so imported + rejected = rows still holds) and `newRows` is 0.
 */
function jsonLine(file: string, outcome: ImportOutcome): string {
  return JSON.stringify({
    file,
    rows: outcome.rows,
    imported: outcome.imported,
    rejected: outcome.rejected,
    totalPence: outcome.totalPence === null ? 0 : penceToNumber(outcome.totalPence),
    status: outcome.status,
    newRows: outcome.newRows,
    alreadyPresent: outcome.alreadyPresent,
    batchId: outcome.batchId,
    kind: outcome.kind,
    quality: outcome.quality && { label: outcome.quality.label, scores: outcome.quality.scores },
    profile: outcome.profile,
    warnings: outcome.warnings,
    ...(outcome.error ? { error: outcome.error } : {}),
  });
}

function reportLines(file: string, outcome: ImportOutcome): string[] {
  const pounds =
    outcome.totalPence === null ? '' : `, £${(penceToNumber(outcome.totalPence) / 100).toFixed(2)}`;
  const head =
    outcome.status === 'failed'
      ? `${file}: refused — ${outcome.error?.message}`
      : outcome.status === 'repeat'
        ? `${file}: already imported (${outcome.imported} rows); nothing stored again`
        : `${file}: ${outcome.rows} rows, ${outcome.imported} imported (${outcome.newRows} new), ${outcome.rejected} rejected${pounds}`;
  const lines = [head];
  if (outcome.quality) lines.push(`  data quality: ${outcome.quality.labelText}`);
  for (const reason of outcome.quality?.reasons.slice(0, 3) ?? []) lines.push(`    ${reason}`);
  if (outcome.profile && outcome.profile.change !== 'reused') {
    lines.push(
      `  column mapping "${outcome.profile.source}": ${outcome.profile.change}, ${outcome.profile.status}`,
    );
  }
  for (const warning of outcome.warnings) lines.push(`  warning: ${warning.message}`);
  return lines;
}

async function importFiles(
  platform: Platform,
  kind: SourceKind,
  files: readonly string[],
  options: ImportOptions,
  runtime: CliRuntime,
): Promise<boolean> {
  const organisationId = assertOrganisationId(options.org);
  if (options.asAt !== undefined && !isLocalDate(options.asAt)) {
    throw badRequest('invalid-option', `--as-at must be a date written YYYY-MM-DD, not "${options.asAt}"`);
  }
  let allRead = true;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch {
      allRead = false;
      const error = { code: 'file-not-found', message: `Cannot read the file "${file}"`, issues: [] };
      if (options.json)
        runtime.out(JSON.stringify({ file, rows: 0, imported: 0, rejected: 0, totalPence: 0, error }));
      else runtime.note(`${file}: ${error.message}`);
      continue;
    }
    const outcome = await platform.runner.withTenant(cliContext(organisationId), (tx) =>
      platform.insight.ingestion.importFile(tx, {
        bytes,
        fileName: file.split(/[\\/]/).at(-1) ?? file,
        kind,
        ...(options.source ? { source: options.source } : {}),
        ...(options.orgName ? { organisationName: options.orgName } : {}),
        ...(options.asAt ? { asAt: options.asAt as IsoDate } : {}),
        ...(options.sheet ? { sheet: options.sheet } : {}),
      }),
    );
    if (outcome.status === 'failed') allRead = false;
    if (options.json) runtime.out(jsonLine(file, outcome));
    else for (const line of reportLines(file, outcome)) runtime.out(line);
  }
  return allRead;
}

function importCommand(
  insight: Command,
  runtime: CliRuntime,
  name: string,
  description: string,
  kindOf: (options: ImportOptions & { kind?: string }) => SourceKind,
  extra: (command: Command) => Command = (command) => command,
): void {
  extra(
    insight
      .command(name)
      .description(description)
      .argument('<files...>', 'CSV or XLSX files')
      .requiredOption('--org <code>', 'the organisation the data belongs to (registered as external if new)')
      .option('--json', 'one JSON line per file')
      .option('--source <name>', 'the feed the files come from; its column mapping is saved under this name')
      .option('--org-name <name>', "the organisation's name, when Mainstay does not know it yet")
      .option('--sheet <name>', 'the worksheet to read from a workbook')
      .option(...DATA_OPTION),
  ).action(
    runCommand(async (files: string[], options: ImportOptions & { kind?: string }) => {
      const kind = kindOf(options);
      const platform = await openPlatform(options, runtime.note);
      try {
        const ok = await importFiles(platform, kind, files, options, runtime);
        if (!ok) process.exitCode = 1;
      } finally {
        await platform.db.close();
      }
    }),
  );
}

/** `mainstay insight import-spend|import-po-lines|import-gl|import-workforce|harmonise`: legacy extracts into Insight. */
export const registerInsightCommands: CommandRegistrar = (program, runtime) => {
  const insight = commandGroup(program, 'insight', 'Operational insight: import, harmonise, analyse');
  insight
    .command('harmonise')
    .description(
      'Resolve suppliers and unify catalogue items across every organisation now; uncertain matches go to review',
    )
    .option('--json', 'one JSON line of what the run found')
    .option(...DATA_OPTION)
    .action(
      runCommand(async (options: { json?: boolean; data?: string }) => {
        const platform = await openPlatform(options, runtime.note);
        try {
          const run = await platform.insight.harmonisation.run();
          if (options.json) runtime.out(JSON.stringify(run));
          else {
            runtime.out(
              `${run.suppliers.records} supplier spellings → ${run.suppliers.groups} suppliers (${run.suppliers.toReview} to review)`,
            );
            runtime.out(
              `${run.items.records} catalogue items → ${run.items.groups} products (${run.items.toReview} to review)`,
            );
          }
        } finally {
          platform.insight.close();
          await platform.db.close();
        }
      }),
    );
  importCommand(
    insight,
    runtime,
    'import-spend',
    'Import "spend over £25,000" files (HM Treasury layout and local variants)',
    () => 'spend',
  );
  importCommand(insight, runtime, 'import-po-lines', 'Import purchase-order line extracts', () => 'po-lines');
  importCommand(insight, runtime, 'import-gl', 'Import general-ledger extracts', () => 'gl');
  importCommand(
    insight,
    runtime,
    'import-workforce',
    `Import workforce extracts (--kind ${WORKFORCE_KINDS.join(', ')})`,
    (options) => {
      const kind = WORKFORCE_KINDS.find((candidate) => candidate === options.kind);
      if (!kind) {
        throw badRequest(
          'invalid-option',
          `--kind must be one of ${WORKFORCE_KINDS.join(', ')}, not "${options.kind ?? ''}"`,
        );
      }
      return kind;
    },
    (command) =>
      command
        .requiredOption('--kind <kind>', `the extract: ${WORKFORCE_KINDS.join(', ')}`)
        .option('--as-at <date>', 'the as-at date of a staff-in-post snapshot without an as-at column'),
  );
};
