import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestApp } from '../../testing/api';
import { testEngines } from '../../testing/database';
import { contextFor, createTestUser, openTestPlatform, seedTestSystem } from '../../testing/platform';
import type { Platform } from '../platform/platform';

type Problem = { code: string; issues: { path: string; rule: string; message: string }[]; detail: string };

const journalBody = (amountPence: number) => ({
  accountingDate: '2026-06-12',
  reasonCode: 'MANUAL',
  description: 'Correct miscoded drugs spend',
  lines: [
    { accountCode: '610200', costCentreCode: 'WARD1', side: 'debit', amountPence },
    { accountCode: '610100', costCentreCode: 'WARD1', side: 'credit', amountPence },
  ],
});

describe.each(testEngines())('HTTP API on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  let api: ApiClient;
  let controllerA: ApiClient;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
    await createTestUser(platform, ids.trustA, 'controller.a@example.nhs.uk', [
      'finance-controller',
      'auditor',
      'administrator',
    ]);
    await createTestUser(platform, ids.trustB, 'controller.b@example.nhs.uk', [
      'finance-controller',
      'auditor',
      'administrator',
    ]);
    await createTestUser(platform, ids.trustA, 'da@example.nhs.uk', ['design-authority']);
    await createTestUser(platform, ids.icb, 'leader@example.nhs.uk', ['system-leader']);
    api = new ApiClient(createTestApp(platform));
    controllerA = api.as({ organisation: ids.trustA });
    await controllerA.signIn('controller.a@example.nhs.uk');
  });
  afterAll(async () => platform.db.close());

  it('answers /health and serves an OpenAPI 3.1 document and a browsable reference', async () => {
    const app = createTestApp(platform);
    expect(await (await app.request('/health')).json()).toMatchObject({ status: 'ok', database: engine });
    const document = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/ledger/journals', '/api/v1/framework/gap-analyses']),
    );
    expect(await (await app.request('/docs')).text()).toContain('/openapi.json');
  });

  it('refuses a request without an organisation with a problem naming what is missing', async () => {
    const response = await controllerA
      .as({ organisation: undefined })
      .call<Problem>('GET', '/api/v1/ledger/periods');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'ORGANISATION_REQUIRED',
      issues: [{ path: 'organisation' }],
    });
  });

  it('refuses a signed-out request', async () => {
    const response = await new ApiClient(createTestApp(platform)).call<Problem>(
      'GET',
      '/api/v1/ledger/periods',
      undefined,
      {
        'Mainstay-Organisation': ids.trustA,
      },
    );
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('SIGN_IN_REQUIRED');
  });

  it('names each invalid field of a malformed request', async () => {
    const response = await controllerA.call<Problem>('POST', '/api/v1/ledger/journals', {
      accountingDate: '12/06/2026',
      reasonCode: 'MANUAL',
      description: 'x',
      lines: [{ accountCode: '61', side: 'sideways', amountPence: -5 }],
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('REQUEST_INVALID');
    expect(response.body.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        'body.accountingDate',
        'body.lines',
        'body.lines.0.accountCode',
        'body.lines.0.side',
        'body.lines.0.amountPence',
      ]),
    );
  });

  it('posts a journal, replays it for the same Idempotency-Key, and refuses the key for a different body', async () => {
    const first = await controllerA.call<{ id: string; totalPence: number }>(
      'POST',
      '/api/v1/ledger/journals',
      journalBody(4_321),
      {
        'Idempotency-Key': 'journal-key-1',
      },
    );
    expect(first.status).toBe(201);
    expect(first.body.totalPence).toBe(4_321);
    const replay = await controllerA.call<{ id: string }>(
      'POST',
      '/api/v1/ledger/journals',
      journalBody(4_321),
      {
        'Idempotency-Key': 'journal-key-1',
      },
    );
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    const reused = await controllerA.call<Problem>('POST', '/api/v1/ledger/journals', journalBody(9_999), {
      'Idempotency-Key': 'journal-key-1',
    });
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await controllerA.call<{ items: { id: string }[] }>(
      'GET',
      '/api/v1/ledger/journals?period=2026-27%2FP03',
    );
    expect(list.body.items.filter((journal) => journal.id === first.body.id)).toHaveLength(1);
  });

  it('explains an unbalanced journal and leaves nothing stored', async () => {
    const before = await controllerA.call<{ items: unknown[] }>('GET', '/api/v1/ledger/journals');
    const body = journalBody(100);
    body.lines[1]!.amountPence = 90;
    const response = await controllerA.call<Problem>('POST', '/api/v1/ledger/journals', body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'JOURNAL_INVALID', issues: [{ rule: 'journal-balanced' }] });
    const after = await controllerA.call<{ items: unknown[] }>('GET', '/api/v1/ledger/journals');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('shows a balanced trial balance, and a consolidated one only to a system leader of the board', async () => {
    const tb = await controllerA.call<{ balanced: boolean }>(
      'GET',
      '/api/v1/ledger/trial-balance?period=2026-27%2FP03',
    );
    expect(tb.status).toBe(200);
    expect(tb.body.balanced).toBe(true);
    const refused = await controllerA.call<Problem>(
      'GET',
      `/api/v1/systems/${ids.icb}/trial-balance?period=2026-27%2FP03`,
    );
    expect(refused.status).toBe(403);
    const leader = new ApiClient(createTestApp(platform));
    await leader.signIn('leader@example.nhs.uk');
    const consolidated = await leader.call<{ organisationIds: string[]; balanced: boolean }>(
      'GET',
      `/api/v1/systems/${ids.icb}/trial-balance?period=2026-27%2FP03`,
    );
    expect(consolidated.status).toBe(200);
    expect(consolidated.body.organisationIds).toEqual([ids.icb, ids.trustA, ids.trustB]);
  });

  it('runs the variation flow over the API: propose, approve by the Design Authority, resolve', async () => {
    const proposed = await controllerA.call<{ id: string }>('POST', '/api/v1/framework/variations', {
      settingKey: 'payables.paymentTermsDays',
      value: 14,
      reasonCategory: 'local-service-model',
      reason: 'Small local suppliers of the community service are paid within 14 days',
    });
    expect(proposed.status).toBe(201);
    const da = new ApiClient(createTestApp(platform), { organisation: ids.trustA });
    await da.signIn('da@example.nhs.uk');
    const decided = await da.call<{ status: string }>(
      'POST',
      `/api/v1/framework/variations/${proposed.body.id}/decision`,
      {
        approve: true,
      },
    );
    expect(decided.body.status).toBe('approved');
    const settings = await controllerA.call<{ items: { key: string; value: unknown; source: string }[] }>(
      'GET',
      '/api/v1/framework/settings',
    );
    expect(settings.body.items.find((item) => item.key === 'payables.paymentTermsDays')).toMatchObject({
      value: 14,
      source: 'variation',
    });
    const conformance = await controllerA.call<{ share: number }>('GET', '/api/v1/framework/conformance');
    expect(conformance.body.share).toBeLessThan(1);
  });

  it('runs a gap analysis over the API from a CSV file', async () => {
    const da = new ApiClient(createTestApp(platform), { organisation: ids.trustA });
    await da.signIn('da@example.nhs.uk');
    const allowed = await da.call<{ summary: { differs: number } }>(
      'POST',
      '/api/v1/framework/gap-analyses',
      {
        fileName: 'settings.csv',
        content: 'setting,value\npayables.paymentTermsDays,60\n',
      },
    );
    expect(allowed.status).toBe(201);
    expect(allowed.body.summary.differs).toBe(1);
  });

  it('lets an API token act only for its own organisation and roles', async () => {
    const issued = await controllerA.call<{ token: string }>('POST', '/api/v1/api-tokens', {
      name: 'bi feed',
      roles: ['auditor'],
    });
    expect(issued.status).toBe(201);
    const machine = new ApiClient(createTestApp(platform), { token: issued.body.token });
    expect((await machine.call('GET', '/api/v1/ledger/trial-balance?period=2026-27%2FP03')).status).toBe(200);
    expect((await machine.call('POST', '/api/v1/ledger/journals', journalBody(10))).status).toBe(403);
    const elsewhere = await machine.call<Problem>('GET', '/api/v1/ledger/periods', undefined, {
      'Mainstay-Organisation': ids.trustB,
    });
    expect(elsewhere.status).toBe(403);
  });

  it('keeps audit entries for API writes and verifies the chain', async () => {
    const entries = await controllerA.call<{ items: { action: string; actor: { id: string } }[] }>(
      'GET',
      '/api/v1/audit/entries?limit=5',
    );
    expect(entries.status).toBe(200);
    expect(entries.body.items.length).toBeGreaterThan(0);
    const verification = await controllerA.call<{ ok: boolean }>('POST', '/api/v1/audit/verification');
    expect(verification.body.ok).toBe(true);
  });

  it("gives a user of one organisation nothing of another's, on every route that reads or writes tenant data", async () => {
    const controllerB = new ApiClient(createTestApp(platform), { organisation: ids.trustB });
    await controllerB.signIn('controller.b@example.nhs.uk');
    const secret = await controllerB.call<{ id: string }>(
      'POST',
      '/api/v1/ledger/journals',
      journalBody(777_777),
    );
    expect(secret.status).toBe(201);
    const gap = await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      platform.framework.runGapAnalysis(tx, {
        fileName: 'b.json',
        text: '{"payables.paymentTermsDays": 90}',
      }),
    );
    const idsOfB: Record<string, string> = {
      id: secret.body.id,
      userId: 'usr_unknown',
      code: 'WARD1',
      legacyCode: 'X1',
      icbId: ids.icb,
    };
    const document = (await (await createTestApp(platform).request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    let checked = 0;
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const tenantScoped = (operation.parameters ?? []).some(
          (p) => p.in === 'header' && p.name === 'mainstay-organisation',
        );
        if (!tenantScoped) continue;
        const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
          template.includes('gap-analyses') ? gap.id : (idsOfB[name] ?? 'x'),
        );
        const query =
          template.endsWith('trial-balance') || template.endsWith('cost-centre-report')
            ? '?period=2026-27%2FP03'
            : '';
        const asOtherOrganisation = await controllerA.call<Problem>(
          method.toUpperCase(),
          `${path}${query}`,
          method === 'get' ? undefined : {},
          {
            'Mainstay-Organisation': ids.trustB,
          },
        );
        expect(asOtherOrganisation.status, `${method} ${template} as a member of A naming B`).toBe(403);
        expect(JSON.stringify(asOtherOrganisation.body)).not.toContain('777777');
        if (method === 'get' && template.includes('{')) {
          const byIdFromOwn = await controllerA.call(method.toUpperCase(), `${path}${query}`);
          expect([403, 404], `${method} ${template} for B's id from A`).toContain(byIdFromOwn.status);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    const tb = await controllerA.call<{ lines: { closingPence: number }[] }>(
      'GET',
      '/api/v1/ledger/trial-balance?period=2026-27%2FP03',
    );
    expect(JSON.stringify(tb.body)).not.toContain('777777');
  });
});
