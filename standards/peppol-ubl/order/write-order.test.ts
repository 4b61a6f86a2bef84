import { describe, expect, it } from 'vitest';
import { withGs1CheckDigit } from '../writer/sample-invoice';
import { parseXml } from '../xml/parse';
import { attribute, stringValue, type XmlDocument } from '../xml/tree';
import { path, valueAt } from '../xpath/nav';
import type { PurchaseOrder } from './types';
import { PEPPOL_ORDER_CUSTOMIZATION, PEPPOL_ORDERING_PROFILE, writeOrderXml } from './write-order';

const order: PurchaseOrder = {
  id: 'PO-2026-000123',
  issueDate: '2026-03-02',
  currency: 'GBP',
  note: 'Deliver to goods-in & sign "received"',
  customerReference: 'REQ-991',
  accountingCost: 'CC4410:5120',
  contractReference: 'NHSSC-FW-2024-17',
  buyer: {
    endpoint: { id: withGs1CheckDigit('501234599999'), schemeId: '0088' },
    name: 'Example NHS Foundation Trust',
    address: {
      line1: 'Hospital Road',
      line2: undefined,
      line3: undefined,
      city: 'Norwich',
      postalCode: 'NR4 7UY',
      countrySubdivision: undefined,
      countryCode: 'GB',
    },
    contact: { name: 'Procurement <Team>', telephone: undefined, email: 'procurement@example.nhs.uk' },
  },
  seller: {
    endpoint: { id: withGs1CheckDigit('501234500000'), schemeId: '0088' },
    name: 'Medisupply UK Ltd',
    vatId: 'GB123456789',
  },
  delivery: {
    locationId: { id: withGs1CheckDigit('501234599998'), schemeId: '0088' },
    requestedStartDate: '2026-03-05',
    partyName: 'Goods-in, Block C',
  },
  totals: {
    lineExtensionAmount: '58.70',
    taxExclusiveAmount: '58.70',
    taxAmount: '11.74',
    taxInclusiveAmount: '70.44',
    payableAmount: '70.44',
  },
  lines: [
    {
      id: '1',
      quantity: '10',
      unitCode: 'XBX',
      lineExtensionAmount: '48.50',
      price: '4.85',
      item: {
        name: 'Nitrile gloves, medium',
        gtin: withGs1CheckDigit('5012345671000'.slice(0, 12)),
        sellerItemId: 'SKU-1000',
        vatCategory: 'S',
        vatRate: '20',
      },
    },
    {
      id: '2',
      quantity: '6',
      unitCode: 'EA',
      lineExtensionAmount: '10.20',
      price: '1.70',
      item: {
        name: 'Sharps bin 1 litre',
        classification: { code: '42142531', listId: 'STI' },
        vatCategory: 'S',
        vatRate: '20',
      },
      requestedDeliveryDate: '2026-03-04',
    },
  ],
};

function written(): XmlDocument {
  const result = parseXml(writeOrderXml(order));
  if (!result.ok) throw new Error(result.failure.message);
  return result.document;
}

describe('writeOrderXml (PEPPOL BIS Ordering 3)', () => {
  it('writes a well-formed UBL Order in the Order-2 namespace', () => {
    const document = written();
    expect(document.root.name).toBe('order:Order');
  });

  it.each([
    ['cbc:CustomizationID', PEPPOL_ORDER_CUSTOMIZATION],
    ['cbc:ProfileID', PEPPOL_ORDERING_PROFILE],
    ['cbc:ID', 'PO-2026-000123'],
    ['cbc:IssueDate', '2026-03-02'],
    ['cbc:DocumentCurrencyCode', 'GBP'],
    ['cbc:Note', 'Deliver to goods-in & sign "received"'],
  ])('carries %s = %s', (name, value) => {
    expect(valueAt(written().root, name)).toBe(value);
  });

  it('addresses both parties by their PEPPOL endpoints', () => {
    const root = written().root;
    for (const role of ['cac:BuyerCustomerParty', 'cac:SellerSupplierParty']) {
      const [endpoint] = path(root, role, 'cac:Party', 'cbc:EndpointID');
      expect(endpoint && attribute(endpoint, 'schemeID')).toBe('0088');
      expect(valueAt(root, role, 'cac:Party', 'cac:PartyLegalEntity', 'cbc:RegistrationName')).not.toBe('');
    }
  });

  it('writes each line with quantity and unit, price, line amount, item and GTIN', () => {
    const lines = path(written().root, 'cac:OrderLine', 'cac:LineItem');
    expect(lines).toHaveLength(2);
    const [first] = lines;
    if (first === undefined) throw new Error('no line');
    const [quantity] = path(first, 'cbc:Quantity');
    expect(quantity && [stringValue(quantity), attribute(quantity, 'unitCode')]).toEqual(['10', 'XBX']);
    expect(valueAt(first, 'cac:Price', 'cbc:PriceAmount')).toBe('4.85');
    expect(valueAt(first, 'cbc:LineExtensionAmount')).toBe('48.50');
    const [gtin] = path(first, 'cac:Item', 'cac:StandardItemIdentification', 'cbc:ID');
    expect(gtin && attribute(gtin, 'schemeID')).toBe('0160');
    expect(valueAt(first, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:ID')).toBe('S');
  });

  it('writes the anticipated totals and the delivery', () => {
    const root = written().root;
    expect(valueAt(root, 'cac:AnticipatedMonetaryTotal', 'cbc:LineExtensionAmount')).toBe('58.70');
    expect(valueAt(root, 'cac:AnticipatedMonetaryTotal', 'cbc:PayableAmount')).toBe('70.44');
    expect(valueAt(root, 'cac:Delivery', 'cac:RequestedDeliveryPeriod', 'cbc:StartDate')).toBe('2026-03-05');
  });

  it('escapes markup in every text and leaves out absent elements rather than writing them empty', () => {
    const xml = writeOrderXml(order);
    expect(xml).toContain('Procurement &lt;Team&gt;');
    expect(xml).not.toMatch(/<([a-z]+:[A-Za-z]+)[^>]*><\/\1>/);
  });

  it('refuses text XML cannot carry', () => {
    expect(() => writeOrderXml({ ...order, note: 'bell \u0007' })).toThrow(/control character/);
  });
});
