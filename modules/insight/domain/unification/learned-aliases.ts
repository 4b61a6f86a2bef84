import { type CatalogueFeatures, IdListsBuilder, listOf } from './catalogue-features';
import { UnionFind } from './union-find';

/** Two names are one owner when they share at least this many keys… */
const sharedKeysNeeded = 3;
/** …and at least this share of the rarer name's keys. */
const sharedKeyShare = 0.3;
/** A word names a manufacturer in descriptions when this share of the items using it come from that manufacturer. */
const mentionPurity = 0.9;
const mentionItemsNeeded = 3;

/**
 * Owners (manufacturer spellings, supplier names) that keep appearing with
 * the same keys (GTINs, item codes) are one owner under two names: "BD" and
 * "Becton Dickinson UK Ltd" on the same GTINs, "NHS Supply Chain" and "Supply
 * Chain Coordination Ltd" with the same item codes. A name comparison alone
 * could only suggest these.
 */
export function aliasesFromSharedKeys(owner: Int32Array, key: Int32Array, ownerCount: number): UnionFind {
  const ownersOfKey = new Map<number, Set<number>>();
  key.forEach((value, item) => {
    const who = owner[item] ?? -1;
    if (value < 0 || who < 0) return;
    const set = ownersOfKey.get(value);
    if (set) set.add(who);
    else ownersOfKey.set(value, new Set([who]));
  });
  const keysOf = new Int32Array(ownerCount);
  const shared = new Map<number, number>();
  for (const owners of ownersOfKey.values()) {
    const list = [...owners].sort((a, b) => a - b);
    for (const who of list) keysOf[who] = (keysOf[who] ?? 0) + 1;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const pair = (list[i] ?? 0) * ownerCount + (list[j] ?? 0);
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  const aliases = new UnionFind(ownerCount);
  for (const [pair, count] of [...shared].sort((x, y) => x[0] - y[0])) {
    const a = Math.floor(pair / ownerCount);
    const b = pair % ownerCount;
    const rarer = Math.min(keysOf[a] ?? 0, keysOf[b] ?? 0);
    if (count >= sharedKeysNeeded && count >= sharedKeyShare * rarer) aliases.union(a, b);
  }
  return aliases;
}

/** Replaces every owner by its alias root; returns how many owners (names) were joined to another. */
function remap(values: Int32Array, aliases: UnionFind, ownerCount: number): number {
  values.forEach((value, item) => {
    if (value >= 0) values[item] = aliases.find(value);
  });
  let joined = 0;
  for (let owner = 0; owner < ownerCount; owner++) if (aliases.find(owner) !== owner) joined++;
  return joined;
}

/** Joins manufacturers found on the same GTINs under different names; returns how many names were joined. */
export function joinManufacturersSharingGtins(features: CatalogueFeatures): number {
  const aliases = aliasesFromSharedKeys(
    features.manufacturer,
    features.gtinFamily,
    features.manufacturerNames.length,
  );
  // the joined spellings' words all name the surviving manufacturer
  features.manufacturerWords.forEach((words, manufacturer) => {
    const root = aliases.find(manufacturer);
    if (root === manufacturer) return;
    features.manufacturerWords[root]?.push(...words);
    features.manufacturerWords[manufacturer] = [];
  });
  return remap(features.manufacturer, aliases, features.manufacturerNames.length);
}

/** Joins suppliers found with the same item codes under different names; returns how many names were joined. */
export function joinSuppliersSharingCodes(features: CatalogueFeatures): number {
  const aliases = aliasesFromSharedKeys(
    features.supplier,
    features.supplierItemCode,
    features.suppliers.values.length,
  );
  return remap(features.supplier, aliases, features.suppliers.values.length);
}

/**
 * Finds manufacturer names written into descriptions ("Omniquip Floquincor
 * extension set"): such a word is taken out of the description, where it
 * would make two lines for one product look different, and gives a
 * manufacturer to an item that did not state one. A word counts as a
 * manufacturer's only when nearly every item using it comes from that manufacturer.
 */
export function takeManufacturerMentions(features: CatalogueFeatures): {
  mentionWords: number;
  manufacturersFound: number;
} {
  const ownerOfWord = new Map<number, number>();
  const ambiguous = new Set<number>();
  features.manufacturerWords.forEach((words, manufacturer) => {
    if (!words.length) return;
    for (const text of new Set(words)) {
      const word = features.wordTexts.find(text);
      if (word === undefined) continue;
      const owner = ownerOfWord.get(word);
      if (owner !== undefined && owner !== manufacturer) ambiguous.add(word);
      else ownerOfWord.set(word, manufacturer);
    }
  });
  for (const word of ambiguous) ownerOfWord.delete(word);

  const usedWithKnown = new Map<number, number>();
  const usedWithOwner = new Map<number, number>();
  for (let item = 0; item < features.count; item++) {
    const manufacturer = features.manufacturer[item] ?? -1;
    if (manufacturer < 0) continue;
    for (const word of listOf(features.words, item)) {
      const owner = ownerOfWord.get(word);
      if (owner === undefined) continue;
      usedWithKnown.set(word, (usedWithKnown.get(word) ?? 0) + 1);
      if (owner === manufacturer) usedWithOwner.set(word, (usedWithOwner.get(word) ?? 0) + 1);
    }
  }
  const mentions = new Map<number, number>();
  for (const [word, owner] of ownerOfWord) {
    const known = usedWithKnown.get(word) ?? 0;
    if (known >= mentionItemsNeeded && (usedWithOwner.get(word) ?? 0) >= mentionPurity * known)
      mentions.set(word, owner);
  }

  let manufacturersFound = 0;
  const kept = new IdListsBuilder(features.count);
  const rest: number[] = [];
  const { offsets, ids } = features.words;
  for (let item = 0; item < features.count; item++) {
    rest.length = 0;
    // the one manufacturer the description names, -1 for none, -2 for more than one
    let named = -1;
    for (let at = offsets[item] ?? 0; at < (offsets[item + 1] ?? 0); at++) {
      const word = ids[at] ?? 0;
      const owner = mentions.get(word);
      if (owner === undefined) rest.push(word);
      else named = named === -1 || named === owner ? owner : -2;
    }
    kept.add(rest);
    if ((features.manufacturer[item] ?? -1) < 0 && named >= 0) {
      features.manufacturer[item] = named;
      manufacturersFound++;
    }
  }
  features.words = kept.build();
  return { mentionWords: mentions.size, manufacturersFound };
}
