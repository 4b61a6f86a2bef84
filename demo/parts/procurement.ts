import { formatDecimalPounds, pence } from '../../kernel/money';
import type { TenantTx } from '../../kernel/tenancy';
import { addDays, type LocalDate } from '../../kernel/time';
import type { HistoricOrder, OrderableItem, PurchaseOrder } from '../../modules/procurement';
import { asGenerator, asPerson, type DemoContext } from '../context';
import type { Random } from '../random';
import { type DemoTrust, PROVIDER, TRUSTS } from '../world';
import {
  DEMO_FAMILIES,
  DEMO_SUPPLIERS,
  type DemoFamily,
  PRICE_OUTLIER,
  trustSupplierName,
  ukVatNumber,
  withCheckDigit,
} from './procurement-world';

const FRAMEWORK = {
  reference: 'NSC-MSC-2025',
  title: 'National framework: medical, surgical and general consumables',
};
const WARD_MANAGER = 'ward.manager@mainstay.demo';
const PROCUREMENT = 'procurement@mainstay.demo';
const AP_CLERK = 'ap.clerk@mainstay.demo';
const CONTROLLER = 'finance.controller@mainstay.demo';
const DIRECTOR = 'director@mainstay.demo';
const SERVICE_MANAGER = 'service.manager@mainstay.demo';
/** A second budget holder at RN1, so the ward manager has requisitions to approve and someone approves hers. */
export const MATRON = { email: 'matron@mainstay.demo' } as const;

type CatalogueRow = DemoFamily & {
  description: string;
  code: string;
  gtin: string;
  listPence: number;
  contractPence: number | null;
};

/** Every item of the national catalogue: each family in each variant, and boxed items again by the case of ten. */
function catalogueRows(): CatalogueRow[] {
  const rows: CatalogueRow[] = [];
  let serial = 1;
  for (const [familyIndex, family] of DEMO_FAMILIES.entries()) {
    for (const [variantIndex, variant] of family.variants.entries()) {
      const listPence = Math.round(family.pricePence * (1 + variantIndex * 0.06));
      const packs: { suffix: string; unit: string; pack: number; list: number; word: string }[] = [
        { suffix: '', unit: family.unit, pack: family.pack, list: listPence, word: '' },
      ];
      if (['XBX', 'XPK'].includes(family.unit)) {
        packs.push({
          suffix: '-C10',
          unit: 'XCS',
          pack: family.pack * 10,
          list: Math.round(listPence * 9.5),
          word: ', case of 10',
        });
      }
      for (const pack of packs) {
        rows.push({
          ...family,
          unit: pack.unit,
          pack: pack.pack,
          description: `${family.name}${pack.word}, ${variant}`,
          code: `${family.supplier.slice(0, 3).toUpperCase()}-${String(familyIndex + 1).padStart(2, '0')}${String(variantIndex + 1).padStart(2, '0')}${pack.suffix}`,
          gtin: withCheckDigit(`50${String(7_300_000_000 + serial).slice(0, 10)}`),
          listPence: pack.list,
          contractPence: family.contractShare === null ? null : Math.round(pack.list * family.contractShare),
        });
        serial += 1;
      }
    }
  }
  return rows;
}

function catalogueCsv(rows: readonly CatalogueRow[]): string {
  const supplierVat = new Map(
    DEMO_SUPPLIERS.map((supplier) => [supplier.key, ukVatNumber(supplier.vatBody)]),
  );
  const quote = (text: string) => (/[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = rows.map((row) =>
    [
      row.gtin,
      quote(row.description),
      row.code,
      supplierVat.get(row.supplier)!,
      row.unit,
      row.pack,
      row.category,
      formatDecimalPounds(BigInt(row.listPence)),
      row.category === 'GS-CAT' ? 0 : 20,
      row.contractPence === null ? '' : FRAMEWORK.reference,
      row.contractPence === null ? '' : formatDecimalPounds(BigInt(row.contractPence)),
    ].join(','),
  );
  return [
    'gtin,description,supplier_item_code,supplier_vat_number,unit,pack_size,category,list_price,vat_rate,contract_reference,contract_price',
    ...lines,
  ].join('\n');
}

const sortCode = (random: Random) => `${random.int(10, 99)}-${random.int(10, 99)}-${random.int(10, 99)}`;
const accountNumber = (random: Random) => String(random.int(10_000_000, 99_999_999));

async function allItems(tx: TenantTx, demo: DemoContext): Promise<OrderableItem[]> {
  const items: OrderableItem[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await demo.platform.procurement.searchCatalogue(tx, {
      availableOnly: false,
      scope: 'national',
      limit: 200,
      offset,
    });
    items.push(...page);
    if (page.length < 200) return items;
  }
}

/** The provider's supplier records, the national framework and the national catalogue (imported as a price file). */
async function seedNationalCatalogue(demo: DemoContext, random: Random): Promise<void> {
  const { platform } = demo;
  await platform.runner.withTenant(asPerson(demo, PROVIDER.id, PROCUREMENT), async (tx) => {
    for (const supplier of DEMO_SUPPLIERS) {
      await platform.suppliers.createSupplier(tx, {
        name: supplier.name,
        vatNumber: ukVatNumber(supplier.vatBody),
        companiesHouseNumber: supplier.companiesHouseNumber,
        gln: withCheckDigit(`50${supplier.vatBody}${String(random.int(100, 999))}`),
        addresses: [
          {
            purpose: 'registered',
            lines: ['Unit 1, Business Park'],
            town: supplier.town,
            postcode: supplier.postcode,
            countryCode: 'GB',
          },
        ],
      });
    }
    await platform.procurement.createContract(tx, {
      ...FRAMEWORK,
      kind: 'national-framework',
      validFrom: '2025-04-01',
      validTo: '2027-03-31',
    });
    const report = await platform.procurement.importCatalogue(tx, {
      fileName: 'national-price-file-2025.csv',
      content: catalogueCsv(catalogueRows()),
      scope: 'national',
    });
    if (report.rejected > 0)
      throw new Error(`demo catalogue rows refused: ${JSON.stringify(report.rejections[0])}`);
    demo.progress(
      `  procurement: national catalogue of ${report.accepted} items on framework ${FRAMEWORK.reference}`,
    );
  });
}

/**
 * A trust's own supplier master (its own spellings, some identifiers missing
 * as legacy masters have them), bank details entered and then verified by a
 * second person, the catalogue made available, and its ordering profile.
 */
async function seedTrustSuppliers(
  demo: DemoContext,
  trust: DemoTrust,
  trustIndex: number,
  random: Random,
): Promise<Map<string, string>> {
  const { platform } = demo;
  const idsByKey = new Map<string, string>();
  const callBackContact = new Map<string, string>();
  await platform.runner.withTenant(asGenerator(trust.id), async (tx) => {
    for (const [index, supplier] of DEMO_SUPPLIERS.entries()) {
      // the ambulance trust never recorded Verathon's identifiers: its catalogue items stay unavailable there
      const noIdentifiers = trust.legacyStyle === 'amb-prefix' && supplier.key === 'verathon';
      const created = await platform.suppliers.createSupplier(tx, {
        name: trustSupplierName(trust.legacyStyle, supplier.name, index),
        vatNumber: noIdentifiers || (index + trustIndex) % 5 === 0 ? null : ukVatNumber(supplier.vatBody),
        companiesHouseNumber: noIdentifiers ? null : supplier.companiesHouseNumber,
        paymentTermsDays: index % 6 === 0 ? 45 : null,
        addresses: [
          {
            purpose: 'remittance',
            lines: ['Accounts Receivable', 'Unit 1, Business Park'],
            town: supplier.town,
            postcode: supplier.postcode,
            countryCode: 'GB',
          },
        ],
        contacts: [
          {
            name: 'Accounts receivable team',
            role: 'Credit control',
            email: `accounts@${supplier.key}.example`,
            telephone: `0300 ${random.int(100, 999)} ${random.int(1000, 9999)}`,
          },
        ],
        bankDetails: {
          sortCode: sortCode(random),
          accountNumber: accountNumber(random),
          accountName: supplier.name,
          source: 'New supplier form, signed by the supplier',
        },
      });
      idsByKey.set(supplier.key, created.id);
      callBackContact.set(created.id, created.contacts[0]!.id);
    }
    const availability = await platform.procurement.setAvailability(tx, { available: true });
    if (availability.updated === 0) throw new Error(`no catalogue items available at ${trust.id}`);
    await platform.procurement.saveOrderingProfile(tx, {
      buyerName: trust.name,
      endpointScheme: '0088',
      endpointId: withCheckDigit(`506000000${String(trustIndex + 1).padStart(3, '0')}`),
      deliveryAddress: {
        lines: ['Goods Receiving', 'Main Site'],
        town: 'Northshire',
        postcode: `NS${trustIndex + 1} 1AA`,
        countryCode: 'GB',
      },
      contact: {
        name: 'Procurement team',
        email: `procurement@${trust.id.toLowerCase()}.nhs.example`,
        telephone: null,
      },
    });
  });
  await platform.runner.withTenant(asPerson(demo, trust.id, AP_CLERK), async (tx) => {
    for (const [supplierId, contactId] of callBackContact) {
      const [pending] = await platform.suppliers.bankDetailsHistory(tx, supplierId);
      await platform.suppliers.recordBankDetailsVerification(tx, supplierId, {
        bankDetailsId: pending!.id,
        contactId,
        outcome: 'confirmed',
        note: 'Called the accounts receivable team on the number on file; details confirmed',
      });
    }
  });
  return idsByKey;
}

const CATEGORY_CORPORATE = new Set(['GS-OFF', 'GS-CLN']);

/** A year of catalogue orders as the trust's legacy purchasing system recorded them, ending the month before last. */
function historicOrders(
  demo: DemoContext,
  trust: DemoTrust,
  items: readonly OrderableItem[],
  supplierOf: ReadonlyMap<string, string>,
  people: { requesters: string[]; approver: string; receiver: string },
  random: Random,
): HistoricOrder[] {
  const families = new Map(DEMO_FAMILIES.map((family) => [family.name, family]));
  const familyOf = (item: OrderableItem) =>
    [...families.values()].find((family) => item.description.startsWith(family.name));
  const buyable = items.filter((item) => familyOf(item)?.buyers.includes(trust.trustType));
  const clinical = trust.clinicalCostCentres.filter((centre) => !centre.division.startsWith('Corporate'));
  const corporate = trust.clinicalCostCentres.filter(
    (centre) => centre.division.startsWith('Corporate') && centre.name !== 'Contract income',
  );
  const perMonth = Math.max(3, Math.round((demo.scale * trust.monthlyIncomePounds) / 500_000));
  const end = addDays(`${demo.asOf.slice(0, 8)}01` as LocalDate, -1);
  const start = addDays(demo.asOf, -365);
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  const count = Math.round((perMonth * days) / 30);
  const orders: HistoricOrder[] = [];
  for (let n = 0; n < count; n += 1) {
    const orderDate = addDays(start, random.int(0, days));
    const supplierKey = DEMO_SUPPLIERS[random.int(0, DEMO_SUPPLIERS.length - 1)]!.key;
    const fromSupplier = buyable.filter((item) => familyOf(item)?.supplier === supplierKey);
    if (fromSupplier.length === 0) continue;
    const lineCount = random.pick([1, 1, 1, 2, 2, 3, 4]);
    const chosen = [...new Set(Array.from({ length: lineCount }, () => random.pick(fromSupplier)))];
    const touchless = random.chance(0.9) && !chosen.some((item) => item.listPricePence > 500_000n);
    const submittedAt = new Date(
      `${orderDate}T${String(random.int(7, 18)).padStart(2, '0')}:${String(random.int(10, 59))}:00Z`,
    );
    const raisedAt = new Date(
      submittedAt.getTime() + (touchless ? random.int(1, 4) * 1_000 : random.int(1, 72) * 3_600_000),
    );
    orders.push({
      requesterId: random.pick(people.requesters),
      submittedAt,
      raisedAt,
      raisedVia: touchless ? 'touchless' : 'approval',
      approverId: touchless ? null : people.approver,
      supplierId: supplierOf.get(supplierKey)!,
      orderDate,
      receivedOn: [addDays(orderDate, random.int(1, 5)), end].sort()[0]!,
      receivedBy: people.receiver,
      lines: chosen.map((item) => {
        const outlier =
          trust.id === PRICE_OUTLIER.trustId && item.description.startsWith(PRICE_OUTLIER.familyName);
        const base = random.chance(0.9) ? item.pricePence : item.listPricePence;
        return {
          itemId: item.id,
          description: item.description,
          gtin: item.gtin,
          supplierItemCode: item.supplierItemCode,
          unitCode: item.unitCode,
          quantity: item.listPricePence > 100_000n ? 1 : random.int(1, 12),
          unitPricePence: outlier
            ? BigInt(Math.round(Number(item.listPricePence) * PRICE_OUTLIER.priceFactor))
            : base,
          vatRateBasisPoints: item.vatRateBasisPoints,
          accountCode: item.accountCode,
          costCentreCode: random.pick(CATEGORY_CORPORATE.has(item.categoryCode) ? corporate : clinical).code,
          contractId: outlier ? null : item.contractId,
        };
      }),
    });
  }
  return orders.sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

/**
 * The ledger's demo budgets are annual totals the year's pay has already
 * overrun on clinical wards; the controller revises the budgets of the
 * centres that order this month (a winter-pressures re-forecast) so that the
 * budget check leaves room for consumables.
 */
async function reforecastBudgets(
  demo: DemoContext,
  trustId: string,
  codes: readonly string[],
): Promise<void> {
  const controller =
    trustId === 'RN1' || trustId === 'RN2' ? asPerson(demo, trustId, CONTROLLER) : asGenerator(trustId);
  await demo.platform.runner.withTenant(controller, async (tx) => {
    for (const code of codes) {
      const position = await demo.platform.procurement.budgetPosition(tx, code);
      const needed = position.actualPence + position.committedPence + 25_000_000n;
      if (position.budgetPence === null || position.budgetPence < needed) {
        await demo.platform.ledger.setBudget(tx, {
          financialYear: position.financialYear,
          costCentreCode: code,
          amountPence: pence(needed),
        });
      }
    }
  });
}

async function submit(
  demo: DemoContext,
  trustId: string,
  email: string,
  lines: { item: OrderableItem; quantity: number }[],
  costCentreCode: string,
) {
  return demo.platform.runner.withTenant(asPerson(demo, trustId, email), (tx) =>
    demo.platform.procurement.submitRequisition(tx, {
      lines: lines.map((line) => ({ itemId: line.item.id, quantity: line.quantity, costCentreCode })),
    }),
  );
}

/**
 * This month at the ward manager's trust, through the services as people did
 * it: touchless catalogue orders, deliveries (posting GRNI), orders still to
 * arrive for the receiver, requisitions waiting for the ward manager's
 * approval and one of hers waiting for the matron, a delegation, and a bank
 * detail change waiting for a second person.
 */
async function seedThisMonth(
  demo: DemoContext,
  items: readonly OrderableItem[],
  random: Random,
): Promise<number> {
  const { platform } = demo;
  const ward = 'A101';
  const theatre = 'A201';
  const find = (start: string) => items.find((item) => item.description.startsWith(start))!;
  const everyday = items.filter(
    (item) =>
      item.onContract &&
      item.pricePence < 20_000n &&
      ['IC-PPE', 'MS-WND', 'MS-SYR', 'IC-HYG'].includes(item.categoryCode),
  );
  await reforecastBudgets(demo, 'RN1', [ward, theatre]);
  const orders: PurchaseOrder[] = [];
  for (let n = 0; n < 14; n += 1) {
    const lines = [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(everyday)))].map(
      (item) => ({ item, quantity: random.int(2, 10) }),
    );
    orders.push(...(await submit(demo, 'RN1', WARD_MANAGER, lines, ward)).purchaseOrders);
  }
  await platform.runner.withTenant(asPerson(demo, 'RN1', PROCUREMENT), async (tx) => {
    for (const [index, order] of orders.entries()) {
      if (index >= 11) break;
      const partial = index % 3 === 2;
      await platform.procurement.recordReceipt(tx, order.id, {
        lines: order.lines.map((line) => ({
          lineNo: line.lineNo,
          quantity: partial
            ? Math.max(1, Math.floor(Number(line.orderedQuantity) / 2))
            : line.orderedQuantity,
        })),
        note: partial ? 'Part delivery: rest on back order' : null,
      });
    }
  });
  await submit(demo, 'RN1', MATRON.email, [{ item: find('Portable bladder scanner'), quantity: 1 }], ward);
  await submit(
    demo,
    'RN1',
    MATRON.email,
    [{ item: find('Nitrile examination gloves, powder free, box of 100, case of 10'), quantity: 150 }],
    ward,
  );
  await submit(
    demo,
    'RN1',
    MATRON.email,
    [{ item: find('Cemented femoral hip stem'), quantity: 40 }],
    theatre,
  );
  await submit(demo, 'RN1', WARD_MANAGER, [{ item: find('Fingertip pulse oximeter'), quantity: 12 }], ward);
  await platform.runner.withTenant(asPerson(demo, 'RN1', DIRECTOR), (tx) =>
    platform.procurement.delegateApproval(tx, {
      deputyId: demo.people.get(CONTROLLER)!,
      startsOn: addDays(demo.asOf, -7),
      endsOn: addDays(demo.asOf, 7),
      reason: 'Annual leave: the finance controller approves at executive-director level',
    }),
  );
  for (const trust of TRUSTS.filter((t) => t.id !== 'RN1')) {
    const centre = trust.clinicalCostCentres[0]!.code;
    await reforecastBudgets(demo, trust.id, [centre]);
    for (let n = 0; n < 3; n += 1) {
      await submit(
        demo,
        trust.id,
        PROCUREMENT,
        [{ item: random.pick(everyday), quantity: random.int(2, 8) }],
        centre,
      );
    }
  }
  return orders.length;
}

/** The procurement demo: catalogue and framework, each trust's supplier master, a year of history, this month's work. */
export async function seedProcurement(demo: DemoContext): Promise<{ historicOrders: number }> {
  const { platform } = demo;
  const random = demo.random.fork('procurement');
  await seedNationalCatalogue(demo, random);
  let historic = 0;
  let items: OrderableItem[] = [];
  for (const [index, trust] of TRUSTS.entries()) {
    const suppliers = await seedTrustSuppliers(demo, trust, index, random.fork(trust.id));
    await platform.runner.withTenant(asGenerator(trust.id), async (tx) => {
      items = (await allItems(tx, demo)).filter((item) => item.available);
      const history = historicOrders(
        demo,
        trust,
        items,
        suppliers,
        {
          requesters:
            trust.id === 'RN1'
              ? [demo.people.get(WARD_MANAGER)!, demo.people.get(MATRON.email)!]
              : [demo.people.get(PROCUREMENT)!],
          approver: demo.people.get(trust.id === 'RN1' || trust.id === 'RN2' ? CONTROLLER : SERVICE_MANAGER)!,
          receiver: demo.people.get(PROCUREMENT)!,
        },
        random.fork(`history/${trust.id}`),
      );
      historic += (await platform.procurement.importOrderHistory(tx, history)).purchaseOrders;
    });
  }
  await platform.runner.withTenant(asGenerator('RN1'), async (tx) => {
    items = await allItems(tx, demo);
  });
  const live = await seedThisMonth(
    demo,
    items.filter((item) => item.available),
    random.fork('this-month'),
  );
  await platform.runner.withTenant(asPerson(demo, 'RN1', PROCUREMENT), async (tx) => {
    const [bunzl] = await platform.suppliers.listSuppliers(tx, { search: 'BUNZL', limit: 1 });
    await platform.suppliers.requestBankDetailsChange(tx, bunzl!.id, {
      sortCode: '40-11-62',
      accountNumber: '71839204',
      accountName: 'Bunzl Healthcare Ltd',
      source: 'Email to accounts payable asking to update the remittance account (awaiting a call-back)',
    });
  });
  demo.progress(
    `  procurement: ${historic} orders of history, ${live} touchless orders this month, approvals waiting`,
  );
  return { historicOrders: historic };
}
