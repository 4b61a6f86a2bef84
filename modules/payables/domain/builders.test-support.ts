import { type Pence, pence } from '../../../kernel/money';
import { localDate } from '../../../kernel/time';
import type { PurchaseOrderForMatching, PurchaseOrderLineForMatching } from '../ports';
import type { CapturedInvoice, CapturedLine } from './invoice';
import { extendPence, quantityOf } from './quantity';

/** Invoices and orders for tests, described by what matters to the test and sensible defaults for the rest. */
export function capturedLine(overrides: Partial<CapturedLine> & { lineNo: number }): CapturedLine {
  const quantity = overrides.quantity ?? quantityOf('10');
  return {
    lineId: String(overrides.lineNo),
    description: `Item ${overrides.lineNo}`,
    unitCode: 'EA',
    unitPrice: '4.85',
    netPence: extendPence(quantity, 485n) as Pence,
    vatRateBasisPoints: 2000,
    vatCategory: 'S',
    orderLineReference: String(overrides.lineNo),
    gtin: null,
    sellerItemCode: null,
    accountCode: null,
    costCentreCode: null,
    ...overrides,
    quantity,
  };
}

export function capturedInvoice(overrides: Partial<CapturedInvoice> = {}): CapturedInvoice {
  const lines = overrides.lines ?? [capturedLine({ lineNo: 1 })];
  const net = lines.reduce((sum, line) => sum + line.netPence, 0n);
  const vat = (net * 20n) / 100n;
  return {
    kind: 'invoice',
    number: 'INV-001',
    issueDate: localDate('2026-06-01'),
    statedDueDate: null,
    currency: 'GBP',
    orderReference: 'PO-1',
    precedingInvoiceNumbers: [],
    buyerReference: null,
    seller: {
      name: 'Medisupply UK Ltd',
      vatNumber: 'GB123456789',
      companiesHouseNumber: null,
      endpointScheme: '0088',
      endpointId: '5012345000009',
      gln: '5012345000009',
    },
    netPence: pence(net),
    vatPence: pence(vat),
    grossPence: pence(net + vat),
    prepaidPence: pence(0),
    amountDuePence: pence(net + vat),
    ...overrides,
    lines,
  };
}

export function orderLine(
  overrides: Partial<PurchaseOrderLineForMatching> & { lineNo: number },
): PurchaseOrderLineForMatching {
  return {
    description: `Item ${overrides.lineNo}`,
    gtin: null,
    supplierItemCode: null,
    unitCode: 'EA',
    orderedQuantity: '10',
    receivedQuantity: '10',
    invoicedQuantity: '0',
    unitPricePence: 485n,
    vatRateBasisPoints: 2000,
    accountCode: '610100',
    costCentreCode: 'WARD1',
    ...overrides,
  };
}

export function purchaseOrder(overrides: Partial<PurchaseOrderForMatching> = {}): PurchaseOrderForMatching {
  return {
    id: 'po_1',
    number: 'PO-1',
    supplierId: 'sup_1',
    status: 'open',
    currency: 'GBP',
    lines: [orderLine({ lineNo: 1 })],
    ...overrides,
  };
}
