import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { parse as parseCsv } from 'csv-parse/sync';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { invalid, type ValidationIssue } from '../../../kernel/errors';
import { toApiJson } from '../../../kernel/http';
import { type Pence, parsePounds } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import {
  type JournalInput,
  type JournalLineInput,
  REASON_CODES,
  type ReasonCode,
} from '../../../modules/ledger';
import { cliContext, DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

const BATCH = 500;

type JournalRejection = {
  journal: string;
  code: string;
  message: string;
  issues: readonly ValidationIssue[];
};

/**
 * Reads a journal CSV: one row per line, grouped into journals by the
 * `journal` column; amounts in pounds in `debit` or `credit`. Rows that cannot
 * be read make their whole journal a rejection (a half journal would not balance).
 */
export function readJournalCsv(
  fileName: string,
  text: string,
): { journals: Map<string, JournalInput>; rejections: JournalRejection[] } {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const required = ['journal', 'date', 'account', 'debit', 'credit'];
  const missing = required.filter((column) => !(rows[0] && column in rows[0]));
  if (rows.length > 0 && missing.length > 0) {
    throw invalid(
      'JOURNAL_FILE_MALFORMED',
      `${fileName} lacks the column(s) ${missing.join(', ')}`,
      missing.map((column) => ({
        path: 'header',
        rule: 'csv-column-required',
        message: `No "${column}" column`,
      })),
    );
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const journals = new Map<string, JournalInput>();
  const broken = new Map<string, ValidationIssue[]>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const reference = row.journal ?? '';
    const issues: ValidationIssue[] = [];
    const debit = row.debit ? parsePounds(row.debit) : null;
    const credit = row.credit ? parsePounds(row.credit) : null;
    if (debit && !debit.ok)
      issues.push({ path: `line ${line}, debit`, rule: 'amount-format', message: debit.reason });
    if (credit && !credit.ok)
      issues.push({ path: `line ${line}, credit`, rule: 'amount-format', message: credit.reason });
    if (!debit === !credit)
      issues.push({
        path: `line ${line}`,
        rule: 'one-side',
        message: 'Give an amount in debit or in credit, not both or neither',
      });
    const reason = (row.reason || 'MANUAL').toUpperCase();
    if (!(REASON_CODES as readonly string[]).includes(reason))
      issues.push({
        path: `line ${line}, reason`,
        rule: 'reason-code-known',
        message: `Unknown reason code ${reason}`,
      });
    if (issues.length > 0 || !reference) {
      broken.set(reference || `line ${line}`, [
        ...(broken.get(reference) ?? []),
        ...issues,
        ...(reference
          ? []
          : [
              {
                path: `line ${line}, journal`,
                rule: 'journal-reference-required',
                message: 'Every row names its journal',
              },
            ]),
      ]);
      return;
    }
    const journal = journals.get(reference) ?? {
      accountingDate: row.date as LocalDate,
      sourceModule: 'ledger-import',
      sourceId: `${basename(fileName)}:${reference}`,
      idempotencyKey: `ledger-import:${hash}:${reference}`,
      reasonCode: reason as ReasonCode,
      description: row.description || `Imported from ${basename(fileName)}`,
      lines: [],
    };
    const amount = (debit?.ok ? debit.pence : credit?.ok ? credit.pence : 0n) as Pence;
    const entry: JournalLineInput = {
      accountCode: row.account ?? '',
      costCentreCode: row.cost_centre || null,
      side: debit ? 'debit' : 'credit',
      amountPence: amount,
      description: row.line_description || null,
    };
    journal.lines.push(entry);
    journals.set(reference, journal);
  });
  for (const reference of broken.keys()) journals.delete(reference);
  return {
    journals,
    rejections: [...broken].map(([journal, issues]) => ({
      journal,
      code: 'JOURNAL_ROWS_INVALID',
      message: 'Rows of this journal could not be read',
      issues,
    })),
  };
}

/** `mainstay ledger …`: batch work for finance teams. */
export const registerLedgerCommands: CommandRegistrar = (program, runtime) => {
  const ledger = commandGroup(program, 'ledger', 'General ledger: import charts and journals, trial balance');

  ledger
    .command('import-chart')
    .description(
      "Import an organisation's legacy chart of accounts (CSV: code, name, optional maps to) and report what is unmapped",
    )
    .argument('<file>', 'CSV or JSON file')
    .requiredOption('--org <code>', 'organisation the chart belongs to')
    .option(...DATA_OPTION)
    .option('--json', 'print the result as one JSON line')
    .action(
      runCommand(async (file: string, options: { org: string; data?: string; json?: boolean }) => {
        const text = await readFile(file, 'utf8');
        const platform = await openPlatform(options, runtime.note);
        const result = await platform.runner.withTenant(cliContext(options.org), (tx) =>
          platform.ledger.importLegacyChart(tx, { fileName: basename(file), text }),
        );
        await platform.db.close();
        if (options.json) runtime.out(JSON.stringify({ file, ...result }));
        else {
          runtime.out(
            `${file}: ${result.inserted} new, ${result.updated} updated, ${result.mapped} mapped, ${result.unmapped.length} unmapped, ${result.rejections.length} rejected`,
          );
          for (const row of result.unmapped)
            runtime.out(
              `  unmapped ${row.code} ${row.name}${row.suggestion ? ` (perhaps ${row.suggestion.accountCode} ${row.suggestion.accountName})` : ''}`,
            );
          for (const row of result.rejections)
            runtime.out(`  line ${row.line}: ${row.issues.map((issue) => issue.message).join('; ')}`);
        }
        if (result.rejections.length > 0) process.exitCode = 1;
      }),
    );

  ledger
    .command('import-journals')
    .description(
      'Post journals from a CSV (journal, date, description, reason, account, cost_centre, debit, credit); re-importing the same file posts nothing twice',
    )
    .argument('<file>', 'CSV file, one row per journal line')
    .requiredOption('--org <code>', 'organisation to post for')
    .option(...DATA_OPTION)
    .option('--json', 'print the result as one JSON line')
    .action(
      runCommand(async (file: string, options: { org: string; data?: string; json?: boolean }) => {
        const { journals, rejections } = readJournalCsv(file, await readFile(file, 'utf8'));
        const total = journals.size + rejections.length;
        const platform = await openPlatform(options, runtime.note);
        const entries = [...journals];
        const bar =
          process.stderr.isTTY && !options.json
            ? new SingleBar({ format: 'posting {bar} {value}/{total} journals' })
            : null;
        bar?.start(entries.length, 0);
        let posted = 0;
        for (let start = 0; start < entries.length; start += BATCH) {
          const batch = entries.slice(start, start + BATCH);
          const problems = await platform.runner.withTenant(cliContext(options.org), async (tx) => {
            const found = await platform.ledger.checkJournals(
              tx,
              batch.map(([, journal]) => journal),
            );
            const valid = batch.filter((_, index) => found[index] === null).map(([, journal]) => journal);
            await platform.ledger.postJournals(tx, valid);
            return found;
          });
          problems.forEach((problem, index) => {
            if (problem)
              rejections.push({
                journal: batch[index]![0],
                code: problem.code,
                message: problem.message,
                issues: problem.issues,
              });
            else posted += 1;
          });
          bar?.update(Math.min(start + BATCH, entries.length));
        }
        bar?.stop();
        await platform.db.close();
        const summary = { file, journals: total, posted, rejected: rejections.length, rejections };
        if (options.json) runtime.out(JSON.stringify(summary));
        else {
          runtime.out(
            `${file}: ${posted} journals posted (already-posted ones are not posted again), ${rejections.length} rejected`,
          );
          for (const rejection of rejections) {
            runtime.out(`  journal ${rejection.journal}: ${rejection.message} [${rejection.code}]`);
            for (const issue of rejection.issues) runtime.out(`    ${issue.path}: ${issue.message}`);
          }
        }
        if (rejections.length > 0) process.exitCode = 1;
      }),
    );

  ledger
    .command('trial-balance')
    .description('Print the trial balance of an organisation for an accounting period')
    .requiredOption('--org <code>', 'organisation')
    .requiredOption('--period <key>', 'accounting period, e.g. 2026-27/P08')
    .option(...DATA_OPTION)
    .option('--json', 'print the trial balance as one JSON line (pence)')
    .action(
      runCommand(async (options: { org: string; period: string; data?: string; json?: boolean }) => {
        const platform = await openPlatform(options, runtime.note);
        const tb = await platform.runner.withTenant(cliContext(options.org), (tx) =>
          platform.ledger.trialBalance(tx, options.period),
        );
        await platform.db.close();
        if (options.json) {
          runtime.out(JSON.stringify(toApiJson(tb)));
          return;
        }
        for (const line of tb.lines)
          runtime.out(
            `${line.accountCode} ${line.accountName.padEnd(60)} ${String(line.closingPence).padStart(16)}`,
          );
        runtime.out(tb.balanced ? 'Balanced.' : 'DOES NOT BALANCE.');
      }),
    );
};
