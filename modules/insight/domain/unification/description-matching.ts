import type { CatalogueFeatures } from './catalogue-features';
import type { UnionFind } from './union-find';

export type DescriptionMatchSettings = {
  /** Candidates below this confidence are dropped. */
  reviewConfidence: number;
  /** Blocks larger than this are skipped: their items meet in their other, smaller blocks. */
  maxBlockSize: number;
};

/** Pairs of items whose descriptions say the same product, with a confidence each. */
export type DescriptionCandidates = {
  a: Int32Array;
  b: Int32Array;
  confidence: Float64Array;
  similarity: Float64Array;
  /** Items whose description fits two known, different products (it lacks the words that tell them apart). */
  ambiguous: Uint8Array;
  comparisons: number;
  skippedBlocks: number;
};

/** The kinds of measurement that name a product's size, most telling first; percentages often describe a filler ("70% alcohol"). */
const measurementPriority = ['vol', 'dim', 'len', 'gauge', 'french', 'size', 'usp', 'ply', 'mass', 'percent'];

/** Unit prices this many times apart suggest a different product or a mis-stated pack. */
const priceRatioDoubt = 3;

/** Each item is filed under its two rarest words and its manufacturer, within its main measurement. */
const keysPerItem = 3;

/** How many fuller descriptions of an item are remembered when looking for ambiguity. */
const extensionsKept = 6;

export function priceRatio(unitPriceA: number, unitPriceB: number): number {
  return Math.max(unitPriceA, unitPriceB) / Math.max(1e-9, Math.min(unitPriceA, unitPriceB));
}

/**
 * The confidence that two descriptions are one product: their similarity,
 * raised a little when both state the same manufacturer and lowered when
 * either does not, then lowered when their unit prices are far apart.
 */
function matchConfidence(
  similarity: number,
  manufacturerA: number,
  manufacturerB: number,
  unitPriceA: number,
  unitPriceB: number,
): number {
  const sameManufacturer = manufacturerA >= 0 && manufacturerA === manufacturerB;
  const adjusted = Math.min(1, similarity + (sameManufacturer ? 0.05 : -0.05));
  return priceRatio(unitPriceA, unitPriceB) > priceRatioDoubt ? adjusted * 0.8 : adjusted;
}

/** The main-measurement signature of every item: its measurements of the most telling kind it states. */
function mainMeasurementSignatures(features: CatalogueFeatures): Int32Array {
  const priority = Int32Array.from(features.measurementTexts.values, (text) => {
    const rank = measurementPriority.indexOf(text.slice(0, text.indexOf(':')));
    return rank < 0 ? measurementPriority.length : rank;
  });
  const { offsets, ids } = features.measurements;
  const signatures = new Map<string, number>();
  return Int32Array.from({ length: features.count }, (_, item) => {
    const start = offsets[item] ?? 0;
    const end = offsets[item + 1] ?? 0;
    let main = measurementPriority.length;
    for (let at = start; at < end; at++) main = Math.min(main, priority[ids[at] ?? 0] ?? main);
    let key = '';
    for (let at = start; at < end; at++) if (priority[ids[at] ?? 0] === main) key += `${ids[at]},`;
    let id = signatures.get(key);
    if (id === undefined) {
      id = signatures.size;
      signatures.set(key, id);
    }
    return id;
  });
}

/**
 * Finds items whose descriptions name the same product. Items are compared
 * only within blocks that share their main measurement and one rare word (or
 * the manufacturer), so a million items cost millions of comparisons, not a
 * trillion. The score is a weighted Jaccard similarity of the words, each
 * weighted by its rarity (inverse document frequency); attributes of the same
 * group must agree and the manufacturer must not differ. An item whose words
 * are all contained in the descriptions of two known, different products is
 * marked ambiguous: a "5ml luer slip syringe" without its range name could be either.
 */
export function findDescriptionCandidates(
  features: CatalogueFeatures,
  sets: UnionFind,
  distinctProducts: (a: number, b: number) => boolean,
  settings: DescriptionMatchSettings,
): DescriptionCandidates {
  const count = features.count;
  const { offsets, ids: words } = features.words;
  const documentFrequency = new Int32Array(features.wordTexts.values.length);
  for (const word of words) documentFrequency[word] = (documentFrequency[word] ?? 0) + 1;
  // as if the catalogue had a hundred more lines without the word, so that a small catalogue's weights stay sensible
  const weight = Float64Array.from(documentFrequency, (df) => Math.log((count + 100) / (df + 0.5)));
  const signature = mainMeasurementSignatures(features);

  const itemKeys = new Float64Array(count * keysPerItem).fill(Number.NaN);
  const head = new Map<number, number>();
  const next = new Int32Array(count * keysPerItem).fill(-1);
  const keyOrder: number[] = [];
  const file = (item: number, slot: number, key: number): void => {
    const entry = item * keysPerItem + slot;
    itemKeys[entry] = key;
    const previous = head.get(key);
    if (previous === undefined) keyOrder.push(key);
    else next[entry] = previous;
    head.set(key, entry);
  };
  for (let item = 0; item < count; item++) {
    let rarest = -1;
    let second = -1;
    for (let at = offsets[item] ?? 0; at < (offsets[item + 1] ?? 0); at++) {
      const word = words[at] ?? 0;
      const df = documentFrequency[word] ?? 0;
      if (rarest < 0 || df < (documentFrequency[rarest] ?? 0)) {
        second = rarest;
        rarest = word;
      } else if (second < 0 || df < (documentFrequency[second] ?? 0)) second = word;
    }
    const base = (signature[item] ?? 0) * 16_777_216;
    let slot = 0;
    if (rarest >= 0) file(item, slot++, (base + rarest) * 2);
    if (second >= 0) file(item, slot++, (base + second) * 2);
    const manufacturer = features.manufacturer[item] ?? -1;
    if (manufacturer >= 0) file(item, slot, (base + manufacturer) * 2 + 1);
  }

  const extensions = new Int32Array(count * extensionsKept);
  const extensionCount = new Uint8Array(count);
  const remember = (item: number, fuller: number): void => {
    const held = extensionCount[item] ?? 0;
    if (held >= extensionsKept) return;
    extensions[item * extensionsKept + held] = fuller;
    extensionCount[item] = held + 1;
  };

  const a: number[] = [];
  const b: number[] = [];
  const confidence: number[] = [];
  const similarity: number[] = [];
  let comparisons = 0;
  let skippedBlocks = 0;
  const members: number[] = [];
  const slots: number[] = [];
  for (const key of keyOrder) {
    members.length = 0;
    slots.length = 0;
    for (let entry = head.get(key) ?? -1; entry >= 0; entry = next[entry] ?? -1) {
      members.push(Math.floor(entry / keysPerItem));
      slots.push(entry % keysPerItem);
    }
    if (members.length < 2) continue;
    if (members.length > settings.maxBlockSize) {
      skippedBlocks++;
      continue;
    }
    for (let i = 0; i < members.length; i++) {
      const first = members[i] ?? 0;
      const firstSlot = slots[i] ?? 0;
      for (let j = i + 1; j < members.length; j++) {
        const second = members[j] ?? 0;
        if (sharesEarlierKey(itemKeys, first, firstSlot, second)) continue;
        const manufacturerA = features.manufacturer[first] ?? -1;
        const manufacturerB = features.manufacturer[second] ?? -1;
        if (manufacturerA >= 0 && manufacturerB >= 0 && manufacturerA !== manufacturerB) continue;
        comparisons++;
        const startA = offsets[first] ?? 0;
        const endA = offsets[first + 1] ?? 0;
        const startB = offsets[second] ?? 0;
        const endB = offsets[second + 1] ?? 0;
        const overlap = compareWords(words, startA, endA, startB, endB, weight);
        const sizeA = endA - startA;
        const sizeB = endB - startB;
        if (overlap.shared === sizeA && sizeB > sizeA && measurementsWithin(features, first, second)) {
          remember(first, second);
        } else if (overlap.shared === sizeB && sizeA > sizeB && measurementsWithin(features, second, first)) {
          remember(second, first);
        }
        if (overlap.similarity < settings.reviewConfidence - 0.1) continue;
        if (sets.find(first) === sets.find(second)) continue;
        if (groupsDisagree(words, startA, endA, startB, endB, features.wordGroup)) continue;
        if (measurementsDisagree(features, first, second)) continue;
        const score = matchConfidence(
          overlap.similarity,
          manufacturerA,
          manufacturerB,
          features.unitPrice[first] ?? 0,
          features.unitPrice[second] ?? 0,
        );
        if (score < settings.reviewConfidence) continue;
        a.push(Math.min(first, second));
        b.push(Math.max(first, second));
        confidence.push(score);
        similarity.push(overlap.similarity);
      }
    }
  }

  const ambiguous = new Uint8Array(count);
  for (let item = 0; item < count; item++) {
    const held = extensionCount[item] ?? 0;
    for (let x = 0; x < held && !ambiguous[item]; x++) {
      for (let y = x + 1; y < held; y++) {
        if (
          distinctProducts(
            extensions[item * extensionsKept + x] ?? 0,
            extensions[item * extensionsKept + y] ?? 0,
          )
        ) {
          ambiguous[item] = 1;
          break;
        }
      }
    }
  }
  return {
    a: Int32Array.from(a),
    b: Int32Array.from(b),
    confidence: Float64Array.from(confidence),
    similarity: Float64Array.from(similarity),
    ambiguous,
    comparisons,
    skippedBlocks,
  };
}

/** True when the two items already met in a block listed earlier among the first item's keys. */
function sharesEarlierKey(itemKeys: Float64Array, first: number, slot: number, second: number): boolean {
  for (let earlier = 0; earlier < slot; earlier++) {
    const key = itemKeys[first * keysPerItem + earlier];
    for (let other = 0; other < keysPerItem; other++) {
      if (itemKeys[second * keysPerItem + other] === key) return true;
    }
  }
  return false;
}

const overlapResult = { shared: 0, similarity: 0 };

/**
 * How many words two sorted lists share, and how alike they are: the mean of
 * the weighted Jaccard similarity and the weighted overlap coefficient (shared
 * weight over the lighter side's), so that one organisation writing extra
 * words ("sterile", "single use") costs less than the two naming different
 * ranges. The result object is reused.
 */
function compareWords(
  words: Int32Array,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  weight: Float64Array,
): { shared: number; similarity: number } {
  let i = startA;
  let j = startB;
  let shared = 0;
  let common = 0;
  let onlyA = 0;
  let onlyB = 0;
  while (i < endA && j < endB) {
    const left = words[i] ?? 0;
    const right = words[j] ?? 0;
    if (left === right) {
      shared++;
      common += weight[left] ?? 0;
      i++;
      j++;
    } else if (left < right) {
      onlyA += weight[left] ?? 0;
      i++;
    } else {
      onlyB += weight[right] ?? 0;
      j++;
    }
  }
  for (; i < endA; i++) onlyA += weight[words[i] ?? 0] ?? 0;
  for (; j < endB; j++) onlyB += weight[words[j] ?? 0] ?? 0;
  const total = common + onlyA + onlyB;
  const lighter = common + Math.min(onlyA, onlyB);
  overlapResult.shared = shared;
  overlapResult.similarity = total === 0 ? 0 : (common / total + common / lighter) / 2;
  return overlapResult;
}

/** True when the two items state a measurement of the same kind with different values (12 ply / 8 ply). */
function measurementsDisagree(features: CatalogueFeatures, a: number, b: number): boolean {
  const { offsets, ids } = features.measurements;
  const kind = features.measurementKind;
  for (let i = offsets[a] ?? 0; i < (offsets[a + 1] ?? 0); i++) {
    for (let j = offsets[b] ?? 0; j < (offsets[b + 1] ?? 0); j++) {
      if (kind[ids[i] ?? 0] === kind[ids[j] ?? 0] && ids[i] !== ids[j]) return true;
    }
  }
  return false;
}

/** True when every measurement of `item` is also one of `fuller`'s. */
function measurementsWithin(features: CatalogueFeatures, item: number, fuller: number): boolean {
  const { offsets, ids } = features.measurements;
  const end = offsets[fuller + 1] ?? 0;
  for (let at = offsets[item] ?? 0; at < (offsets[item + 1] ?? 0); at++) {
    let found = false;
    for (let other = offsets[fuller] ?? 0; other < end && !found; other++) found = ids[other] === ids[at];
    if (!found) return false;
  }
  return true;
}

/** For every attribute group both items name, the same words (latex / nitrile disagree; a group one omits does not). */
function groupsDisagree(
  words: Int32Array,
  startA: number,
  endA: number,
  startB: number,
  endB: number,
  wordGroup: Int32Array,
): boolean {
  for (let i = startA; i < endA; i++) {
    const group = wordGroup[words[i] ?? 0] ?? -1;
    if (group < 0) continue;
    let inA = 0;
    let inB = 0;
    let matched = 0;
    for (let x = startA; x < endA; x++) if (wordGroup[words[x] ?? 0] === group) inA++;
    for (let y = startB; y < endB; y++) {
      if (wordGroup[words[y] ?? 0] !== group) continue;
      inB++;
      for (let x = startA; x < endA; x++) if (words[x] === words[y]) matched++;
    }
    if (inB > 0 && (inA !== inB || matched !== inB)) return true;
  }
  return false;
}
