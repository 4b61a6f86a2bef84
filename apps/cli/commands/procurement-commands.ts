import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { toApiJson } from '../../../kernel/http';
import { cliContext, DATA_OPTION, openPlatform } from '../platform-runtime';
import { runCommand } from '../run-command';

/**
 * `mainstay catalogue import FILE...`, `mainstay procurement measures` and
 * `mainstay procurement order-xml`: catalogue price files in bulk, the
 * shared-service measures, and a purchase order as PEPPOL XML.
 */
export const registerProcurementCommands: CommandRegistrar = (program, runtime) => {
  commandGroup(program, 'catalogue', 'The catalogue: national and local items, contracts')
    .command('import')
    .description(
      'Import catalogue items from CSV or XLSX price files; refused rows are kept with their reasons (exit 1 when any is refused)',
    )
    .argument('<files...>', 'CSV or XLSX files')
    .requiredOption(
      '--org <code>',
      'organisation importing (the shared-service provider for the national catalogue)',
    )
    .option('--scope <scope>', 'national or local', 'local')
    .option('--rejections <dir>', 'write each file’s refused rows as <file>-rejections.csv into this folder')
    .option('--json', 'one JSON line per file')
    .option(...DATA_OPTION)
    .action(
      runCommand(
        async (
          files: string[],
          options: { org: string; scope: string; rejections?: string; json?: boolean; data?: string },
        ) => {
          if (options.scope !== 'national' && options.scope !== 'local') {
            throw new Error(`--scope must be national or local, not "${options.scope}"`);
          }
          const scope = options.scope;
          const platform = await openPlatform(options, runtime.note);
          let refused = 0;
          try {
            for (const file of files) {
              const bytes = await readFile(file);
              const content = /\.xlsx$/i.test(file) ? new Uint8Array(bytes) : bytes.toString('utf8');
              const report = await platform.runner.withTenant(cliContext(options.org), (tx) =>
                platform.procurement.importCatalogue(tx, { fileName: basename(file), content, scope }),
              );
              refused += report.rejected;
              if (options.rejections && report.rejected > 0) {
                const csv = await platform.runner.withTenant(cliContext(options.org), (tx) =>
                  platform.procurement.catalogueRejectionsCsv(tx, report.importId),
                );
                await writeFile(
                  `${options.rejections}/${basename(file).replace(/\.\w+$/, '')}-rejections.csv`,
                  csv,
                );
              }
              if (options.json) {
                runtime.out(JSON.stringify(toApiJson({ file, ...report })));
              } else {
                runtime.out(
                  `${file}: ${report.accepted} of ${report.rowsRead} rows imported, ${report.rejected} refused`,
                );
                for (const rejection of report.rejections.slice(0, 20)) {
                  for (const issue of rejection.issues)
                    runtime.out(`  ${issue.path}: ${issue.message} (${issue.rule})`);
                }
                if (report.rejections.length > 20)
                  runtime.out(`  … and ${report.rejections.length - 20} more rows`);
              }
            }
          } finally {
            await platform.db.close();
          }
          if (refused > 0) process.exitCode = 1;
        },
      ),
    );

  const procurement = commandGroup(
    program,
    'procurement',
    'Requisitions, purchase orders and their measures',
  );

  procurement
    .command('measures')
    .description(
      'Touchless order rate, requisition-to-order time and counts for an organisation over a date range',
    )
    .requiredOption('--org <code>', 'organisation')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--json', 'one JSON line')
    .option(...DATA_OPTION)
    .action(
      runCommand(
        async (options: { org: string; from: string; to: string; json?: boolean; data?: string }) => {
          const platform = await openPlatform(options, runtime.note);
          try {
            const measures = await platform.runner.withTenant(cliContext(options.org), (tx) =>
              platform.procurement.measures(tx, { from: options.from, to: options.to }),
            );
            if (options.json) runtime.out(JSON.stringify(measures));
            else {
              const rate =
                measures.touchlessRate === null ? '—' : `${(measures.touchlessRate * 100).toFixed(1)}%`;
              runtime.out(`${measures.organisationId} ${measures.from} to ${measures.to}`);
              runtime.out(
                `  purchase orders ${measures.purchaseOrdersRaised}, touchless ${measures.touchlessPurchaseOrders} (${rate})`,
              );
              runtime.out(
                `  requisition to order: median ${measures.requisitionToOrderSeconds.median ?? '—'} s, p90 ${measures.requisitionToOrderSeconds.p90 ?? '—'} s`,
              );
              runtime.out(
                `  requisitions ${measures.requisitionsSubmitted}, waiting ${measures.requisitionsAwaitingApproval}, rejected ${measures.requisitionsRejected}; receipts ${measures.goodsReceipts}`,
              );
            }
          } finally {
            await platform.db.close();
          }
        },
      ),
    );

  procurement
    .command('order-xml')
    .description('A purchase order as PEPPOL BIS Ordering 3 (UBL Order) XML on standard output')
    .argument('<number>', 'the order number, e.g. RN1-PO-000042')
    .requiredOption('--org <code>', 'organisation')
    .option(...DATA_OPTION)
    .action(
      runCommand(async (number: string, options: { org: string; data?: string }) => {
        const platform = await openPlatform(options, runtime.note);
        try {
          const xml = await platform.runner.withTenant(cliContext(options.org), async (tx) => {
            const order = await platform.procurement.purchaseOrderForMatching(tx, number);
            if (!order) throw new Error(`No purchase order ${number} at ${options.org}`);
            return platform.procurement.orderXml(tx, order.id);
          });
          runtime.out(xml);
        } finally {
          await platform.db.close();
        }
      }),
    );
};
