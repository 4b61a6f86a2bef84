/**
 * Fills in the figures an invoice derives from its lines: line net amounts (BT-131) where not
 * given, the VAT breakdown (BG-23) per category and rate, and the document totals (BG-22), with
 * exact decimals rounded half up to two places. Used to produce valid invoices (demo data,
 * benchmarks); the validator checks the same arithmetic the other way round.
 */
import { invalid } from '../../../kernel/errors';
import type { AllowanceCharge, Amount, En16931Invoice, InvoiceLine, VatBreakdown } from '../model/types';
import {
  add,
  type Decimal,
  decimal,
  divide,
  formatFixed,
  multiply,
  parseDecimal,
  round,
  subtract,
  sum,
  ZERO,
} from '../xpath/decimal';

export type InvoiceWithoutTotals = Omit<En16931Invoice, 'totals' | 'vatBreakdown'>;

export type TotalsOptions = {
  /** BT-120/BT-121 for categories that need an exemption reason (E, AE, K, G, O). */
  readonly exemptionReasons?: Readonly<Record<string, { readonly code?: string; readonly text?: string }>>;
  /** BT-113 Paid amount. */
  readonly paidAmount?: string;
};

const RATED_CATEGORIES = new Set(['S', 'L', 'M', 'B']);
const HUNDRED = decimal(100);

function value(text: string | undefined, what: string): Decimal {
  const parsed = parseDecimal(text ?? '');
  if (parsed === undefined) {
    const message = `${what} "${text ?? ''}" is not a decimal number`;
    throw invalid('invoice-not-decimal', message, [{ path: what, rule: 'decimal', message }]);
  }
  return parsed;
}

const money = (amount: Decimal, currency: string | undefined): Amount => ({
  value: formatFixed(amount, 2),
  currency,
});
const amountsOf = (entries: readonly AllowanceCharge[], charge: boolean) =>
  sum(
    entries
      .filter((entry) => entry.isCharge === charge)
      .map((entry) => value(entry.amount?.value, 'allowance/charge amount')),
  );

/** BT-131 = quantity × (net price ÷ base quantity) + line charges − line allowances, to two places. */
export function lineNetAmount(line: InvoiceLine): Decimal {
  const quantity = value(line.quantity?.value, `line ${line.id ?? ''} quantity`);
  const price = value(line.price.netPrice?.value, `line ${line.id ?? ''} net price`);
  const base =
    line.price.baseQuantity === undefined
      ? decimal(1)
      : value(line.price.baseQuantity.value, 'base quantity');
  const unitPrice = divide(price, base);
  if (unitPrice === undefined) {
    const message = `line ${line.id ?? ''} has a zero price base quantity (BT-149)`;
    throw invalid('invoice-zero-base-quantity', message, [
      { path: `lines[${line.id ?? ''}].price.baseQuantity`, rule: 'PEPPOL-EN16931-R121', message },
    ]);
  }
  const charges = amountsOf(line.allowanceCharges, true);
  const allowances = amountsOf(line.allowanceCharges, false);
  return round(subtract(add(multiply(quantity, unitPrice), charges), allowances), 2);
}

export function withCalculatedTotals(
  invoice: InvoiceWithoutTotals,
  options: TotalsOptions = {},
): En16931Invoice {
  const currency = invoice.currency;
  const lines = invoice.lines.map((line) =>
    line.netAmount === undefined ? { ...line, netAmount: money(lineNetAmount(line), currency) } : line,
  );
  const groups = new Map<string, { category: string; rate: string | undefined; base: Decimal }>();
  const addToGroup = (category: string | undefined, rate: string | undefined, amount: Decimal) => {
    const code = category ?? 'S';
    const normalisedRate = rate === undefined ? undefined : formatFixed(value(rate, 'VAT rate'), 2);
    const key = `${code}|${normalisedRate ?? ''}`;
    const entry = groups.get(key) ?? { category: code, rate: normalisedRate, base: ZERO };
    groups.set(key, { ...entry, base: add(entry.base, amount) });
  };
  for (const line of lines)
    addToGroup(line.vat.categoryCode, line.vat.rate, value(line.netAmount?.value, 'line net amount'));
  for (const entry of invoice.allowanceCharges) {
    const amount = value(entry.amount?.value, 'allowance/charge amount');
    addToGroup(entry.vatCategoryCode, entry.vatRate, entry.isCharge ? amount : subtract(ZERO, amount));
  }
  const vatBreakdown: VatBreakdown[] = [...groups.values()].map(({ category, rate, base }) => {
    const tax =
      RATED_CATEGORIES.has(category) && rate !== undefined
        ? round(multiply(base, divide(value(rate, 'VAT rate'), HUNDRED) ?? ZERO), 2)
        : ZERO;
    const exemption = options.exemptionReasons?.[category];
    return {
      taxableAmount: money(base, currency),
      taxAmount: money(tax, currency),
      categoryCode: category,
      rate: category === 'O' ? undefined : (rate ?? '0.00'),
      exemptionReason: exemption?.text,
      exemptionReasonCode: exemption?.code,
    };
  });
  const lineTotal = sum(lines.map((line) => value(line.netAmount?.value, 'line net amount')));
  const allowances = amountsOf(invoice.allowanceCharges, false);
  const charges = amountsOf(invoice.allowanceCharges, true);
  const withoutVat = subtract(add(lineTotal, charges), allowances);
  const vat = sum(vatBreakdown.map((entry) => value(entry.taxAmount?.value, 'VAT amount')));
  const withVat = add(withoutVat, vat);
  const paid = options.paidAmount === undefined ? undefined : value(options.paidAmount, 'paid amount');
  const hasAllowances = invoice.allowanceCharges.some((entry) => !entry.isCharge);
  const hasCharges = invoice.allowanceCharges.some((entry) => entry.isCharge);
  return {
    ...invoice,
    lines,
    vatBreakdown,
    totals: {
      lineNetTotal: money(lineTotal, currency),
      allowanceTotal: hasAllowances ? money(allowances, currency) : undefined,
      chargeTotal: hasCharges ? money(charges, currency) : undefined,
      totalWithoutVat: money(withoutVat, currency),
      totalVat: money(vat, currency),
      totalVatInAccountingCurrency: undefined,
      totalWithVat: money(withVat, currency),
      paidAmount: paid === undefined ? undefined : money(paid, currency),
      roundingAmount: undefined,
      amountDue: money(paid === undefined ? withVat : subtract(withVat, paid), currency),
    },
  };
}
