import { applyBasisPoints } from '../../kernel/money';
import type { TenantContext, TenantTx } from '../../kernel/tenancy';
import { addDays, type LocalDate, londonDate } from '../../kernel/time';
import type { HistoricInvoice } from '../../modules/payables';
import type { PurchaseOrder } from '../../modules/procurement';
import type { Supplier } from '../../modules/suppliers';
import { asGenerator, asPerson, type DemoContext } from '../context';
import type { Random } from '../random';
import { TRUSTS } from '../world';
import { type InvoiceSeller, orderLines, supplierDocument } from './payables-documents';
import { DEMO_SUPPLIERS, type DemoSupplier, ukVatNumber } from './procurement-world';

const AP_CLERK = 'ap.clerk@mainstay.demo';
const PAYMENTS_OFFICER = 'payments.officer@mainstay.demo';
/** Legacy runs paid suppliers on Thursdays. */
const PAYMENT_WEEKDAY = 4;

const weekday = (date: LocalDate) => new Date(`${date}T12:00:00Z`).getUTCDay();
const nextRunDay = (date: LocalDate): LocalDate => addDays(date, (PAYMENT_WEEKDAY - weekday(date) + 7) % 7);
const later = (a: LocalDate, b: LocalDate) => (a > b ? a : b);

function vatOf(order: PurchaseOrder): bigint {
  return order.lines.reduce(
    (sum, line) => sum + applyBasisPoints(line.netPence, BigInt(line.vatRateBasisPoints), 'half-up'),
    0n,
  );
}

/** The invoice number styles of the demo's suppliers: MED-104233, BUN/26/00421… */
const numberFor = (key: string, serial: number) => `${key.slice(0, 3).toUpperCase()}-${100_000 + serial}`;

/**
 * A year of each trust's invoices as its legacy accounts payable system processed them: one per
 * order of the procurement history, most matched with no person involved, some held for a price
 * query or a missing receipt, a few disputed for weeks (the Better Payment Practice Code misses),
 * paid in the Thursday runs; the last few weeks' still unpaid.
 */
function historicInvoices(
  orders: readonly { order: PurchaseOrder; supplierKey: string }[],
  asOf: LocalDate,
  random: Random,
  serials: Map<string, number>,
): HistoricInvoice[] {
  const invoices: HistoricInvoice[] = [];
  for (const { order, supplierKey } of [...orders].sort((a, b) =>
    a.order.orderDate.localeCompare(b.order.orderDate),
  )) {
    const issueDate = addDays(order.orderDate, random.int(1, 4));
    if (issueDate > addDays(asOf, -28)) continue;
    const receivedOn = addDays(issueDate, random.int(0, 2));
    const touchless = random.chance(0.88);
    const disputed = !touchless && random.chance(0.45);
    const approvedOn = touchless
      ? receivedOn
      : addDays(receivedOn, random.int(1, 12) + (disputed ? random.int(20, 40) : 0));
    const paidOn = nextRunDay(later(approvedOn, addDays(receivedOn, 14)));
    const serial = (serials.get(supplierKey) ?? random.int(1_000, 9_000)) + random.int(1, 40);
    serials.set(supplierKey, serial);
    invoices.push({
      supplierId: order.supplierId,
      invoiceNumber: numberFor(supplierKey, serial),
      issueDate,
      receivedOn,
      orderReference: order.number,
      netPence: order.totalNetPence,
      vatPence: vatOf(order),
      touchless,
      firstPassMatched: touchless || random.chance(0.15),
      approvedOn,
      paidOn: paidOn < asOf ? paidOn : null,
    });
  }
  return invoices;
}

/** A supplier writes its own identifiers on its invoices, whatever the trust's record lacks. */
const sellerOf = (supplier: DemoSupplier): InvoiceSeller => ({
  name: supplier.name,
  vatNumber: ukVatNumber(supplier.vatBody),
  companiesHouseNumber: supplier.companiesHouseNumber,
});

/** Every trust's supplier records by the demo supplier they are (Companies House number, or name). */
function demoSuppliersOf(records: readonly Supplier[]) {
  return DEMO_SUPPLIERS.flatMap((demoSupplier) => {
    const record = records.find(
      (supplier) =>
        supplier.companiesHouseNumber === demoSupplier.companiesHouseNumber ||
        supplier.name === demoSupplier.name,
    );
    return record ? [{ demoSupplier, record }] : [];
  });
}

/**
 * This month at the ward manager's trust, through the services as the shared service would
 * see it: PEPPOL invoices for the month's orders (most approve themselves; one is dearer than
 * ordered; the part deliveries wait for their goods), a credit note, invoices with no order,
 * a suspected duplicate, a file with a wrong total, one from a stranger, and the deliberate
 * duplicate INV-0042 — sent to two trusts, and sent again as INV0042.
 */
async function seedThisMonth(demo: DemoContext): Promise<{ received: number }> {
  const { platform } = demo;
  const clerk = asPerson(demo, 'RN1', AP_CLERK);
  const { records, orders } = await platform.runner.withTenant(clerk, async (tx) => ({
    records: await platform.suppliers.listSuppliers(tx, { limit: 1000 }),
    orders: (await platform.procurement.purchaseOrders(tx, { statuses: ['issued'], limit: 100 })).filter(
      (order) => order.lines.some((line) => Number(line.receivedQuantity) > 0),
    ),
  }));
  const known = demoSuppliersOf(records);
  const legalNameOf = (supplierId: string) =>
    known.find((entry) => entry.record.id === supplierId)?.demoSupplier;
  const files: { fileName: string; content: Uint8Array }[] = [];
  const today = londonDate(platform.clock.now());
  let priceQueried = false;
  for (const [index, order] of orders.entries()) {
    const demoSupplier = legalNameOf(order.supplierId);
    if (!demoSupplier) continue;
    const dearer: boolean =
      !priceQueried && order.lines.every((line) => line.receivedQuantity === line.orderedQuantity);
    priceQueried ||= dearer;
    const number = numberFor(demoSupplier.key, 20_000 + index);
    files.push({
      fileName: `${demoSupplier.key}-${number}.xml`,
      content: supplierDocument({
        seller: sellerOf(demoSupplier),
        buyerName: 'Northshire Teaching Hospitals NHS Foundation Trust',
        number,
        issueDate: today,
        orderReference: order.number,
        lines: orderLines(
          order,
          dearer ? { pricePence: (lineNo, price) => (lineNo === 1 ? (price * 108n) / 100n : price) } : {},
        ),
      }),
    });
  }
  const bunzl = known.find((entry) => entry.demoSupplier.key === 'bunzl')!;
  const gama = known.find((entry) => entry.demoSupplier.key === 'gama')!;
  const adHoc = (number: string, description: string, pricePence: bigint, supplier = bunzl) =>
    supplierDocument({
      seller: sellerOf(supplier.demoSupplier),
      buyerName: 'Northshire Teaching Hospitals NHS Foundation Trust',
      number,
      issueDate: addDays(today, -3),
      orderReference: null,
      lines: [
        {
          orderLineNo: null,
          description,
          quantity: '1',
          unitCode: 'EA',
          unitPricePence: pricePence,
          vatRateBasisPoints: 2000,
          gtin: null,
          sellerItemCode: null,
        },
      ],
    });
  files.push({
    fileName: 'bunzl-INV-0042.xml',
    content: adHoc('INV-0042', 'Emergency delivery charge, ward stock top-up', 18_500n),
  });
  files.push({
    fileName: 'gama-GAMA-7781.xml',
    content: adHoc('GAMA-7781', 'Dispenser servicing, quarter 3', 42_000n, gama),
  });
  files.push({
    fileName: 'gama-GAMA-7790.xml',
    content: adHoc('GAMA-7790', 'Dispenser servicing, quarter 3', 42_000n, gama),
  });
  const wrongTotal = new TextDecoder()
    .decode(adHoc('INV-0051', 'Clinical waste sacks, special order', 9_600n))
    .replace(/<cbc:PayableAmount currencyID="GBP">[^<]+</, '<cbc:PayableAmount currencyID="GBP">96.00<');
  files.push({ fileName: 'bunzl-INV-0051.xml', content: new TextEncoder().encode(wrongTotal) });
  const stranger = supplierDocument({
    seller: {
      name: 'Northshire Scaffolding Services Ltd',
      vatNumber: 'GB999999973',
      companiesHouseNumber: '09876543',
    },
    buyerName: 'Northshire Teaching Hospitals NHS Foundation Trust',
    number: 'SC-3301',
    issueDate: addDays(today, -2),
    orderReference: null,
    lines: [
      {
        orderLineNo: null,
        description: 'Scaffolding hire, Block C',
        quantity: '1',
        unitCode: 'EA',
        unitPricePence: 126_000n,
        vatRateBasisPoints: 2000,
        gtin: null,
        sellerItemCode: null,
      },
    ],
  });
  files.push({ fileName: 'northshire-scaffolding-SC-3301.xml', content: stranger });

  const outcomes = await platform.runner.withTenant(clerk, (tx) =>
    platform.payables.receiveDocuments(
      tx,
      files.map((file) => ({ ...file, channel: 'demo' as const })),
      { organisationName: 'Northshire Teaching Hospitals NHS Foundation Trust' },
    ),
  );

  // The same invoice sent to a second trust, and sent to the first again under a respelt number.
  const bunzlAtRn2 = await platform.runner.withTenant(asGenerator('RN2'), (tx) =>
    platform.suppliers.listSuppliers(tx, { limit: 1000 }),
  );
  const rn2Bunzl = demoSuppliersOf(bunzlAtRn2).find((entry) => entry.demoSupplier.key === 'bunzl');
  if (rn2Bunzl) {
    await platform.runner.withTenant(asPerson(demo, 'RN2', AP_CLERK), (tx) =>
      platform.payables.receiveDocuments(
        tx,
        [
          {
            fileName: 'bunzl-INV-0042.xml',
            content: files.find((f) => f.fileName === 'bunzl-INV-0042.xml')!.content,
            channel: 'demo',
          },
        ],
        {
          organisationName: 'Dale Valley Hospitals NHS Trust',
        },
      ),
    );
  }
  await platform.runner.withTenant(clerk, (tx) =>
    platform.payables.receiveDocuments(tx, [
      {
        fileName: 'bunzl-INV0042-resent.xml',
        content: adHoc('INV0042', 'Emergency delivery charge, ward stock top-up', 18_500n),
        channel: 'demo',
      },
    ]),
  );

  // A returned box: the supplier credits one unit of the first touchless invoice's first line.
  const creditable = outcomes.find(
    (outcome) => outcome.outcome === 'invoice' && outcome.status === 'approved',
  );
  if (creditable?.outcome === 'invoice') {
    await platform.runner.withTenant(clerk, async (tx) => {
      const { invoice } = await platform.payables.invoice(tx, creditable.invoiceId);
      const order = invoice.orderReference
        ? await platform.procurement.purchaseOrderForMatching(tx, invoice.orderReference)
        : null;
      const demoSupplier = legalNameOf(invoice.supplierId);
      const line = order?.lines[0];
      if (!line || !demoSupplier) return;
      await platform.payables.receiveDocuments(tx, [
        {
          fileName: `${demoSupplier.key}-credit.xml`,
          channel: 'demo',
          content: supplierDocument({
            seller: sellerOf(demoSupplier),
            buyerName: 'Northshire Teaching Hospitals NHS Foundation Trust',
            number: `CN-${creditable.invoiceNumber}`,
            issueDate: today,
            orderReference: invoice.orderReference,
            kind: 'CreditNote',
            precedingInvoice: creditable.invoiceNumber,
            lines: [
              {
                orderLineNo: line.lineNo,
                description: `${line.description} (returned: damaged in transit)`,
                quantity: '1',
                unitCode: line.unitCode,
                unitPricePence: line.unitPricePence,
                vatRateBasisPoints: line.vatRateBasisPoints,
                gtin: line.gtin,
                sellerItemCode: line.supplierItemCode,
              },
            ],
          }),
        },
      ]);
    });
  }
  return { received: files.length + 2 };
}

/**
 * The payables demo: each trust's paying account, a year of invoice history (BPPC around 95%),
 * this month's invoices through the real engine with the exceptions an AP clerk clears, the
 * deliberate duplicates stopped, and a payment run approved by the payments officer.
 */
export async function seedPayables(demo: DemoContext): Promise<{ invoices: number }> {
  const { platform, asOf } = demo;
  const started = performance.now();
  const random = demo.random.fork('payables');
  let invoices = 0;
  /** A supplier numbers its invoices in one sequence, whichever trust it bills. */
  const serials = new Map<string, number>();
  for (const [index, trust] of TRUSTS.entries()) {
    const ctx: TenantContext = asGenerator(trust.id);
    await platform.runner.withTenant(ctx, async (tx: TenantTx) => {
      await platform.payables.setBankAccount(tx, {
        sortCode: `60830${index + 1}`,
        accountNumber: `1000${String(index + 1).padStart(4, '0')}`,
        accountName: trust.name.toUpperCase().slice(0, 18),
        serviceUserNumber: `2${String(index + 1).padStart(5, '0')}`,
      });
      const suppliers = demoSuppliersOf(await platform.suppliers.listSuppliers(tx, { limit: 1000 }));
      const orders: { order: PurchaseOrder; supplierKey: string }[] = [];
      for (const { demoSupplier, record } of suppliers) {
        const closed = await platform.procurement.purchaseOrders(tx, {
          supplierId: record.id,
          statuses: ['closed'],
          limit: 500,
        });
        orders.push(...closed.map((order) => ({ order, supplierKey: demoSupplier.key })));
      }
      const history = historicInvoices(orders, asOf, random.fork(trust.id), serials);
      invoices += (await platform.payables.importInvoiceHistory(tx, history)).invoices;
    });
  }
  const live = await seedThisMonth(demo);
  await platform.runner.withTenant(asPerson(demo, 'RN1', PAYMENTS_OFFICER), async (tx) => {
    const run = await platform.payables.proposePaymentRun(tx);
    await platform.payables.approvePaymentRun(tx, run.id);
  });
  demo.progress(
    `  payables: ${invoices} invoices of history, ${live.received} received this month, a payment run paid (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { invoices: invoices + live.received };
}
