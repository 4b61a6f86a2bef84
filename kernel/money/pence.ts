/**
 * Money is an integer number of pence held in a bigint, branded so that a bare
 * bigint (a count, an id) cannot be passed where money is meant.
 */
export type Pence = bigint & { readonly __brand: 'Pence' };

export const ZERO_PENCE = 0n as Pence;

export function pence(value: bigint | number | string): Pence {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`pence must be a whole number, got ${value}`);
    return BigInt(value) as Pence;
  }
  if (typeof value === 'string') {
    if (!/^-?\d+$/.test(value)) throw new RangeError(`pence must be a whole number, got "${value}"`);
    return BigInt(value) as Pence;
  }
  return value as Pence;
}

export function sumPence(values: Iterable<Pence | bigint>): Pence {
  let total = 0n;
  for (const value of values) total += value;
  return total as Pence;
}

export function absPence(value: Pence): Pence {
  return (value < 0n ? -value : value) as Pence;
}

export function negatePence(value: Pence): Pence {
  return -value as Pence;
}

/** Converts to a JS number for JSON output; refuses values outside the safe range rather than losing pence. */
export function penceToNumber(value: Pence | bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${value} pence is too large to represent exactly as a JSON number`);
  }
  return Number(value);
}
