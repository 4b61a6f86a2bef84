import { applyBasisPoints, type Pence } from '../../../kernel/money';
import type { PurchaseOrderForMatching, PurchaseOrderLineForMatching } from '../ports';
import type { ExceptionReason } from './exceptions';
import { normaliseInvoiceNumber } from './fingerprint';
import type { CapturedInvoice, CapturedLine } from './invoice';
import { extendPence, formatQuantity, type Quantity, quantityOf, readQuantity } from './quantity';

/** The version of these matching rules, recorded with every decision they make. */
export const MATCH_RULES_VERSION = 'payables-match/1';

export type MatchTolerance = {
  /** Adverse price difference allowed on a line, as a share of its value at the order price. */
  pricePercentBasisPoints: number;
  /** Units an invoice may run ahead of what was received (3-way) or ordered (2-way). */
  quantityUnits: number;
  /** The most adverse variance an invoice may carry in all and still be approved automatically. */
  absoluteCapPence: number;
};

export type MatchMode = 'three-way' | 'two-way';

export type MatchedLine = {
  invoiceLineNo: number;
  poLineNo: number;
  mode: MatchMode;
  quantity: Quantity;
  /** The quantity at the order price. */
  expectedPence: Pence;
  /** Invoice line net less expected: positive is adverse (dearer than ordered). */
  variancePence: Pence;
  /**
   * What the receipt accrued for this quantity and the invoice now releases from goods
   * received not invoiced: the expected value, but never more than was received and not yet
   * invoiced (a quantity tolerance can let an invoice run ahead of its receipt). 2-way: none.
   */
  grniReleasePence: Pence;
  accountCode: string;
  costCentreCode: string;
};

export type MatchFinding = {
  reason: ExceptionReason;
  /** The rule that found it, recorded on the exception. */
  rule: string;
  invoiceLineNo: number | null;
  detail: string;
  amountPence: Pence | null;
};

export type MatchResult = {
  mode: MatchMode;
  purchaseOrderId: string;
  lines: MatchedLine[];
  /** Invoice net less the value of its lines at order prices: document charges and allowances land here too. */
  totalVariancePence: Pence;
  findings: MatchFinding[];
};

/**
 * Orders nothing more can be invoiced against. A "closed" order is one procurement closed when it
 * was fully invoiced: the quantity checks catch any further invoice, so only a cancelled order
 * is refused outright (an order brought over from a legacy system arrives closed yet uninvoiced).
 */
const CLOSED_STATUSES = new Set(['cancelled', 'canceled', 'rejected']);

/** A tolerance of 0.5 units from the framework becomes exactly 500,000 millionths. */
export function toleranceQuantity(units: number): Quantity {
  const reading = readQuantity(String(units));
  return reading.ok ? reading.quantity : quantityOf(Math.round(units));
}

function pairLine(line: CapturedLine, poLines: readonly PurchaseOrderLineForMatching[]) {
  if (line.orderLineReference) {
    const wanted = line.orderLineReference.replace(/^0+(?=\d)/, '');
    const byNumber = poLines.find((poLine) => String(poLine.lineNo) === wanted);
    if (byNumber) return byNumber;
  }
  if (line.gtin) {
    const byGtin = poLines.find((poLine) => poLine.gtin === line.gtin);
    if (byGtin) return byGtin;
  }
  if (line.sellerItemCode) {
    const code = normaliseInvoiceNumber(line.sellerItemCode);
    const byCode = poLines.find(
      (poLine) => poLine.supplierItemCode && normaliseInvoiceNumber(poLine.supplierItemCode) === code,
    );
    if (byCode) return byCode;
  }
  return undefined;
}

const pounds = (value: bigint) => {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  return `${negative ? '-' : ''}£${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
};

/**
 * Matches an invoice to its purchase order line by line: each invoice line is paired with an
 * order line (by the order line reference BT-132, else GTIN, else the supplier's item code),
 * then checked for price against the order, quantity against what was ordered and — for goods
 * — received (3-way; services marked as needing no receipt match 2-way), and VAT rate.
 * Returns every finding, not just the first, so one look at the exception shows all of it.
 */
export function matchToOrder(input: {
  invoice: CapturedInvoice;
  supplierId: string;
  order: PurchaseOrderForMatching;
  tolerance: MatchTolerance;
}): MatchResult {
  const { invoice, order, tolerance } = input;
  const findings: MatchFinding[] = [];
  const finding = (
    reason: ExceptionReason,
    rule: string,
    detail: string,
    invoiceLineNo: number | null = null,
    amountPence: bigint | null = null,
  ) => findings.push({ reason, rule, detail, invoiceLineNo, amountPence: amountPence as Pence | null });

  if (order.supplierId !== input.supplierId) {
    finding(
      'supplier-mismatch',
      'PAYABLES-PO-SUPPLIER',
      `Order ${order.number} was raised with another supplier.`,
    );
  }
  if (CLOSED_STATUSES.has(order.status.toLowerCase())) {
    finding('po-closed', 'PAYABLES-PO-OPEN', `Order ${order.number} is ${order.status}.`);
  }
  if (order.currency !== invoice.currency) {
    finding(
      'currency-mismatch',
      'PAYABLES-PO-CURRENCY',
      `The invoice is in ${invoice.currency}; order ${order.number} is in ${order.currency}.`,
    );
  }

  const quantitySlack = toleranceQuantity(tolerance.quantityUnits);
  const invoicedHere = new Map<number, Quantity>();
  const lines: MatchedLine[] = [];
  let modes = new Set<MatchMode>();
  for (const line of invoice.lines) {
    const poLine = pairLine(line, order.lines);
    if (!poLine) {
      finding(
        'line-not-on-order',
        'PAYABLES-LINE-ON-ORDER',
        `Invoice line ${line.lineId} (${line.description || 'no description'}) is not on order ${order.number}.`,
        line.lineNo,
        line.netPence,
      );
      continue;
    }
    const mode: MatchMode = poLine.receiptRequired === false ? 'two-way' : 'three-way';
    modes.add(mode);
    const expectedPence = extendPence(line.quantity, poLine.unitPricePence) as Pence;
    const variancePence = (line.netPence - expectedPence) as Pence;
    const earlierHere = invoicedHere.get(poLine.lineNo) ?? 0n;
    const cumulative = (earlierHere + line.quantity) as Quantity;
    invoicedHere.set(poLine.lineNo, cumulative);
    const alreadyInvoiced = quantityOf(poLine.invoicedQuantity);
    const totalInvoiced = alreadyInvoiced + cumulative;
    const ordered = quantityOf(poLine.orderedQuantity);
    const received = quantityOf(poLine.receivedQuantity);
    const receivedNotInvoiced = received - alreadyInvoiced - earlierHere;
    const accrued = receivedNotInvoiced > 0n ? extendPence(receivedNotInvoiced, poLine.unitPricePence) : 0n;
    lines.push({
      invoiceLineNo: line.lineNo,
      poLineNo: poLine.lineNo,
      mode,
      quantity: line.quantity,
      expectedPence,
      variancePence,
      grniReleasePence: (mode === 'two-way'
        ? 0n
        : expectedPence < accrued
          ? expectedPence
          : accrued) as Pence,
      accountCode: poLine.accountCode,
      costCentreCode: poLine.costCentreCode,
    });
    if (totalInvoiced > ordered + quantitySlack) {
      finding(
        'quantity-over-ordered',
        'PAYABLES-QUANTITY-ORDERED',
        `Line ${line.lineId}: ${formatQuantity(totalInvoiced)} invoiced in all against ${formatQuantity(ordered)} ordered on line ${poLine.lineNo}.`,
        line.lineNo,
      );
    } else if (mode === 'three-way' && totalInvoiced > received + quantitySlack) {
      finding(
        'quantity-not-received',
        'PAYABLES-QUANTITY-RECEIVED',
        `Line ${line.lineId}: ${formatQuantity(totalInvoiced)} invoiced in all, ${formatQuantity(received)} received on order line ${poLine.lineNo}.`,
        line.lineNo,
      );
    }
    const allowed = applyBasisPoints(
      expectedPence < 0n ? -expectedPence : expectedPence,
      BigInt(tolerance.pricePercentBasisPoints),
      'down',
    );
    if (variancePence > allowed) {
      finding(
        'price-variance',
        'PAYABLES-PRICE',
        `Line ${line.lineId}: ${pounds(line.netPence)} invoiced, ${pounds(expectedPence)} at the order price (${pounds(variancePence)} more; ${tolerance.pricePercentBasisPoints / 100}% allowed).`,
        line.lineNo,
        variancePence,
      );
    }
    if (line.vatRateBasisPoints !== null && line.vatRateBasisPoints !== poLine.vatRateBasisPoints) {
      finding(
        'invalid-vat',
        'PAYABLES-VAT-RATE',
        `Line ${line.lineId}: VAT at ${line.vatRateBasisPoints / 100}%, the order says ${poLine.vatRateBasisPoints / 100}%.`,
        line.lineNo,
      );
    }
  }

  const expectedTotal = lines.reduce((sum, line) => sum + line.expectedPence, 0n);
  const unmatchedNet = invoice.lines
    .filter((line) => !lines.some((matched) => matched.invoiceLineNo === line.lineNo))
    .reduce((sum, line) => sum + line.netPence, 0n);
  const totalVariancePence = (invoice.netPence - unmatchedNet - expectedTotal) as Pence;
  const lineVariances = findings.some((entry) => entry.reason === 'price-variance');
  if (!lineVariances && totalVariancePence > BigInt(tolerance.absoluteCapPence)) {
    finding(
      'price-variance',
      'PAYABLES-PRICE-CAP',
      `The invoice is ${pounds(totalVariancePence)} more than its lines at order prices; at most ${pounds(BigInt(tolerance.absoluteCapPence))} is approved automatically.`,
      null,
      totalVariancePence,
    );
  }
  if (modes.size === 0) modes = new Set(['three-way']);
  return {
    mode: modes.has('three-way') ? 'three-way' : 'two-way',
    purchaseOrderId: order.id,
    lines,
    totalVariancePence,
    findings,
  };
}

/** What a credit note can be set against: the lines it credits on the order (quantities not above what was invoiced). */
export function matchCreditToOrder(input: {
  credit: CapturedInvoice;
  supplierId: string;
  order: PurchaseOrderForMatching;
}): MatchResult {
  const { credit, order } = input;
  const findings: MatchFinding[] = [];
  const lines: MatchedLine[] = [];
  if (order.supplierId !== input.supplierId) {
    findings.push({
      reason: 'supplier-mismatch',
      rule: 'PAYABLES-PO-SUPPLIER',
      detail: `Order ${order.number} was raised with another supplier.`,
      invoiceLineNo: null,
      amountPence: null,
    });
  }
  for (const line of credit.lines) {
    const poLine = pairLine(line, order.lines);
    if (!poLine || line.quantity > quantityOf(poLine.invoicedQuantity)) {
      findings.push({
        reason: 'credit-note-unmatched',
        rule: 'PAYABLES-CREDIT-LINE',
        detail: poLine
          ? `Credit line ${line.lineId}: ${formatQuantity(line.quantity)} credited, only ${formatQuantity(quantityOf(poLine.invoicedQuantity))} invoiced on order line ${poLine.lineNo}.`
          : `Credit line ${line.lineId} is not on order ${order.number}.`,
        invoiceLineNo: line.lineNo,
        amountPence: line.netPence,
      });
      continue;
    }
    lines.push({
      invoiceLineNo: line.lineNo,
      poLineNo: poLine.lineNo,
      mode: poLine.receiptRequired === false ? 'two-way' : 'three-way',
      quantity: line.quantity,
      expectedPence: line.netPence,
      variancePence: 0n as Pence,
      // A credit re-accrues nothing: it reduces the expense the order line was charged to.
      grniReleasePence: 0n as Pence,
      accountCode: poLine.accountCode,
      costCentreCode: poLine.costCentreCode,
    });
  }
  const creditedLines = lines.reduce((sum, line) => sum + line.expectedPence, 0n);
  return {
    mode: 'three-way',
    purchaseOrderId: order.id,
    lines,
    totalVariancePence: (credit.netPence - creditedLines) as Pence,
    findings,
  };
}
