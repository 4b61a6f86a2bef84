import type { Interner } from './interner';
import type { SupplyVocabulary } from './supply-vocabulary';

/** Marks where a comma or bracket stood: a phrase never spans one ("extra, S" is not "extra small"). */
export const phraseBoundary = '|';

type Phrase = { words: readonly number[]; replacement: readonly number[] };

/**
 * Raw description words to content words, on word numbers: misspellings
 * corrected, phrases closed up before and after abbreviations expand ("x
 * small" → "xs"; "ll" → "luer lock" → "luerlock"), then "non X" and "X free"
 * made one word, and stopwords, pack words and phrase boundaries dropped.
 * Working on numbers keeps a million descriptions from making millions of strings.
 */
export class WordRewriter {
  private readonly abbreviations = new Map<number, readonly number[]>();
  private readonly phrases = new Map<number, Phrase[]>();
  private readonly dropped = new Set<number>();
  private readonly negated = new Map<number, number>();
  private readonly freeOf = new Map<number, number>();
  private readonly boundary: number;
  private readonly non: number;
  private readonly free: number;
  private first: number[] = [];
  private second: number[] = [];

  constructor(
    vocabulary: SupplyVocabulary,
    private readonly words: Interner,
  ) {
    const ids = (texts: readonly string[]): number[] => texts.map((text) => words.id(text));
    for (const [word, expansion] of vocabulary.abbreviations)
      this.abbreviations.set(words.id(word), ids(expansion));
    for (const [first, list] of vocabulary.phrases) {
      this.phrases.set(
        words.id(first),
        list.map((phrase) => ({ words: ids(phrase.words), replacement: ids(phrase.replacement) })),
      );
    }
    this.boundary = words.id(phraseBoundary);
    this.non = words.id('non');
    this.free = words.id('free');
    for (const word of [...vocabulary.stopwords, ...vocabulary.packWords, phraseBoundary])
      this.dropped.add(words.id(word));
  }

  /** Content word numbers (in order, possibly repeated) for raw word numbers `raw[start…end)`; `corrected[w]` ≥ 0 replaces w. */
  rewrite(raw: ArrayLike<number>, start: number, end: number, corrected?: Int32Array): number[] {
    const spelled = this.first;
    spelled.length = 0;
    for (let at = start; at < end; at++) {
      const word = raw[at] ?? 0;
      const replacement = corrected?.[word] ?? -1;
      spelled.push(replacement >= 0 ? replacement : word);
    }
    const joined = this.closeUp(spelled, false);
    const expanded = this.second;
    expanded.length = 0;
    for (const word of joined) {
      const expansion = this.abbreviations.get(word);
      if (expansion) expanded.push(...expansion);
      else expanded.push(word);
    }
    return this.closeUp(expanded, true).filter((word) => !this.dropped.has(word));
  }

  private closeUp(sequence: readonly number[], negations: boolean): number[] {
    const joined: number[] = [];
    for (let at = 0; at < sequence.length; ) {
      const word = sequence[at] ?? 0;
      const phrase = this.phrases
        .get(word)
        ?.find((candidate) => candidate.words.every((part, offset) => sequence[at + offset] === part));
      if (phrase) {
        joined.push(...phrase.replacement);
        at += phrase.words.length;
        continue;
      }
      const next = sequence[at + 1];
      // "non adhesive" and "latex free" name one attribute, as one word
      if (negations && word === this.non && next !== undefined && next !== this.boundary) {
        joined.push(this.joinedWord(this.negated, next, (text) => `non${text}`));
        at += 2;
        continue;
      }
      if (
        negations &&
        next === this.free &&
        (this.words.values[word]?.length ?? 0) > 2 &&
        word !== this.boundary
      ) {
        joined.push(this.joinedWord(this.freeOf, word, (text) => `${text}free`));
        at += 2;
        continue;
      }
      joined.push(word);
      at += 1;
    }
    return joined;
  }

  private joinedWord(memo: Map<number, number>, word: number, spell: (text: string) => string): number {
    let id = memo.get(word);
    if (id === undefined) {
      id = this.words.id(spell(this.words.values[word] ?? ''));
      memo.set(word, id);
    }
    return id;
  }
}
