import { type Pence, roundHalfUp } from '../../../kernel/money';

/**
 * Quantities are exact decimals with at most three decimal places (2.5 kg,
 * 0.125 litre), held in TypeScript as a bigint of thousandths and in the
 * database as numeric(18,3); they leave the module as decimal strings ("12",
 * "2.5"), never as binary floating point.
 */
export type Milli = bigint & { readonly __brand: 'Milli' };

export const QUANTITY_SCALE = 1000n;
/** Trailing zeros past the third place are harmless ("2.500000" is 2.5); a fourth significant place is refused. */
const DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,3})0*)?$/;

/** Reads "12", "2.5", "-1.25" or a JSON number whose shortest decimal form has at most 3 places; undefined otherwise. */
export function parseQuantity(value: string | number): Milli | undefined {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const whole = BigInt(match[2]!);
  const fraction = BigInt((match[3] ?? '').padEnd(3, '0'));
  const magnitude = whole * QUANTITY_SCALE + fraction;
  return (match[1] === '-' ? -magnitude : magnitude) as Milli;
}

export function milli(value: string | number): Milli {
  const parsed = parseQuantity(value);
  if (parsed === undefined)
    throw new RangeError(`"${value}" is not a quantity with at most 3 decimal places`);
  return parsed;
}

/** "12", "2.5", "0.125": no trailing zeros, no exponent. */
export function formatQuantity(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / QUANTITY_SCALE;
  const fraction = (magnitude % QUANTITY_SCALE).toString().padStart(3, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** quantity × unit price, to the penny, halves away from zero (as EN 16931 line amounts). */
export function lineValue(quantity: bigint, unitPricePence: bigint): Pence {
  return roundHalfUp(quantity * unitPricePence, QUANTITY_SCALE) as Pence;
}

/** The part of `total` that `part` of `whole` accounts for, to the penny: returns reverse accruals in proportion. */
export function proportion(total: bigint, part: bigint, whole: bigint): Pence {
  return (whole === 0n ? 0n : roundHalfUp(total * part, whole)) as Pence;
}

/** The larger of two quantities (Math.max does not take bigint). */
export const maxMilli = (a: bigint, b: bigint): Milli => (a > b ? a : b) as Milli;
