import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { ApiClient, createTestApp } from '../../testing/api';
import { testEngines } from '../../testing/database';
import { openTestPlatform } from '../../testing/platform';
import { buildProcurementWorld, type ProcurementWorld } from './fixtures/test-world';

type Problem = { code: string; issues: { path: string; rule: string }[] };
type Outcome = {
  requisition: { id: string; status: string };
  purchaseOrders: { id: string; number: string; lines: { orderedQuantity: string }[] }[];
};

describe.each(testEngines())('procurement and suppliers over HTTP on %s', (engine) => {
  let platform: Platform;
  let world: ProcurementWorld;
  const signedIn = async (name: string) => {
    const client = new ApiClient(createTestApp(platform), { organisation: world.ids.trustA });
    await client.signIn(`${name}.h@example.nhs.uk`);
    return client;
  };

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    world = await buildProcurementWorld(platform, 'H');
  });
  afterAll(async () => platform.db.close());

  it('orders from the catalogue: search, submit, a touchless order, a retry that changes nothing', async () => {
    const requester = await signedIn('requester');
    const search = await requester.call<{ items: { id: string; onContract: boolean; pricePence: number }[] }>(
      'GET',
      '/api/v1/procurement/catalogue?q=gloves',
    );
    expect(search.status).toBe(200);
    expect(search.body.items[0]).toMatchObject({
      id: world.national.gloves,
      onContract: true,
      pricePence: 485,
    });
    const body = { lines: [{ itemId: world.national.gloves, quantity: 4, costCentreCode: 'WARD1' }] };
    const first = await requester.call<Outcome>('POST', '/api/v1/procurement/requisitions', body, {
      'Idempotency-Key': 'basket-1',
    });
    expect(first.status).toBe(201);
    expect(first.body.requisition.status).toBe('ordered');
    expect(first.body.purchaseOrders[0]!.lines[0]!.orderedQuantity).toBe('4');
    const retry = await requester.call<Outcome>('POST', '/api/v1/procurement/requisitions', body, {
      'Idempotency-Key': 'basket-1',
    });
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retry.body.requisition.id).toBe(first.body.requisition.id);

    const order = first.body.purchaseOrders[0]!;
    const matching = await requester.call<{ lines: { orderedQuantity: string }[] }>(
      'GET',
      `/api/v1/procurement/matching/purchase-orders?reference=${encodeURIComponent(order.number)}`,
    );
    expect(matching.status).toBe(200);
    const xml = await requester.call<string>(
      'GET',
      `/api/v1/procurement/purchase-orders/${order.id}/order.xml`,
    );
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.body).toContain(order.number);
  });

  it('answers bad input with problem+json naming the field and rule', async () => {
    const requester = await signedIn('requester');
    const bad = await requester.call<Problem>('POST', '/api/v1/procurement/requisitions', {
      lines: [{ itemId: world.national.gloves, quantity: 0, costCentreCode: 'NOPE' }],
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.issues.map((issue) => `${issue.path}:${issue.rule}`)).toEqual([
      'lines[0].quantity:quantity-positive',
      'lines[0].costCentreCode:cost-centre-known',
    ]);
    const missing = await requester.call<Problem>('GET', '/api/v1/procurement/purchase-orders/po_nothing');
    expect(missing).toMatchObject({ status: 404, body: { code: 'PURCHASE_ORDER_NOT_FOUND' } });
  });

  it('routes a requisition for approval, refuses self-approval, and lets the approver decide with a reason', async () => {
    const requester = await signedIn('requester');
    const submitted = await requester.call<Outcome>('POST', '/api/v1/procurement/requisitions', {
      lines: [{ itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' }],
    });
    expect(submitted.body.requisition.status).toBe('pending-approval');
    const id = submitted.body.requisition.id;
    const self = await requester.call<Problem>('POST', `/api/v1/procurement/requisitions/${id}/decisions`, {
      decision: 'approved',
    });
    expect(self).toMatchObject({ status: 403, body: { code: 'SELF_APPROVAL' } });
    const approver = await signedIn('approver');
    const queue = await approver.call<{ items: { id: string }[] }>('GET', '/api/v1/procurement/approvals');
    expect(queue.body.items.map((item) => item.id)).toContain(id);
    const decided = await approver.call<Outcome>('POST', `/api/v1/procurement/requisitions/${id}/decisions`, {
      decision: 'approved',
    });
    expect(decided.status).toBe(201);
    expect(decided.body.purchaseOrders).toHaveLength(1);

    const stores = await signedIn('stores');
    const receipt = await stores.call<{ lines: { quantity: string; valuePence: number }[] }>(
      'POST',
      `/api/v1/procurement/purchase-orders/${decided.body.purchaseOrders[0]!.id}/receipts`,
      { lines: [{ lineNo: 1, quantity: '1' }] },
    );
    expect(receipt.status).toBe(201);
    expect(receipt.body.lines[0]).toEqual(expect.objectContaining({ quantity: '1', valuePence: 659_100 }));
  });

  it('imports a catalogue file and serves its rejections as CSV', async () => {
    const stores = await signedIn('stores');
    const report = await stores.call<{ importId: string; rejected: number }>(
      'POST',
      '/api/v1/procurement/catalogue-imports',
      {
        fileName: 'bad.csv',
        content:
          'gtin,description,supplier_item_code,supplier_vat_number,unit,pack_size,category,list_price\n123,Thing,T1,GB999999973,EA,1,IC-PPE,1.00\n',
      },
    );
    expect(report).toMatchObject({ status: 201, body: { rejected: 1 } });
    const csv = await stores.call<string>(
      'GET',
      `/api/v1/procurement/catalogue-imports/${report.body.importId}/rejections.csv`,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('gtin-too-short');
  });

  it('holds a supplier bank change for a second person over the API', async () => {
    const stores = await signedIn('stores');
    const supplier = await stores.call<{ id: string; contacts: { id: string }[] }>(
      'GET',
      `/api/v1/suppliers/${world.local.medline}`,
    );
    const change = await stores.call<{ id: string; status: string }>(
      'POST',
      `/api/v1/suppliers/${world.local.medline}/bank-detail-changes`,
      {
        sortCode: '20-00-00',
        accountNumber: '55779911',
        accountName: 'Medline Industries Ltd',
        source: 'Letter on letterhead',
      },
    );
    expect(change.body.status).toBe('pending');
    const same = await stores.call<Problem>(
      'POST',
      `/api/v1/suppliers/${world.local.medline}/bank-detail-changes/${change.body.id}/verification`,
      { contactId: supplier.body.contacts[0]!.id, outcome: 'confirmed', note: 'Called' },
    );
    expect(same).toMatchObject({ status: 403, body: { code: 'BANK_VERIFIER_SAME_PERSON' } });
  });
});
