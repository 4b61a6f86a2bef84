import { monotonicFactory } from 'ulidx';

const nextUlid = monotonicFactory();

/**
 * Prefixed, time-ordered ids (`jnl_01J…`): the prefix says what the id names,
 * the ULID sorts by creation time so inserts stay at the right edge of an index.
 */
export function newId(prefix: string): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
