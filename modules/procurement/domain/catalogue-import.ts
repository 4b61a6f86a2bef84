import type { ValidationIssue } from '../../../kernel/errors';
import { parsePounds } from '../../../kernel/money';
import type { CatalogueItemInput } from './catalogue-item';
import { headerKey, type TableFile } from './table-file';

/** The columns a catalogue file may carry, each under the names suppliers' price files commonly use. */
const COLUMNS = {
  gtin: ['gtin', 'gtin13', 'gtin14', 'ean', 'barcode'],
  description: ['description', 'itemdescription', 'productdescription', 'productname'],
  supplierItemCode: ['supplieritemcode', 'suppliercode', 'productcode', 'partnumber', 'mpc'],
  supplierVatNumber: ['suppliervatnumber', 'vatnumber', 'suppliervat'],
  supplierCompaniesHouseNumber: ['suppliercompanieshousenumber', 'companieshousenumber', 'companynumber'],
  supplierName: ['supplier', 'suppliername'],
  unitCode: ['unit', 'unitcode', 'uom', 'unitofmeasure'],
  packSize: ['packsize', 'packqty', 'packquantity'],
  categoryCode: ['category', 'categorycode'],
  listPrice: ['listprice', 'price', 'unitprice'],
  vatRate: ['vatrate', 'vat', 'vatpercent'],
  accountCode: ['accountcode', 'account'],
  contractReference: ['contractreference', 'contract', 'framework'],
  contractPrice: ['contractprice', 'frameworkprice'],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = [
  'description',
  'supplierItemCode',
  'unitCode',
  'packSize',
  'categoryCode',
  'listPrice',
];

export type CatalogueImportRow = {
  rowNumber: number;
  raw: Record<string, string>;
  item: CatalogueItemInput | null;
  supplier: { vatNumber: string | null; companiesHouseNumber: string | null; name: string | null };
  contract: { reference: string; pricePence: bigint } | null;
  issues: ValidationIssue[];
};

export type CatalogueFileShape = { columnOf: Partial<Record<Column, string>>; missing: string[] };

/** Which header holds which column, and which required columns are missing altogether. */
export function catalogueColumns(headers: readonly string[]): CatalogueFileShape {
  const byKey = new Map(headers.map((header) => [headerKey(header), header]));
  const columnOf: Partial<Record<Column, string>> = {};
  for (const [column, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const header = aliases.map((alias) => byKey.get(alias)).find((found) => found !== undefined);
    if (header !== undefined) columnOf[column] = header;
  }
  const missing: string[] = REQUIRED.filter((column) => columnOf[column] === undefined).map(
    (column) => COLUMNS[column][0],
  );
  if (!columnOf.supplierVatNumber && !columnOf.supplierCompaniesHouseNumber && !columnOf.supplierName) {
    missing.push('supplier_vat_number (or supplier_companies_house_number, or supplier)');
  }
  return { columnOf, missing };
}

/** Percent as people write it ("20", "20%", "5.0") into basis points. */
function vatBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/**
 * Each row of a catalogue file as an item to save, with the problems that can
 * be seen from the row alone; the service adds those that need the database
 * (unknown supplier, contract, account). Paths name the row and the column as
 * the file calls it: "row 14, GTIN".
 */
export function readCatalogueRows(file: TableFile, shape: CatalogueFileShape): CatalogueImportRow[] {
  return file.rows.map((row) => {
    const issues: ValidationIssue[] = [];
    const cell = (column: Column) => {
      const header = shape.columnOf[column];
      return header === undefined ? '' : (row.values[header] ?? '');
    };
    const at = (column: Column) => `row ${row.rowNumber}, ${shape.columnOf[column] ?? COLUMNS[column][0]}`;
    const money = (column: Column): bigint | null => {
      const parsed = parsePounds(cell(column));
      if (parsed.ok) return parsed.pence;
      issues.push({
        path: at(column),
        rule: 'price-format',
        message: `${parsed.reason}: give pounds such as 12.50`,
      });
      return null;
    };
    const packText = cell('packSize');
    const packSize = /^\d+$/.test(packText) ? Number(packText) : Number.NaN;
    if (Number.isNaN(packSize)) {
      issues.push({
        path: at('packSize'),
        rule: 'pack-size-positive',
        message: `"${packText}" is not a whole number`,
      });
    }
    const listPrice = money('listPrice');
    const vatText = cell('vatRate');
    const vatRate = vatText === '' ? undefined : vatBasisPoints(vatText);
    if (vatRate === null) {
      issues.push({
        path: at('vatRate'),
        rule: 'vat-rate-format',
        message: `"${vatText}" is not a VAT rate such as 20`,
      });
    }
    const contractReference = cell('contractReference');
    const contractPrice = cell('contractPrice') === '' ? null : money('contractPrice');
    if ((contractReference === '') !== (cell('contractPrice') === '')) {
      issues.push({
        path: at(contractReference === '' ? 'contractReference' : 'contractPrice'),
        rule: 'contract-price-complete',
        message: 'A contract price needs both the contract reference and the price',
      });
    }
    const supplier = {
      vatNumber: cell('supplierVatNumber') || null,
      companiesHouseNumber: cell('supplierCompaniesHouseNumber') || null,
      name: cell('supplierName') || null,
    };
    if (!supplier.vatNumber && !supplier.companiesHouseNumber && !supplier.name) {
      issues.push({
        path: at(shape.columnOf.supplierVatNumber ? 'supplierVatNumber' : 'supplierName'),
        rule: 'supplier-required',
        message: 'Say which supplier sells the item (VAT number, Companies House number or name)',
      });
    }
    const item: CatalogueItemInput | null =
      listPrice === null || Number.isNaN(packSize) || vatRate === null
        ? null
        : {
            gtin: cell('gtin') || null,
            description: cell('description'),
            supplierItemCode: cell('supplierItemCode'),
            unitCode: cell('unitCode'),
            packSize,
            categoryCode: cell('categoryCode'),
            listPricePence: listPrice,
            vatRateBasisPoints: vatRate,
            accountCode: cell('accountCode') || null,
          };
    return {
      rowNumber: row.rowNumber,
      raw: row.values,
      item,
      supplier,
      contract:
        contractReference && contractPrice !== null
          ? { reference: contractReference, pricePence: contractPrice }
          : null,
      issues,
    };
  });
}

/** Where a field of a catalogue item sits in the file, for issues found when the row is checked as an item. */
export function fileColumnOfField(shape: CatalogueFileShape, rowNumber: number, field: string): string {
  const column = (
    field === 'listPricePence' ? 'listPrice' : field === 'vatRateBasisPoints' ? 'vatRate' : field
  ) as Column;
  const header = shape.columnOf[column] ?? COLUMNS[column]?.[0] ?? field;
  return `row ${rowNumber}, ${header}`;
}

/** Rejected rows as CSV to download and correct: the row as read, then every reason. */
export function rejectionsCsv(
  headers: readonly string[],
  rejections: readonly {
    rowNumber: number;
    raw: Record<string, string>;
    issues: readonly ValidationIssue[];
  }[],
): string {
  const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const columns =
    headers.length > 0 ? headers : [...new Set(rejections.flatMap((row) => Object.keys(row.raw)))];
  const lines = [['row', ...columns, 'problems'].map(quote).join(',')];
  for (const rejection of rejections) {
    const problems = rejection.issues
      .map((issue) => `${issue.path}: ${issue.message} (${issue.rule})`)
      .join('; ');
    lines.push(
      [String(rejection.rowNumber), ...columns.map((column) => rejection.raw[column] ?? ''), problems]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
