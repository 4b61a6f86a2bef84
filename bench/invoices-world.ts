import { createPlatform, type Platform, preparePlatform } from '../apps/platform/platform';
import { orderLines, supplierDocument } from '../demo/parts/payables-documents';
import type { Engine } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';
import { pence } from '../kernel/money';
import type { TenantContext, TenantTx } from '../kernel/tenancy';
import { addDays, fixedClock, localDate } from '../kernel/time';
import type { PurchaseOrder } from '../modules/procurement';
import { gs1CheckDigit } from '../standards/gs1';

/** The benchmark trust and its provider: one organisation's invoices, as a shared service ingests them. */
export const BENCH_TRUST = 'BINVT';
const PROVIDER = 'BINVP';
const BOARD = 'BINVB';
const SUPPLIERS = 12;
const ITEMS_PER_SUPPLIER = 6;
const LINES_PER_ORDER = 4;

const actor = (id: string): TenantContext['actor'] => ({ kind: 'user', id });
const at = (organisationId: string, id: string): TenantContext => ({ organisationId, actor: actor(id) });

/** HMRC modulus 97 check digits for a seven-digit VAT body, so the suppliers register accepts the number. */
const vatNumber = (body: number) => {
  const digits = String(body).padStart(7, '0');
  const weighted = [...digits].reduce((total, digit, index) => total + Number(digit) * (8 - index), 0);
  return `GB${digits}${String((97 - (weighted % 97)) % 97).padStart(2, '0')}`;
};

export type BenchSupplier = {
  name: string;
  vat: string;
  items: { id: string; gtin: string; code: string }[];
};

export type InvoicesWorld = {
  platform: Platform;
  engine: Engine;
  suppliers: BenchSupplier[];
  close(): Promise<void>;
};

/**
 * A scratch platform with a catalogue on a national framework: twelve suppliers (national and
 * the trust's own records, found by VAT number), six items each on contract, budget to spare.
 * Orders are then raised touchless and received, exactly as the product does it.
 */
export async function openInvoicesWorld(engine: Engine): Promise<InvoicesWorld> {
  const db = await openScratchDatabase(engine);
  const platform = createPlatform(db, fixedClock('2026-06-15T10:00:00Z'));
  await preparePlatform(platform);
  const { runner, organisations, ledger, suppliers, procurement } = platform;
  await runner.withTenant(at(PROVIDER, 'bench'), async (tx) => {
    await organisations.registerOrganisation(tx, {
      id: PROVIDER,
      name: 'Bench provider',
      kind: 'shared-service-provider',
      status: 'member',
    });
    await organisations.registerOrganisation(tx, {
      id: BOARD,
      name: 'Bench board',
      kind: 'icb',
      status: 'member',
      parentId: PROVIDER,
    });
    await organisations.registerOrganisation(tx, {
      id: BENCH_TRUST,
      name: 'Bench Hospitals NHS Trust',
      kind: 'trust',
      trustType: 'acute',
      status: 'member',
      parentId: BOARD,
    });
  });
  const world: BenchSupplier[] = [];
  await runner.withTenant(at(PROVIDER, 'bench-buyer'), async (tx) => {
    const contract = await procurement.createContract(tx, {
      reference: 'BENCH-NF',
      title: 'Benchmark national framework',
      kind: 'national-framework',
      validFrom: '2026-04-01',
      validTo: '2027-03-31',
    });
    const prices: { itemId: string; unitPricePence: number }[] = [];
    for (let s = 0; s < SUPPLIERS; s += 1) {
      const vat = vatNumber(3_100_000 + s * 7_919);
      const supplier = await suppliers.createSupplier(tx, {
        name: `Bench Supplier ${s + 1} Ltd`,
        vatNumber: vat,
      });
      const items: BenchSupplier['items'] = [];
      for (let i = 0; i < ITEMS_PER_SUPPLIER; i += 1) {
        const body = `5099${String(s).padStart(3, '0')}${String(i).padStart(5, '0')}`;
        const gtin = `${body}${gs1CheckDigit(body)}`;
        const item = await procurement.saveCatalogueItem(tx, {
          scope: 'national',
          supplierId: supplier.id,
          gtin,
          description: `Bench consumable ${s + 1}-${i + 1}`,
          supplierItemCode: `B${s}-${i}`,
          unitCode: 'XBX',
          packSize: 10,
          categoryCode: 'IC-PPE',
          listPricePence: 900 + i * 37,
        });
        prices.push({ itemId: item.id, unitPricePence: 700 + i * 29 });
        items.push({ id: item.id, gtin, code: `B${s}-${i}` });
      }
      world.push({ name: supplier.name, vat, items });
    }
    await procurement.setContractPrices(tx, contract.id, prices);
  });
  await runner.withTenant(at(BENCH_TRUST, 'bench-finance'), async (tx) => {
    await ledger.openFinancialYear(tx, '2026-27');
    await ledger.saveCostCentre(tx, { code: 'WARD1', name: 'Ward 1', division: 'Medicine' });
    await ledger.setBudget(tx, {
      financialYear: '2026-27',
      costCentreCode: 'WARD1',
      amountPence: pence(1_000_000_000_000),
    });
    for (const supplier of world)
      await suppliers.createSupplier(tx, { name: supplier.name.toUpperCase(), vatNumber: supplier.vat });
    await procurement.setAvailability(tx, { available: true });
  });
  return { platform, engine, suppliers: world, close: () => db.close() };
}

/** An order raised for the benchmark; `ordinal` counts orders across the run and fixes what is ordered. */
export type RaisedOrder = { order: PurchaseOrder; supplier: BenchSupplier; ordinal: number };

/**
 * Raises `count` touchless catalogue orders of four lines and receives them in full.
 */
export async function raiseOrders(
  world: InvoicesWorld,
  count: number,
  offset: number,
): Promise<RaisedOrder[]> {
  const { runner, procurement } = world.platform;
  const raised: RaisedOrder[] = [];
  for (let n = 0; n < count; n += 1) {
    const supplier = world.suppliers[(offset + n) % world.suppliers.length]!;
    const lines = Array.from({ length: LINES_PER_ORDER }, (_, l) => ({
      itemId: supplier.items[(offset + n + l) % supplier.items.length]!.id,
      quantity: String(1 + (((offset + n) * 7 + l * 13) % 97)),
      costCentreCode: 'WARD1',
    }));
    const { purchaseOrders } = await runner.withTenant(at(BENCH_TRUST, 'bench-requester'), (tx: TenantTx) =>
      procurement.submitRequisition(tx, { lines }),
    );
    const order = purchaseOrders[0];
    if (!order) throw new Error('the benchmark order was not raised touchless');
    raised.push({ order, supplier, ordinal: offset + n });
  }
  for (let start = 0; start < raised.length; start += 100) {
    await runner.withTenant(at(BENCH_TRUST, 'bench-stores'), async (tx) => {
      for (const { order } of raised.slice(start, start + 100)) {
        await procurement.recordReceipt(tx, order.id, {
          lines: order.lines.map((line) => ({ lineNo: line.lineNo, quantity: line.orderedQuantity })),
        });
      }
    });
  }
  // Fresh statistics, as autovacuum keeps them in production: the benchmark grows tables faster
  // than autovacuum notices, and stale counts make the planner scan where it should probe.
  await world.platform.db.exec('analyze');
  return raised;
}

/** Issue dates run over the financial year so far, up to the day before the benchmark's clock (2026-06-15). */
const FIRST_ISSUE_DATE = localDate('2026-04-01');
const ISSUE_DAYS = 75;

/**
 * The supplier's PEPPOL invoice for an order, exactly as ordered (so it matches within tolerance).
 * `ordinal` counts invoices across the whole run: an order's supplier, items and quantities
 * repeat every 1,164 orders, so the issue date follows the ordinal too, or later rounds would
 * repeat earlier invoices' supplier, amount and date and be held as suspected duplicates
 * (unique for the first 29,100 invoices, the least common multiple of 1,164 and 75).
 */
export function invoiceForOrder(
  order: PurchaseOrder,
  supplier: BenchSupplier,
  number: string,
  ordinal: number,
): Uint8Array {
  return supplierDocument({
    seller: { name: supplier.name, vatNumber: supplier.vat, companiesHouseNumber: null },
    buyerName: 'Bench Hospitals NHS Trust',
    number,
    issueDate: addDays(FIRST_ISSUE_DATE, ordinal % ISSUE_DAYS),
    orderReference: order.number,
    lines: orderLines(order),
  });
}
