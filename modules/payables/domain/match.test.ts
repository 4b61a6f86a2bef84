import { describe, expect, it } from 'vitest';
import { pence } from '../../../kernel/money';
import { capturedInvoice, capturedLine, orderLine, purchaseOrder } from './builders.test-support';
import { matchCreditToOrder, matchToOrder, toleranceQuantity } from './match';
import { quantityOf } from './quantity';

const tolerance = { pricePercentBasisPoints: 200, quantityUnits: 0, absoluteCapPence: 5000 };

const match = (
  invoice = capturedInvoice(),
  order = purchaseOrder(),
  options: { supplierId?: string; tolerance?: typeof tolerance } = {},
) =>
  matchToOrder({
    invoice,
    order,
    supplierId: options.supplierId ?? 'sup_1',
    tolerance: options.tolerance ?? tolerance,
  });

const reasons = (result: ReturnType<typeof match>) => result.findings.map((finding) => finding.reason);

describe('matching an invoice to its order', () => {
  it('matches an invoice at the order price for what was received, line by line, with nothing to look at', () => {
    const result = match();
    expect(result.findings).toEqual([]);
    expect(result.mode).toBe('three-way');
    expect(result.lines).toEqual([
      expect.objectContaining({ invoiceLineNo: 1, poLineNo: 1, expectedPence: 4850n, variancePence: 0n }),
    ]);
  });

  it.each([
    ['just inside 2%', 4947n, []],
    ['just over 2%', 4948n, ['price-variance']],
    ['cheaper than ordered', 4000n, []],
  ])('judges a price %s', (_label, net, expected) => {
    const invoice = capturedInvoice({
      lines: [capturedLine({ lineNo: 1, netPence: pence(net) })],
      netPence: pence(net),
    });
    expect(reasons(match(invoice))).toEqual(expected);
  });

  it('stops an invoice whose small line variances add up past the absolute cap', () => {
    const lines = Array.from({ length: 4 }, (_, index) =>
      capturedLine({ lineNo: index + 1, quantity: quantityOf('100'), netPence: pence(49_400) }),
    );
    const order = purchaseOrder({
      lines: lines.map((line) =>
        orderLine({ lineNo: line.lineNo, orderedQuantity: '100', receivedQuantity: '100' }),
      ),
    });
    const invoice = capturedInvoice({ lines, netPence: pence(197_600) });
    const result = match(invoice, order);
    expect(result.totalVariancePence).toBe(3600n);
    expect(reasons(result)).toEqual([]);
    const dearer = capturedInvoice({ lines, netPence: pence(197_600 + 1_401) });
    expect(match(dearer, order).findings).toEqual([
      expect.objectContaining({ reason: 'price-variance', rule: 'PAYABLES-PRICE-CAP', amountPence: 5001n }),
    ]);
  });

  it.each([
    ['received in full', '10', '10', []],
    ['half received', '10', '5', ['quantity-not-received']],
    ['nothing received', '10', '0', ['quantity-not-received']],
  ])('3-way: %s', (_label, ordered, received, expected) => {
    const order = purchaseOrder({
      lines: [orderLine({ lineNo: 1, orderedQuantity: ordered, receivedQuantity: received })],
    });
    expect(reasons(match(capturedInvoice(), order))).toEqual(expected);
  });

  it('2-way: a service line needs no receipt, only the order', () => {
    const order = purchaseOrder({
      lines: [orderLine({ lineNo: 1, receivedQuantity: '0', receiptRequired: false })],
    });
    const result = match(capturedInvoice(), order);
    expect(result.findings).toEqual([]);
    expect(result.mode).toBe('two-way');
  });

  it('counts what earlier invoices took from the line', () => {
    const order = purchaseOrder({
      lines: [
        orderLine({ lineNo: 1, orderedQuantity: '15', receivedQuantity: '15', invoicedQuantity: '10' }),
      ],
    });
    expect(reasons(match(capturedInvoice(), order))).toEqual(['quantity-over-ordered']);
  });

  it('allows the framework’s quantity tolerance, exactly', () => {
    const order = purchaseOrder({ lines: [orderLine({ lineNo: 1, receivedQuantity: '9.5' })] });
    expect(reasons(match(capturedInvoice(), order))).toEqual(['quantity-not-received']);
    const tolerated = match(capturedInvoice(), order, { tolerance: { ...tolerance, quantityUnits: 0.5 } });
    expect(reasons(tolerated)).toEqual([]);
    expect(tolerated.lines[0]).toMatchObject({ expectedPence: 4850n, grniReleasePence: 4608n });
    expect(toleranceQuantity(0.5)).toBe(500_000n);
  });

  it.each([
    ['order line reference', { orderLineReference: '2' }, {}],
    ['zero-padded reference', { orderLineReference: '0002' }, {}],
    ['GTIN', { orderLineReference: null, gtin: '05012345678900' }, { gtin: '05012345678900' }],
    [
      'supplier item code',
      { orderLineReference: null, sellerItemCode: 'sku-77' },
      { supplierItemCode: 'SKU77' },
    ],
  ])('pairs lines by %s', (_label, invoiceLine, poLine) => {
    const order = purchaseOrder({ lines: [orderLine({ lineNo: 1 }), orderLine({ lineNo: 2, ...poLine })] });
    const invoice = capturedInvoice({ lines: [capturedLine({ lineNo: 1, ...invoiceLine })] });
    expect(match(invoice, order).lines[0]?.poLineNo).toBe(2);
  });

  it('names a line that is not on the order', () => {
    const invoice = capturedInvoice({ lines: [capturedLine({ lineNo: 1, orderLineReference: '9' })] });
    expect(match(invoice).findings).toEqual([
      expect.objectContaining({ reason: 'line-not-on-order', invoiceLineNo: 1, amountPence: 4850n }),
    ]);
  });

  it.each([
    ['another supplier', purchaseOrder({ supplierId: 'sup_2' }), 'supplier-mismatch'],
    ['a cancelled order', purchaseOrder({ status: 'cancelled' }), 'po-closed'],
    ['an order in euros', purchaseOrder({ currency: 'EUR' }), 'currency-mismatch'],
  ])('refuses %s', (_label, order, reason) => {
    expect(reasons(match(capturedInvoice(), order))).toContain(reason);
  });

  it('matches an order procurement marked closed as long as its quantities allow, and stops it when they do not', () => {
    expect(reasons(match(capturedInvoice(), purchaseOrder({ status: 'closed' })))).toEqual([]);
    const invoiced = purchaseOrder({
      status: 'closed',
      lines: [orderLine({ lineNo: 1, invoicedQuantity: '10' })],
    });
    expect(reasons(match(capturedInvoice(), invoiced))).toEqual(['quantity-over-ordered']);
  });

  it('finds a VAT rate that differs from the order', () => {
    const invoice = capturedInvoice({ lines: [capturedLine({ lineNo: 1, vatRateBasisPoints: 500 })] });
    expect(reasons(match(invoice))).toEqual(['invalid-vat']);
  });

  it('reports every finding at once', () => {
    const order = purchaseOrder({
      status: 'cancelled',
      lines: [orderLine({ lineNo: 1, receivedQuantity: '0' })],
    });
    const invoice = capturedInvoice({
      lines: [capturedLine({ lineNo: 1, netPence: pence(6000), vatRateBasisPoints: 0 })],
    });
    expect(reasons(match(invoice, order)).sort()).toEqual([
      'invalid-vat',
      'po-closed',
      'price-variance',
      'quantity-not-received',
    ]);
  });
});

describe('matching a credit note to its order', () => {
  it('sets a credit against lines already invoiced', () => {
    const order = purchaseOrder({ lines: [orderLine({ lineNo: 1, invoicedQuantity: '10' })] });
    const credit = capturedInvoice({
      kind: 'credit-note',
      lines: [capturedLine({ lineNo: 1, quantity: quantityOf('2'), netPence: pence(970) })],
      netPence: pence(970),
    });
    const result = matchCreditToOrder({ credit, order, supplierId: 'sup_1' });
    expect(result.findings).toEqual([]);
    expect(result.lines[0]).toMatchObject({ poLineNo: 1, expectedPence: 970n });
  });

  it('refuses to credit more than was invoiced', () => {
    const order = purchaseOrder({ lines: [orderLine({ lineNo: 1, invoicedQuantity: '1' })] });
    const credit = capturedInvoice({
      kind: 'credit-note',
      lines: [capturedLine({ lineNo: 1, quantity: quantityOf('2') })],
    });
    expect(matchCreditToOrder({ credit, order, supplierId: 'sup_1' }).findings.map((f) => f.reason)).toEqual([
      'credit-note-unmatched',
    ]);
  });
});
