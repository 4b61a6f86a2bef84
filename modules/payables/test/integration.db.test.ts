import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../../apps/platform/platform';
import { pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { withGs1CheckDigit } from '../../../standards/peppol-ubl';
import { testEngines } from '../../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../../testing/platform';
import { ublInvoice } from './ubl.test-support';

/** HMRC's published test-valid VAT number: the seller on the invoices and on both supplier records. */
const VAT = 'GB999999973';

/**
 * The real suppliers and procurement services behind payables: a catalogue order raised
 * touchless, received, then invoiced over PEPPOL — matched, approved, posted, and the order
 * closed by procurement, with the accrual procurement releases posted against 210300.
 */
describe.each(testEngines())('payables with the real suppliers and procurement on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const as = <T>(organisation: string, actor: string, work: (tx: TenantTx) => Promise<T>) =>
    platform.runner.withTenant(contextFor(organisation, actor), work);
  let itemId: string;
  let localSupplierId: string;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform, 'G');
    itemId = await as(ids.provider, 'usr_buyer', async (tx) => {
      const supplier = await platform.suppliers.createSupplier(tx, {
        name: 'Medline Industries Ltd',
        vatNumber: VAT,
      });
      const item = await platform.procurement.saveCatalogueItem(tx, {
        scope: 'national',
        supplierId: supplier.id,
        gtin: withGs1CheckDigit('501234510001'),
        description: 'Nitrile examination gloves, medium, box of 100',
        supplierItemCode: 'GLV-100M',
        unitCode: 'XBX',
        packSize: 100,
        categoryCode: 'IC-PPE',
        listPricePence: 650,
      });
      const contract = await platform.procurement.createContract(tx, {
        reference: 'NF-GLV',
        title: 'National framework: gloves',
        kind: 'national-framework',
        validFrom: '2026-04-01',
        validTo: '2027-03-31',
      });
      await platform.procurement.setContractPrices(tx, contract.id, [
        { itemId: item.id, unitPricePence: 485 },
      ]);
      return item.id;
    });
    localSupplierId = await as(ids.trustA, 'usr_stores', async (tx) => {
      const supplier = await platform.suppliers.createSupplier(tx, {
        name: 'MEDLINE INDUSTRIES LIMITED',
        vatNumber: VAT,
        contacts: [{ name: 'Credit control', telephone: '0151 000 0001' }],
      });
      await platform.procurement.setAvailability(tx, { available: true });
      await platform.ledger.setBudget(tx, {
        financialYear: '2026-27',
        costCentreCode: 'WARD1',
        amountPence: pence(10_000_000),
      });
      return supplier.id;
    });
  });
  afterAll(async () => platform.db.close());

  const order = async (quantity: string) => {
    const { purchaseOrders } = await as(ids.trustA, 'usr_requester', (tx) =>
      platform.procurement.submitRequisition(tx, { lines: [{ itemId, quantity, costCentreCode: 'WARD1' }] }),
    );
    expect(purchaseOrders).toHaveLength(1);
    return purchaseOrders[0]!;
  };

  const invoiceFor = (number: string, poNumber: string, quantity: string, price = '4.85') =>
    new TextEncoder().encode(
      ublInvoice({
        number,
        orderReference: poNumber,
        lines: 1,
        seed: 71,
        line: (line) => ({
          ...line,
          quantity: { value: quantity, unitCode: 'XBX' },
          price: { ...line.price, netPrice: { value: price, currency: 'GBP' } },
          item: {
            ...line.item,
            standardId: { id: withGs1CheckDigit('501234510001'), schemeId: '0160' },
            sellerId: 'GLV-100M',
          },
        }),
      }).xml.replaceAll('GB123456789', VAT),
    );

  it('approves a touchless order’s invoice once the goods are received, releasing procurement’s accrual', async () => {
    const po = await order('10');
    expect(po.raisedVia).toBe('touchless');
    await as(ids.trustA, 'usr_stores', (tx) =>
      platform.procurement.recordReceipt(tx, po.id, { lines: [{ lineNo: 1, quantity: '10' }] }),
    );
    const [outcome] = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.payables.receiveDocuments(tx, [
        { fileName: 'gloves.xml', content: invoiceFor('MED-1', po.number, '10'), channel: 'api' },
      ]),
    );
    expect(outcome).toMatchObject({
      outcome: 'invoice',
      status: 'approved',
      supplierName: 'MEDLINE INDUSTRIES LIMITED',
    });
    const detail = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.payables.invoice(tx, outcome!.outcome === 'invoice' ? outcome!.invoiceId : ''),
    );
    expect(detail.invoice).toMatchObject({
      supplierId: localSupplierId,
      purchaseOrderId: po.id,
      approvalRule: 'PAYABLES-MATCH-3WAY',
    });
    expect(detail.lines[0]).toMatchObject({ poLineNo: 1, grniReleasePence: 4850n });
    const journal = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.ledger.journal(tx, detail.invoice.journalId!),
    );
    expect(journal.lines.map((l) => `${l.side} ${l.accountCode} ${l.amountPence}`)).toEqual([
      'debit 210300 4850',
      'debit 130300 970',
      'credit 210200 5820',
    ]);
    const matching = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.procurement.purchaseOrderForMatching(tx, po.number),
    );
    expect(matching).toMatchObject({
      status: 'closed',
      lines: [expect.objectContaining({ invoicedQuantity: '10' })],
    });
  });

  it('queues an invoice for goods not received, and approves it by itself when the receipt is recorded', async () => {
    const po = await order('4');
    const [outcome] = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.payables.receiveDocuments(tx, [
        { fileName: 'early.xml', content: invoiceFor('MED-2', po.number, '4'), channel: 'api' },
      ]),
    );
    expect(outcome).toMatchObject({
      status: 'exception',
      exceptions: [expect.objectContaining({ reason: 'quantity-not-received' })],
    });
    await as(ids.trustA, 'usr_stores', (tx) =>
      platform.procurement.recordReceipt(tx, po.id, { lines: [{ lineNo: 1, quantity: '4' }] }),
    );
    expect(await as(ids.trustA, 'usr_clerk', (tx) => platform.payables.rematch(tx))).toMatchObject({
      cleared: 1,
      approved: 1,
    });
  });

  it('queues a price above the contract price with the variance', async () => {
    const po = await order('2');
    await as(ids.trustA, 'usr_stores', (tx) =>
      platform.procurement.recordReceipt(tx, po.id, { lines: [{ lineNo: 1, quantity: '2' }] }),
    );
    const [outcome] = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.payables.receiveDocuments(tx, [
        { fileName: 'dear.xml', content: invoiceFor('MED-3', po.number, '2', '6.50'), channel: 'api' },
      ]),
    );
    expect(outcome).toMatchObject({
      status: 'exception',
      exceptions: [expect.objectContaining({ reason: 'price-variance' })],
    });
  });

  it('reports procurement’s measures beside the invoice measures', async () => {
    const measures = await as(ids.trustA, 'usr_clerk', (tx) =>
      platform.payables.measures(tx, { from: '2026-04-01', to: '2027-03-31' }),
    );
    expect(measures.procurement).toMatchObject({ purchaseOrdersRaised: 3, touchlessPurchaseOrders: 3 });
    expect(measures.invoices).toMatchObject({ received: 3, approved: 2, touchless: 1, firstPassMatched: 1 });
  });
});
