import { type CatalogueFeatures, type ItemProblem, listOf, prepareCatalogue } from './catalogue-features';
import type { CatalogueItem } from './catalogue-item';
import { type ConflictChecks, ProductGroups } from './cluster-profiles';
import { findDescriptionCandidates, priceRatio } from './description-matching';
import {
  joinManufacturersSharingGtins,
  joinSuppliersSharingCodes,
  takeManufacturerMentions,
} from './learned-aliases';
import { type SupplyVocabulary, supplyVocabulary } from './supply-vocabulary';

export type ItemMatchReason =
  | 'gtin'
  | 'gtin-pack-level'
  | 'manufacturer-part-code'
  | 'supplier-code'
  | 'description';

/** Evidence that two catalogue lines are one product. */
export type ItemMatch = {
  itemIds: [string, string];
  confidence: number;
  reason: ItemMatchReason;
  detail: string;
};

export type UnificationSettings = {
  /** Description matches at or above this confidence join without review. */
  autoAcceptConfidence: number;
  /** Description matches from here up to the automatic level go to the review queue. */
  reviewConfidence: number;
  maxBlockSize: number;
};

export const defaultUnificationSettings: UnificationSettings = {
  autoAcceptConfidence: 0.8,
  reviewConfidence: 0.7,
  maxBlockSize: 300,
};

export type CatalogueUnification = {
  /** Item index → unified product number (numbered in order of first item). */
  productOf: Int32Array;
  productCount: number;
  /** The links that joined items, one per join, each with its confidence and reason. */
  matches: ItemMatch[];
  /** Likely matches a person should confirm, best first; at most one per pair of products. */
  reviewQueue: ItemMatch[];
  problems: ItemProblem[];
  statistics: {
    manufacturerNamesJoined: number;
    supplierNamesJoined: number;
    manufacturerWordsInDescriptions: number;
    manufacturersFoundInDescriptions: number;
    misspellingsCorrected: number;
    descriptionComparisons: number;
    oversizedBlocksSkipped: number;
  };
};

type IdentifierReason = Exclude<ItemMatchReason, 'description'>;

const confidenceOf: Record<IdentifierReason, number> = {
  gtin: 1,
  'gtin-pack-level': 0.97,
  'manufacturer-part-code': 0.95,
  'supplier-code': 0.92,
};

/** What must agree for each kind of evidence: a shared GTIN outranks a differing part code, a description does not. */
const checksFor: Record<ItemMatchReason, ConflictChecks> = {
  gtin: { identifiers: false, manufacturer: false, partCode: false },
  'gtin-pack-level': { identifiers: false, manufacturer: false, partCode: false },
  'manufacturer-part-code': { identifiers: true, manufacturer: false, partCode: false },
  'supplier-code': { identifiers: true, manufacturer: true, partCode: true },
  description: { identifiers: true, manufacturer: true, partCode: true },
};

/** A conflicting strong identifier is still worth a person's look, at this confidence. */
const conflictedIdentifierConfidence = 0.5;

/** A proposal not (yet) joined, by item index; turned into an `ItemMatch` only if it survives to the end. */
type Question = { a: number; b: number; confidence: number; reason: ItemMatchReason; explain: () => string };

type Collector = {
  items: readonly CatalogueItem[];
  groups: ProductGroups;
  matches: ItemMatch[];
  questions: Question[];
};

const round = (value: number): number => Math.round(value * 1000) / 1000;
/** Review confidences round down, so that one never shows as the automatic level it fell short of. */
const roundDown = (value: number): number => Math.floor(value * 1000) / 1000;

/** Joins the groups of `a` and `b` unless something defining disagrees; `explain` is only called when needed. */
function link(
  collector: Collector,
  a: number,
  b: number,
  reason: ItemMatchReason,
  confidence: number,
  explain: () => string,
): void {
  const { groups, items } = collector;
  if (groups.sets.find(a) === groups.sets.find(b)) return;
  const conflict = groups.conflict(a, b, checksFor[reason]);
  if (conflict) {
    // an identifier contradicted by a size or attribute is a data error worth a look; a description is simply wrong
    if (reason !== 'description') {
      collector.questions.push({
        a,
        b,
        confidence: conflictedIdentifierConfidence,
        reason,
        explain: () => `${explain()}, but ${conflict}`,
      });
    }
    return;
  }
  groups.join(a, b);
  collector.matches.push({
    itemIds: [items[a]?.id ?? '', items[b]?.id ?? ''],
    confidence: round(confidence),
    reason,
    detail: explain(),
  });
}

/** Joins the items sharing each key, in item order; `explain` says what they share. */
function linkShared(
  collector: Collector,
  keyOf: (item: number) => number,
  reason: (first: number, item: number) => IdentifierReason,
  explain: (first: number, item: number) => string,
): void {
  const firstWith = new Map<number, number>();
  for (let item = 0; item < collector.items.length; item++) {
    const key = keyOf(item);
    if (key < 0) continue;
    const first = firstWith.get(key);
    if (first === undefined) {
      firstWith.set(key, item);
      continue;
    }
    const why = reason(first, item);
    link(collector, first, item, why, confidenceOf[why], () => explain(first, item));
  }
}

/** Part codes are a manufacturer's own; a line without a manufacturer borrows the only one that code is known under. */
function partCodeKeys(features: CatalogueFeatures): Float64Array {
  const manufacturersOfCode = new Map<number, Set<number>>();
  features.partCode.forEach((code, item) => {
    const manufacturer = features.manufacturer[item] ?? -1;
    if (code < 0 || manufacturer < 0) return;
    const set = manufacturersOfCode.get(code);
    if (set) set.add(manufacturer);
    else manufacturersOfCode.set(code, new Set([manufacturer]));
  });
  const codeCount = features.partCodes.values.length;
  return Float64Array.from(features.partCode, (code, item) => {
    if (code < 0) return -1;
    let manufacturer = features.manufacturer[item] ?? -1;
    const known = manufacturersOfCode.get(code);
    if (manufacturer < 0 && known?.size === 1 && (features.partCodes.values[code]?.length ?? 0) >= 5) {
      manufacturer = [...known][0] ?? -1;
    }
    return manufacturer < 0 ? -1 : manufacturer * codeCount + code;
  });
}

function describeWords(features: CatalogueFeatures, item: number): string {
  const words = Array.from(listOf(features.words, item), (word) => features.wordTexts.values[word]);
  const sizes = Array.from(listOf(features.measurements, item), (id) => features.measurementTexts.values[id]);
  return [...words, ...sizes].join(' ');
}

/**
 * Unifies catalogue lines from several organisations into products: first
 * by GTIN (check digit verified; pack-level GTINs of one item agree), then by
 * manufacturer part code, then by supplier item code, then by description
 * (normalised words, sizes and units, attributes, manufacturer and unit price).
 * Each join carries a confidence and a reason; uncertain description matches
 * and identifier matches contradicted by a size or attribute go to a review
 * queue instead of being joined.
 */
export function unifyCatalogue(
  items: readonly CatalogueItem[],
  settings: UnificationSettings = defaultUnificationSettings,
  vocabulary: SupplyVocabulary = supplyVocabulary,
): CatalogueUnification {
  const features = prepareCatalogue(items, vocabulary);
  const manufacturerNamesJoined = joinManufacturersSharingGtins(features);
  const supplierNamesJoined = joinSuppliersSharingCodes(features);
  const mentions = takeManufacturerMentions(features);
  const groups = new ProductGroups(features);
  const collector: Collector = { items, groups, matches: [], questions: [] };
  const gtinText = (item: number): string => features.gtins.values[features.gtin[item] ?? -1] ?? '';

  linkShared(
    collector,
    (item) => features.gtinFamily[item] ?? -1,
    (first, item) => (features.gtin[first] === features.gtin[item] ? 'gtin' : 'gtin-pack-level'),
    (first, item) =>
      features.gtin[first] === features.gtin[item]
        ? `same GTIN ${gtinText(item)}`
        : `GTINs ${gtinText(first)} and ${gtinText(item)} are pack levels of one item`,
  );
  const partKeys = partCodeKeys(features);
  linkShared(
    collector,
    (item) => partKeys[item] ?? -1,
    () => 'manufacturer-part-code',
    (first) =>
      `same manufacturer part code ${features.partCodes.values[features.partCode[first] ?? -1]} from ${features.manufacturerNames[features.manufacturer[first] ?? -1] ?? 'the same manufacturer'}`,
  );
  const codeCount = features.supplierItemCodes.values.length;
  linkShared(
    collector,
    (item) => {
      const supplier = features.supplier[item] ?? -1;
      const code = features.supplierItemCode[item] ?? -1;
      return supplier < 0 || code < 0 ? -1 : supplier * codeCount + code;
    },
    () => 'supplier-code',
    (first) =>
      `same ${features.suppliers.values[features.supplier[first] ?? -1]} item code ${features.supplierItemCodes.values[features.supplierItemCode[first] ?? -1]}`,
  );

  const allChecks: ConflictChecks = { identifiers: true, manufacturer: true, partCode: true };
  const candidates = findDescriptionCandidates(
    features,
    groups.sets,
    (x, y) => groups.conflict(x, y, allChecks) !== undefined,
    settings,
  );
  const order = Array.from(candidates.confidence.keys()).sort(
    (x, y) =>
      (candidates.confidence[y] ?? 0) - (candidates.confidence[x] ?? 0) ||
      (candidates.a[x] ?? 0) - (candidates.a[y] ?? 0) ||
      (candidates.b[x] ?? 0) - (candidates.b[y] ?? 0),
  );
  const bestForVague = new Map<number, Question>();
  for (const index of order) {
    const a = candidates.a[index] ?? 0;
    const b = candidates.b[index] ?? 0;
    const confidence = candidates.confidence[index] ?? 0;
    if (groups.sets.find(a) === groups.sets.find(b)) continue;
    const explain = (): string => {
      const ratio = priceRatio(features.unitPrice[a] ?? 0, features.unitPrice[b] ?? 0);
      const prices = ratio > 3 ? `, unit prices ${ratio.toFixed(1)}× apart` : '';
      return `descriptions alike (similarity ${(candidates.similarity[index] ?? 0).toFixed(2)}: "${describeWords(features, a)}" / "${describeWords(features, b)}")${prices}`;
    };
    const vague = candidates.ambiguous[a] ? a : candidates.ambiguous[b] ? b : -1;
    if (vague >= 0) {
      // one question per vague item that would otherwise have been joined: its best candidate
      if (confidence >= settings.autoAcceptConfidence && !bestForVague.has(vague)) {
        bestForVague.set(vague, {
          a,
          b,
          confidence: roundDown(Math.min(confidence, settings.autoAcceptConfidence - 0.01)),
          reason: 'description',
          explain: () =>
            `${explain()}, but the description of ${items[vague]?.id} also fits another known product`,
        });
      }
    } else if (confidence >= settings.autoAcceptConfidence) {
      link(collector, a, b, 'description', confidence, explain);
    } else {
      collector.questions.push({
        a,
        b,
        confidence: roundDown(confidence),
        reason: 'description',
        explain,
      });
    }
  }
  collector.questions.push(...bestForVague.values());

  const productOf = new Int32Array(items.length);
  const numberOfRoot = new Map<number, number>();
  for (let item = 0; item < items.length; item++) {
    const root = groups.sets.find(item);
    let number = numberOfRoot.get(root);
    if (number === undefined) {
      number = numberOfRoot.size;
      numberOfRoot.set(root, number);
    }
    productOf[item] = number;
  }
  return {
    productOf,
    productCount: numberOfRoot.size,
    matches: collector.matches,
    reviewQueue: openQuestions(collector.questions, items, productOf),
    problems: features.problems,
    statistics: {
      manufacturerNamesJoined,
      supplierNamesJoined,
      manufacturerWordsInDescriptions: mentions.mentionWords,
      manufacturersFoundInDescriptions: mentions.manufacturersFound,
      misspellingsCorrected: features.corrections.size,
      descriptionComparisons: candidates.comparisons,
      oversizedBlocksSkipped: candidates.skippedBlocks,
    },
  };
}

/** The best question for each pair of products still apart at the end, best first. */
function openQuestions(
  questions: readonly Question[],
  items: readonly CatalogueItem[],
  productOf: Int32Array,
): ItemMatch[] {
  const best = new Map<number, Question>();
  for (const question of questions) {
    const left = productOf[question.a] ?? -1;
    const right = productOf[question.b] ?? -1;
    if (left === right) continue;
    const key = Math.min(left, right) * productOf.length + Math.max(left, right);
    const held = best.get(key);
    if (!held || question.confidence > held.confidence) best.set(key, question);
  }
  return [...best.values()]
    .sort((x, y) => y.confidence - x.confidence || x.a - y.a || x.b - y.b)
    .map((question) => ({
      itemIds: [items[question.a]?.id ?? '', items[question.b]?.id ?? ''],
      confidence: question.confidence,
      reason: question.reason,
      detail: question.explain(),
    }));
}
