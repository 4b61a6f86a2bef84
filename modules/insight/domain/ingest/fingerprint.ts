import { hash } from 'node:crypto';
import { compactKey } from './parse/text';

const SEPARATOR = '\u001f';

/**
 * Stable row fingerprints for idempotent re-import. A row's fingerprint is the
 * sha-256 (base64url) of its cells exactly as the file has them, ordered by
 * header name (so reordered columns or a changed column mapping do not change
 * it), within a scope (the kind of extract and whatever the caller adds, such
 * as a snapshot date); the n-th repeat of an identical row in the same file
 * gets ":n" appended, so two identical rows in one file stay two rows and
 * importing the file again yields the same fingerprints. Cells are hashed raw
 * rather than cleaned: the same file always has the same bytes, and cleaning
 * every cell would double the cost of the whole import.
 */
export function rowFingerprinter(
  headers: readonly string[],
  scope: string,
): (cells: readonly string[]) => string {
  const order = headers
    .map((header, index) => ({ key: compactKey(header) || `column${index + 1}`, index }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  const columns = order.map((column) => column.index);
  const inFileOrder = columns.every((column, position) => column === position);
  const width = headers.length;
  const prefix = [scope, ...order.map((column) => column.key)].join(SEPARATOR) + SEPARATOR.repeat(2);
  const seen = new Set<string>();
  const repeats = new Map<string, number>();
  return (cells) => {
    let content: string;
    if (inFileOrder && cells.length === width) content = prefix + cells.join(SEPARATOR);
    else {
      const ordered = columns.map((index) => cells[index] ?? '');
      for (let index = width; index < cells.length; index += 1) {
        if (cells[index] !== '') ordered.push(`${index}=${cells[index]}`);
      }
      content = prefix + ordered.join(SEPARATOR);
    }
    const digest = hash('sha256', content, 'base64url');
    if (!seen.has(digest)) {
      seen.add(digest);
      return digest;
    }
    const repeat = (repeats.get(digest) ?? 0) + 1;
    repeats.set(digest, repeat);
    return `${digest}:${repeat}`;
  };
}

/** Whether a fingerprint marks a repeat of an identical earlier row in the same file. */
export function isRepeatedRow(fingerprint: string): boolean {
  return fingerprint.includes(':');
}
