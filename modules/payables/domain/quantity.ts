import { roundHalfUp } from '../../../kernel/money';

/**
 * An exact quantity in millionths of a unit (UBL quantities are decimal text; PostgreSQL
 * `numeric(20,6)`). Never binary floating point: 0.1 + 0.2 boxes are exactly 0.3.
 */
export type Quantity = bigint & { readonly __brand: 'Quantity' };

const SCALE = 6;
const ONE = 1_000_000n;
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export type QuantityReading = { ok: true; quantity: Quantity } | { ok: false; reason: string };

/** Reads decimal text ("12", "2.5", "0.125000"); more than six decimal places is refused, never rounded. */
export function readQuantity(text: string): QuantityReading {
  const match = DECIMAL.exec(text.trim());
  if (!match) return { ok: false, reason: `"${text}" is not a decimal number` };
  const fraction = match[3] ?? '';
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) {
    return { ok: false, reason: `"${text}" has more than ${SCALE} decimal places` };
  }
  const magnitude = BigInt(match[2]!) * ONE + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, '0'));
  return { ok: true, quantity: (match[1] === '-' ? -magnitude : magnitude) as Quantity };
}

/** Decimal text or a whole number of units (another module's exact quantity) into a Quantity. */
export function quantityOf(value: string | bigint | number): Quantity {
  if (typeof value === 'bigint') return (value * ONE) as Quantity;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new RangeError(`give fractional quantities as text, not ${value}`);
    return (BigInt(value) * ONE) as Quantity;
  }
  const reading = readQuantity(value);
  if (!reading.ok) throw new RangeError(reading.reason);
  return reading.quantity;
}

/** Shortest decimal text: 2500000n → "2.5". */
export function formatQuantity(quantity: Quantity | bigint): string {
  const negative = quantity < 0n;
  const magnitude = negative ? -quantity : quantity;
  const whole = (magnitude / ONE).toString();
  const fraction = (magnitude % ONE).toString().padStart(SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** quantity × unit price in pence, rounded half up to whole pence (commercial rounding, as EN 16931 line amounts). */
export function extendPence(quantity: Quantity | bigint, unitPricePence: bigint): bigint {
  return roundHalfUp(quantity * unitPricePence, ONE);
}

export const ZERO_QUANTITY = 0n as Quantity;
