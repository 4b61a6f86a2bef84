import { describe, expect, it } from 'vitest';
import type { AllowanceCharge, InvoiceLine } from '../model/types';
import { formatFixed } from '../xpath/decimal';
import { lineNetAmount, withCalculatedTotals } from './calculate-totals';
import { sampleInvoice } from './sample-invoice';

const base = sampleInvoice({ lines: 1 });
const line = (overrides: Partial<InvoiceLine>): InvoiceLine => ({
  ...(base.lines[0] as InvoiceLine),
  netAmount: undefined,
  ...overrides,
});
const charge = (isCharge: boolean, amount: string, category = 'S', rate = '20'): AllowanceCharge => ({
  isCharge,
  amount: { value: amount, currency: 'GBP' },
  baseAmount: undefined,
  percentage: undefined,
  vatCategoryCode: category,
  vatRate: rate,
  reason: isCharge ? 'Delivery' : 'Discount',
  reasonCode: undefined,
});

describe('lineNetAmount (BT-131)', () => {
  it.each([
    ['3', '4.85', undefined, '14.55'],
    ['3', '10', '4', '7.50'],
    ['1', '0.005', undefined, '0.01'],
    ['7', '1.333', undefined, '9.33'],
  ])('quantity %s at %s per %s → %s', (quantity, price, baseQuantity, expected) => {
    const value = lineNetAmount(
      line({
        quantity: { value: quantity, unitCode: 'EA' },
        price: {
          netPrice: { value: price, currency: 'GBP' },
          discount: undefined,
          grossPrice: undefined,
          baseQuantity: baseQuantity === undefined ? undefined : { value: baseQuantity, unitCode: 'EA' },
        },
      }),
    );
    expect(formatFixed(value, 2)).toBe(expected);
  });

  it('refuses a price that is not a number, naming the line', () => {
    expect(() =>
      lineNetAmount(
        line({ price: { ...base.lines[0]!.price, netPrice: { value: 'ten', currency: 'GBP' } } }),
      ),
    ).toThrow(/line 1 net price "ten"/);
  });
});

describe('withCalculatedTotals', () => {
  it('derives the VAT breakdown per category and rate and the document totals', () => {
    const invoice = withCalculatedTotals({
      ...base,
      lines: [
        line({ id: '1', quantity: { value: '2', unitCode: 'EA' } }),
        line({ id: '2', quantity: { value: '1', unitCode: 'EA' }, vat: { categoryCode: 'Z', rate: '0' } }),
      ],
      allowanceCharges: [charge(false, '1.00'), charge(true, '5.00')],
    });
    expect(
      invoice.vatBreakdown.map((entry) => [
        entry.categoryCode,
        entry.rate,
        entry.taxableAmount?.value,
        entry.taxAmount?.value,
      ]),
    ).toEqual([
      ['S', '20.00', '13.70', '2.74'],
      ['Z', '0.00', '4.85', '0.00'],
    ]);
    expect(invoice.totals.lineNetTotal?.value).toBe('14.55');
    expect(invoice.totals.allowanceTotal?.value).toBe('1.00');
    expect(invoice.totals.chargeTotal?.value).toBe('5.00');
    expect(invoice.totals.totalWithoutVat?.value).toBe('18.55');
    expect(invoice.totals.totalVat?.value).toBe('2.74');
    expect(invoice.totals.totalWithVat?.value).toBe('21.29');
    expect(invoice.totals.amountDue?.value).toBe('21.29');
  });

  it('takes a paid amount off the amount due', () => {
    // One line: 8 boxes at 4.85 = 38.80, VAT 20% 7.76, total 46.56.
    const invoice = withCalculatedTotals(base, { paidAmount: '10' });
    expect(invoice.totals.totalWithVat?.value).toBe('46.56');
    expect(invoice.totals.paidAmount?.value).toBe('10.00');
    expect(invoice.totals.amountDue?.value).toBe('36.56');
  });
});
