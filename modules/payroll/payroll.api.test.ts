import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { ApiClient, createTestApp } from '../../testing/api';
import { testEngines } from '../../testing/database';
import { createTestUser, openTestPlatform, seedTestSystem } from '../../testing/platform';
import { EMPLOYER, starter } from './testing/payroll-setup';

type Problem = { code: string; issues: { path: string; rule: string; message: string }[] };

describe.each(testEngines())('payroll API on %s', (engine) => {
  let platform: Platform;
  let officer: ApiClient;
  let checker: ApiClient;
  let employee: ApiClient;
  let nurseUserId: string;
  let runId: string;
  let nurseId: string;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    const { trustA } = await seedTestSystem(platform, 'P');
    await createTestUser(platform, trustA, 'officer@example.nhs.uk', ['payroll-officer']);
    await createTestUser(platform, trustA, 'checker@example.nhs.uk', ['payroll-officer']);
    nurseUserId = await createTestUser(platform, trustA, 'nurse@example.nhs.uk', ['employee']);
    const app = createTestApp(platform);
    officer = new ApiClient(app, { organisation: trustA });
    await officer.signIn('officer@example.nhs.uk');
    checker = new ApiClient(app, { organisation: trustA });
    await checker.signIn('checker@example.nhs.uk');
    employee = new ApiClient(app, { organisation: trustA });
    await employee.signIn('nurse@example.nhs.uk');
  });
  afterAll(async () => platform.db.close());

  it('sets up the employer and registers a starter once for a repeated Idempotency-Key', async () => {
    expect((await officer.call('PUT', '/api/v1/payroll/employer', EMPLOYER)).status).toBe(200);
    const body = starter({ startDate: '2026-05-01', person: { ...starter().person, userId: nurseUserId } });
    const first = await officer.call<{ id: string; record: { taxCode: string } }>(
      'POST',
      '/api/v1/payroll/employees',
      body,
      { 'Idempotency-Key': 'starter-1' },
    );
    expect(first.status).toBe(201);
    const again = await officer.call<{ id: string }>('POST', '/api/v1/payroll/employees', body, {
      'Idempotency-Key': 'starter-1',
    });
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    nurseId = first.body.id;
  });

  it('names each bad field of a starter', async () => {
    const bad = await officer.call<Problem>('POST', '/api/v1/payroll/employees', {
      ...starter(),
      person: { ...starter().person, niNumber: 'QQ123456Z' },
      contract: { band: '5', contractedCentihours: 3750, costCentreCode: 'WARD1' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['body.person.niNumber', 'body.contract.payPoint']),
    );
  });

  it('holds bank details for a second person, then runs, approves and commits the month', async () => {
    const entered = await officer.call<{ id: string; status: string }>(
      'POST',
      `/api/v1/payroll/employees/${nurseId}/bank-details`,
      {
        sortCode: '20-00-00',
        accountNumber: '55779911',
        accountName: 'Test Person',
      },
    );
    expect(entered.body.status).toBe('pending');
    const self = await officer.call<Problem>(
      'POST',
      `/api/v1/payroll/bank-details/${entered.body.id}/decision`,
      { approve: true },
    );
    expect(self.status).toBe(403);
    expect(
      (
        await checker.call('POST', `/api/v1/payroll/bank-details/${entered.body.id}/decision`, {
          approve: true,
        })
      ).status,
    ).toBe(200);

    const run = await officer.call<{ id: string }>('POST', '/api/v1/payroll/runs', {
      payFrequency: 'monthly',
      taxYear: '2026-27',
      period: 3,
    });
    expect(run.status).toBe(201);
    runId = run.body.id;
    const calculated = await officer.call<{ payslips: number }>(
      'POST',
      `/api/v1/payroll/runs/${runId}/calculation`,
      {},
    );
    expect(calculated.body.payslips).toBe(1);
    expect(
      (await officer.call<{ items: unknown[] }>('GET', `/api/v1/payroll/runs/${runId}/issues`)).body.items,
    ).toEqual([]);
    expect(
      (await officer.call<{ items: { flags: string[] }[] }>('GET', `/api/v1/payroll/runs/${runId}/variances`))
        .body.items[0]?.flags,
    ).toContain('first-pay');
    expect(
      (await officer.call<Problem>('POST', `/api/v1/payroll/runs/${runId}/approval`, {})).body.code,
    ).toBe('PAY_RUN_SAME_PERSON');
    expect((await checker.call('POST', `/api/v1/payroll/runs/${runId}/approval`, {})).status).toBe(200);
    const committed = await checker.call<{ status: string; journalId: string }>(
      'POST',
      `/api/v1/payroll/runs/${runId}/commit`,
    );
    expect(committed.body.status).toBe('committed');
    expect(committed.body.journalId).toMatch(/^jnl_/);
  });

  it('serves the payslip explained, as a PDF, the Bacs file, the FPS and the third-party schedule', async () => {
    const payslip = await officer.call<{
      deductions: { ref: string; explanation: { rule: string } | null }[];
    }>('GET', `/api/v1/payroll/runs/${runId}/payslips/${nurseId}`);
    expect(payslip.body.deductions.find((line) => line.ref === 'income-tax')?.explanation?.rule).toBe(
      'paye.tables',
    );
    const pdf = await officer.call<string>('GET', `/api/v1/payroll/runs/${runId}/payslips/${nurseId}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const bacs = await officer.call<string>('GET', `/api/v1/payroll/runs/${runId}/bacs`);
    expect(bacs.body).toMatch(/^VOL1/);
    const fps = await officer.call<string>('GET', `/api/v1/payroll/runs/${runId}/fps`);
    expect(fps.body).toContain('<BacsHashCode>');
    const schedule = await officer.call<{ payments: { payee: string }[] }>(
      'GET',
      `/api/v1/payroll/runs/${runId}/third-party-payments`,
    );
    expect(schedule.body.payments.map((payment) => payment.payee)).toEqual([
      'HM Revenue & Customs',
      'NHS Pensions',
    ]);
  });

  it('lets the employee see their payslip, raise a query from a line, and be refused anytime pay where it is off', async () => {
    const mine = await employee.call<{ items: { runId: string }[] }>('GET', '/api/v1/payroll/me/payslips');
    expect(mine.body.items.map((item) => item.runId)).toEqual([runId]);
    expect((await employee.call('GET', `/api/v1/payroll/me/payslips/${runId}`)).status).toBe(200);
    const query = await employee.call<{ status: string; queryType: string }>(
      'POST',
      '/api/v1/payroll/me/queries',
      {
        runId,
        lineRef: 'pay-1',
        message: 'Is this the new pay point?',
      },
    );
    expect(query.body).toMatchObject({ status: 'open', queryType: 'basic-pay' });
    const queue = await officer.call<{ items: { age: { status: string } }[] }>(
      'GET',
      '/api/v1/payroll/queries?status=open',
    );
    expect(queue.body.items[0]?.age.status).toBe('within-sla');
    expect(
      (await employee.call<{ enabled: boolean }>('GET', '/api/v1/payroll/me/anytime-pay')).body.enabled,
    ).toBe(false);
    const refused = await employee.call<Problem>('POST', '/api/v1/payroll/me/anytime-pay/draws', {
      amountPence: 5_000,
    });
    expect(refused.body.code).toBe('ANYTIME_PAY_DISABLED');
    expect((await officer.call<Problem>('GET', '/api/v1/payroll/me/payslips')).status).toBe(403);
  });

  it('answers the what-if calculator with figures and explanations, naming bad fields', async () => {
    const answer = await officer.call<{
      incomeTax: number;
      explanations: unknown[];
      issues: { path: string }[];
    }>('POST', '/api/v1/payroll/calc', {
      taxYear: '2026-27',
      payFrequency: 'monthly',
      period: 3,
      taxCode: '1257L',
      week1Month1: false,
      taxablePay: 250_000,
      previousTaxablePay: 500_000,
      previousTax: 41_800,
      niCategory: 'A',
      niablePay: 250_000,
      studentLoanPlans: ['2'],
      postgraduateLoan: false,
      pensionablePay: 250_000,
    });
    expect(answer.body.issues).toEqual([]);
    expect(answer.body.explanations.length).toBeGreaterThan(3);
    const bad = await officer.call<{ incomeTax: number | null; issues: { path: string }[] }>(
      'POST',
      '/api/v1/payroll/calc',
      {
        taxYear: '2026-27',
        payFrequency: 'monthly',
        period: 3,
        taxCode: '1257Z',
      },
    );
    expect(bad.body.issues.map((issue) => issue.path)).toContain('taxCode');
    expect(bad.body.incomeTax).toBeNull();
  });
});
