import { invalid } from '../../../../kernel/errors';
import type { PayElementKind, PayElementTreatment, TaxYearReference } from '../../reference-data';
import type { Explanation } from '../explain';

/**
 * One line of pay on a payslip. Its treatment says whether it counts towards
 * taxable, NI-able and pensionable pay; a salary sacrifice is a negative line
 * whose treatment makes it reduce each of them.
 */
export type PayElementLine = {
  readonly kind: PayElementKind;
  /** Pence; negative for a sacrifice. */
  readonly amount: number;
  readonly treatment: PayElementTreatment;
  readonly explanation: Explanation;
};

export type PayTotals = {
  readonly grossPay: number;
  readonly taxablePay: number;
  readonly niablePay: number;
  readonly pensionablePay: number;
};

/** Hours are held as whole hundredths of an hour (7.5 hours = 750), never as binary fractions. */
export type Centihours = number;

/**
 * A pay line whose explanation is written only when it is read: a pay run
 * calculates every line but shows few, and the words (money formatting
 * included) cost more than the sums.
 */
class ExplainedLine implements PayElementLine {
  private written: Explanation | null = null;
  constructor(
    readonly kind: PayElementKind,
    readonly amount: number,
    readonly treatment: PayElementTreatment,
    private readonly explain: () => Explanation,
  ) {}

  get explanation(): Explanation {
    this.written ??= this.explain();
    return this.written;
  }
}

export function payElementLine(
  kind: PayElementKind,
  amount: bigint,
  reference: TaxYearReference,
  explain: () => Explanation,
): PayElementLine {
  return new ExplainedLine(kind, penceNumber(amount, kind), reference.payElementTreatment[kind], explain);
}

/** Pay elements are computed in bigint (their products can pass 2^53) and handed on as number pence. */
export function penceNumber(amount: bigint, field: string): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw invalid('pay-element-out-of-range', `${field} is too large to pay`, [
      { path: field, rule: 'within-limit', message: `${amount} pence is beyond any payable amount` },
    ]);
  }
  return Number(amount);
}

/** Gross pay and the taxable, NI-able and pensionable pay the statutory calculation needs. */
export function summarisePayElements(lines: readonly PayElementLine[]): PayTotals {
  let grossPay = 0;
  let taxablePay = 0;
  let niablePay = 0;
  let pensionablePay = 0;
  for (const line of lines) {
    grossPay += line.amount;
    if (line.treatment.taxable) taxablePay += line.amount;
    if (line.treatment.niable) niablePay += line.amount;
    if (line.treatment.pensionable) pensionablePay += line.amount;
  }
  return { grossPay, taxablePay, niablePay, pensionablePay };
}

/** Rejects a value that is not a whole number within bounds, naming the field. */
export function requireWhole(value: number, field: string, minimum: number, maximum: number): void {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw invalid('pay-element-input', `${field} must be a whole number from ${minimum} to ${maximum}`, [
      {
        path: field,
        rule: 'whole-number-in-range',
        message: `must be a whole number from ${minimum} to ${maximum}, got ${value}`,
      },
    ]);
  }
}
