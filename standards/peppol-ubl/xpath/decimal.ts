/**
 * Exact decimal arithmetic with the XPath 2.0 semantics the official schematron relies on:
 * `round()` takes halves towards positive infinity and decimal division keeps at least 18
 * fraction digits (rounding half down), as Saxon does. Never binary floating point.
 */
export type Decimal = {
  /** value = coefficient × 10^-scale */
  readonly coefficient: bigint;
  readonly scale: number;
};

export const DIVISION_SCALE = 18;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;

/** Casts text to xs:decimal (surrounding whitespace allowed, no exponent); undefined when not castable. */
export function parseDecimal(text: string): Decimal | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  const sign = text.charCodeAt(start);
  if (sign === 0x2d || sign === 0x2b) {
    negative = sign === 0x2d;
    start++;
  }
  let digits = '';
  let scale = -1;
  let sawDigit = false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) {
      sawDigit = true;
      if (scale >= 0) scale++;
    } else if (code === 0x2e && scale < 0) {
      scale = 0;
      digits += text.slice(start, index);
      start = index + 1;
    } else {
      return undefined;
    }
  }
  if (!sawDigit) return undefined;
  digits += text.slice(start, end);
  const magnitude = digits.length <= 15 ? BigInt(Number(digits)) : BigInt(digits);
  return { coefficient: negative ? -magnitude : magnitude, scale: Math.max(scale, 0) };
}

export function decimal(value: number | bigint | string): Decimal {
  if (typeof value === 'string') {
    const parsed = parseDecimal(value);
    if (parsed === undefined) throw new RangeError(`"${value}" is not a decimal`);
    return parsed;
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`${value} is not a whole number; give fractions as strings`);
  }
  return { coefficient: BigInt(value), scale: 0 };
}

export const ZERO: Decimal = { coefficient: 0n, scale: 0 };

const powersOfTen: bigint[] = [1n];
function pow10(exponent: number): bigint {
  for (let index = powersOfTen.length; index <= exponent; index++) {
    powersOfTen.push((powersOfTen[index - 1] ?? 1n) * 10n);
  }
  return powersOfTen[exponent] ?? 10n ** BigInt(exponent);
}

function rescale(value: Decimal, scale: number): bigint {
  return value.coefficient * pow10(scale - value.scale);
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coefficient: rescale(a, scale) + rescale(b, scale), scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coefficient: rescale(a, scale) - rescale(b, scale), scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { coefficient: a.coefficient * b.coefficient, scale: a.scale + b.scale };
}

export function negate(a: Decimal): Decimal {
  return { coefficient: -a.coefficient, scale: a.scale };
}

export function abs(a: Decimal): Decimal {
  return a.coefficient < 0n ? negate(a) : a;
}

/** a ÷ b to max(18, scales) fraction digits, rounding half down; undefined when b is zero. */
export function divide(a: Decimal, b: Decimal): Decimal | undefined {
  if (b.coefficient === 0n) return undefined;
  const scale = Math.max(DIVISION_SCALE, a.scale, b.scale);
  // a/b × 10^scale = (a.c × 10^(scale + b.s)) / (b.c × 10^a.s)
  let numerator = a.coefficient * pow10(scale + b.scale);
  let denominator = b.coefficient * pow10(a.scale);
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator) quotient += 1n;
  return { coefficient: negative ? -quotient : quotient, scale };
}

/** Rounds to `digits` fraction digits with halves towards positive infinity (XPath fn:round). */
export function round(a: Decimal, digits = 0): Decimal {
  if (a.scale <= digits) return a;
  const divisor = pow10(a.scale - digits);
  const floor = floorDivide(a.coefficient, divisor);
  const remainder = a.coefficient - floor * divisor;
  return { coefficient: remainder * 2n >= divisor ? floor + 1n : floor, scale: digits };
}

function floorDivide(numerator: bigint, divisor: bigint): bigint {
  const quotient = numerator / divisor;
  return numerator % divisor !== 0n && numerator < 0n ? quotient - 1n : quotient;
}

/** -1, 0 or 1. */
export function compare(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function equals(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function sign(a: Decimal): number {
  return a.coefficient < 0n ? -1 : a.coefficient > 0n ? 1 : 0;
}

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = add(total, value);
  return total;
}

/** Canonical text without superfluous trailing zeros: 100.10 → "100.1", 5.00 → "5". */
export function formatDecimal(a: Decimal): string {
  let { coefficient, scale } = a;
  while (scale > 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    scale--;
  }
  return toFixedText(coefficient, scale);
}

/** Text with exactly `digits` fraction digits (rounding halves up, as fn:round). */
export function formatFixed(a: Decimal, digits: number): string {
  const rounded = round(a, digits);
  return toFixedText(rescale(rounded, digits), digits);
}

function toFixedText(coefficient: bigint, scale: number): string {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}
