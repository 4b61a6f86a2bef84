import { pence } from '../../../../kernel/money';
import { gs1CheckDigit } from '../../../../standards/gs1';
import { type SeededRandom, seededRandom } from '../attrition/seeded-random';
import type { CatalogueItem } from './catalogue-item';
import {
  distributors,
  manufacturerEndings,
  manufacturerForms,
  manufacturerMiddles,
  manufacturerStems,
  type ProductCategory,
  productCategories,
  rangeSyllables,
  type SizeSpec,
  type Spelling,
} from './generator-products';

export type GeneratedCatalogue = {
  items: CatalogueItem[];
  /** The product each item really is: the ground truth the matcher is scored against. */
  productOf: Int32Array;
  productCount: number;
};

export type CatalogueGeneratorOptions = { items: number; seed: number; organisations?: number };

type OrganisationStyle = {
  code: string;
  format: 'erp' | 'natural' | 'comma' | 'supplier' | 'terse';
  gtinRate: number;
  mpcRate: number;
  manufacturerRate: number;
  brandRate: number;
  abbreviationRate: number;
  typoRate: number;
  shuffleRate: number;
  packPhraseRate: number;
  unitWeights: readonly [each: number, box: number, caseLevel: number];
  priceFactor: number;
};

const organisationStyles: readonly OrganisationStyle[] = [
  {
    code: 'RAA',
    format: 'erp',
    gtinRate: 0.85,
    mpcRate: 0.9,
    manufacturerRate: 0.95,
    brandRate: 0.85,
    abbreviationRate: 0.65,
    typoRate: 0.03,
    shuffleRate: 0.2,
    packPhraseRate: 0.8,
    unitWeights: [0.2, 0.7, 0.1],
    priceFactor: 1,
  },
  {
    code: 'RBB',
    format: 'natural',
    gtinRate: 0.6,
    mpcRate: 0.8,
    manufacturerRate: 0.9,
    brandRate: 0.9,
    abbreviationRate: 0.1,
    typoRate: 0.04,
    shuffleRate: 0.3,
    packPhraseRate: 0.7,
    unitWeights: [0.3, 0.6, 0.1],
    priceFactor: 1.06,
  },
  {
    code: 'RCC',
    format: 'comma',
    gtinRate: 0.3,
    mpcRate: 0.75,
    manufacturerRate: 0.85,
    brandRate: 0.8,
    abbreviationRate: 0.3,
    typoRate: 0.05,
    shuffleRate: 0.4,
    packPhraseRate: 0.6,
    unitWeights: [0.5, 0.45, 0.05],
    priceFactor: 0.97,
  },
  {
    code: 'RDD',
    format: 'supplier',
    gtinRate: 0.7,
    mpcRate: 0.85,
    manufacturerRate: 0.9,
    brandRate: 0.9,
    abbreviationRate: 0.4,
    typoRate: 0.03,
    shuffleRate: 0.3,
    packPhraseRate: 0.9,
    unitWeights: [0.15, 0.75, 0.1],
    priceFactor: 1.1,
  },
  {
    code: 'REE',
    format: 'terse',
    gtinRate: 0.25,
    mpcRate: 0.7,
    manufacturerRate: 0.8,
    brandRate: 0.45,
    abbreviationRate: 0.5,
    typoRate: 0.05,
    shuffleRate: 0.2,
    packPhraseRate: 0.3,
    unitWeights: [0.4, 0.5, 0.1],
    priceFactor: 0.94,
  },
];

const unitNames = {
  each: ['EA', 'EACH', 'Each'],
  box: ['BX', 'BOX', 'Box', 'PK', 'PACK'],
  case: ['CS', 'CASE', 'Case', 'CTN'],
} as const;

type Manufacturer = {
  name: string;
  /** The spelling each organisation's master data uses (organisations mostly agree with themselves). */
  spellingByOrganisation: string[];
  companyPrefix: string;
  codeStyle: 'numeric' | 'prefixed' | 'short';
  codeLetters: string;
};

type Range = { manufacturer: number; category: number; name: string; combinations: number };

type Product = {
  range: number;
  attributes: number[];
  size: SizeSpec;
  gtinBody: string | undefined;
  partCode: string;
  boxQuantity: number;
  caseMultiple: number;
  unitPence: number;
  /** A distributor besides NHS Supply Chain that carries it, and each distributor's own code for it. */
  distributor: number;
  distributorCodes: string[];
};

const fold = (value: string): string => value.toLowerCase();

/** Every way of deleting up to `depth` characters, to keep generated names from being near-misspellings of one another. */
function nearForms(word: string, depth: 1 | 2): string[] {
  const forms = [word];
  for (let i = 0; i < word.length; i++) {
    const once = word.slice(0, i) + word.slice(i + 1);
    forms.push(once);
    if (depth === 2) for (let j = i; j < once.length; j++) forms.push(once.slice(0, j) + once.slice(j + 1));
  }
  return forms;
}

/** Hands out names no two of which share a form with `depth` deletions (so none is a one-letter slip of another). */
function distinctNames(random: SeededRandom, propose: () => string, count: number, depth: 1 | 2): string[] {
  const taken = new Set<string>();
  const names: string[] = [];
  for (let attempt = 0; names.length < count && attempt < count * 200; attempt++) {
    const name = propose();
    const forms = nearForms(fold(name), depth);
    if (forms.some((form) => taken.has(form))) continue;
    for (const form of forms) taken.add(form);
    names.push(name);
  }
  if (names.length < count)
    throw new RangeError(`could only make ${names.length} distinct names of ${count}`);
  return random.shuffle(names);
}

const combinationsOf = (category: ProductCategory): number =>
  category.attributes.reduce((product, options) => product * options.length, category.sizes.length);

function gtin13(body12: string): string {
  return body12 + gs1CheckDigit(body12);
}

function gtin14(indicator: number, body12: string): string {
  const body = `${indicator}${body12}`;
  return body + gs1CheckDigit(body);
}

function decimal(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function renderSize(size: SizeSpec, random: SeededRandom): string {
  switch (size.kind) {
    case 'volume': {
      const ml = size.millilitres;
      if (ml >= 1000)
        return random.pick([
          `${decimal(ml / 1000)}L`,
          `${decimal(ml / 1000)} litre`,
          `${ml}ml`,
          `${decimal(ml / 1000)} ltr`,
        ]);
      return random.pick([`${ml}ml`, `${ml} ml`, `${ml}mls`, `${ml}.0ml`, `${ml} ML`]);
    }
    case 'length': {
      const mm = size.millimetres;
      if (mm >= 1000) return random.pick([`${decimal(mm / 1000)}m`, `${decimal(mm / 10)}cm`, `${mm}mm`]);
      if (mm >= 10) return random.pick([`${decimal(mm / 10)}cm`, `${decimal(mm / 10)} cm`, `${mm}mm`]);
      return random.pick([`${mm}mm`, `${mm}.0mm`, `${mm} mm`]);
    }
    case 'area': {
      const w = decimal(size.widthMm / 10);
      const h = decimal(size.heightMm / 10);
      return random.pick([
        `${w}cm x ${h}cm`,
        `${w}x${h}cm`,
        `${w} x ${h} cm`,
        `${size.widthMm}mm x ${size.heightMm}mm`,
        `${w}cmx${h}cm`,
      ]);
    }
    case 'gauge':
      return random.pick([
        `${size.gauge}G`,
        `${size.gauge}g`,
        `${size.gauge} gauge`,
        `${size.gauge} G`,
        `${size.gauge}ga`,
      ]);
    case 'french':
      return random.pick([
        `${size.french}Ch`,
        `${size.french} Ch`,
        `${size.french}Fr`,
        `${size.french}FG`,
        `Ch${size.french}`,
        `${size.french} french`,
      ]);
    case 'letter': {
      const spellings = {
        XS: ['XS', 'x-small', 'extra small'],
        S: ['S', 'small', 'sml'],
        M: ['M', 'medium', 'medium'],
        L: ['L', 'large', 'lge'],
        XL: ['XL', 'x-large', 'extra large'],
      };
      return random.pick(spellings[size.letter]);
    }
    case 'glove':
      return random.pick([`size ${size.size}`, `sz ${size.size}`, `size ${size.size}`]);
    case 'suture':
      return random.pick([`${size.usp}-0`, `${size.usp}/0`, `USP ${size.usp}-0`]);
  }
}

function sizeKey(size: SizeSpec): string {
  return JSON.stringify(size);
}

function spell(random: SeededRandom, spelling: Spelling, abbreviationRate: number): string {
  if (spelling.length > 1 && random.chance(abbreviationRate))
    return spelling[1 + random.int(spelling.length - 1)] ?? spelling[0] ?? '';
  return spelling[0] ?? '';
}

function misspell(random: SeededRandom, description: string): string {
  const words = description.split(' ');
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[A-Za-z]{5,}$/.test(word));
  const chosen = candidates.length === 0 ? undefined : random.pick(candidates);
  if (!chosen) return description;
  const word = chosen.word;
  const at = 1 + random.int(word.length - 2);
  const letter = String.fromCharCode(97 + random.int(26));
  const edits = [
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + letter + word.slice(at + 1),
    word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2),
    word.slice(0, at) + letter + word.slice(at),
  ];
  words[chosen.index] = random.pick(edits);
  return words.join(' ');
}

function titleCase(text: string): string {
  return text.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

function packPhrase(
  format: OrganisationStyle['format'],
  unit: 'box' | 'case',
  quantity: number,
  random: SeededRandom,
): string {
  const word = unit === 'box' ? random.pick(['box', 'pack']) : 'case';
  switch (format) {
    case 'erp':
      return random.pick([`${unit === 'box' ? 'BX' : 'CS'}${quantity}`, `PK${quantity}`, `X${quantity}`]);
    case 'natural':
      return random.pick([
        `(${titleCase(word)} of ${quantity})`,
        `${titleCase(word)} of ${quantity}`,
        `(${quantity})`,
      ]);
    case 'comma':
      return random.pick([`pk ${quantity}`, `${quantity}/${word}`, `${word} of ${quantity}`]);
    case 'supplier':
      return random.pick([`x${quantity}`, `x ${quantity}`, `${quantity} per ${word}`]);
    case 'terse':
      return `${quantity}/${unit === 'box' ? 'BX' : 'CS'}`;
  }
}

function partCodeVariant(code: string, random: SeededRandom): string {
  const draw = random.next();
  if (draw < 0.6) return code;
  if (draw < 0.75) return code.replace(/[-\s]/g, '');
  if (draw < 0.85) return `REF ${code}`;
  if (draw < 0.9) return code.toLowerCase();
  return code.replace(/(\d{3})(?=\d)/, '$1 ');
}

/**
 * A deterministic multi-organisation catalogue with ground truth: the same
 * product described differently by each organisation (its own abbreviations,
 * word order, typos, pack descriptions, manufacturer and supplier spellings,
 * often without a GTIN or part code), beside distinct products that differ
 * only in size or one attribute ("5ml syringe" / "10ml syringe").
 */
export function generateCatalogue(options: CatalogueGeneratorOptions): GeneratedCatalogue {
  const random = seededRandom(options.seed);
  const styles = organisationStyles.slice(
    0,
    Math.max(1, Math.min(organisationStyles.length, options.organisations ?? 5)),
  );
  const copiesPerProduct = [1, 2, 3, 4, 5].slice(0, styles.length);
  const copyWeights = [0.1, 0.15, 0.2, 0.25, 0.3].slice(0, styles.length);
  const meanCopies =
    copiesPerProduct.reduce((sum, copies, index) => sum + copies * (copyWeights[index] ?? 0), 0) /
    copyWeights.reduce((sum, weight) => sum + weight, 0);
  // a little over the products needed, so the items asked for are always reached
  const productCount = Math.max(1, Math.ceil((options.items / (meanCopies * 1.02)) * 1.05) + 2);

  // manufacturers and their product ranges, enough to offer well over the products needed
  const ranges: Range[] = [];
  const manufacturers: Manufacturer[] = [];
  const manufacturerNames = distinctNames(
    random,
    () =>
      `${random.pick(manufacturerStems)}${random.chance(0.6) ? random.pick(manufacturerMiddles) : ''}${random.pick(manufacturerEndings)}`,
    Math.max(40, Math.ceil((productCount * 1.8) / 130)),
    1,
  );
  const rangeNames = distinctNames(
    random,
    () => titleCase(Array.from({ length: 2 + random.int(3) }, () => random.pick(rangeSyllables)).join('')),
    Math.max(200, Math.ceil((productCount * 1.8) / 18)),
    2,
  );
  let capacity = 0;
  let nextRangeName = 0;
  for (const name of manufacturerNames) {
    if (capacity >= productCount * 1.6 || nextRangeName >= rangeNames.length - 12) break;
    const index = manufacturers.length;
    const forms = manufacturerForms.map((form) => form(name));
    manufacturers.push({
      name,
      spellingByOrganisation: styles.map(() => random.pick(forms)),
      companyPrefix: `${random.pick(['50', '50', '50', '40', '87', '76'])}${String(10_000 + index * 7 + random.int(7)).slice(-5)}`,
      codeStyle: random.chance(0.1) ? 'short' : random.chance(0.5) ? 'numeric' : 'prefixed',
      codeLetters: `${String.fromCharCode(65 + random.int(26))}${String.fromCharCode(65 + random.int(26))}`,
    });
    const categories = random
      .shuffle(productCategories.map((_, category) => category))
      .slice(0, 3 + random.int(4));
    for (const category of categories) {
      for (let count = 1 + (random.chance(0.4) ? 1 : 0); count > 0; count--) {
        const categorySpec = productCategories[category];
        if (!categorySpec) continue;
        ranges.push({
          manufacturer: index,
          category,
          name: rangeNames[nextRangeName++] ?? 'Range',
          combinations: combinationsOf(categorySpec),
        });
        capacity += combinationsOf(categorySpec);
      }
    }
  }
  if (capacity < productCount)
    throw new RangeError(
      `the generator can make at most ${capacity} products; ${productCount} were asked for`,
    );

  // distinct products: a range and one option per attribute slot and a size
  const products: Product[] = [];
  const seen = new Set<string>();
  const codesTaken = new Set<string>();
  while (products.length < productCount) {
    const rangeIndex = random.int(ranges.length);
    const range = ranges[rangeIndex];
    const category = range && productCategories[range.category];
    const manufacturer = range && manufacturers[range.manufacturer];
    if (!range || !category || !manufacturer) continue;
    const attributes = category.attributes.map((options) => random.int(options.length));
    const size = random.pick(category.sizes);
    const key = `${rangeIndex}|${attributes.join(',')}|${sizeKey(size)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const number = products.length;
    let partCode: string;
    do {
      partCode =
        manufacturer.codeStyle === 'short'
          ? String(1000 + random.int(9000))
          : manufacturer.codeStyle === 'numeric'
            ? String(100_000 + random.int(900_000))
            : `${manufacturer.codeLetters}-${1000 + random.int(9000)}${random.pick(['', 'S', 'L'])}`;
    } while (codesTaken.has(`${range.manufacturer}|${partCode}`));
    codesTaken.add(`${range.manufacturer}|${partCode}`);
    const [low, high] = category.unitPence;
    products.push({
      range: rangeIndex,
      attributes,
      size,
      gtinBody: random.chance(0.9)
        ? `${manufacturer.companyPrefix}${String(number % 100_000).padStart(5, '0')}`
        : undefined,
      partCode,
      boxQuantity: random.pick(category.boxQuantities),
      caseMultiple: random.pick([4, 5, 10]),
      unitPence: Math.max(1, Math.round(low * (high / low) ** random.next())),
      distributor: 1 + random.int(distributors.length - 1),
      distributorCodes: distributors.map(
        (distributor) => `${distributor.codePrefix}${String(number).padStart(6, '0')}${random.int(10)}`,
      ),
    });
  }

  const items: CatalogueItem[] = [];
  const productOf: number[] = [];
  const perOrganisation = styles.map(() => 0);
  for (let product = 0; product < products.length && items.length < options.items; product++) {
    const draw = random.next();
    let copies = copiesPerProduct.length;
    let cumulative = 0;
    for (let index = 0; index < copyWeights.length; index++) {
      cumulative += (copyWeights[index] ?? 0) / copyWeights.reduce((sum, weight) => sum + weight, 0);
      if (draw < cumulative) {
        copies = copiesPerProduct[index] ?? 1;
        break;
      }
    }
    const organisations = random.shuffle(styles.map((_, index) => index)).slice(0, copies);
    for (const organisation of organisations) {
      const records = random.chance(0.02) ? 2 : 1;
      for (let record = 0; record < records && items.length < options.items; record++) {
        const style = styles[organisation];
        const productSpec = products[product];
        if (!style || !productSpec) continue;
        perOrganisation[organisation] = (perOrganisation[organisation] ?? 0) + 1;
        items.push(
          catalogueLine(
            random,
            style,
            organisation,
            productSpec,
            manufacturers,
            ranges,
            `${style.code}-${String(perOrganisation[organisation]).padStart(7, '0')}`,
            record,
          ),
        );
        productOf.push(product);
      }
    }
  }
  return { items, productOf: Int32Array.from(productOf), productCount: new Set(productOf).size };
}

function catalogueLine(
  random: SeededRandom,
  style: OrganisationStyle,
  organisation: number,
  product: Product,
  manufacturers: readonly Manufacturer[],
  ranges: readonly Range[],
  id: string,
  record: number,
): CatalogueItem {
  const range = ranges[product.range];
  const category = range && productCategories[range.category];
  const manufacturer = range && manufacturers[range.manufacturer];
  if (!range || !category || !manufacturer) throw new RangeError('inconsistent generated product');

  const unitDraw = random.next();
  const [eachWeight, boxWeight] = style.unitWeights;
  const unit: 'each' | 'box' | 'case' =
    unitDraw < eachWeight ? 'each' : unitDraw < eachWeight + boxWeight ? 'box' : 'case';
  const packSize =
    unit === 'each' ? 1 : unit === 'box' ? product.boxQuantity : product.boxQuantity * product.caseMultiple;

  const words: string[] = [spell(random, category.noun, style.abbreviationRate)];
  const attributes = category.attributes.map((options, slot) =>
    spell(random, options[product.attributes[slot] ?? 0] ?? [], style.abbreviationRate),
  );
  if (random.chance(style.shuffleRate)) random.shuffle(attributes);
  const filler = category.filler
    .filter(() => random.chance(0.3))
    .map((spelling) => spell(random, spelling, style.abbreviationRate));
  const size = renderSize(product.size, random);
  const brand = random.chance(style.brandRate) ? range.name : '';
  const mention = random.chance(0.25) ? manufacturer.name : '';
  const pack =
    unit !== 'each' && random.chance(style.packPhraseRate)
      ? packPhrase(style.format, unit, packSize, random)
      : '';
  let parts: string[];
  switch (style.format) {
    case 'erp':
      parts = [...words, ...attributes, size, brand, mention, pack];
      break;
    case 'natural':
      parts = [mention, brand, ...words, ...attributes, ...filler, size, pack];
      break;
    case 'comma':
      parts = [[...words, ...attributes, size, brand, ...filler, pack].filter(Boolean).join(', ')];
      break;
    case 'supplier':
      parts = [brand, size, ...attributes, ...words, ...filler, pack];
      break;
    case 'terse':
      parts = [size, ...words, ...attributes, brand];
      break;
  }
  let description = parts.filter(Boolean).join(' ');
  if (style.format === 'erp' || style.format === 'terse') description = description.toUpperCase();
  else if (style.format === 'natural') description = titleCase(description);
  if (random.chance(style.typoRate)) description = misspell(random, description);

  let gtin = '';
  if (product.gtinBody && random.chance(style.gtinRate)) {
    const packLevel = unit !== 'each' && random.chance(0.6);
    gtin = packLevel ? gtin14(unit === 'box' ? 1 : 2, product.gtinBody) : gtin13(product.gtinBody);
    if (!packLevel && random.chance(0.2)) gtin = `0${gtin}`;
    if (random.chance(0.01)) {
      const at = random.int(gtin.length - 1);
      gtin = `${gtin.slice(0, at)}${(Number(gtin[at]) + 1 + random.int(8)) % 10}${gtin.slice(at + 1)}`;
    }
  }

  // the second record of a product in one organisation comes through another route
  const routeDraw = record === 1 ? 0.75 + random.next() * 0.25 : random.next();
  const route = routeDraw < 0.5 ? 0 : routeDraw < 0.75 ? product.distributor : -1;
  const distributor = route >= 0 ? distributors[route] : undefined;
  const manufacturerSpelling = random.chance(0.85)
    ? (manufacturer.spellingByOrganisation[organisation] ?? manufacturer.name)
    : random.pick(manufacturerForms.map((form) => form(manufacturer.name)));
  const priceNoise = Math.exp(0.08 * random.normal()) * (random.chance(0.01) ? 1.8 : 1);

  return {
    id,
    organisation: style.code,
    supplierName: distributor ? random.pick(distributor.names) : manufacturerSpelling,
    supplierItemCode: distributor
      ? (product.distributorCodes[route] ?? '')
      : product.partCode.replace(/[-\s]/g, ''),
    manufacturerName: random.chance(style.manufacturerRate) ? manufacturerSpelling : '',
    manufacturerPartCode: random.chance(style.mpcRate) ? partCodeVariant(product.partCode, random) : '',
    gtin,
    description,
    unitOfMeasure: random.pick(unitNames[unit]),
    packSize,
    pricePence: pence(Math.max(1, Math.round(product.unitPence * packSize * style.priceFactor * priceNoise))),
  };
}
