import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { openTestPlatform } from '../../testing/platform';
import { buildProcurementWorld, type ProcurementWorld } from './fixtures/test-world';
import type { PurchaseOrder } from './index';

type Problem = { code: string; issues: { path: string; rule: string }[] };

describe.each(testEngines())('purchase orders, receipts and the payables interface on %s', (engine) => {
  let platform: Platform;
  let world: ProcurementWorld;
  let order: PurchaseOrder;
  const trustA = () => world.ids.trustA;
  const problem = async (work: Promise<unknown>) =>
    (await work.then(
      () => null,
      (e: unknown) => e,
    )) as Problem;
  const grni = (lineNo: number) =>
    world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.receiptValueNotInvoiced(tx, order.id, lineNo),
    );
  const committed = async () =>
    (await world.as(trustA(), 'usr_any', (tx) => platform.procurement.budgetPosition(tx, 'WARD1', '2026-27')))
      .committedPence;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    world = await buildProcurementWorld(platform, 'R');
    const submitted = await world.as(trustA(), world.people.requester, (tx) =>
      platform.procurement.submitRequisition(tx, {
        lines: [
          { itemId: world.national.gloves, quantity: 10, costCentreCode: 'WARD1' },
          { itemId: world.national.dressings, quantity: '2.5', costCentreCode: 'WARD1' },
        ],
      }),
    );
    order = submitted.purchaseOrders[0]!;
  });
  afterAll(async () => platform.db.close());

  it('gives payables the order a supplier quotes, however the number is written, with exact decimal quantities', async () => {
    for (const reference of [
      order.number,
      order.number.toLowerCase(),
      order.number.replaceAll('-', ' '),
      order.number.slice(trustA().length + 1),
    ]) {
      const found = await world.as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.purchaseOrderForMatching(tx, reference),
      );
      expect(found?.id, reference).toBe(order.id);
    }
    const matching = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.purchaseOrderForMatching(tx, order.number),
    );
    expect(matching).toEqual({
      id: order.id,
      number: order.number,
      supplierId: world.local.medline,
      status: 'issued',
      currency: 'GBP',
      lines: [
        expect.objectContaining({
          lineNo: 1,
          orderedQuantity: '10',
          receivedQuantity: '0',
          invoicedQuantity: '0',
          unitPricePence: 485n,
          vatRateBasisPoints: 2000,
          unitCode: 'XBX',
          accountCode: '610100',
          costCentreCode: 'WARD1',
          supplierItemCode: 'GLV-100M',
        }),
        expect.objectContaining({ lineNo: 2, orderedQuantity: '2.5', unitPricePence: 950n, unitCode: 'XPK' }),
      ],
    });
    expect(
      await world.as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.purchaseOrderForMatching(tx, 'PO-999999'),
      ),
    ).toBeNull();
  });

  it("finds nothing of trust A's orders from trust B", async () => {
    const fromB = await world.as(world.ids.trustB, 'usr_payables', (tx) =>
      platform.procurement.purchaseOrderForMatching(tx, order.number),
    );
    expect(fromB).toBeNull();
  });

  it('refuses a receipt by the person who raised the order', async () => {
    const error = await problem(
      world.as(trustA(), world.people.requester, (tx) =>
        platform.procurement.recordReceipt(tx, order.id, { lines: [{ lineNo: 1, quantity: 1 }] }),
      ),
    );
    expect(error).toMatchObject({
      code: 'SEGREGATION_OF_DUTIES',
      issues: [{ rule: 'requester-may-not-receive' }],
    });
  });

  it('posts the accrual for a partial receipt in the same transaction and releases the commitment it replaces', async () => {
    const before = await committed();
    const receipt = await world.as(trustA(), world.people.storekeeper, (tx) =>
      platform.procurement.recordReceipt(tx, order.id, {
        lines: [{ lineNo: 1, quantity: 4 }],
        note: 'Partial delivery',
      }),
    );
    expect(receipt).toMatchObject({
      kind: 'receipt',
      lines: [{ lineNo: 1, quantity: '4', valuePence: 1_940n }],
    });
    const journal = await world.as(trustA(), 'usr_any', (tx) =>
      platform.ledger.journal(tx, receipt.journalId!),
    );
    expect(journal).toMatchObject({
      reasonCode: 'GRNI_ACCRUAL',
      sourceModule: 'procurement',
      sourceId: receipt.id,
      totalPence: 1_940n,
    });
    expect(
      journal.lines.map((line) => [line.accountCode, line.costCentreCode, line.side, line.amountPence]),
    ).toEqual([
      ['610100', 'WARD1', 'debit', 1_940n],
      ['210300', null, 'credit', 1_940n],
    ]);
    expect(await committed()).toBe(before - 1_940n);
    expect(await grni(1)).toBe(1_940n);
    const state = await world.as(trustA(), 'usr_any', (tx) =>
      platform.procurement.purchaseOrder(tx, order.id),
    );
    expect(state).toMatchObject({
      status: 'partially-received',
      lines: [{ receivedQuantity: '4' }, { receivedQuantity: '0' }],
    });
  });

  it('refuses receiving more than is outstanding, naming the line', async () => {
    const error = await problem(
      world.as(trustA(), world.people.storekeeper, (tx) =>
        platform.procurement.recordReceipt(tx, order.id, { lines: [{ lineNo: 1, quantity: 7 }] }),
      ),
    );
    expect(error).toMatchObject({
      code: 'RECEIPT_INVALID',
      issues: [{ path: 'lines[0].quantity', rule: 'receipt-within-order' }],
    });
  });

  it('reverses the accrual in proportion when goods go back, and commits the outstanding value again', async () => {
    const before = await committed();
    const back = await world.as(trustA(), world.people.storekeeper, (tx) =>
      platform.procurement.recordReceipt(tx, order.id, {
        kind: 'return',
        lines: [{ lineNo: 1, quantity: 1 }],
        note: 'Box damaged',
      }),
    );
    expect(back.lines[0]).toMatchObject({ quantity: '1', valuePence: 485n });
    const journal = await world.as(trustA(), 'usr_any', (tx) => platform.ledger.journal(tx, back.journalId!));
    expect(journal.lines.map((line) => [line.accountCode, line.side, line.amountPence])).toEqual([
      ['610100', 'credit', 485n],
      ['210300', 'debit', 485n],
    ]);
    expect(await grni(1)).toBe(1_455n);
    expect(await committed()).toBe(before + 485n);
  });

  it('records invoicing, releasing exactly the accrual of the received goods it covers', async () => {
    const result = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: order.id,
        invoiceId: 'inv_1',
        lines: [{ lineNo: 1, quantity: '2', netPence: 970 }],
      }),
    );
    expect(result).toMatchObject({
      alreadyRecorded: false,
      status: 'partially-received',
      lines: [{ lineNo: 1, invoicedQuantity: '2', grniReleasedPence: 970n }],
    });
    expect(await grni(1)).toBe(485n);
    const again = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: order.id,
        invoiceId: 'inv_1',
        lines: [{ lineNo: 1, quantity: 2, netPence: 970 }],
      }),
    );
    expect(again).toMatchObject({ alreadyRecorded: true, lines: [{ grniReleasedPence: 970n }] });
    const clash = await problem(
      world.as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.recordInvoiced(tx, {
          purchaseOrderId: order.id,
          invoiceId: 'inv_1',
          lines: [{ lineNo: 1, quantity: 3, netPence: 970 }],
        }),
      ),
    );
    expect(clash.code).toBe('INVOICE_RECORD_CONFLICT');
  });

  it('refuses invoicing beyond the order unless the caller allows that much over', async () => {
    const over = await problem(
      world.as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.recordInvoiced(tx, {
          purchaseOrderId: order.id,
          invoiceId: 'inv_2',
          lines: [{ lineNo: 2, quantity: '3', netPence: 2_850 }],
        }),
      ),
    );
    expect(over).toMatchObject({
      code: 'OVER_INVOICED',
      issues: [{ path: 'lines[0].quantity', rule: 'invoice-within-order' }],
    });
    const allowed = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: order.id,
        invoiceId: 'inv_2',
        lines: [{ lineNo: 2, quantity: '3', netPence: 2_850 }],
        allowedOverQuantity: '0.5',
      }),
    );
    expect(allowed.lines[0]).toMatchObject({ invoicedQuantity: '3', grniReleasedPence: 0n });
  });

  it('applies a credit note as a negative quantity, never below nothing invoiced', async () => {
    const tooMuch = await problem(
      world.as(trustA(), 'usr_payables', (tx) =>
        platform.procurement.recordInvoiced(tx, {
          purchaseOrderId: order.id,
          invoiceId: 'crn_1',
          lines: [{ lineNo: 1, quantity: -5, netPence: -2_425 }],
        }),
      ),
    );
    expect(tooMuch).toMatchObject({ code: 'OVER_INVOICED', issues: [{ rule: 'credit-within-invoiced' }] });
    const credit = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: order.id,
        invoiceId: 'crn_1',
        lines: [{ lineNo: 1, quantity: -1, netPence: -485 }],
      }),
    );
    expect(credit.lines[0]).toMatchObject({ invoicedQuantity: '1', grniReleasedPence: 0n });
  });

  it('closes the order when every line is invoiced in full, releasing what is still committed', async () => {
    await world.as(trustA(), world.people.storekeeper, (tx) =>
      platform.procurement.recordReceipt(tx, order.id, {
        lines: [
          { lineNo: 1, quantity: 7 },
          { lineNo: 2, quantity: '2.5' },
        ],
      }),
    );
    const result = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.recordInvoiced(tx, {
        purchaseOrderId: order.id,
        invoiceId: 'inv_3',
        lines: [{ lineNo: 1, quantity: 9, netPence: 4_365 }],
      }),
    );
    expect(result.status).toBe('closed');
    // 4,850p accrued in all on line 1, 970p released by inv_1; the credit note re-accrued nothing, so 3,880p is what is left
    expect(result.lines[0]!.grniReleasedPence).toBe(3_880n);
    expect(await grni(1)).toBe(0n);
    const participants = await world.as(trustA(), 'usr_payables', (tx) =>
      platform.procurement.orderParticipants(tx, order.id),
    );
    expect(participants).toEqual({
      requesterId: world.people.requester,
      approverIds: [],
      receiverIds: [world.people.storekeeper],
    });
  });

  describe('amendment and cancellation', () => {
    let open: PurchaseOrder;
    beforeAll(async () => {
      const { purchaseOrders } = await world.as(trustA(), world.people.requester, (tx) =>
        platform.procurement.submitRequisition(tx, {
          lines: [{ itemId: world.national.syringes, quantity: 10, costCentreCode: 'WARD1' }],
        }),
      );
      open = purchaseOrders[0]!;
    });

    it('amends as a new version, keeping the earlier lines, and moves the commitment with it', async () => {
      const before = await committed();
      const amended = await world.as(trustA(), world.people.storekeeper, (tx) =>
        platform.procurement.amendPurchaseOrder(tx, open.id, {
          reason: 'Ward needs fewer',
          lines: [{ lineNo: 1, quantity: 6 }],
        }),
      );
      expect(amended).toMatchObject({
        version: 2,
        totalNetPence: 4_200n,
        lines: [{ orderedQuantity: '6', version: 2 }],
      });
      expect(await committed()).toBe(before - 2_800n);
      const history = await world.as(trustA(), 'usr_any', (tx) =>
        platform.procurement.purchaseOrderHistory(tx, open.id),
      );
      expect(history.map((v) => [v.version, v.change, v.lines[0]!.orderedQuantity])).toEqual([
        [1, 'raised', '10'],
        [2, 'amended', '6'],
      ]);
      const bigger = await problem(
        world.as(trustA(), world.people.storekeeper, (tx) =>
          platform.procurement.amendPurchaseOrder(tx, open.id, {
            reason: 'More',
            lines: [{ lineNo: 1, quantity: 11 }],
          }),
        ),
      );
      expect(bigger.code).toBe('AMENDMENT_NEEDS_APPROVAL');
    });

    it('writes a PEPPOL BIS Order that names the order, both parties and each item', async () => {
      const xml = await world.as(trustA(), 'usr_any', (tx) => platform.procurement.orderXml(tx, open.id));
      expect(xml).toContain(
        '<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>',
      );
      expect(xml).toContain(`<cbc:ID>${open.number}</cbc:ID>`);
      expect(xml).toContain('<cbc:Quantity unitCode="XBX">6</cbc:Quantity>');
      expect(xml).toMatch(/<cbc:ID schemeID="0160">\d{14}<\/cbc:ID>/);
      expect(xml).toContain('<cbc:PayableAmount currencyID="GBP">50.40</cbc:PayableAmount>');
    });

    it('cancels as a version too, releasing the whole commitment', async () => {
      const before = await committed();
      const cancelled = await world.as(trustA(), world.people.storekeeper, (tx) =>
        platform.procurement.cancelPurchaseOrder(tx, open.id, 'Found stock on Ward 9'),
      );
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        version: 3,
        cancelReason: 'Found stock on Ward 9',
      });
      expect(await committed()).toBe(before - 4_200n);
      const late = await problem(
        world.as(trustA(), world.people.storekeeper, (tx) =>
          platform.procurement.recordReceipt(tx, open.id, { lines: [{ lineNo: 1, quantity: 1 }] }),
        ),
      );
      expect(late.code).toBe('PURCHASE_ORDER_NOT_OPEN');
    });
  });

  it('reports the touchless rate and requisition-to-order time', async () => {
    const measures = await world.as(trustA(), 'usr_any', (tx) =>
      platform.procurement.measures(tx, { from: '2026-06-01', to: '2026-06-30' }),
    );
    expect(measures).toMatchObject({
      purchaseOrdersRaised: 2,
      touchlessPurchaseOrders: 2,
      touchlessRate: 1,
      requisitionToOrderSeconds: { median: 0, p90: 0 },
      purchaseOrdersCancelled: 1,
    });
    expect(
      (
        await problem(
          world.as(trustA(), 'usr_any', (tx) =>
            platform.procurement.measures(tx, { from: '2026-07-01', to: '2026-06-01' }),
          ),
        )
      ).code,
    ).toBe('MEASURES_PERIOD_INVALID');
  });
});
