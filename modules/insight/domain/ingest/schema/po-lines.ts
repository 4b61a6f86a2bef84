import { poundsProductToPence } from '../parse/decimal';
import type { DecimalText } from '../values';
import type { SourceSchema } from './types';

/**
 * Purchase-order line extracts, the shape the Spend Comparison Service and
 * SpendInsight collect (DateOrdered, OrderNo, SupplierName, SupPartNo,
 * Description, Quantity, UnitPrice, GrossTotal) plus the codes catalogue
 * unification matches on (GTIN, manufacturer code, unit and pack size).
 */
export const poLinesSchema = {
  kind: 'po-lines',
  title: 'Purchase-order lines',
  fields: {
    organisation: {
      label: 'Organisation',
      type: 'text',
      presence: 'expected',
      synonyms: ['Org', 'Org Code', 'Organisation Code', 'Trust', 'Entity', 'Buyer', 'Buying Organisation'],
    },
    poNumber: {
      label: 'PO Number',
      type: 'text',
      presence: 'required',
      synonyms: [
        'Order Number',
        'OrderNo',
        'Order No',
        'Purchase Order',
        'Purchase Order Number',
        'PO No',
        'PO',
        'PO Reference',
        'Order Reference',
      ],
    },
    lineNumber: {
      label: 'Line Number',
      type: 'integer',
      range: [0, 1_000_000],
      presence: 'expected',
      synonyms: ['Line', 'Line No', 'PO Line', 'PO Line Number', 'Order Line', 'Line Num'],
    },
    orderDate: {
      label: 'Order Date',
      type: 'date',
      presence: 'required',
      synonyms: [
        'DateOrdered',
        'Date Ordered',
        'PO Date',
        'Date',
        'Created Date',
        'Approved Date',
        'Order Created',
      ],
    },
    supplier: {
      label: 'Supplier',
      type: 'text',
      presence: 'required',
      synonyms: ['Supplier Name', 'SupplierName', 'Vendor', 'Vendor Name'],
    },
    supplierCode: {
      label: 'Supplier Code',
      type: 'code',
      presence: 'optional',
      synonyms: ['Supplier Number', 'Supplier ID', 'Vendor Code', 'Vendor Number', 'Supplier Site'],
    },
    itemDescription: {
      label: 'Item Description',
      type: 'text',
      presence: 'required',
      synonyms: [
        'Description',
        'Product Description',
        'Item',
        'Item Name',
        'Product Name',
        'Line Description',
      ],
    },
    supplierItemCode: {
      label: 'Supplier Item Code',
      type: 'code',
      presence: 'expected',
      synonyms: [
        'SupPartNo',
        'Supplier Part Number',
        'Supplier Part No',
        'Supplier Product Code',
        'Supplier Catalogue Number',
        'Catalogue Number',
        'Supplier Ref',
      ],
    },
    manufacturerCode: {
      label: 'Manufacturer Code',
      type: 'code',
      presence: 'expected',
      synonyms: [
        'MPC',
        'Manufacturer Part Number',
        'Manufacturer Product Code',
        'Mfr Part No',
        'MPN',
        'Manufacturer Ref',
      ],
    },
    manufacturer: {
      label: 'Manufacturer',
      type: 'text',
      presence: 'optional',
      synonyms: ['Manufacturer Name', 'Brand', 'Mfr'],
    },
    gtin: {
      label: 'GTIN',
      type: 'gtin',
      presence: 'expected',
      synonyms: ['EAN', 'Barcode', 'GTIN-13', 'GTIN13', 'EAN13', 'UPC', 'GTIN-14'],
    },
    nationalProductCode: {
      label: 'NPC',
      type: 'code',
      presence: 'optional',
      synonyms: ['National Product Code', 'NHS Supply Chain Code', 'NHSSC Code'],
    },
    unitOfMeasure: {
      label: 'Unit of Measure',
      type: 'text',
      presence: 'expected',
      synonyms: ['UOM', 'Unit', 'Unit of Issue', 'UOI', 'Order Unit'],
    },
    packSize: {
      label: 'Pack Size',
      type: 'decimal',
      presence: 'expected',
      synonyms: ['Pack Qty', 'Pack Quantity', 'Units per Pack', 'Conversion Factor'],
    },
    quantity: {
      label: 'Quantity',
      type: 'decimal',
      presence: 'required',
      synonyms: ['Qty', 'Quantity Ordered', 'Order Quantity', 'Qty Ordered'],
    },
    unitPrice: {
      label: 'Unit Price',
      type: 'decimal',
      presence: 'expected',
      synonyms: ['UnitPrice', 'Price', 'Price per Unit', 'Unit Cost', 'Net Price', 'Unit Price (£)'],
    },
    lineValue: {
      label: 'Line Value',
      type: 'money',
      presence: 'required',
      synonyms: [
        'Line Total',
        'GrossTotal',
        'Gross Total',
        'Net Value',
        'Line Amount',
        'Total Value',
        'Total',
        'Value',
      ],
    },
    category: {
      label: 'Category',
      type: 'text',
      presence: 'expected',
      synonyms: [
        'eClass',
        'E-Class',
        'NHS eClass',
        'eClass Code',
        'Category Code',
        'Commodity Code',
        'Spend Category',
      ],
    },
    contractReference: {
      label: 'Contract Reference',
      type: 'text',
      presence: 'optional',
      synonyms: ['Contract', 'Contract Number', 'Framework', 'Framework Reference', 'Agreement'],
    },
    costCentre: {
      label: 'Cost Centre',
      type: 'code',
      presence: 'optional',
      synonyms: ['Cost Center', 'Cost Centre Code', 'CC'],
    },
  },
  alternatives: { lineValue: [['quantity', 'unitPrice']] },
  amountField: 'lineValue',
  timeField: 'orderDate',
  duplicateKey: ['poNumber', 'lineNumber'],
  nameField: 'supplier',
  refine: (values) => {
    const { quantity, unitPrice } = values;
    if (values.lineValue === null && typeof quantity === 'string' && typeof unitPrice === 'string') {
      values.lineValue = poundsProductToPence(quantity as DecimalText, unitPrice as DecimalText);
    }
    return [];
  },
} as const satisfies SourceSchema;
