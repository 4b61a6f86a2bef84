import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../apps/platform/platform';
import { ApiClient, createTestApp } from '../../../testing/api';
import { testEngines } from '../../../testing/database';
import { createTestUser, openTestPlatform, seedTestSystem } from '../../../testing/platform';

const base64 = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64');

const PO_HEADER =
  'Order Date,PO Number,Line,Supplier,Item Description,Supplier Part No,GTIN,UOM,Pack Size,Qty,Unit Price,Line Total,Category,Contract';

type Outcome = { batchId: string; rows: number; imported: number; rejected: number; status: string };

describe.each(testEngines())('insight HTTP API on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  let buyerA: ApiClient;
  let buyerB: ApiClient;
  let leader: ApiClient;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
    await createTestUser(platform, ids.trustA, 'buyer.a@example.nhs.uk', ['procurement-officer']);
    await createTestUser(platform, ids.trustB, 'buyer.b@example.nhs.uk', [
      'procurement-officer',
      'shared-service-manager',
    ]);
    await createTestUser(platform, ids.icb, 'leader@example.nhs.uk', ['system-leader']);
    buyerA = new ApiClient(createTestApp(platform), { organisation: ids.trustA });
    await buyerA.signIn('buyer.a@example.nhs.uk');
    buyerB = new ApiClient(createTestApp(platform), { organisation: ids.trustB });
    await buyerB.signIn('buyer.b@example.nhs.uk');
    leader = new ApiClient(createTestApp(platform));
    await leader.signIn('leader@example.nhs.uk');
  });
  afterAll(async () => {
    platform.insight.close();
    await platform.db.close();
  });

  it('imports a file, keeps its rejected row downloadable, and stores nothing twice on a repeat', async () => {
    const body = {
      kind: 'po-lines',
      fileName: 'orders-may.csv',
      contentBase64: base64([
        PO_HEADER,
        '01/05/2026,PA1,1,Medline International Ltd,Nitrile gloves medium box 100,MD-100,05012345678900,BOX,100,10,5.00,50.00,Gloves,NHSSC-1',
        '02/05/2026,PA2,1,Medline International Ltd,Nitrile gloves medium box 100,MD-100,05012345678900,BOX,100,10,5.00,50.00,Gloves,NHSSC-1',
        '31/02/2026,PA3,1,Medline International Ltd,Aprons,AP-1,,EACH,1,1,1.00,1.00,Aprons,',
      ]),
    };
    const first = await buyerA.call<Outcome>('POST', '/api/v1/insight/imports', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 3, imported: 2, rejected: 1, status: 'imported' });
    const again = await buyerA.call<Outcome>('POST', '/api/v1/insight/imports', body);
    expect(again.body).toMatchObject({ rows: 3, imported: 2, rejected: 1, status: 'repeat', newRows: 0 });
    const csv = await buyerA.call<string>('GET', `/api/v1/insight/imports/${first.body.batchId}/rejections`);
    expect(csv.status).toBe(200);
    expect(csv.body.split('\r\n')[1]).toMatch(/^4,/);
    const list = await buyerA.call<{ items: { id: string; qualityLabel: { label: string } }[] }>(
      'GET',
      '/api/v1/insight/imports',
    );
    expect(list.body.items.map((item) => item.id)).toEqual([first.body.batchId]);
  });

  it('lets a system leader see every member by name while a trust sees its peers only in aggregate', async () => {
    await buyerB.call('POST', '/api/v1/insight/imports', {
      kind: 'po-lines',
      fileName: 'b.csv',
      contentBase64: base64([
        PO_HEADER,
        '03/05/2026,PB1,1,MEDLINE INTERNATIONAL LIMITED,Gloves nitrile med (100),X77,05012345678900,BOX,100,10,9.00,90.00,Gloves,',
      ]),
    });
    const run = await buyerB.call<{ items: { groups: number } }>(
      'POST',
      '/api/v1/insight/harmonisation/runs',
    );
    expect(run.status).toBe(200);
    const own = await buyerB.call<{ items: { prices: { id: string | null }[] }[] }>(
      'GET',
      '/api/v1/insight/price-variation',
    );
    expect(own.status).toBe(200);
    expect(own.body.items[0]?.prices.map((price) => price.id)).toEqual([null, ids.trustB]);
    const system = await leader.call<{ items: { prices: { id: string | null }[] }[] }>(
      'GET',
      `/api/v1/systems/${ids.icb}/insight/price-variation`,
    );
    expect(system.status).toBe(200);
    expect(system.body.items[0]?.prices.map((price) => price.id)).toEqual([ids.trustA, ids.trustB]);
    const refused = await buyerA.call('GET', `/api/v1/systems/${ids.icb}/insight/price-variation`);
    expect(refused.status).toBe(403);
  });

  it.each([
    'coverage',
    'spend?dimension=supplier',
    'off-contract',
    'supplier-consolidation',
    'workforce?level=team',
    'early-warning',
    'corporate-costs',
    'kpis',
    'drill?kind=po-lines&offContract=true',
  ])('answers %s for an organisation and for its system, as the document says', async (route) => {
    expect((await buyerA.call('GET', `/api/v1/insight/${route}`)).status).toBe(200);
    expect((await leader.call('GET', `/api/v1/systems/${ids.icb}/insight/${route}`)).status).toBe(200);
  });

  it('refuses a malformed month with a problem naming the filter', async () => {
    const response = await buyerA.call<{ code: string; issues: { path: string }[] }>(
      'GET',
      '/api/v1/insight/spend?from=2026-13',
    );
    expect(response.status).toBe(400);
    expect(response.body.issues[0]?.path).toBe('query.from');
  });
});
