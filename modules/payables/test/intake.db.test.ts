import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/database';
import { fixturePath } from '../../../testing/fixtures';
import { contextFor } from '../../../testing/platform';
import { openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { orderFor, ublInvoice } from './ubl.test-support';

const encode = (text: string) => new TextEncoder().encode(text);

describe.each(testEngines())('invoice intake on %s', (engine) => {
  let h: PayablesHarness;
  const receive = (organisationId: string, files: { fileName: string; content: Uint8Array }[]) =>
    h.platform.runner.withTenant(contextFor(organisationId, 'usr_clerk'), (tx) =>
      h.payables.receiveDocuments(
        tx,
        files.map((file) => ({ ...file, channel: 'api' as const })),
      ),
    );

  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'I');
  });
  afterAll(async () => h.platform.db.close());

  it('approves an invoice that matches its order and receipt, posts it, and records the rule that decided', async () => {
    const invoice = ublInvoice({ number: 'INV-1001', orderReference: 'PO-1001', seed: 11 });
    h.procurement.add(
      h.ids.trustA,
      orderFor(invoice.document, { id: 'po_1001', supplierId: h.supplierOf(h.ids.trustA) }),
    );
    const [outcome] = await receive(h.ids.trustA, [{ fileName: 'inv-1001.xml', content: invoice.bytes }]);
    expect(outcome).toMatchObject({
      outcome: 'invoice',
      status: 'approved',
      exceptions: [],
      alreadyReceived: false,
    });
    const detail = await h.platform.runner.withTenant(contextFor(h.ids.trustA), async (tx) =>
      h.payables.invoice(tx, outcome!.outcome === 'invoice' ? outcome!.invoiceId : ''),
    );
    expect(detail.invoice).toMatchObject({
      status: 'approved',
      approvedBy: 'system',
      approvalRule: 'PAYABLES-MATCH-3WAY',
      approvalRuleVersion: 'payables-match/1; standard 2026.1',
      touchless: true,
      firstPassMatched: true,
    });
    expect(detail.decisions).toEqual([
      expect.objectContaining({
        decision: 'approved',
        rule: 'PAYABLES-MATCH-3WAY',
        ruleVersion: 'payables-match/1',
        standardVersion: '2026.1',
      }),
    ]);
    const gross = BigInt(invoice.document.totals.totalWithVat!.value.replace('.', ''));
    const vat = BigInt(invoice.document.totals.totalVat!.value.replace('.', ''));
    const journal = await h.platform.runner.withTenant(contextFor(h.ids.trustA), (tx) =>
      h.platform.ledger.journal(tx, detail.invoice.journalId!),
    );
    expect(journal.lines.map((l) => [l.side, l.accountCode, l.amountPence])).toEqual([
      ['debit', '210300', gross - vat],
      ['debit', '130300', vat],
      ['credit', '210200', gross],
    ]);
    expect(h.procurement.recorded.at(-1)).toMatchObject({
      purchaseOrderId: 'po_1001',
      invoiceId: detail.invoice.id,
    });
  });

  it('takes the same file twice as one document, answering as the first time', async () => {
    const invoice = ublInvoice({ number: 'INV-1002', orderReference: 'PO-1002', seed: 12 });
    h.procurement.add(
      h.ids.trustA,
      orderFor(invoice.document, { id: 'po_1002', supplierId: h.supplierOf(h.ids.trustA) }),
    );
    const [first] = await receive(h.ids.trustA, [{ fileName: 'a.xml', content: invoice.bytes }]);
    const [again, inBatch] = await receive(h.ids.trustA, [
      { fileName: 'b.xml', content: invoice.bytes },
      { fileName: 'c.xml', content: invoice.bytes },
    ]);
    expect(again).toMatchObject({
      alreadyReceived: true,
      documentId: first!.documentId,
      fileName: 'b.xml',
      outcome: 'invoice',
    });
    expect(inBatch).toMatchObject({ alreadyReceived: true, documentId: first!.documentId });
  });

  const badInputs: [string, () => Uint8Array, string][] = [
    ['malformed XML', () => encode('<Invoice><cbc:ID>1</Invoice>'), 'MAINSTAY-XML-WELLFORMED'],
    ['an empty file', () => encode(''), 'MAINSTAY-XML-EMPTY'],
    [
      'a wrong namespace',
      () =>
        encode(
          ublInvoice({ number: 'NS-1' }).xml.replace(
            'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
            'urn:example:invoice',
          ),
        ),
      'MAINSTAY-UBL-NAMESPACE',
    ],
    [
      'a document that is not an invoice',
      () =>
        encode('<?xml version="1.0"?><Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>'),
      'MAINSTAY-UBL-ROOT',
    ],
    [
      'a wrong total',
      () =>
        encode(
          ublInvoice({ number: 'TOT-1' }).xml.replace(
            /<cbc:PayableAmount currencyID="GBP">[^<]+</,
            '<cbc:PayableAmount currencyID="GBP">1.00<',
          ),
        ),
      'BR-CO-16',
    ],
    [
      'an invoice in euros',
      () => readFileSync(fixturePath('peppol-bis-billing-3', 'examples', 'base-example.xml')),
      'MAINSTAY-PAYABLES-CURRENCY',
    ],
    [
      'an unknown supplier',
      () =>
        encode(
          ublInvoice({ number: 'UNK-1' })
            .xml.replaceAll('GB123456789', 'GB999999973')
            .replaceAll('01234567', '09999999'),
        ),
      'MAINSTAY-SUPPLIER-UNKNOWN',
    ],
  ];

  it.each(badInputs)(
    'keeps %s in quarantine with the rule, the original bytes and a message for the supplier',
    async (_label, bytes, rule) => {
      const content = bytes();
      const [outcome] = await receive(h.ids.trustA, [{ fileName: `${rule}.xml`, content }]);
      expect(outcome?.outcome).toBe('quarantined');
      if (outcome?.outcome !== 'quarantined') return;
      expect(outcome.reasons.map((r) => r.rule)).toContain(rule);
      expect(outcome.rejection.body).toContain(rule);
      const stored = await h.platform.runner.withTenant(contextFor(h.ids.trustA), async (tx) => ({
        item: await h.payables.quarantineItem(tx, outcome.quarantineId),
        document: await h.payables.document(tx, outcome.documentId),
      }));
      expect(stored.item).toMatchObject({
        status: 'open',
        fileName: `${rule}.xml`,
        ruleIds: expect.arrayContaining([rule]),
      });
      expect(stored.item.decisions).toEqual([
        expect.objectContaining({ decision: 'quarantined', rule: expect.any(String) }),
      ]);
      expect(Buffer.from(stored.document.content).equals(Buffer.from(content))).toBe(true);
    },
  );

  it('keeps the exact bytes of every document received together, whatever their sizes', async () => {
    // Marked apart from the files earlier tests sent, which intake would recognise as received already.
    const marked = (bytes: Uint8Array, index: number) =>
      new Uint8Array([...bytes, ...encode(`\n<!-- sent together, ${index} -->`)]);
    const large = encode(`<Note>${'é'.repeat(150_000)}</Note>`);
    const files = [large, ...badInputs.map(([, bytes]) => bytes())].map((content, index) => ({
      fileName: `together-${index}.xml`,
      content: marked(content, index),
    }));
    const outcomes = await receive(h.ids.trustA, files);
    expect(outcomes).toHaveLength(files.length);
    const stored = await h.platform.runner.withTenant(contextFor(h.ids.trustA), (tx) =>
      Promise.all(
        outcomes.map((outcome) =>
          outcome.outcome === 'quarantined' ? h.payables.document(tx, outcome.documentId) : null,
        ),
      ),
    );
    stored.forEach((document, index) => {
      expect(document?.fileName).toBe(files[index]!.fileName);
      expect(document?.sizeBytes).toBe(files[index]!.content.length);
      expect(Buffer.from(document!.content).equals(Buffer.from(files[index]!.content))).toBe(true);
    });
  });

  describe('duplicates', () => {
    it.each([
      ['INV-0042', 'INV0042'],
      ['INV-0043', 'inv 0043'],
    ])('stops %s sent again as %s (another year, another amount)', async (first, second) => {
      const original = ublInvoice({ number: first, orderReference: null, issueDate: '2025-06-01' });
      const resend = ublInvoice({ number: second, orderReference: null, issueDate: '2026-06-01', seed: 9 });
      const [kept] = await receive(h.ids.trustA, [{ fileName: 'original.xml', content: original.bytes }]);
      expect(kept?.outcome).toBe('invoice');
      const [stopped] = await receive(h.ids.trustA, [{ fileName: 'resend.xml', content: resend.bytes }]);
      expect(stopped).toMatchObject({
        outcome: 'quarantined',
        reasons: [
          expect.objectContaining({
            rule: 'MAINSTAY-DUPLICATE-INVOICE',
            message: expect.stringContaining(second),
          }),
        ],
      });
    });

    it('stops an invoice a supplier sends to two member trusts, without either trust reading the other’s invoices', async () => {
      const invoice = ublInvoice({ number: 'XORG-77', orderReference: null });
      const [atA] = await receive(h.ids.trustA, [{ fileName: 'to-a.xml', content: invoice.bytes }]);
      const [atB] = await receive(h.ids.trustB, [{ fileName: 'to-b.xml', content: invoice.bytes }]);
      expect(atA?.outcome).toBe('invoice');
      expect(atB).toMatchObject({
        outcome: 'quarantined',
        reasons: [
          expect.objectContaining({
            rule: 'MAINSTAY-DUPLICATE-INVOICE',
            message: expect.stringContaining(`received by ${h.ids.trustA}`),
          }),
        ],
      });
      const seenByB = await h.platform.runner.withTenant(contextFor(h.ids.trustB), async (tx) => ({
        invoices: (await tx.query('select id from payables.invoice where invoice_number = $1', ['XORG-77']))
          .rows,
        fingerprints: (
          await tx.query<{ organisation_id: string }>(
            'select organisation_id from payables.invoice_fingerprint',
          )
        ).rows,
      }));
      expect(seenByB.invoices).toEqual([]);
      expect(seenByB.fingerprints.map((row) => row.organisation_id)).toContain(h.ids.trustA);
    });

    it('lets an organisation write only its own entries in the shared register', async () => {
      await expect(
        h.platform.runner.withTenant(contextFor(h.ids.trustB), (tx) =>
          tx.query(
            `insert into payables.invoice_fingerprint (number_key, amount_key, organisation_id, invoice_id, overrides)
             values (1, 1, $1, 'inv_planted', false)`,
            [h.ids.trustA],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
      const removed = await h.platform.runner.withTenant(
        contextFor(h.ids.trustB),
        async (tx) =>
          (
            await tx.query('delete from payables.invoice_fingerprint where organisation_id = $1', [
              h.ids.trustA,
            ])
          ).rowCount,
      );
      expect(removed).toBe(0);
    });

    it('queues a different number for the same amount on the same day as a suspected duplicate; a person can clear it', async () => {
      const first = ublInvoice({ number: 'SAME-1', orderReference: null, issueDate: '2026-06-02', seed: 21 });
      const second = ublInvoice({
        number: 'OTHER-9',
        orderReference: null,
        issueDate: '2026-06-02',
        seed: 21,
      });
      await receive(h.ids.trustA, [{ fileName: 'same-1.xml', content: first.bytes }]);
      const [suspect] = await receive(h.ids.trustA, [{ fileName: 'other-9.xml', content: second.bytes }]);
      expect(suspect).toMatchObject({
        outcome: 'invoice',
        status: 'exception',
        exceptions: expect.arrayContaining([
          expect.objectContaining({ reason: 'suspected-duplicate', rule: 'PAYABLES-DUPLICATE-AMOUNT-DATE' }),
        ]),
      });
    });

    it('lets a supplier resend a corrected invoice under the same number once the first was rejected', async () => {
      const invoice = ublInvoice({
        number: 'REJ-5',
        orderReference: 'PO-NOWHERE',
        seed: 31,
        issueDate: '2026-05-20',
      });
      const [first] = await receive(h.ids.trustA, [{ fileName: 'rej-5.xml', content: invoice.bytes }]);
      if (first?.outcome !== 'invoice') throw new Error('expected an invoice');
      expect(first.exceptions.map((e) => e.reason)).toEqual(['po-not-found']);
      await h.platform.runner.withTenant(contextFor(h.ids.trustA, 'usr_clerk'), async (tx) => {
        const [queued] = (await h.payables.exceptionQueue(tx)).filter(
          (item) => item.invoiceId === first.invoiceId,
        );
        return h.payables.resolveException(
          tx,
          queued!.id,
          { action: 'reject-to-supplier', note: 'Please quote our PO number' },
          ['ap-clerk'],
        );
      });
      const corrected = ublInvoice({ number: 'REJ-5', orderReference: null, seed: 32 });
      const [second] = await receive(h.ids.trustA, [
        { fileName: 'rej-5-corrected.xml', content: corrected.bytes },
      ]);
      expect(second?.outcome).toBe('invoice');
    });
  });

  it('releases a quarantined invoice once its supplier is set up', async () => {
    const stranger = ublInvoice({ number: 'NEW-1', orderReference: null }).xml.replaceAll(
      'GB123456789',
      'GB888888802',
    );
    const [held] = await receive(h.ids.trustA, [
      { fileName: 'new-1.xml', content: encode(stranger.replaceAll('01234567', '08888888')) },
    ]);
    if (held?.outcome !== 'quarantined') throw new Error('expected quarantine');
    h.suppliers.add({
      id: 'sup_new',
      organisationId: h.ids.trustA,
      name: 'Newco Ltd',
      vatNumber: 'GB888888802',
    });
    const outcome = await h.platform.runner.withTenant(contextFor(h.ids.trustA, 'usr_clerk'), (tx) =>
      h.payables.retryQuarantined(tx, held.quarantineId),
    );
    expect(outcome).toMatchObject({ outcome: 'invoice', supplierName: 'Newco Ltd' });
    const item = await h.platform.runner.withTenant(contextFor(h.ids.trustA), (tx) =>
      h.payables.quarantineItem(tx, held.quarantineId),
    );
    expect(item).toMatchObject({
      status: 'released',
      invoiceId: outcome.outcome === 'invoice' ? outcome.invoiceId : '',
    });
  });
});
