import type { Pence } from '../../../../kernel/money';

/** One organisation's catalogue line, in whatever shape its legacy system holds it. */
export type CatalogueItem = {
  id: string;
  organisation: string;
  supplierName: string;
  supplierItemCode: string;
  manufacturerName: string;
  manufacturerPartCode: string;
  gtin: string;
  description: string;
  unitOfMeasure: string;
  /** Base units in one unit of measure (a box of 100 is 100). */
  packSize: number;
  /** Price of one unit of measure. */
  pricePence: Pence;
};
