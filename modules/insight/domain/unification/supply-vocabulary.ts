import vocabulary from './supply-vocabulary.json';

/**
 * The NHS supply vocabulary in the shape the description parser uses:
 * abbreviations to expand, phrases to close up into one word, and the groups
 * of words that name mutually exclusive attributes (latex / nitrile / vinyl).
 */
export type SupplyVocabulary = {
  stopwords: ReadonlySet<string>;
  packWords: ReadonlySet<string>;
  keepPlural: ReadonlySet<string>;
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** Phrases by first word, longest first. */
  phrases: ReadonlyMap<string, readonly { words: readonly string[]; replacement: readonly string[] }[]>;
  /** Attribute word → its group ("nitrile" → "material"). */
  groupOf: ReadonlyMap<string, string>;
};

function buildVocabulary(): SupplyVocabulary {
  const phrases = new Map<string, { words: string[]; replacement: string[] }[]>();
  for (const [phrase, replacement] of Object.entries(vocabulary.phrases)) {
    const words = phrase.split(' ');
    const first = words[0] ?? '';
    const list = phrases.get(first) ?? [];
    list.push({ words, replacement: replacement.split(' ') });
    phrases.set(first, list);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const groupOf = new Map<string, string>();
  for (const [group, words] of Object.entries(vocabulary.attributeGroups)) {
    for (const word of words) groupOf.set(word, group);
  }
  return {
    stopwords: new Set(vocabulary.stopwords),
    packWords: new Set(vocabulary.packWords),
    keepPlural: new Set(vocabulary.keepPlural),
    abbreviations: new Map(
      Object.entries(vocabulary.abbreviations).map(([word, expansion]) => [word, expansion.split(' ')]),
    ),
    phrases,
    groupOf,
  };
}

export const supplyVocabulary: SupplyVocabulary = buildVocabulary();
export const supplyVocabularyVersion: string = vocabulary.version;
