import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../apps/platform/platform';
import { ApiClient, createTestApp } from '../../../testing/api';
import { testEngines } from '../../../testing/database';
import { contextFor, createTestUser, openTestPlatform, seedTestSystem } from '../../../testing/platform';
import { ublInvoice } from './ubl.test-support';

type Problem = {
  code: string;
  detail: string;
  issues: { path: string; rule: string; message: string }[];
  outcomes?: unknown[];
};
type Outcome = {
  outcome: string;
  invoiceId?: string;
  status?: string;
  quarantineId?: string;
  alreadyReceived: boolean;
};

/** HMRC's published test-valid VAT number, so the real suppliers register accepts the sample seller. */
const VAT = 'GB999999973';
const xmlFor = (number: string, options: Partial<Parameters<typeof ublInvoice>[0]> = {}) =>
  ublInvoice({ number, orderReference: null, ...options }).xml.replaceAll('GB123456789', VAT);

describe.each(testEngines())('payables over HTTP on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  let app: ReturnType<typeof createTestApp>;
  let clerk: ApiClient;
  let cookie: string;

  const upload = async (body: BodyInit, contentType: string | null, query = '') => {
    const headers: Record<string, string> = {
      'Mainstay-Organisation': ids.trustA,
      cookie,
      origin: 'http://localhost',
    };
    if (contentType) headers['content-type'] = contentType;
    const response = await app.request(`/api/v1/payables/documents${query}`, {
      method: 'POST',
      headers,
      body,
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: (await response.json()) as Problem & { outcomes: Outcome[] },
    };
  };

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform, 'H');
    await createTestUser(platform, ids.trustA, 'clerk@example.nhs.uk', ['ap-clerk']);
    await createTestUser(platform, ids.trustA, 'holder@example.nhs.uk', ['budget-holder']);
    await platform.runner.withTenant(contextFor(ids.trustA), async (tx) => {
      await platform.suppliers.createSupplier(tx, {
        name: 'Medisupply UK Ltd',
        vatNumber: VAT,
        companiesHouseNumber: '01234567',
        contacts: [{ name: 'Accounts receivable', telephone: '0113 496 0000' }],
      });
    });
    app = createTestApp(platform);
    clerk = new ApiClient(app, { organisation: ids.trustA });
    const signedIn = await clerk.signIn('clerk@example.nhs.uk');
    cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  });
  afterAll(async () => platform.db.close());

  it('receives a raw XML invoice and queues it for coding when it quotes no order', async () => {
    const response = await upload(xmlFor('API-1', { seed: 51 }), 'application/xml', '?fileName=api-1.xml');
    expect(response.status).toBe(201);
    expect(response.body.outcomes).toEqual([
      expect.objectContaining({
        outcome: 'invoice',
        status: 'exception',
        exceptions: [expect.objectContaining({ reason: 'no-po' })],
      }),
    ]);
  });

  it('answers a quarantined upload with problem+json naming the file and the rule, and keeps it', async () => {
    const response = await upload('<Invoice><broken></Invoice>', 'application/xml', '?fileName=broken.xml');
    expect(response.status).toBe(422);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'INVOICE_QUARANTINED',
      issues: [
        expect.objectContaining({
          path: expect.stringContaining('broken.xml'),
          rule: 'MAINSTAY-XML-WELLFORMED',
        }),
      ],
    });
    const quarantined = await clerk.call<{ items: { fileName: string; ruleIds: string[] }[] }>(
      'GET',
      '/api/v1/payables/quarantine',
    );
    expect(quarantined.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fileName: 'broken.xml', ruleIds: ['MAINSTAY-XML-WELLFORMED'] }),
      ]),
    );
  });

  it('takes several files as a multipart form, keeping the good ones when one is bad', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([xmlFor('API-2', { seed: 52, issueDate: '2026-04-02' })], { type: 'application/xml' }),
      'api-2.xml',
    );
    form.append(
      'file',
      new Blob([xmlFor('API-3', { seed: 53, issueDate: '2026-04-03' }).replace('Invoice-2"', 'Invoice-9"')], {
        type: 'application/xml',
      }),
      'api-3.xml',
    );
    const response = await upload(form, null);
    expect(response.status).toBe(422);
    expect(response.body.issues.map((issue) => issue.rule)).toEqual(['MAINSTAY-UBL-NAMESPACE']);
    expect(response.body.outcomes).toEqual([
      expect.objectContaining({ fileName: 'api-2.xml', outcome: 'invoice' }),
      expect.objectContaining({ fileName: 'api-3.xml', outcome: 'quarantined' }),
    ]);
    const again = await upload(xmlFor('API-2', { seed: 52, issueDate: '2026-04-02' }), 'application/xml');
    expect(again.status).toBe(200);
    expect(again.body.outcomes[0]).toMatchObject({ alreadyReceived: true });
  });

  it('refuses an empty upload with a problem naming the body', async () => {
    const response = await upload(new Uint8Array(), 'application/xml');
    expect(response.status).toBe(422);
    expect(response.body.issues[0]?.rule).toBe('MAINSTAY-XML-EMPTY');
  });

  it('clears an exception in one call, then the budget holder approves the invoice', async () => {
    const queue = await clerk.call<{
      items: { id: string; reason: string; invoice: { invoiceNumber: string } }[];
    }>('GET', '/api/v1/payables/exceptions');
    const item = queue.body.items.find((entry) => entry.invoice.invoiceNumber === 'API-1')!;
    expect(item.reason).toBe('no-po');
    const refused = await clerk.call<Problem>('POST', `/api/v1/payables/exceptions/${item.id}/resolution`, {
      action: 'accept-variance',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('RESOLUTION_NOT_OFFERED');
    const coded = await clerk.call<{ invoiceId: string; invoiceStatus: string }>(
      'POST',
      `/api/v1/payables/exceptions/${item.id}/resolution`,
      {
        action: 'code-invoice',
        coding: { accountCode: '620100', costCentreCode: 'FIN01' },
      },
    );
    expect(coded.body.invoiceStatus).toBe('awaiting-approval');
    const holder = new ApiClient(app, { organisation: ids.trustA });
    await holder.signIn('holder@example.nhs.uk');
    const approved = await holder.call<{ status: string; approvedBy: string }>(
      'POST',
      `/api/v1/payables/invoices/${coded.body.invoiceId}/approval`,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const detail = await clerk.call<{ invoice: { journalId: string }; decisions: unknown[] }>(
      'GET',
      `/api/v1/payables/invoices/${coded.body.invoiceId}`,
    );
    expect(detail.body.invoice.journalId).toBeTruthy();
  });

  it('captures a paper invoice by hand, naming each field at fault', async () => {
    const supplierId = (
      await platform.runner.withTenant(contextFor(ids.trustA), (tx) => platform.suppliers.listSuppliers(tx))
    )[0]!.id;
    const bad = await clerk.call<Problem>('POST', '/api/v1/payables/invoices', {
      supplierId,
      invoiceNumber: 'PAPER-1',
      issueDate: '2026-06-01',
      vatPence: 9999,
      lines: [{ description: 'Window cleaning', quantity: '0', netPence: 12000, vatRateBasisPoints: 2000 }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((issue) => issue.path)).toEqual(['lines[0].quantity', 'vatPence']);
    const good = await clerk.call<{ outcomes: Outcome[] }>('POST', '/api/v1/payables/invoices', {
      supplierId,
      invoiceNumber: 'PAPER-1',
      issueDate: '2026-06-01',
      vatPence: 2400,
      lines: [
        {
          description: 'Window cleaning',
          quantity: '1',
          netPence: 12000,
          vatRateBasisPoints: 2000,
          accountCode: '630100',
          costCentreCode: 'FIN01',
        },
      ],
    });
    expect(good.status).toBe(201);
    expect(good.body.outcomes[0]).toMatchObject({ outcome: 'invoice', status: 'awaiting-approval' });
  });

  it('reports the measures over the API', async () => {
    const measures = await clerk.call<{
      invoices: { received: number };
      bppc: { targetBasisPoints: number };
    }>('GET', '/api/v1/payables/measures?from=2026-04-01&to=2027-03-31');
    expect(measures.status).toBe(200);
    expect(measures.body.invoices.received).toBeGreaterThanOrEqual(3);
    expect(measures.body.bppc.targetBasisPoints).toBe(9500);
  });

  it('keeps a payments officer’s routes from an AP clerk', async () => {
    const runs = await clerk.call<Problem>('POST', '/api/v1/payables/payment-runs', {});
    expect(runs.status).toBe(403);
    expect(runs.body.code).toBe('ROLE_REQUIRED');
  });
});
