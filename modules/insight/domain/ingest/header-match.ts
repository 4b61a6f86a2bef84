import { cleanText, compactKey } from './parse/text';
import type { FieldSpec } from './schema';

/**
 * exact: the canonical label; synonym: a name in the field's dictionary;
 * fuzzy: within one or two typing slips of one ("Entuty"); partial: the header
 * contains a dictionary name ("Supplier Name (Payee)"); manual: set by a person.
 */
export type MatchKind = 'exact' | 'synonym' | 'fuzzy' | 'partial' | 'manual';

export type HeaderMatch = { confidence: number; match: MatchKind; rank: number };

const CONFIDENCE: Record<Exclude<MatchKind, 'fuzzy' | 'manual'>, number> = {
  exact: 1,
  synonym: 0.95,
  partial: 0.6,
};
/** One slip (a swapped, missing or wrong letter) is a typo; two in a long name still is, with less certainty. */
const FUZZY_CONFIDENCE = [0, 0.8, 0.7];
/** Short names ("PO", "CC", "FY") are too easily part of other headers to match partially. */
const MIN_PARTIAL_KEY_LENGTH = 4;

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up beyond `limit`. */
export function editDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}

function allowedSlips(key: string): number {
  if (key.length >= 10) return 2;
  if (key.length >= 5) return 1;
  return 0;
}

const words = (text: string): string[] =>
  cleanText(text)
    .toLowerCase()
    .replaceAll('&', ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let start = 0; start + needle.length <= haystack.length; start += 1) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

/** The names a field answers to, canonical label first: also the list shown as "tried" when it is missing. */
export function namesOf(spec: FieldSpec): string[] {
  return [spec.label, ...spec.synonyms];
}

/** How well a file's header matches a field, or null when it does not. */
export function matchHeader(header: string, spec: FieldSpec): HeaderMatch | null {
  const headerKey = compactKey(header);
  if (headerKey === '') return null;
  const names = namesOf(spec);
  let best: HeaderMatch | null = null;
  for (let rank = 0; rank < names.length; rank += 1) {
    const nameKey = compactKey(names[rank] ?? '');
    const candidates: HeaderMatch[] = [];
    if (nameKey === headerKey) {
      candidates.push(
        rank === 0
          ? { confidence: CONFIDENCE.exact, match: 'exact', rank }
          : { confidence: CONFIDENCE.synonym, match: 'synonym', rank },
      );
    }
    const slips = Math.min(allowedSlips(nameKey), allowedSlips(headerKey));
    if (slips > 0 && nameKey !== headerKey) {
      const distance = editDistance(headerKey, nameKey, slips);
      const confidence = FUZZY_CONFIDENCE[distance];
      if (distance <= slips && confidence !== undefined)
        candidates.push({ confidence, match: 'fuzzy', rank });
    }
    if (nameKey.length >= MIN_PARTIAL_KEY_LENGTH && containsRun(words(header), words(names[rank] ?? ''))) {
      candidates.push({ confidence: CONFIDENCE.partial, match: 'partial', rank });
    }
    for (const candidate of candidates) {
      if (!best || candidate.confidence > best.confidence) best = candidate;
    }
  }
  return best;
}
