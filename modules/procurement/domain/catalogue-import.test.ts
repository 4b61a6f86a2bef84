import { describe, expect, it } from 'vitest';
import { catalogueColumns, readCatalogueRows, rejectionsCsv } from './catalogue-import';
import { gtinIssue, readCatalogueItem } from './catalogue-item';
import { readTableFile } from './table-file';

const csv = [
  'GTIN,Product Description,Supplier Code,Supplier VAT Number,UOM,Pack Size,Category,List Price,VAT %,Contract Reference,Contract Price',
  '5012345100012,"Gloves, nitrile, medium",GLV-1,GB999999973,XBX,100,IC-PPE,£6.50,20,NF-1,4.85',
  '5012345100013,Gloves large,GLV-2,GB999999973,XBX,100,IC-PPE,six pounds,20%,,',
  ',Dressing,DRS-1,,XPK,ten,MS-WND,12.00,,NF-1,',
].join('\r\n');

describe('catalogue files', () => {
  it('finds columns by the names price files use, whatever the case and punctuation', async () => {
    const file = await readTableFile('items.csv', csv);
    const shape = catalogueColumns(file.headers);
    expect(shape.missing).toEqual([]);
    expect(shape.columnOf).toMatchObject({
      gtin: 'GTIN',
      description: 'Product Description',
      supplierItemCode: 'Supplier Code',
      unitCode: 'UOM',
    });
  });

  it('names the required columns a file lacks', () => {
    expect(catalogueColumns(['gtin', 'description']).missing).toEqual([
      'supplieritemcode',
      'unit',
      'packsize',
      'category',
      'listprice',
      'supplier_vat_number (or supplier_companies_house_number, or supplier)',
    ]);
  });

  it('reads each row with the problems it shows on its own, pointing at the row and column a person sees', async () => {
    const file = await readTableFile('items.csv', csv);
    const rows = readCatalogueRows(file, catalogueColumns(file.headers));
    expect(rows.map((row) => row.rowNumber)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({
      issues: [],
      item: {
        description: 'Gloves, nitrile, medium',
        listPricePence: 650n,
        vatRateBasisPoints: 2000,
        packSize: 100,
      },
      contract: { reference: 'NF-1', pricePence: 485n },
    });
    expect(rows[1]!.issues.map((issue) => `${issue.path}:${issue.rule}`)).toEqual([
      'row 3, List Price:price-format',
    ]);
    expect(rows[2]!.issues.map((issue) => `${issue.path}:${issue.rule}`)).toEqual([
      'row 4, Pack Size:pack-size-positive',
      'row 4, Contract Price:contract-price-complete',
      'row 4, Supplier VAT Number:supplier-required',
    ]);
  });

  it('writes rejections as CSV a person can correct and send again', () => {
    const text = rejectionsCsv(
      ['GTIN', 'Description'],
      [
        {
          rowNumber: 3,
          raw: { GTIN: '123', Description: 'Gloves, "large"' },
          issues: [{ path: 'row 3, GTIN', rule: 'gtin-too-short', message: 'too short' }],
        },
      ],
    );
    expect(text).toBe(
      'row,GTIN,Description,problems\r\n3,123,"Gloves, ""large""","row 3, GTIN: too short (gtin-too-short)"\r\n',
    );
  });
});

describe('catalogue items', () => {
  it.each([
    { gtin: '5012345100012', issue: null },
    { gtin: '5012345100013', issue: 'gtin-incorrect-check-digit' },
    { gtin: '50123451000', issue: 'gtin-invalid-length' },
    { gtin: '50123451000A', issue: 'gtin-non-digit-character' },
    { gtin: '2012345100015', issue: 'gtin-globally-unique' },
  ])('checks GTIN $gtin: $issue', ({ gtin, issue }) => {
    expect(gtinIssue(gtin).issue?.rule ?? null).toBe(issue);
  });

  it('defaults the account from the category and the VAT rate to standard, and names every other fault', () => {
    const known = (code: string) => code.startsWith('6');
    expect(
      readCatalogueItem(
        {
          description: 'Gloves',
          supplierItemCode: 'G1',
          unitCode: 'xbx',
          packSize: 100,
          categoryCode: 'ic-ppe',
          listPricePence: 650,
        },
        known,
      ),
    ).toMatchObject({
      issues: [],
      fields: { unitCode: 'XBX', categoryCode: 'IC-PPE', accountCode: '610100', vatRateBasisPoints: 2000 },
    });
    const bad = readCatalogueItem(
      {
        description: '',
        supplierItemCode: '',
        unitCode: 'BOX',
        packSize: 0,
        categoryCode: 'NOPE',
        listPricePence: -1,
        vatRateBasisPoints: 1750,
        accountCode: '210300',
      },
      known,
    );
    expect(bad.issues.map((issue) => issue.rule)).toEqual([
      'description-required',
      'supplier-item-code-required',
      'unit-code-known',
      'pack-size-positive',
      'category-known',
      'price-non-negative',
      'vat-rate-known',
      'account-expenditure',
    ]);
  });
});
