import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { openTestPlatform } from '../../testing/platform';
import { buildProcurementWorld, type ProcurementWorld } from './fixtures/test-world';
import type { PurchaseOrder } from './index';

describe.each(testEngines())('recording a batch of invoices against orders on %s', (engine) => {
  let platform: Platform;
  let world: ProcurementWorld;
  let gloves: PurchaseOrder;
  let dressings: PurchaseOrder;
  const trustA = () => world.ids.trustA;
  const order = (id: string) =>
    world.as(trustA(), 'usr_any', (tx) => platform.procurement.purchaseOrder(tx, id));
  const committed = async () =>
    (await world.as(trustA(), 'usr_any', (tx) => platform.procurement.budgetPosition(tx, 'WARD1', '2026-27')))
      .committedPence;

  const raise = async (itemId: string, quantity: number) =>
    (
      await world.as(trustA(), world.people.requester, (tx) =>
        platform.procurement.submitRequisition(tx, {
          lines: [{ itemId, quantity, costCentreCode: 'WARD1' }],
        }),
      )
    ).purchaseOrders[0]!;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    world = await buildProcurementWorld(platform, 'V');
    gloves = await raise(world.national.gloves, 10);
    dressings = await raise(world.national.dressings, 4);
    for (const [placed, quantity] of [
      [gloves, 10],
      [dressings, 2],
    ] as const) {
      await world.as(trustA(), world.people.storekeeper, (tx) =>
        platform.procurement.recordReceipt(tx, placed.id, { lines: [{ lineNo: 1, quantity }] }),
      );
    }
  });
  afterAll(async () => platform.db.close());

  it('looks up the orders a batch names in one call, null where none matches, each reference as written', async () => {
    const found = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.purchaseOrdersForMatching(tx, [
        dressings.number.toLowerCase(),
        'PO-000000',
        gloves.number.slice(trustA().length + 1),
        '',
        dressings.number,
      ]),
    );
    expect(found.map((o) => o?.id ?? null)).toEqual([dressings.id, null, gloves.id, null, dressings.id]);
    expect(found[2]?.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        orderedQuantity: '10',
        receivedQuantity: '10',
        invoicedQuantity: '0',
      }),
    ]);
  });

  it('refuses the whole batch when one invoice is refused, writing nothing for the others', async () => {
    const before = await committed();
    const refusal = await world
      .as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.recordInvoicedMany(tx, [
          {
            purchaseOrderId: gloves.id,
            invoiceId: 'inv_fine',
            lines: [{ lineNo: 1, quantity: 10, netPence: 4_850 }],
          },
          {
            purchaseOrderId: dressings.id,
            invoiceId: 'inv_over',
            lines: [{ lineNo: 1, quantity: 5, netPence: 4_750 }],
          },
        ]),
      )
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refusal).toMatchObject({ code: 'OVER_INVOICED', issues: [{ rule: 'invoice-within-order' }] });
    expect((await order(gloves.id)).lines[0]).toMatchObject({ invoicedQuantity: '0' });
    expect((await order(gloves.id)).status).toBe('received');
    expect(await committed()).toBe(before);
  });

  it('records invoices in order, each seeing the ones before it on the same order, and closes what is invoiced in full', async () => {
    const before = await committed();
    const results = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoicedMany(tx, [
        {
          purchaseOrderId: gloves.id,
          invoiceId: 'inv_g1',
          lines: [{ lineNo: 1, quantity: 6, netPence: 2_910 }],
        },
        {
          purchaseOrderId: dressings.id,
          invoiceId: 'inv_d1',
          lines: [{ lineNo: 1, quantity: 3, netPence: 2_850 }],
        },
        {
          purchaseOrderId: gloves.id,
          invoiceId: 'inv_g2',
          lines: [{ lineNo: 1, quantity: 4, netPence: 1_940 }],
        },
        {
          purchaseOrderId: gloves.id,
          invoiceId: 'crn_g1',
          lines: [{ lineNo: 1, quantity: -1, netPence: -485 }],
        },
        {
          purchaseOrderId: gloves.id,
          invoiceId: 'inv_g3',
          lines: [{ lineNo: 1, quantity: 1, netPence: 485 }],
        },
      ]),
    );
    expect(
      results.map((r) => [
        r.invoiceId,
        r.status,
        r.lines[0]!.invoicedQuantity,
        r.lines[0]!.grniReleasedPence,
      ]),
    ).toEqual([
      ['inv_g1', 'received', '6', 2_910n],
      // 2 of the 3 dressings were received: only their accrual is released
      ['inv_d1', 'partially-received', '3', 1_900n],
      ['inv_g2', 'closed', '10', 1_940n],
      ['crn_g1', 'received', '9', 0n],
      ['inv_g3', 'closed', '10', 0n],
    ]);
    expect(await order(gloves.id)).toMatchObject({ status: 'closed', lines: [{ invoicedQuantity: '10' }] });
    expect(await order(dressings.id)).toMatchObject({
      status: 'partially-received',
      lines: [{ invoicedQuantity: '3' }],
    });
    // Closing the gloves order released nothing: every glove was received, so none was still committed
    expect(await committed()).toBe(before);
    const audit = await world.as(trustA(), 'usr_any', (tx) =>
      tx.query<{ n: number }>(
        "select count(*)::int as n from kernel.audit_entry where action = 'procurement.purchase-order.invoiced'",
      ),
    );
    expect(audit.rows[0]!.n).toBe(5);
  });

  it('returns the first result for an invoice recorded again, in a batch or alone', async () => {
    const [again] = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoicedMany(tx, [
        {
          purchaseOrderId: dressings.id,
          invoiceId: 'inv_d1',
          lines: [{ lineNo: 1, quantity: '3', netPence: 2_850n }],
        },
      ]),
    );
    expect(again).toMatchObject({
      alreadyRecorded: true,
      lines: [{ invoicedQuantity: '3', grniReleasedPence: 1_900n }],
    });
    const alone = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: gloves.id,
        invoiceId: 'inv_g2',
        lines: [{ lineNo: 1, quantity: 4, netPence: 1_940 }],
      }),
    );
    expect(alone).toMatchObject({ alreadyRecorded: true, status: 'closed' });
  });

  it('makes a second intake wait for the first on the same order, then refuses what the first already took', async () => {
    const placed = await raise(world.national.gloves, 6);
    await world.as(trustA(), world.people.storekeeper, (tx) =>
      platform.procurement.recordReceipt(tx, placed.id, { lines: [{ lineNo: 1, quantity: 6 }] }),
    );
    const allSix = (invoiceId: string) => [
      { purchaseOrderId: placed.id, invoiceId, lines: [{ lineNo: 1, quantity: 6, netPence: 2_910 }] },
    ];
    let finishFirst!: () => void;
    const firstMayFinish = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    let firstRecorded!: () => void;
    const recordedByFirst = new Promise<void>((resolve) => {
      firstRecorded = resolve;
    });
    // The first intake records all six and stays open; the second starts while it is open.
    const first = world.as(trustA(), 'usr_payables', async (tx) => {
      const result = await platform.procurement.recordInvoicedMany(tx, allSix('inv_race_1'));
      firstRecorded();
      await firstMayFinish;
      return result;
    });
    await recordedByFirst;
    const second = world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoicedMany(tx, allSix('inv_race_2')),
    );
    const secondOutcome = second.then(
      () => 'recorded',
      (error: { code?: string }) => error.code,
    );
    // Time for the second to read the order while the first is still open: without the lock it
    // would see nothing invoiced yet and take all six again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    finishFirst();
    expect((await first)[0]).toMatchObject({ status: 'closed', lines: [{ invoicedQuantity: '6' }] });
    expect(await secondOutcome).toBe('OVER_INVOICED');
    expect(await order(placed.id)).toMatchObject({ status: 'closed', lines: [{ invoicedQuantity: '6' }] });
  });

  it('releases the open commitment when a batch closes an order that was only partly received', async () => {
    const before = await committed();
    const [last] = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoicedMany(tx, [
        {
          purchaseOrderId: dressings.id,
          invoiceId: 'inv_d2',
          lines: [{ lineNo: 1, quantity: 1, netPence: 950 }],
        },
      ]),
    );
    expect(last).toMatchObject({
      status: 'closed',
      lines: [{ invoicedQuantity: '4', grniReleasedPence: 0n }],
    });
    // 4 dressings ordered at 950p, 2 received: the other 1,900p was still committed until the order closed
    expect(await committed()).toBe(before - 1_900n);
  });
});
