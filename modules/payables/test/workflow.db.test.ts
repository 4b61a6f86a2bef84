import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantTx } from '../../../kernel/tenancy';
import { parseStandard18 } from '../../../standards/bacs18';
import { testEngines } from '../../../testing/database';
import { contextFor } from '../../../testing/platform';
import type { IngestOutcome } from '../service';
import { BANK, openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { orderFor, ublInvoice } from './ubl.test-support';

const invoiceIdOf = (outcome: IngestOutcome | undefined) => {
  if (outcome?.outcome !== 'invoice') throw new Error(`expected an invoice, got ${JSON.stringify(outcome)}`);
  return outcome.invoiceId;
};

describe.each(testEngines())('exceptions, approval and payment on %s', (engine) => {
  let h: PayablesHarness;
  let org: string;
  const as = <T>(actor: string, work: (tx: TenantTx) => Promise<T>) =>
    h.platform.runner.withTenant(contextFor(org, actor), work);
  const receive = (bytes: Uint8Array, fileName = 'invoice.xml') =>
    as('usr_clerk', (tx) =>
      h.payables.receiveDocuments(tx, [{ fileName, content: bytes, channel: 'api' }]),
    ).then(([o]) => o);
  const queueFor = (invoiceId: string) =>
    as('usr_clerk', async (tx) =>
      (await h.payables.exceptionQueue(tx, { statuses: ['open', 'waiting'] })).filter(
        (e) => e.invoiceId === invoiceId,
      ),
    );
  const journalOf = (invoiceId: string) =>
    as('usr_reader', async (tx) => {
      const detail = await h.payables.invoice(tx, invoiceId);
      const journal = detail.invoice.journalId
        ? await h.platform.ledger.journal(tx, detail.invoice.journalId)
        : null;
      return journal?.lines.map(
        (l) =>
          `${l.side === 'debit' ? 'Dr' : 'Cr'} ${l.accountCode}${l.costCentreCode ? `/${l.costCentreCode}` : ''} ${l.amountPence}`,
      );
    });

  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'W');
    org = h.ids.trustA;
  });
  afterAll(async () => h.platform.db.close());

  describe('a price above the order', () => {
    // Sample line 1 is 4.85 a box; the order says 4.50: 7.8% dearer, past the 2% tolerance.
    const invoice = ublInvoice({
      number: 'VAR-1',
      orderReference: 'PO-VAR-1',
      seed: 41,
      lines: 1,
      issueDate: '2026-06-01',
    });
    let invoiceId: string;

    beforeAll(async () => {
      h.procurement.add(
        org,
        orderFor(invoice.document, { id: 'po_var_1', supplierId: h.supplierOf(org), pricePence: () => 450n }),
      );
      invoiceId = invoiceIdOf(await receive(invoice.bytes, 'var-1.xml'));
    });

    it('is queued with the reason, the amount and the suggested resolution', async () => {
      const [item] = await queueFor(invoiceId);
      expect(item).toMatchObject({
        reason: 'price-variance',
        rule: 'PAYABLES-PRICE',
        label: 'Price differs from the order',
        suggestedAction: 'accept-variance',
        actions: ['accept-variance', 'reject-to-supplier'],
        invoice: { invoiceNumber: 'VAR-1', status: 'exception' },
      });
      expect(item!.amountPence).toBeGreaterThan(0n);
    });

    it('refuses an acceptance beyond the person’s authority and an action the reason does not offer', async () => {
      const [item] = await queueFor(invoiceId);
      await expect(
        as('usr_buyer', (tx) =>
          h.payables.resolveException(tx, item!.id, { action: 'accept-variance' }, ['budget-holder']),
        ),
      ).rejects.toMatchObject({
        code: 'OUTSIDE_AUTHORITY',
      });
      await expect(
        as('usr_clerk', (tx) =>
          h.payables.resolveException(tx, item!.id, { action: 'wait-for-receipt' }, ['ap-clerk']),
        ),
      ).rejects.toMatchObject({
        code: 'RESOLUTION_NOT_OFFERED',
        issues: [expect.objectContaining({ rule: 'resolution-offered' })],
      });
    });

    it('is approved in one click by an AP clerk within authority, the variance posted to 690100', async () => {
      const [item] = await queueFor(invoiceId);
      const result = await as('usr_clerk', (tx) =>
        h.payables.resolveException(tx, item!.id, { action: 'accept-variance', note: 'Price rise agreed' }, [
          'ap-clerk',
        ]),
      );
      expect(result.invoiceStatus).toBe('approved');
      const quantity = BigInt(invoice.document.lines[0]!.quantity!.value);
      const net = BigInt(invoice.document.totals.totalWithoutVat!.value.replace('.', ''));
      expect(await journalOf(invoiceId)).toEqual(
        expect.arrayContaining([`Dr 210300 ${quantity * 450n}`, `Dr 690100/WARD1 ${net - quantity * 450n}`]),
      );
      const detail = await as('usr_reader', (tx) => h.payables.invoice(tx, invoiceId));
      expect(detail.invoice).toMatchObject({
        approvedBy: 'usr_clerk',
        touchless: false,
        firstPassMatched: false,
      });
    });
  });

  it('waits for goods not yet received, then approves by itself when the receipt arrives', async () => {
    const invoice = ublInvoice({
      number: 'WAIT-1',
      orderReference: 'PO-WAIT-1',
      seed: 42,
      lines: 2,
      issueDate: '2026-06-03',
    });
    h.procurement.add(
      org,
      orderFor(invoice.document, {
        id: 'po_wait_1',
        supplierId: h.supplierOf(org),
        received: (lineNo, ordered) => (lineNo === 2 ? '0' : ordered),
      }),
    );
    const invoiceId = invoiceIdOf(await receive(invoice.bytes, 'wait-1.xml'));
    const [item] = await queueFor(invoiceId);
    expect(item).toMatchObject({ reason: 'quantity-not-received', suggestedAction: 'wait-for-receipt' });
    await as('usr_clerk', (tx) =>
      h.payables.resolveException(tx, item!.id, { action: 'wait-for-receipt' }, ['ap-clerk']),
    );
    expect(await as('usr_clerk', (tx) => h.payables.rematch(tx))).toMatchObject({ cleared: 0, approved: 0 });
    h.procurement.receive(org, 'PO-WAIT-1', 2, invoice.document.lines[1]!.quantity!.value);
    expect(await as('usr_clerk', (tx) => h.payables.rematch(tx))).toMatchObject({ cleared: 1, approved: 1 });
    const detail = await as('usr_reader', (tx) => h.payables.invoice(tx, invoiceId));
    expect(detail.invoice.status).toBe('approved');
    expect(detail.decisions.map((d) => [d.decision, d.rule])).toEqual(
      expect.arrayContaining([
        ['exception-raised', 'PAYABLES-QUANTITY-RECEIVED'],
        ['exception-cleared', 'PAYABLES-QUANTITY-RECEIVED'],
      ]),
    );
  });

  it('routes an invoice with no order for coding, then approval by a budget holder who did not code it', async () => {
    const invoice = ublInvoice({
      number: 'NPO-1',
      orderReference: null,
      seed: 43,
      lines: 1,
      issueDate: '2026-06-04',
    });
    const invoiceId = invoiceIdOf(await receive(invoice.bytes, 'npo-1.xml'));
    const [item] = await queueFor(invoiceId);
    expect(item).toMatchObject({ reason: 'no-po', suggestedAction: 'code-invoice' });
    await expect(
      as('usr_clerk', (tx) =>
        h.payables.resolveException(
          tx,
          item!.id,
          { action: 'code-invoice', coding: { accountCode: '999999', costCentreCode: 'NOPE' } },
          ['ap-clerk'],
        ),
      ),
    ).rejects.toMatchObject({
      code: 'RESOLUTION_INVALID',
      issues: [
        expect.objectContaining({ path: 'coding.accountCode' }),
        expect.objectContaining({ path: 'coding.costCentreCode' }),
      ],
    });
    const coded = await as('usr_holder', (tx) =>
      h.payables.resolveException(
        tx,
        item!.id,
        { action: 'code-invoice', coding: { accountCode: '620100', costCentreCode: 'FIN01' } },
        ['ap-clerk', 'budget-holder'],
      ),
    );
    expect(coded.invoiceStatus).toBe('awaiting-approval');
    await expect(
      as('usr_holder', (tx) => h.payables.approveInvoice(tx, invoiceId, ['budget-holder'])),
    ).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    await expect(
      as('usr_clerk', (tx) => h.payables.approveInvoice(tx, invoiceId, ['ap-clerk'])),
    ).rejects.toMatchObject({ code: 'OUTSIDE_AUTHORITY' });
    const approved = await as('usr_manager', (tx) =>
      h.payables.approveInvoice(tx, invoiceId, ['budget-holder']),
    );
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'usr_manager', route: 'non-po' });
    const net = invoice.document.totals.totalWithoutVat!.value.replace('.', '');
    expect(await journalOf(invoiceId)).toEqual(expect.arrayContaining([`Dr 620100/FIN01 ${Number(net)}`]));
  });

  it('applies a credit note against the invoice it names, posting the mirror image', async () => {
    const invoice = ublInvoice({
      number: 'CRD-INV-1',
      orderReference: 'PO-CRD-1',
      seed: 44,
      lines: 1,
      issueDate: '2026-06-05',
    });
    h.procurement.add(org, orderFor(invoice.document, { id: 'po_crd_1', supplierId: h.supplierOf(org) }));
    invoiceIdOf(await receive(invoice.bytes, 'crd-inv-1.xml'));
    const credit = ublInvoice({
      number: 'CN-1',
      kind: 'CreditNote',
      orderReference: 'PO-CRD-1',
      precedingInvoice: 'CRD-INV-1',
      seed: 44,
      lines: 1,
      issueDate: '2026-06-06',
      line: (line) => ({ ...line, quantity: { value: '1', unitCode: line.quantity?.unitCode } }),
    });
    const creditId = invoiceIdOf(await receive(credit.bytes, 'cn-1.xml'));
    const detail = await as('usr_reader', (tx) => h.payables.invoice(tx, creditId));
    expect(detail.invoice).toMatchObject({
      kind: 'credit-note',
      status: 'approved',
      approvalRule: 'PAYABLES-CREDIT-APPLY',
    });
    const gross = Number(credit.document.totals.totalWithVat!.value.replace('.', ''));
    expect(await journalOf(creditId)).toEqual(
      expect.arrayContaining([`Dr 210200 ${gross}`, 'Cr 610100/WARD1 485']),
    );
    expect(h.procurement.recorded.at(-1)).toMatchObject({
      invoiceId: creditId,
      lines: [{ lineNo: 1, quantity: '-1' }],
    });
  });

  describe('payment runs', () => {
    let later: ReturnType<PayablesHarness['at']>;
    const officer = <T>(actor: string, work: (tx: TenantTx) => Promise<T>) =>
      later.withTenant(contextFor(org, actor), work);

    beforeAll(async () => {
      later = h.at('2026-07-01T09:00:00Z');
      h.suppliers.add({
        id: 'sup_unverified',
        organisationId: org,
        name: 'Unverified Supplies Ltd',
        vatNumber: 'GB777777706',
      });
      const unverified = ublInvoice({
        number: 'UNV-1',
        orderReference: null,
        seed: 45,
        lines: 1,
        issueDate: '2026-06-07',
      });
      const id = invoiceIdOf(
        await receive(
          new TextEncoder().encode(
            unverified.xml.replaceAll('GB123456789', 'GB777777706').replaceAll('01234567', '07777777'),
          ),
          'unv-1.xml',
        ),
      );
      const [item] = await queueFor(id);
      await as('usr_clerk', (tx) =>
        h.payables.resolveException(
          tx,
          item!.id,
          { action: 'code-invoice', coding: { accountCode: '620100', costCentreCode: 'FIN01' } },
          ['ap-clerk'],
        ),
      );
      await as('usr_manager', (tx) => h.payables.approveInvoice(tx, id, ['budget-holder']));
    });

    it('proposes one payment per supplier by due date, holding a supplier without verified bank details', async () => {
      const run = await officer('usr_officer', (tx) =>
        h.payables.proposePaymentRun(tx, { dueBy: '2026-08-31' }),
      );
      expect(run.status).toBe('proposed');
      expect(run.payments.map((p) => [p.supplierName, p.sortCode, p.accountNumber])).toEqual([
        ['Medisupply UK Ltd', BANK.sortCode, BANK.accountNumber],
      ]);
      expect(run.held).toEqual([
        expect.objectContaining({
          supplierName: 'Unverified Supplies Ltd',
          reason: 'no-verified-bank-details',
        }),
      ]);
      const credit = run.payments[0]!.invoices.find((i) => i.kind === 'credit-note');
      expect(credit?.invoiceNumber).toBe('CN-1');
      const invoicesTotal = run.payments[0]!.invoices.reduce(
        (sum, i) => sum + (i.kind === 'credit-note' ? -i.grossPence : i.grossPence),
        0n,
      );
      expect(run.payments[0]!.amountPence).toBe(invoicesTotal);
      await officer('usr_officer', (tx) => h.payables.cancelPaymentRun(tx, run.id, 'Checking'));
    });

    it('refuses to let anyone pay an invoice they approved, and lets another payments officer approve the run', async () => {
      const run = await officer('usr_officer', (tx) =>
        h.payables.proposePaymentRun(tx, { dueBy: '2026-08-31' }),
      );
      await expect(
        officer('usr_clerk', (tx) => h.payables.approvePaymentRun(tx, run.id)),
      ).rejects.toMatchObject({
        code: 'SEGREGATION_OF_DUTIES',
        issues: expect.arrayContaining([
          expect.objectContaining({
            rule: 'approver-may-not-pay',
            message: expect.stringContaining('VAR-1'),
          }),
        ]),
      });
      await expect(
        officer('usr_manager', (tx) => h.payables.approvePaymentRun(tx, run.id)),
      ).rejects.toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
      const approved = await officer('usr_officer', (tx) => h.payables.approvePaymentRun(tx, run.id));
      expect(approved.status).toBe('approved');

      const { text } = await officer('usr_officer', (tx) => h.payables.bacsFile(tx, run.id));
      const parsed = parseStandard18(text);
      expect(parsed.payments.map((p) => [p.sortCode, p.accountNumber, p.amount])).toEqual(
        approved.payments.map((p) => [p.sortCode, p.accountNumber, p.amountPence]),
      );
      expect(parsed.processingDate).toBe(run.processingDate);

      const payment = approved.payments[0]!;
      const journal = await officer('usr_reader', (tx) => h.platform.ledger.journal(tx, payment.journalId!));
      expect(journal.lines.map((l) => `${l.side} ${l.accountCode} ${l.amountPence}`)).toEqual([
        `debit 210200 ${payment.amountPence}`,
        `credit 140200 ${payment.amountPence}`,
      ]);
      const paid = await officer('usr_reader', (tx) => h.payables.invoices(tx, { statuses: ['paid'] }));
      expect(paid.map((i) => i.paidOn)).toEqual(paid.map(() => run.processingDate));

      const advice = await officer('usr_officer', (tx) => h.payables.remittance(tx, run.id, payment.id));
      expect(advice).toMatchObject({
        supplierName: 'Medisupply UK Ltd',
        totalPence: payment.amountPence,
        accountEnding: '5678',
      });
      expect(advice.items.find((i) => i.number === 'CN-1')?.amountPence).toBeLessThan(0n);
    });

    it('keeps the held supplier’s invoice payable for a later run', async () => {
      const approved = await officer('usr_reader', (tx) =>
        h.payables.invoices(tx, { statuses: ['approved'] }),
      );
      expect(approved.map((i) => i.invoiceNumber)).toContain('UNV-1');
    });

    it('reports the measures the shared service publishes', async () => {
      const measures = await officer('usr_reader', (tx) =>
        h.payables.measures(tx, { from: '2026-04-01', to: '2026-07-31' }),
      );
      expect(measures.procurement).toMatchObject({ touchlessRate: 0.94 });
      expect(measures.invoices.received).toBeGreaterThan(0);
      expect(measures.firstPassMatchRateBasisPoints).toBeGreaterThan(0);
      expect(measures.bppc).toMatchObject({ targetBasisPoints: 9500 });
      expect(measures.bppc.paidCount).toBeGreaterThan(0);
      await expect(
        officer('usr_reader', (tx) => h.payables.measures(tx, { from: '2026-07-31', to: '2026-04-01' })),
      ).rejects.toMatchObject({
        code: 'MEASURE_RANGE_INVALID',
      });
    });
  });
});
