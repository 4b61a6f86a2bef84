import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantTx } from '../../../kernel/tenancy';
import { testEngines } from '../../../testing/database';
import { contextFor } from '../../../testing/platform';
import type { HistoricInvoice } from '../service/history';
import { openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { ublInvoice } from './ubl.test-support';

describe.each(testEngines())('invoice history from a legacy system on %s', (engine) => {
  let h: PayablesHarness;
  const as = <T>(work: (tx: TenantTx) => Promise<T>) =>
    h.platform.runner.withTenant(contextFor(h.ids.trustA, 'usr_migration'), work);
  const legacy = (overrides: Partial<HistoricInvoice>): HistoricInvoice => ({
    supplierId: h.supplierOf(h.ids.trustA),
    invoiceNumber: 'L-1',
    issueDate: '2026-04-01',
    receivedOn: '2026-04-02',
    orderReference: 'PO-OLD-1',
    netPence: 10_000n,
    vatPence: 2_000n,
    touchless: true,
    firstPassMatched: true,
    approvedOn: '2026-04-02',
    paidOn: '2026-04-23',
    ...overrides,
  });

  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'L');
  });
  afterAll(async () => h.platform.db.close());

  it('brings over settled and unpaid invoices without posting them, and counts them in the measures', async () => {
    const result = await as((tx) =>
      h.payables.importInvoiceHistory(tx, [
        legacy({}),
        legacy({
          invoiceNumber: 'L-2',
          paidOn: '2026-05-20',
          touchless: false,
          firstPassMatched: false,
          approvedOn: '2026-05-10',
        }),
        legacy({
          invoiceNumber: 'INV-0042',
          issueDate: '2026-05-01',
          receivedOn: '2026-05-02',
          approvedOn: '2026-05-02',
          paidOn: null,
        }),
      ]),
    );
    expect(result).toEqual({ invoices: 3, unpaid: 1 });
    const measures = await as((tx) => h.payables.measures(tx, { from: '2026-04-01', to: '2026-05-31' }));
    expect(measures.invoices).toMatchObject({
      received: 3,
      touchless: 2,
      quotedOrder: 3,
      firstPassMatched: 2,
    });
    expect(measures.bppc).toMatchObject({ paidCount: 2, paidWithinTermsCount: 1, countBasisPoints: 5000 });
    const journals = await as((tx) => h.platform.ledger.journals(tx, { sourceModule: 'payables' }));
    expect(journals).toEqual([]);
  });

  it('stops a supplier re-sending an invoice the legacy system already had', async () => {
    const resend = ublInvoice({ number: 'INV0042', orderReference: null, seed: 81 });
    const [outcome] = await as((tx) =>
      h.payables.receiveDocuments(tx, [{ fileName: 'resend.xml', content: resend.bytes, channel: 'api' }]),
    );
    expect(outcome).toMatchObject({
      outcome: 'quarantined',
      reasons: [expect.objectContaining({ rule: 'MAINSTAY-DUPLICATE-INVOICE' })],
    });
  });

  it('pays the invoices still unpaid in Mainstay’s next payment run', async () => {
    const run = await h
      .at('2026-06-15T10:00:00Z')
      .withTenant(contextFor(h.ids.trustA, 'usr_officer'), (tx) =>
        h.payables.proposePaymentRun(tx, { dueBy: '2026-07-31' }),
      );
    expect(run.payments.flatMap((p) => p.invoices.map((i) => i.invoiceNumber))).toEqual(['INV-0042']);
  });

  it('refuses a history that names the same invoice twice, and keeps none of it', async () => {
    await expect(
      as((tx) =>
        h.payables.importInvoiceHistory(tx, [
          legacy({ invoiceNumber: 'L-9' }),
          legacy({ invoiceNumber: 'L 9', issueDate: '2026-04-09' }),
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'INVOICE_INVALID',
      issues: [expect.objectContaining({ rule: 'history-duplicate' })],
    });
    const kept = await as((tx) => h.payables.invoices(tx, { limit: 500 }));
    expect(kept.filter((invoice) => invoice.invoiceNumber.startsWith('L-9'))).toEqual([]);
  });
});
