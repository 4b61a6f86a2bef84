import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { openTestPlatform } from '../../testing/platform';
import { buildProcurementWorld, type ProcurementWorld, withCheckDigit } from './fixtures/test-world';

type Problem = { code: string; issues: { path: string; rule: string }[] };

describe.each(testEngines())('the catalogue on %s', (engine) => {
  let platform: Platform;
  let world: ProcurementWorld;
  const problem = async (work: Promise<unknown>) =>
    (await work.then(
      () => null,
      (e: unknown) => e,
    )) as Problem;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    world = await buildProcurementWorld(platform, 'C');
  });
  afterAll(async () => platform.db.close());

  it('shares the national catalogue with every organisation, orderable only once made available there', async () => {
    const atB = await world.as(world.ids.trustB, world.people.requesterB, (tx) =>
      platform.procurement.searchCatalogue(tx, { query: 'gloves', availableOnly: false }),
    );
    expect(atB).toMatchObject([
      {
        id: world.national.gloves,
        scope: 'national',
        available: false,
        localSupplierId: null,
        onContract: true,
        pricePence: 485n,
      },
    ]);
    expect(
      await world.as(world.ids.trustB, world.people.requesterB, (tx) =>
        platform.procurement.searchCatalogue(tx, { query: 'gloves' }),
      ),
    ).toEqual([]);
    const atA = await world.as(world.ids.trustA, world.people.requester, (tx) =>
      platform.procurement.searchCatalogue(tx, { query: 'nitrile medium' }),
    );
    expect(atA).toMatchObject([
      {
        id: world.national.gloves,
        available: true,
        localSupplierId: world.local.medline,
        contractReference: 'NF-2026-MS',
      },
    ]);
  });

  it('lists the items whose supplier the organisation has no record of, rather than guessing', async () => {
    const result = await world.as(world.ids.trustB, world.people.requesterB, (tx) =>
      platform.procurement.setAvailability(tx, { available: true }),
    );
    expect(result.updated).toBe(0);
    expect(result.supplierNotOnFile.map((item) => item.supplierName).sort()).toEqual([
      'Example Surgical Ltd',
      'Example Surgical Ltd',
      'Medline Industries Ltd',
      'Medline Industries Ltd',
    ]);
  });

  it('lets only the shared-service provider write the national catalogue and frameworks', async () => {
    const item = await problem(
      world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
        platform.procurement.saveCatalogueItem(tx, {
          scope: 'national',
          supplierId: world.local.medline,
          description: 'Apron',
          supplierItemCode: 'APR-1',
          unitCode: 'XPK',
          packSize: 100,
          categoryCode: 'IC-PPE',
          listPricePence: 300,
        }),
      ),
    );
    expect(item).toMatchObject({ code: 'NATIONAL_CATALOGUE_PROVIDER_ONLY' });
    const framework = await problem(
      world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
        platform.procurement.createContract(tx, {
          reference: 'FAKE-NF',
          title: 'Not national',
          kind: 'national-framework',
          validFrom: '2026-04-01',
          validTo: '2027-03-31',
        }),
      ),
    );
    expect(framework.code).toBe('NATIONAL_CATALOGUE_PROVIDER_ONLY');
    const prices = await problem(
      world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
        platform.procurement.setContractPrices(tx, world.national.framework, [
          { itemId: world.national.gloves, unitPricePence: 1 },
        ]),
      ),
    );
    expect(prices.code).toBe('NATIONAL_CATALOGUE_PROVIDER_ONLY');
  });

  it('prices an item by a valid local contract before the national framework', async () => {
    await world.as(world.ids.trustA, world.people.storekeeper, async (tx) => {
      const contract = await platform.procurement.createContract(tx, {
        reference: 'LC-GLOVES-26',
        title: 'Local gloves deal',
        kind: 'local-contract',
        validFrom: '2026-06-01',
        validTo: '2026-06-30',
      });
      await platform.procurement.setContractPrices(tx, contract.id, [
        { itemId: world.national.gloves, unitPricePence: 470 },
      ]);
    });
    const inJune = await world.as(world.ids.trustA, world.people.requester, (tx) =>
      platform.procurement.catalogueItem(tx, world.national.gloves),
    );
    expect(inJune).toMatchObject({ pricePence: 470n, contractReference: 'LC-GLOVES-26' });
    const inJuly = await world.as(world.ids.trustA, world.people.requester, (tx) =>
      platform.procurement.catalogueItem(tx, world.national.gloves, '2026-07-01' as never),
    );
    expect(inJuly).toMatchObject({ pricePence: 485n, contractReference: 'NF-2026-MS' });
    const offContract = await world.as(world.ids.trustA, world.people.requester, (tx) =>
      platform.procurement.catalogueItem(tx, world.national.gloves, '2027-05-01' as never),
    );
    expect(offContract).toMatchObject({ pricePence: 650n, onContract: false });
  });

  it('refuses an item with a bad GTIN as GTIN_INVALID naming the field and fault', async () => {
    const error = await problem(
      world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
        platform.procurement.saveCatalogueItem(tx, {
          supplierId: world.local.courier,
          gtin: '5012345100013',
          description: 'Box',
          supplierItemCode: 'BX',
          unitCode: 'EA',
          packSize: 1,
          categoryCode: 'GS-OFF',
          listPricePence: 100,
        }),
      ),
    );
    expect(error).toMatchObject({
      code: 'GTIN_INVALID',
      issues: [{ path: 'gtin', rule: 'gtin-incorrect-check-digit' }],
    });
  });

  it('imports a CSV price file, keeping every rejected row with its reasons, downloadable as CSV', async () => {
    const csv = [
      'gtin,description,supplier_item_code,supplier_vat_number,unit,pack_size,category,list_price,vat_rate,contract_reference,contract_price',
      `${withCheckDigit('501234520001')},Apron disposable,APR-1,GB999999973,XPK,100,IC-PPE,3.00,20,LC-GLOVES-26,2.50`,
      `${withCheckDigit('501234520002')},Hand gel 500ml,GEL-1,GB999999973,XBO,1,IC-PPE,2.10,20,,`,
      '5012345200039,Bad GTIN,BAD-1,GB999999973,XBO,1,IC-PPE,1.00,20,,',
      `${withCheckDigit('501234520004')},Unknown supplier,UNK-1,GB123456782,EA,1,IC-PPE,1.00,20,,`,
      `${withCheckDigit('501234520005')},Bad unit,UOM-1,GB999999973,BOX,1,IC-PPE,1.00,20,,`,
      `${withCheckDigit('501234520006')},Apron again,APR-1,GB999999973,XPK,100,IC-PPE,3.00,20,,`,
    ].join('\n');
    const report = await world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
      platform.procurement.importCatalogue(tx, { fileName: 'local-items.csv', content: csv }),
    );
    expect(report).toMatchObject({ format: 'csv', scope: 'local', rowsRead: 6, accepted: 2, rejected: 4 });
    expect(report.rejections.map((r) => [r.rowNumber, r.issues.map((i) => `${i.path}:${i.rule}`)])).toEqual([
      [4, ['row 4, gtin:gtin-incorrect-check-digit']],
      [5, ['row 5, supplier_vat_number:supplier-known']],
      [6, ['row 6, unit:unit-code-known']],
      [7, ['row 7, supplier_item_code:row-unique']],
    ]);
    const apron = await world.as(world.ids.trustA, world.people.requester, (tx) =>
      platform.procurement.searchCatalogue(tx, { query: 'apron' }),
    );
    expect(apron).toMatchObject([
      {
        scope: 'local',
        available: true,
        pricePence: 250n,
        onContract: true,
        localSupplierId: world.local.medline,
      },
    ]);
    const download = await world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
      platform.procurement.catalogueRejectionsCsv(tx, report.importId),
    );
    expect(download.split('\r\n')[0]).toBe(
      'row,gtin,description,supplier_item_code,supplier_vat_number,unit,pack_size,category,list_price,vat_rate,contract_reference,contract_price,problems',
    );
    expect(download).toContain('Unknown supplier');
    expect(download).toContain('(supplier-known)');
  });

  it('imports an XLSX workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Price file');
    sheet.addRow([
      'GTIN',
      'Description',
      'Supplier Code',
      'Supplier VAT Number',
      'UOM',
      'Pack Size',
      'Category',
      'List Price',
    ]);
    sheet.addRow([
      withCheckDigit('501234530001'),
      'Tape, micropore',
      'TAP-1',
      'GB100000132',
      'XRO',
      12,
      'MS-WND',
      4.2,
    ]);
    sheet.addRow([
      withCheckDigit('501234530002'),
      'Tape, zinc oxide',
      'TAP-2',
      'GB100000132',
      'XRO',
      12,
      'MS-WND',
      'free',
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
      platform.procurement.importCatalogue(tx, {
        fileName: 'tapes.xlsx',
        content: Buffer.from(bytes).toString('base64'),
      }),
    );
    expect(report).toMatchObject({ format: 'xlsx', rowsRead: 2, accepted: 1, rejected: 1 });
    expect(report.rejections[0]).toMatchObject({
      rowNumber: 3,
      issues: [{ path: 'row 3, List Price', rule: 'price-format' }],
    });
  });

  it('refuses a file that lacks a required column, naming it', async () => {
    const error = await problem(
      world.as(world.ids.trustA, world.people.storekeeper, (tx) =>
        platform.procurement.importCatalogue(tx, { fileName: 'x.csv', content: 'gtin,description\n1,a' }),
      ),
    );
    expect(error.code).toBe('CATALOGUE_FILE_INVALID');
    expect(error.issues.map((issue) => issue.path)).toContain('header, listprice');
  });
});
