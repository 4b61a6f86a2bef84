import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../apps/platform/platform';
import { listAuditEntries } from '../../../kernel/audit';
import { testEngines } from '../../../testing/database';
import { fixturePath } from '../../../testing/fixtures';
import { contextFor, openTestPlatform } from '../../../testing/platform';
import type { IsoDate, SourceKind } from '../domain/ingest';

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`);

const SPEND_FILES = readdirSync(fixturePath('spend')).filter((name) => name.endsWith('.csv'));

describe.each(testEngines())('insight ingestion on %s', (engine) => {
  let platform: Platform;
  const importAs = (
    organisationId: string,
    fileName: string,
    bytes: Uint8Array,
    kind: SourceKind = 'spend',
    extra: { source?: string; asAt?: IsoDate } = {},
  ) =>
    platform.runner.withTenant(contextFor(organisationId), (tx) =>
      platform.insight.ingestion.importFile(tx, { bytes, fileName, kind, ...extra }),
    );
  const count = async (organisationId: string, table: string) =>
    (
      await platform.db.query<{ n: bigint }>(
        `select count(*)::int8 as n from insight.${table} where organisation_id = $1`,
        [organisationId],
      )
    ).rows[0]?.n;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
  });
  afterAll(async () => {
    platform.insight.close();
    await platform.db.close();
  });

  it.each(SPEND_FILES)(
    'imports every row of the real file %s, stores each once, and totals it exactly',
    async (file) => {
      const bytes = readFileSync(fixturePath('spend', file));
      const organisationId = `X${file
        .slice(0, 6)
        .toUpperCase()
        .replace(/[^A-Z]/g, 'X')}`;
      const first = await importAs(organisationId, file, bytes);
      expect(first.status).toBe('imported');
      expect(first.imported + first.rejected).toBe(first.rows);
      expect(first.rejected).toBe(0);
      const stored = await platform.db.query<{ total: bigint }>(
        'select coalesce(sum(amount_pence), 0)::int8 as total from insight.spend_line where batch_id = $1',
        [first.batchId],
      );
      expect(stored.rows[0]?.total).toBe(first.totalPence);
      const again = await importAs(organisationId, file, bytes);
      expect(again).toMatchObject({
        status: 'repeat',
        batchId: first.batchId,
        rows: first.rows,
        imported: first.imported,
        newRows: 0,
        totalPence: first.totalPence,
      });
    },
  );

  it('registers an organisation it has never heard of as external', async () => {
    await importAs('RNEW1', 'a.csv', csv(['Date,Supplier,Amount', '01/04/2026,Acme Ltd,10.00']));
    expect(await platform.organisations.getOrganisation('RNEW1')).toMatchObject({ status: 'external' });
  });

  it('stores a row seen in an earlier file once, and says how many were already held', async () => {
    await importAs(
      'RDUP',
      'april.csv',
      csv(['Date,Supplier,Amount', '01/04/2026,Acme Ltd,10.00', '02/04/2026,Beta Ltd,20.00']),
    );
    const overlap = await importAs(
      'RDUP',
      'april-again.csv',
      csv(['Date,Supplier,Amount', '02/04/2026,Beta Ltd,20.00', '03/04/2026,Gamma Ltd,30.00']),
    );
    expect(overlap).toMatchObject({ rows: 2, imported: 2, newRows: 1, alreadyPresent: 1, totalPence: 5000n });
    expect(await count('RDUP', 'spend_line')).toBe(3n);
  });

  it('refuses a file missing a required column as a whole: nothing imported, every row kept with the reason', async () => {
    const refused = await importAs(
      'RBAD',
      'no-amount.csv',
      csv(['Date,Supplier', '01/04/2026,Acme Ltd', '02/04/2026,Beta Ltd']),
    );
    expect(refused).toMatchObject({ status: 'failed', rows: 2, imported: 0, rejected: 2 });
    expect(refused.error?.code).toBe('ingest-missing-required-column');
    expect(await count('RBAD', 'spend_line')).toBe(0n);
    const download = await platform.runner.withTenant(contextFor('RBAD'), (tx) =>
      platform.insight.ingestion.rejectionsCsv(tx, refused.batchId),
    );
    expect(download.csv.split('\r\n')[1]).toMatch(/^2,"the file was refused: .*Amount/);
  });

  it('keeps each bad row with its reasons and imports the rest, in one transaction', async () => {
    const outcome = await importAs(
      'RMIX',
      'mixed.csv',
      csv([
        'Date,Supplier,Amount',
        '01/04/2026,Acme Ltd,10.00',
        '31/02/2026,Beta Ltd,20.00',
        '03/04/2026,,30.00',
      ]),
    );
    expect(outcome).toMatchObject({ rows: 3, imported: 1, rejected: 2 });
    const reasons = await platform.runner.withTenant(contextFor('RMIX'), (tx) =>
      platform.insight.ingestion.rejectionsCsv(tx, outcome.batchId),
    );
    const lines = reasons.csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^4,Supplier: /);
  });

  it('saves the detected mapping, reuses it, and reports a changed header', async () => {
    const april = await importAs(
      'RMAP',
      'april.csv',
      csv(['Date Paid,Supplier Name,Amount', '01/04/2026,Acme Ltd,1']),
    );
    expect(april.profile).toMatchObject({ change: 'new', status: 'detected', version: 1 });
    const may = await importAs(
      'RMAP',
      'may.csv',
      csv(['Date Paid,Supplier Name,Amount', '01/05/2026,Acme Ltd,2']),
    );
    expect(may.profile?.change).toBe('reused');
    const june = await importAs(
      'RMAP',
      'june.csv',
      csv(['Payment Date,Supplier Name,Amount', '01/06/2026,Acme Ltd,3']),
    );
    expect(june.profile).toMatchObject({
      change: 'changed',
      newHeaders: ['Payment Date'],
      missingHeaders: ['Date Paid'],
    });
    const [saved] = await platform.runner.withTenant(contextFor('RMAP'), (tx) =>
      platform.insight.ingestion.profiles(tx),
    );
    expect(saved).toMatchObject({ source: 'spend', status: 'detected', version: 2 });
  });

  it('lets a person confirm a mapping, audited, and reads the next file with it', async () => {
    const first = await importAs('RCON', 'a.csv', csv(['When,Who,How Much', '01/04/2026,Acme Ltd,1']));
    expect(first.status).toBe('failed');
    await importAs('RCON', 'seed.csv', csv(['Date,Supplier,Amount', '01/04/2026,Acme Ltd,1']));
    await platform.runner.withTenant(contextFor('RCON'), (tx) =>
      platform.insight.ingestion.confirmProfile(tx, 'spend', {
        version: 1,
        kind: 'spend',
        columns: [
          { header: 'When', field: 'date', confidence: 1, match: 'manual' },
          { header: 'Who', field: 'supplier', confidence: 1, match: 'manual' },
          { header: 'How Much', field: 'amount', confidence: 1, match: 'manual' },
        ],
        ignoredHeaders: [],
      }),
    );
    const retried = await importAs('RCON', 'a2.csv', csv(['When,Who,How Much', '02/04/2026,Acme Ltd,5']));
    expect(retried).toMatchObject({ status: 'imported', imported: 1, totalPence: 500n });
    const audit = await platform.runner.withTenant(contextFor('RCON'), (tx) =>
      listAuditEntries(tx, { limit: 20 }),
    );
    expect(audit.map((entry) => entry.action)).toContain('insight.profile.confirmed');
  });

  it('adds the legacy accounts of a GL extract to the ledger’s legacy chart, to be mapped there', async () => {
    const outcome = await importAs(
      'RGL',
      'gl.csv',
      csv([
        'Account,Account Description,Period,Amount',
        '5000,Substantive salaries,2026-04,1000.00',
        '6000,Clinical supplies,2026-04,250.00',
      ]),
      'gl',
    );
    expect(outcome).toMatchObject({ imported: 2, totalPence: 125_000n });
    const mappings = await platform.runner.withTenant(contextFor('RGL'), (tx) =>
      platform.ledger.legacyMappings(tx),
    );
    expect(mappings.map((mapping) => [mapping.legacyCode, mapping.accountCode])).toEqual([
      ['5000', null],
      ['6000', null],
    ]);
  });

  it('imports a staff-in-post snapshot with its as-at date given for the whole file', async () => {
    const outcome = await importAs(
      'RWF',
      'sip.csv',
      csv([
        'Employee Number,Staff Group,Band,Team,FTE',
        'E1,Nursing,Band 5,Ward 1,1',
        'E2,Nursing,Band 6,Ward 1,0.8',
      ]),
      'staff-in-post',
      { asAt: '2026-04-30' as IsoDate },
    );
    expect(outcome).toMatchObject({ imported: 2, rejected: 0 });
    const stored = await platform.db.query<{ record_date: string }>(
      "select record_date::text from insight.workforce_record where organisation_id = 'RWF'",
    );
    expect(stored.rows.map((row) => row.record_date)).toEqual(['2026-04-30', '2026-04-30']);
  });

  it('labels each import with what its data is fit for', async () => {
    const fresh = await importAs(
      'RQUAL',
      'fresh.csv',
      csv([
        'Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount',
        '01/06/2026,Drugs,Pharmacy,Acme Ltd,T1,1',
      ]),
    );
    expect(fresh.quality?.label).toBe('fit-for-automation');
    const stale = await importAs(
      'RQUAL',
      'stale.csv',
      csv([
        'Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount',
        '01/06/2020,Drugs,Pharmacy,Acme Ltd,T1,1',
      ]),
    );
    expect(stale.quality?.label).toBe('not-fit');
    expect(stale.quality?.reasons[0]).toMatch(/^timeliness 0 is below 0.8/);
  });

  it('shows an organisation only its own imports', async () => {
    const other = await platform.runner.withTenant(contextFor('RQUAL'), (tx) =>
      platform.insight.ingestion.batches(tx),
    );
    expect(new Set(other.map((batch) => batch.organisationId))).toEqual(new Set(['RQUAL']));
  });
});
