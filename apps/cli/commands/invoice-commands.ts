import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { notFound } from '../../../kernel/errors';
import type { TenantContext } from '../../../kernel/tenancy';
import type { IncomingFile, IngestOutcome } from '../../../modules/payables';
import { processInbox, watchInbox } from '../../../modules/payables/inbox/inbox';
import { inputFinding } from '../../../standards/peppol-ubl';
import type { Platform } from '../../platform/platform';
import { DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

const BATCH = 200;

type Reason = { rule: string; severity: string; message: string; location: string };

/** One line per file: what became of it and, for a quarantined or unreadable file, every rule it broke. */
type Line = {
  file: string;
  outcome: 'invoice' | 'quarantined' | 'failed';
  alreadyReceived?: boolean;
  invoiceId?: string;
  invoiceNumber?: string;
  supplierName?: string;
  status?: string;
  exceptions?: { reason: string; rule: string; detail: string }[];
  quarantineId?: string;
  reasons?: Reason[];
  rejectionSubject?: string;
};

function lineOf(file: string, outcome: IngestOutcome): Line {
  if (outcome.outcome === 'invoice') {
    return {
      file,
      outcome: 'invoice',
      alreadyReceived: outcome.alreadyReceived,
      invoiceId: outcome.invoiceId,
      invoiceNumber: outcome.invoiceNumber,
      supplierName: outcome.supplierName,
      status: outcome.status,
      exceptions: outcome.exceptions,
    };
  }
  return {
    file,
    outcome: 'quarantined',
    alreadyReceived: outcome.alreadyReceived,
    quarantineId: outcome.quarantineId,
    reasons: outcome.reasons,
    rejectionSubject: outcome.rejection.subject,
  };
}

const plain = (message: string) => message.replace(/^\[[^\]]+\]-\s*/, '');

async function actingFor(
  platform: Platform,
  organisationId: string,
  command: string,
): Promise<{ ctx: TenantContext; name: string }> {
  const organisation = await platform.organisations.findOrganisation(organisationId);
  if (!organisation)
    throw notFound('ORGANISATION_NOT_FOUND', `No organisation ${organisationId}: give its code with --org`);
  return {
    ctx: {
      organisationId,
      actor: { kind: 'system', id: `cli:${command}`, displayName: `mainstay invoice ${command}` },
    },
    name: organisation.name,
  };
}

function summaryOf(line: Line): string {
  const before = line.alreadyReceived ? ' (received before)' : '';
  if (line.outcome === 'invoice') {
    const exceptions = (line.exceptions ?? []).map((e) => e.reason).join(', ');
    return `accepted    ${line.file}: ${line.invoiceNumber} from ${line.supplierName} (${line.status}${exceptions ? `: ${exceptions}` : ''})${before}`;
  }
  const fatal = (line.reasons ?? []).filter((r) => r.severity === 'fatal');
  const rules = [...new Set(fatal.map((r) => r.rule))].join(', ');
  const label = line.outcome === 'failed' ? 'FAILED     ' : 'QUARANTINED';
  return `${label} ${line.file}: ${rules} — ${plain(fatal[0]?.message ?? '')}${before}`;
}

/** `mainstay invoice import FILE... --org CODE` and `mainstay invoice watch DIR --org CODE`. */
export const registerInvoiceCommands: CommandRegistrar = (program, runtime) => {
  const invoice = commandGroup(program, 'invoice', 'Supplier invoices: validate, import');

  invoice
    .command('import')
    .description(
      'Receive PEPPOL BIS Billing 3.0 UBL invoices and credit notes for an organisation: one line per file with the outcome and reason; exit 1 when any file was quarantined or failed',
    )
    .argument('<files...>', 'UBL XML files')
    .requiredOption('--org <code>', 'the organisation the invoices are addressed to')
    .option('--json', 'print one JSON line per file')
    .option(...DATA_OPTION)
    .action(
      runCommand(async (files: string[], options: { org: string; json?: boolean; data?: string }) => {
        const platform = await openPlatform(options, runtime.note);
        try {
          const { ctx, name } = await actingFor(platform, options.org, 'import');
          let problems = 0;
          const print = (line: Line) => {
            if (line.outcome !== 'invoice') problems += 1;
            runtime.out(
              options.json
                ? JSON.stringify(line, (_key, value) => (typeof value === 'bigint' ? Number(value) : value))
                : summaryOf(line),
            );
          };
          for (let start = 0; start < files.length; start += BATCH) {
            const paths = files.slice(start, start + BATCH);
            const lines: (Line | null)[] = [];
            const batch: { index: number; path: string; file: IncomingFile }[] = [];
            for (const [index, path] of paths.entries()) {
              try {
                const content = new Uint8Array(await readFile(path));
                batch.push({ index, path, file: { fileName: basename(path), content, channel: 'cli' } });
                lines.push(null);
              } catch (error) {
                const finding = inputFinding('MAINSTAY-FILE-READ', (error as Error).message);
                lines.push({ file: path, outcome: 'failed', reasons: [finding] });
              }
            }
            const outcomes = await platform.runner.withTenant(ctx, (tx) =>
              platform.payables.receiveDocuments(
                tx,
                batch.map((entry) => entry.file),
                { organisationName: name },
              ),
            );
            outcomes.forEach((outcome, position) => {
              const entry = batch[position]!;
              lines[entry.index] = lineOf(entry.path, outcome);
            });
            for (const line of lines) if (line) print(line);
            if (files.length > BATCH)
              runtime.note(`${Math.min(start + BATCH, files.length)} of ${files.length} files`);
          }
          if (!options.json) runtime.note(`${files.length - problems} of ${files.length} accepted`);
          process.exitCode = problems > 0 ? 1 : 0;
        } finally {
          await platform.db.close();
        }
      }),
    );

  invoice
    .command('watch')
    .description(
      'Watch a folder: each settled file is received for the organisation and moved to processed/ or quarantine/ (with its reasons); safe to stop and restart',
    )
    .argument('<dir>', 'the inbox folder')
    .requiredOption('--org <code>', 'the organisation the invoices are addressed to')
    .option('--interval <seconds>', 'seconds between passes', '5')
    .option('--once', 'one pass, then stop')
    .option(...DATA_OPTION)
    .action(
      runCommand(
        async (
          directory: string,
          options: { org: string; interval: string; once?: boolean; data?: string },
        ) => {
          const intervalSeconds = Number(options.interval);
          if (!(intervalSeconds > 0))
            throw new Error(`--interval must be a number of seconds above 0, not "${options.interval}"`);
          const platform = await openPlatform(options, runtime.note);
          try {
            const { ctx, name } = await actingFor(platform, options.org, 'watch');
            const receive = (files: IncomingFile[]) =>
              platform.runner.withTenant(ctx, (tx) =>
                platform.payables.receiveDocuments(tx, files, { organisationName: name }),
              );
            const inbox = { directory, log: runtime.out };
            if (options.once) {
              const result = await processInbox({ ...inbox, settleMs: 0 }, receive);
              runtime.note(
                `${result.picked} file(s): ${result.accepted} accepted, ${result.quarantined} quarantined`,
              );
              process.exitCode = result.quarantined > 0 ? 1 : 0;
              return;
            }
            const stop = new AbortController();
            process.once('SIGINT', () => stop.abort());
            process.once('SIGTERM', () => stop.abort());
            runtime.note(
              `Watching ${directory} for ${options.org} every ${intervalSeconds} s (Ctrl-C to stop)`,
            );
            await watchInbox({ ...inbox, intervalMs: intervalSeconds * 1000, signal: stop.signal }, receive);
          } finally {
            await platform.db.close();
          }
        },
      ),
    );
};
