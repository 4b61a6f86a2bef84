import canonicalize from 'canonicalize';

/**
 * JSON for storage and hashing. bigint (money, counts) becomes a decimal string
 * so nothing is lost; keys are ordered by RFC 8785 so equal values always
 * produce equal text (the audit chain and idempotency hashes depend on it).
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(toJsonSafe(value));
  if (text === undefined) throw new TypeError('value cannot be represented as JSON');
  return text;
}

export function toJsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== undefined) result[key] = toJsonSafe(entry);
    }
    return result;
  }
  return value;
}
