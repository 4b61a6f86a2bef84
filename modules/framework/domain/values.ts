import { canonicalJson } from '../../../kernel/json';

/** Two setting values are the same when their canonical JSON is (key order and number formatting do not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A short human reading of a value for reports: scalars as they are, structures as compact JSON. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
