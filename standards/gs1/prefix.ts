import { invalid } from '../../kernel/errors';
import ranges from './gs1-prefix-ranges.json';
import { validateGtin } from './keys';

/** How a GS1 prefix is used, read from the allocation table's wording. */
export type Gs1PrefixCategory =
  | 'member-organisation'
  | 'restricted-circulation'
  | 'demonstration'
  | 'publication'
  | 'coupon'
  | 'refund-receipt'
  | 'global-office'
  | 'reserved'
  | 'unassigned';

export type Gs1PrefixInfo = {
  /** The leading digits that matched the allocation table. */
  prefix: string;
  /** The table's description, e.g. "GS1 UK". */
  usage: string;
  category: Gs1PrefixCategory;
  /** False for numbers that may identify different things in different places or companies. */
  globallyUnique: boolean;
};

type Range = { length: number; min_value: number; max_value: number; usage: string };

const CATEGORY_RULES: [RegExp, Gs1PrefixCategory][] = [
  [/restricted circulation/i, 'restricted-circulation'],
  [/demonstrations/i, 'demonstration'],
  [/ISBN|ISSN/, 'publication'],
  [/coupon/i, 'coupon'],
  [/refund receipts/i, 'refund-receipt'],
  [/unused|reserved|future/i, 'reserved'],
  [/global office/i, 'global-office'],
  [/^GS1 /, 'member-organisation'],
];

const GLOBALLY_UNIQUE: ReadonlySet<Gs1PrefixCategory> = new Set([
  'member-organisation',
  'publication',
  'global-office',
]);

function classify(prefix: string, usage: string): Gs1PrefixInfo {
  const category = CATEGORY_RULES.find(([pattern]) => pattern.test(usage))?.[1];
  if (!category) throw new Error(`gs1-prefix-ranges.json has a usage no rule classifies: "${usage}"`);
  return { prefix, usage, category, globallyUnique: GLOBALLY_UNIQUE.has(category) };
}

/** Longest prefixes first, so "0000000" (RCN) wins over "000" (GS1 US). */
const byLength = [...(ranges as Range[])].sort((a, b) => b.length - a.length);

function lookupThirteen(digits: string): Gs1PrefixInfo {
  for (const range of byLength) {
    const head = digits.slice(0, range.length);
    const value = Number(head);
    if (value >= range.min_value && value <= range.max_value) return classify(head, range.usage);
  }
  return {
    prefix: digits.slice(0, 3),
    usage: 'Not allocated by GS1',
    category: 'unassigned',
    globallyUnique: false,
  };
}

/**
 * GTIN-8 prefixes follow their own rule (GS1 General Specifications §1.4.3):
 * 000-099 and 200-299 are restricted circulation within a company, 977-999
 * are reserved, and the rest are read from the ordinary allocation table.
 */
function lookupGtin8(gtin8: string): Gs1PrefixInfo {
  const head = gtin8.slice(0, 3);
  const value = Number(head);
  if (value <= 99 || (value >= 200 && value <= 299)) {
    return classify(head, 'Used to issue Restricted Circulation Numbers within a company');
  }
  if (value >= 977) return classify(head, 'Reserved for future use');
  return { ...lookupThirteen(gtin8), prefix: head };
}

/**
 * The GS1 prefix of a GTIN (any length) or a 13-digit GLN: which GS1 member
 * organisation issued it, or that it is a restricted-circulation,
 * demonstration, coupon or other special number. The prefix says where the
 * number was issued, not where the product was made.
 */
export function lookupGs1Prefix(key: string, path = 'key'): Gs1PrefixInfo {
  const gtin = validateGtin(key);
  if (!gtin.valid) {
    throw invalid('gs1.invalid-key', `${path}: ${gtin.message}`, [
      { path, rule: gtin.fault, message: gtin.message },
    ]);
  }
  return gtin.format === 'GTIN-8' ? lookupGtin8(key) : lookupThirteen(gtin.gtin14.slice(1));
}

/**
 * A catalogue item's identity must be a valid GTIN that means the same thing
 * everywhere; restricted-circulation, demonstration and coupon numbers are refused.
 */
export function parseCatalogueGtin(value: string, path = 'gtin'): string {
  const info = lookupGs1Prefix(value, path);
  if (!info.globallyUnique) {
    const message = `${value} is not a globally unique GTIN: prefix ${info.prefix} is "${info.usage}"`;
    throw invalid('gs1.gtin-not-globally-unique', `${path}: ${message}`, [
      { path, rule: 'gtin-globally-unique', message },
    ]);
  }
  return value.padStart(14, '0');
}
