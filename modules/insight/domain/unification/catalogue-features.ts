import type { CatalogueItem } from './catalogue-item';
import { Interner } from './interner';
import { readDescription } from './item-description';
import { normalisePartCode, readGtin } from './item-identifiers';
import { misspellingCorrections } from './misspellings';
import { collapseInitials } from './name-similarity';
import { normaliseOrganisationName } from './organisation-name';
import { resolveSuppliers } from './supplier-resolution';
import type { SupplyVocabulary } from './supply-vocabulary';
import { WordRewriter } from './word-rewriter';

/** Per item, a sorted list of ids (`ids[offsets[i]]` up to `ids[offsets[i + 1]]`). */
export type IdLists = { offsets: Int32Array; ids: Int32Array };

export function listOf(lists: IdLists, item: number): Int32Array {
  return lists.ids.subarray(lists.offsets[item] ?? 0, lists.offsets[item + 1] ?? 0);
}

/** Builds `IdLists` item by item, in order, without a small array per item. */
export class IdListsBuilder {
  private readonly offsets: Int32Array;
  private readonly ids: number[] = [];
  private items = 0;

  constructor(count: number) {
    this.offsets = new Int32Array(count + 1);
  }

  /** Adds the next item's list (ids sorted ascending, without repeats). */
  add(list: readonly number[]): void {
    for (const id of list) this.ids.push(id);
    this.items++;
    this.offsets[this.items] = this.ids.length;
  }

  build(): IdLists {
    return { offsets: this.offsets, ids: Int32Array.from(this.ids) };
  }
}

export type ItemProblem = { itemId: string; field: 'gtin'; message: string };

/** Everything the matcher compares, per item, as numbers. -1 means "not stated". */
export type CatalogueFeatures = {
  count: number;
  gtinFamily: Int32Array;
  gtin: Int32Array;
  gtins: Interner;
  partCode: Int32Array;
  partCodes: Interner;
  /** The supplier (its normalised name) and its own code for the item. */
  supplier: Int32Array;
  suppliers: Interner;
  supplierItemCode: Int32Array;
  supplierItemCodes: Interner;
  manufacturer: Int32Array;
  manufacturerNames: string[];
  /** Manufacturer id → the words of all its spellings, for recognising it in descriptions. */
  manufacturerWords: string[][];
  /** Price of one base unit, for telling a box from an each; a ratio signal only, never money arithmetic. */
  unitPrice: Float64Array;
  words: IdLists;
  wordTexts: Interner;
  /** Word id → attribute group id, or -1. */
  wordGroup: Int32Array;
  measurements: IdLists;
  measurementTexts: Interner;
  /** Measurement id → its kind ("vol", "dim", …) as an id. */
  measurementKind: Int32Array;
  corrections: ReadonlyMap<string, string>;
  problems: ItemProblem[];
};

/** Sorts in place and drops repeats (the lists are a handful of numbers). */
function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  let kept = 0;
  for (let at = 0; at < values.length; at++) {
    if (at === 0 || values[at] !== values[kept - 1]) values[kept++] = values[at] ?? 0;
  }
  values.length = kept;
  return values;
}

/** Manufacturer spellings resolved to manufacturers the way suppliers are (names, legal forms, close spellings). */
function resolveManufacturers(items: readonly CatalogueItem[]): {
  manufacturer: Int32Array;
  names: string[];
  words: string[][];
  ofSpelling: ReadonlyMap<string, number>;
} {
  const spellings = [
    ...new Set(items.map((item) => item.manufacturerName.trim()).filter((name) => name !== '')),
  ];
  const resolution = resolveSuppliers(spellings.map((name) => ({ id: name, organisation: '', name })));
  const index = new Map(resolution.suppliers.map((supplier, position) => [supplier.supplierId, position]));
  const manufacturerOf = new Map(
    spellings.map((name) => [name, index.get(resolution.supplierOf.get(name) ?? '') ?? -1] as const),
  );
  const words = resolution.suppliers.map(() => new Set<string>());
  for (const name of spellings) {
    const tokens = normaliseOrganisationName(name).tokens;
    const target = words[manufacturerOf.get(name) ?? -1];
    for (const word of collapseInitials(tokens)) target?.add(word);
  }
  return {
    manufacturer: Int32Array.from(items, (item) => manufacturerOf.get(item.manufacturerName.trim()) ?? -1),
    names: resolution.suppliers.map((supplier) => supplier.name),
    words: words.map((set) => [...set]),
    ofSpelling: manufacturerOf,
  };
}

type Identifiers = Pick<
  CatalogueFeatures,
  | 'gtinFamily'
  | 'gtin'
  | 'gtins'
  | 'partCode'
  | 'partCodes'
  | 'supplier'
  | 'suppliers'
  | 'supplierItemCode'
  | 'supplierItemCodes'
  | 'unitPrice'
  | 'problems'
>;

/** GTINs (checked), part codes, suppliers and their codes, and the unit price, for every item. */
function readIdentifiers(items: readonly CatalogueItem[]): Identifiers {
  const count = items.length;
  const families = new Interner();
  const found: Identifiers = {
    gtinFamily: new Int32Array(count).fill(-1),
    gtin: new Int32Array(count).fill(-1),
    gtins: new Interner(),
    partCode: new Int32Array(count).fill(-1),
    partCodes: new Interner(),
    supplier: new Int32Array(count).fill(-1),
    suppliers: new Interner(),
    supplierItemCode: new Int32Array(count).fill(-1),
    supplierItemCodes: new Interner(),
    unitPrice: new Float64Array(count),
    problems: [],
  };
  const supplierKeys = new Map<string, string>();
  items.forEach((item, index) => {
    const reading = readGtin(item.gtin);
    if (reading.kind === 'gtin') {
      found.gtin[index] = found.gtins.id(reading.gtin14);
      found.gtinFamily[index] = families.id(reading.family);
    } else if (reading.kind === 'refused') {
      found.problems.push({ itemId: item.id, field: 'gtin', message: reading.message });
    }
    const part = normalisePartCode(item.manufacturerPartCode);
    if (part) found.partCode[index] = found.partCodes.id(part);
    let supplierKey = supplierKeys.get(item.supplierName);
    if (supplierKey === undefined) {
      supplierKey = normaliseOrganisationName(item.supplierName).key;
      supplierKeys.set(item.supplierName, supplierKey);
    }
    if (supplierKey) found.supplier[index] = found.suppliers.id(supplierKey);
    const code = normalisePartCode(item.supplierItemCode);
    if (code) found.supplierItemCode[index] = found.supplierItemCodes.id(code);
    found.unitPrice[index] = Number(item.pricePence) / Math.max(1, item.packSize);
  });
  return found;
}

/**
 * Every description's words and measurements, in two passes: the first reads
 * them and counts the words, so that the second can correct misspellings the
 * whole catalogue reveals before expanding abbreviations and closing up phrases.
 */
function readDescriptions(
  items: readonly CatalogueItem[],
  vocabulary: SupplyVocabulary,
): Pick<CatalogueFeatures, 'words' | 'wordTexts' | 'measurements' | 'measurementTexts' | 'corrections'> {
  const count = items.length;
  const measurementLists = new IdListsBuilder(count);
  const measurementTexts = new Interner();
  const wordTexts = new Interner();
  const rewriter = new WordRewriter(vocabulary, wordTexts);
  const rawWords: number[] = [];
  const rawOffsets = new Int32Array(count + 1);
  const wordCounts: number[] = [];
  items.forEach((item, index) => {
    const description = readDescription(item.description, vocabulary.keepPlural);
    for (const text of description.rawWords) {
      const word = wordTexts.id(text);
      rawWords.push(word);
      wordCounts[word] = (wordCounts[word] ?? 0) + 1;
    }
    rawOffsets[index + 1] = rawWords.length;
    measurementLists.add(sortedUnique(description.measurements.map((text) => measurementTexts.id(text))));
  });

  const seenWords = new Map<string, number>();
  wordCounts.forEach((seen, word) => {
    if (seen) seenWords.set(wordTexts.values[word] ?? '', seen);
  });
  const corrections = misspellingCorrections(seenWords);
  const corrected = new Int32Array(wordTexts.values.length).fill(-1);
  for (const [from, to] of corrections) corrected[wordTexts.id(from)] = wordTexts.id(to);
  const wordLists = new IdListsBuilder(count);
  for (let item = 0; item < count; item++) {
    wordLists.add(
      sortedUnique(rewriter.rewrite(rawWords, rawOffsets[item] ?? 0, rawOffsets[item + 1] ?? 0, corrected)),
    );
  }
  return {
    words: wordLists.build(),
    wordTexts,
    measurements: measurementLists.build(),
    measurementTexts,
    corrections,
  };
}

/** Bought direct, the supplier is the manufacturer: its name is the manufacturer, its item code the part code. */
function creditDirectPurchases(
  items: readonly CatalogueItem[],
  manufacturers: ReturnType<typeof resolveManufacturers>,
  identifiers: Identifiers,
): void {
  items.forEach((item, index) => {
    const supplierAsManufacturer = manufacturers.ofSpelling.get(item.supplierName.trim()) ?? -1;
    if (supplierAsManufacturer < 0) return;
    if ((manufacturers.manufacturer[index] ?? -1) < 0)
      manufacturers.manufacturer[index] = supplierAsManufacturer;
    if (
      (identifiers.partCode[index] ?? -1) < 0 &&
      manufacturers.manufacturer[index] === supplierAsManufacturer
    ) {
      const code = normalisePartCode(item.supplierItemCode);
      if (code) identifiers.partCode[index] = identifiers.partCodes.id(code);
    }
  });
}

export function prepareCatalogue(
  items: readonly CatalogueItem[],
  vocabulary: SupplyVocabulary,
): CatalogueFeatures {
  const identifiers = readIdentifiers(items);
  const descriptions = readDescriptions(items, vocabulary);
  const manufacturers = resolveManufacturers(items);
  creditDirectPurchases(items, manufacturers, identifiers);
  const kinds = new Interner();
  return {
    count: items.length,
    ...identifiers,
    ...descriptions,
    manufacturer: manufacturers.manufacturer,
    manufacturerNames: manufacturers.names,
    manufacturerWords: manufacturers.words,
    wordGroup: Int32Array.from(descriptions.wordTexts.values, (word) => {
      const group = vocabulary.groupOf.get(word);
      return group === undefined ? -1 : kinds.id(`group:${group}`);
    }),
    measurementKind: Int32Array.from(descriptions.measurementTexts.values, (text) =>
      kinds.id(text.slice(0, text.indexOf(':'))),
    ),
  };
}
