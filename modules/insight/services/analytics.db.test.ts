import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../apps/platform/platform';
import { listAuditEntries } from '../../../kernel/audit';
import { pence } from '../../../kernel/money';
import { localDate } from '../../../kernel/time';
import { testEngines } from '../../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../../testing/platform';
import type { SourceKind } from '../domain/ingest';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

const PO_HEADER =
  'Order Date,PO Number,Line,Supplier,Item Description,Supplier Part No,GTIN,UOM,Pack Size,Qty,Unit Price,Line Total,Category,Contract';

const monthEnds = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'];

/** Staff in post at each month end: 20 on Ward 1 and 20 on Ward 2; Ward 1 loses 0, 1, 2, 3 then 4 people. */
function workforceFiles(risingOnWard1: boolean) {
  const snapshots: string[] = ['Employee Number,As At Date,Staff Group,Band,Team,FTE'];
  const leavers: string[] = ['Employee Number,Leaving Date,Staff Group,Team,Destination'];
  let next = 100;
  const ward1 = Array.from({ length: 20 }, (_, index) => `W1-${index}`);
  const ward2 = Array.from({ length: 20 }, (_, index) => `W2-${index}`);
  monthEnds.forEach((monthEnd, month) => {
    const leaving = risingOnWard1 ? month : month === 2 ? 1 : 0;
    for (let n = 0; n < leaving; n += 1) {
      const gone = ward1.shift() ?? '';
      leavers.push(`${gone},${monthEnd.slice(0, 8)}10,Nursing,Ward 1,Left the NHS`);
      ward1.push(`W1-${next++}`);
    }
    for (const id of ward1) snapshots.push(`${id},${monthEnd},Nursing,Band 5,Ward 1,1`);
    for (const id of ward2) snapshots.push(`${id},${monthEnd},Nursing,Band 5,Ward 2,1`);
  });
  return { snapshots: csv(snapshots), leavers: csv(leavers) };
}

describe.each(testEngines())('insight analytics on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const importAs = (organisationId: string, fileName: string, bytes: Uint8Array, kind: SourceKind) =>
    platform.runner.withTenant(contextFor(organisationId), (tx) =>
      platform.insight.ingestion.importFile(tx, { bytes, fileName, kind }),
    );
  const system = () => ({
    organisationIds: [ids.icb, ids.trustA, ids.trustB],
    actor: { kind: 'system' as const, id: 'test' },
  });

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
    await importAs(
      ids.trustA,
      'a.csv',
      csv([
        PO_HEADER,
        '01/05/2026,PA1,1,Medline International Ltd,Nitrile gloves medium box 100,MD-100,05012345678900,BOX,100,10,5.00,50.00,Gloves,NHSSC-1',
        '02/05/2026,PA2,1,Medline International Ltd,Nitrile gloves medium box 100,MD-100,05012345678900,BOX,100,10,5.00,50.00,Gloves,NHSSC-1',
      ]),
      'po-lines',
    );
    await importAs(
      ids.trustB,
      'b.csv',
      csv([
        PO_HEADER,
        '03/05/2026,PB1,1,MEDLINE INTERNATIONAL LIMITED,Gloves nitrile med (100),X77,05012345678900,BOX,100,10,9.00,90.00,Gloves,',
      ]),
      'po-lines',
    );
    await importAs(
      ids.trustA,
      'spend-a.csv',
      csv([
        'Date,Supplier,Company Number,Amount',
        '04/05/2026,Northshire Linen Services Ltd,05123456,"30,000.00"',
        '05/05/2026,NLS Healthcare Laundry,05123456,"31,000.00"',
        '06/05/2026,Thornbury Nursing Services Ltd,05166788,"40,000.00"',
      ]),
      'spend',
    );
    await importAs(
      ids.trustB,
      'spend-b.csv',
      csv(['Date,Supplier,Amount', '07/05/2026,Thornbury Nursing,"45,000.00"']),
      'spend',
    );
    const rising = workforceFiles(true);
    const steady = workforceFiles(false);
    await importAs(ids.trustA, 'sip-a.csv', rising.snapshots, 'staff-in-post');
    await importAs(ids.trustA, 'leavers-a.csv', rising.leavers, 'leavers');
    await importAs(ids.trustB, 'sip-b.csv', steady.snapshots, 'staff-in-post');
    await importAs(ids.trustB, 'leavers-b.csv', steady.leavers, 'leavers');
    await platform.insight.harmonisation.run();
  });
  afterAll(async () => {
    platform.insight.close();
    await platform.db.close();
  });

  it('shows each organisation the price it paid against its system, naming no other organisation', async () => {
    const variation = await platform.insight.analytics.priceVariation(contextFor(ids.trustB), {});
    expect(variation.items).toHaveLength(1);
    const [item] = variation.items;
    expect(item?.minPricePence).toBeCloseTo(5, 6);
    expect(item?.maxPricePence).toBeCloseTo(9, 6);
    expect(item?.benchmarkPricePence).toBeCloseTo(5, 6);
    expect(item?.savingIfBenchmarkPence).toBe(4000n);
    expect(item?.prices.map((price) => price.id)).toEqual([null, ids.trustB]);
    expect(variation.dataQuality.label).toBeDefined();
  });

  it('names every member in a system view', async () => {
    const variation = await platform.insight.analytics.priceVariation(system(), {});
    expect(variation.items[0]?.prices.map((price) => price.name)).toEqual([
      'T Acute Trust',
      'T Community Trust',
    ]);
    // the median of 5p and 9p a glove is 7p: the Community Trust's 1,000 at 2p over the median
    expect(variation.savingIfMedianPence).toBe(2000n);
  });

  it('adds up spend by category and supplier with the unified supplier name, and drills to the rows', async () => {
    const spend = await platform.insight.analytics.spend(system(), {
      dimension: 'supplier',
      source: 'spend',
    });
    const linen = spend.rows.find((row) => row.label === 'Northshire Linen Services Ltd');
    expect(linen?.valuePence).toBe(6_100_000n);
    const drill = await platform.insight.analytics.drill(system(), { kind: 'spend', supplier: linen?.key });
    expect(drill.rows.map((row) => row.supplier).sort()).toEqual([
      'NLS Healthcare Laundry',
      'Northshire Linen Services Ltd',
    ]);
    expect(drill.rows.every((row) => row.source_file === 'spend-a.csv')).toBe(true);
  });

  it('finds a supplier under two names with one Companies House number', async () => {
    const consolidation = await platform.insight.analytics.consolidation(system(), {});
    expect(consolidation.supplierNameVariants).toContainEqual(
      expect.objectContaining({
        names: ['NLS Healthcare Laundry', 'Northshire Linen Services Ltd'],
        reason: 'companies-house-number',
      }),
    );
  });

  it('queues an uncertain supplier match for the organisation whose record it is; a decision is audited and kept', async () => {
    const [review] = await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      platform.insight.harmonisation.reviews(tx, { status: 'open' }),
    );
    expect(review).toMatchObject({
      subject: 'supplier',
      recordName: 'Thornbury Nursing',
      candidateName: 'Thornbury Nursing Services Ltd',
    });
    await platform.runner.withTenant(contextFor(ids.trustB, 'usr_buyer'), (tx) =>
      platform.insight.harmonisation.decide(tx, review?.id ?? '', {
        accept: true,
        reason: 'same agency, our old spelling',
      }),
    );
    await expect(
      platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
        platform.insight.harmonisation.decide(tx, review?.id ?? '', {
          accept: false,
          reason: 'changed my mind',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INSIGHT_REVIEW_DECIDED' });
    await platform.insight.harmonisation.run();
    const spend = await platform.insight.analytics.spend(system(), {
      dimension: 'supplier',
      source: 'spend',
    });
    expect(spend.rows.find((row) => row.label === 'Thornbury Nursing Services Ltd')?.valuePence).toBe(
      8_500_000n,
    );
    const audit = await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      listAuditEntries(tx, { limit: 50 }),
    );
    expect(audit.find((entry) => entry.action === 'insight.match.accepted')).toMatchObject({
      reason: 'same agency, our old spelling',
    });
  });

  it('measures turnover by team against the ICS median', async () => {
    const report = await platform.insight.analytics.workforce(system(), {
      level: 'team',
      from: '2026-02',
      to: '2026-05',
    });
    const ward1 = report.rows.find((row) => row.organisation === ids.trustA && row.group === 'Ward 1');
    // 1 + 2 + 3 + 4 leavers from an average of 20 staff
    expect(ward1).toMatchObject({ headcountStart: 20, headcountEnd: 20, leavers: 10 });
    expect(ward1?.turnover.value).toBeCloseTo(0.5, 12);
    expect(ward1?.icsMedian.turnover).toBeCloseTo(0.025, 12);
  });

  it('raises a team alert that says what triggered it when turnover rises month after month', async () => {
    const warning = await platform.insight.analytics.earlyWarning(system(), {
      from: '2026-01',
      to: '2026-05',
    });
    const alert = warning.teamAlerts.find((entry) => entry.team === 'Ward 1' && entry.measure === 'turnover');
    expect(alert).toMatchObject({ organisation: ids.trustA, severity: 'alert' });
    expect(alert?.message).toContain(
      'staff turnover rose for 5 consecutive months: 0.0% → 5.0% → 10.0% → 15.0% → 20.0%',
    );
    expect(
      warning.teamAlerts.some((entry) => entry.organisation === ids.trustB && entry.measure === 'turnover'),
    ).toBe(false);
  });

  it('shows the shared service’s KPIs for every member, from the modules that measure them, and says which are not yet measured', async () => {
    const kpis = await platform.insight.analytics.kpis(contextFor(ids.trustA), {
      from: '2026-04',
      to: '2026-06',
    });
    const touchless = kpis.kpis.find((kpi) => kpi.kpi === 'touchless-invoice-rate');
    expect(touchless).toMatchObject({ available: true, module: 'payables' });
    expect(touchless?.organisations.map((organisation) => organisation.id)).toEqual([ids.trustA, ids.trustB]);
    expect(touchless?.organisations[0]).toMatchObject({
      value: null,
      sample: 0,
      note: 'nothing measured in the period',
    });
    expect(kpis.kpis.find((kpi) => kpi.kpi === 'requisition-to-order-hours')?.available).toBe(true);
    expect(kpis.kpis.find((kpi) => kpi.kpi === 'payslip-accuracy')).toMatchObject({
      available: false,
      organisations: [
        expect.objectContaining({ note: 'payroll is not yet running on Mainstay' }),
        expect.anything(),
      ],
    });
  });

  it('benchmarks corporate costs per £100m of income from the ledger’s corporate cost centres', async () => {
    await platform.runner.withTenant(contextFor(ids.trustA), async (tx) => {
      await platform.ledger.saveCostCentre(tx, {
        code: 'FIN02',
        name: 'Finance',
        division: 'Corporate: Finance',
      });
      await platform.ledger.postJournals(tx, [
        {
          accountingDate: localDate('2026-05-31'),
          reasonCode: 'INCOME',
          description: 'Contract income',
          sourceModule: 'test',
          sourceId: 'income',
          lines: [
            { accountCode: '130100', side: 'debit', amountPence: pence(1_000_000_000) },
            {
              accountCode: '410100',
              costCentreCode: 'WARD1',
              side: 'credit',
              amountPence: pence(1_000_000_000),
            },
          ],
        },
        {
          accountingDate: localDate('2026-05-31'),
          reasonCode: 'MANUAL',
          description: 'Finance team pay',
          sourceModule: 'test',
          sourceId: 'finance-pay',
          lines: [
            { accountCode: '510100', costCentreCode: 'FIN02', side: 'debit', amountPence: pence(40_000_000) },
            { accountCode: '140100', side: 'credit', amountPence: pence(40_000_000) },
          ],
        },
      ]);
    });
    await platform.insight.refresh({ force: true });
    const costs = await platform.insight.analytics.corporateCosts(system(), {
      from: '2026-04',
      to: '2026-06',
    });
    const trustA = costs.organisations.find((row) => row.organisation === ids.trustA);
    // £400,000 of finance cost on £10m of income: £4m per £100m
    expect(trustA?.costs.finance).toBe(40_000_000n);
    expect(trustA?.perHundredMillion.total.value).toBe(400_000_000n);
    expect(trustA?.dataQuality.label).toBe('fit-for-automation');
  });
});
