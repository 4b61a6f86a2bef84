import type { IsoDate } from '../../modules/insight';
import { asGenerator, asPerson, type DemoContext } from '../context';
import { JOINING } from '../world';
import { demoExtracts, JOINING_CHART } from './insight-world';

/**
 * Insight's demo: every trust's legacy extracts (workforce, purchase orders,
 * payments over £25,000, and the joining trust's general ledger) imported
 * through the ingestion service as the files would arrive, then one
 * harmonisation run across the system and a first analytical snapshot, so
 * the dashboards open at once. The planted problems are described in
 * insight-world.ts.
 */
export async function seedInsight(demo: DemoContext): Promise<{ files: number; rows: number }> {
  const { platform } = demo;
  const reportingDate = demo.asOf as string as IsoDate;
  // the joining trust's old chart, mapped onto the common chart, so its GL extract reads in common accounts
  await platform.runner.withTenant(asPerson(demo, JOINING.id, 'service.manager@mainstay.demo'), (tx) =>
    platform.ledger.importLegacyChart(tx, {
      fileName: `${JOINING.id.toLowerCase()}-legacy-chart.json`,
      text: JSON.stringify(JOINING_CHART.map(([code, name, mapsTo]) => ({ code, name, mapsTo }))),
    }),
  );
  const files = await demoExtracts(demo.random.fork('insight'), demo.scale, demo.asOf);
  let rows = 0;
  for (const file of files) {
    const outcome = await platform.runner.withTenant(asGenerator(file.organisationId), (tx) =>
      platform.insight.ingestion.importFile(tx, {
        bytes: file.bytes,
        fileName: file.fileName,
        kind: file.kind,
        source: file.source,
        reportingDate,
      }),
    );
    if (outcome.status === 'failed') {
      throw new Error(`demo extract ${file.fileName} was refused: ${outcome.error?.message}`);
    }
    rows += outcome.imported;
  }
  demo.progress(`  insight: ${files.length} legacy extracts, ${rows} rows imported`);
  const run = await platform.insight.harmonisation.run();
  demo.progress(
    `  insight: ${run.suppliers.records} supplier spellings → ${run.suppliers.groups} suppliers, ${run.items.records} items → ${run.items.groups} products`,
  );
  await platform.insight.refresh();
  return { files: files.length, rows };
}
