import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The API's JSON: money and other bigints travel as JSON integers (exact up to
 * 2^53 pence, £90 trillion), dates as ISO strings. Services keep bigint; only
 * the edge converts, and refuses rather than rounds anything too large.
 */
export function toApiJson(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`${value} is too large to send as a JSON number`);
    }
    return Number(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toApiJson(v)]));
  if (Array.isArray(value)) return value.map(toApiJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) if (entry !== undefined) out[key] = toApiJson(entry);
    return out;
  }
  return value;
}

export function sendJson(
  c: Context,
  value: unknown,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
) {
  return c.body(JSON.stringify(toApiJson(value)), status, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}
