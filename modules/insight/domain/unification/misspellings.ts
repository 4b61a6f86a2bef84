import { withinOneEdit } from './name-similarity';

export type MisspellingSettings = {
  /** A word seen at most this often may be a misspelling… */
  rareAtMost: number;
  /** …of a word one edit away seen at least this often. */
  commonAtLeast: number;
  /** Shorter words are left alone: one edit turns too many of them into other real words. */
  minLength: number;
};

export const defaultMisspellingSettings: MisspellingSettings = {
  rareAtMost: 2,
  commonAtLeast: 5,
  minLength: 5,
};

function deletions(word: string): string[] {
  return Array.from({ length: word.length }, (_, at) => word.slice(0, at) + word.slice(at + 1));
}

/**
 * Corrections learnt from a whole catalogue's words: a rare word one edit
 * (insertion, deletion, substitution or swap) from a common word is taken for
 * a misspelling of it ("syrnge" → "syringe"). Candidates are found through
 * single-deletion keys, so the cost grows with the vocabulary, not its square.
 */
export function misspellingCorrections(
  counts: ReadonlyMap<string, number>,
  settings: MisspellingSettings = defaultMisspellingSettings,
): Map<string, string> {
  const byDeletion = new Map<string, string[]>();
  const index = (key: string, word: string): void => {
    const list = byDeletion.get(key);
    if (list) list.push(word);
    else byDeletion.set(key, [word]);
  };
  for (const [word, count] of counts) {
    if (count < settings.commonAtLeast || word.length < settings.minLength - 1 || !/^[a-z]+$/.test(word))
      continue;
    index(word, word);
    for (const key of deletions(word)) index(key, word);
  }
  const corrections = new Map<string, string>();
  for (const [word, count] of counts) {
    if (count > settings.rareAtMost || word.length < settings.minLength || !/^[a-z]+$/.test(word)) continue;
    let best: string | undefined;
    let bestCount = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of byDeletion.get(key) ?? []) {
        const candidateCount = counts.get(candidate) ?? 0;
        if (candidate === word || !withinOneEdit(word, candidate)) continue;
        if (
          candidateCount > bestCount ||
          (candidateCount === bestCount && best !== undefined && candidate < best)
        ) {
          best = candidate;
          bestCount = candidateCount;
        }
      }
    }
    if (best !== undefined) corrections.set(word, best);
  }
  return corrections;
}
