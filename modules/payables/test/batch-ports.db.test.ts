import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/database';
import { contextFor } from '../../../testing/platform';
import { createPayablesService } from '../service';
import { openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { orderFor, ublInvoice } from './ubl.test-support';

describe.each(testEngines())('procurement’s batch forms on %s', (engine) => {
  let h: PayablesHarness;
  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'B');
  });
  afterAll(async () => h.platform.db.close());

  it('looks up and records a whole batch in one call each, and traces a refusal to its invoice', async () => {
    const payables = createPayablesService({
      ...h.platform,
      suppliers: h.suppliers.port,
      procurement: h.procurement.batchPort,
    });
    const invoices = [1, 2, 3].map((n) =>
      ublInvoice({
        number: `BAT-${n}`,
        orderReference: `PO-BAT-${n}`,
        seed: 90 + n,
        lines: 1,
        issueDate: `2026-05-0${n}`,
      }),
    );
    for (const [index, invoice] of invoices.entries()) {
      h.procurement.add(
        h.ids.trustA,
        orderFor(invoice.document, { id: `po_bat_${index + 1}`, supplierId: h.supplierOf(h.ids.trustA) }),
      );
    }
    const receive = (files: { name: string; bytes: Uint8Array }[]) =>
      h.platform.runner.withTenant(contextFor(h.ids.trustA, 'usr_clerk'), (tx) =>
        payables.receiveDocuments(
          tx,
          files.map((f) => ({ fileName: f.name, content: f.bytes, channel: 'api' as const })),
        ),
      );
    const first = await receive(
      invoices.slice(0, 2).map((invoice, index) => ({ name: `bat-${index + 1}.xml`, bytes: invoice.bytes })),
    );
    expect(first.map((o) => (o.outcome === 'invoice' ? o.status : o.outcome))).toEqual([
      'approved',
      'approved',
    ]);
    expect(h.procurement.batchCalls).toEqual({ lookups: 1, recordings: 1 });

    h.procurement.refusing.add('po_bat_3');
    const fresh = ublInvoice({
      number: 'BAT-4',
      orderReference: 'PO-BAT-4',
      seed: 95,
      lines: 1,
      issueDate: '2026-05-09',
    });
    h.procurement.add(
      h.ids.trustA,
      orderFor(fresh.document, { id: 'po_bat_4', supplierId: h.supplierOf(h.ids.trustA) }),
    );
    const second = await receive([
      { name: 'bat-3.xml', bytes: invoices[2]!.bytes },
      { name: 'bat-4.xml', bytes: fresh.bytes },
    ]);
    expect(
      second.map((o) =>
        o.outcome === 'invoice' ? [o.status, ...o.exceptions.map((e) => e.rule)] : o.outcome,
      ),
    ).toEqual([['exception', 'PAYABLES-ORDER-RECORD'], ['approved']]);
    expect(h.procurement.batchCalls).toEqual({ lookups: 2, recordings: 2 });
  });
});
