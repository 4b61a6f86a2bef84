import { Interner } from './interner';
import type { SupplyVocabulary } from './supply-vocabulary';
import { phraseBoundary, WordRewriter } from './word-rewriter';

/**
 * What a free-text catalogue description says, in two steps. Reading takes
 * out the measurements that define the product ("vol:5" for 5 ml,
 * "dim:100x100" for 10 cm × 10 cm, "gauge:21") and any pack quantity, leaving
 * the raw words; rewriting expands abbreviations, closes up phrases and drops
 * plurals, stopwords and pack words. Between the two, a caller that has seen
 * the whole catalogue can correct misspelt words.
 */
export type ReadDescription = {
  rawWords: string[];
  measurements: string[];
  packQuantity: number | undefined;
};

const number = String.raw`(\d+(?:\.\d+)?)`;
const areaPattern = new RegExp(String.raw`${number}\s*(mm|cm|m)?\s*x\s*${number}\s*(mm|cm|m)(?![a-z])`, 'g');
const suturePattern = /(?:usp\s*)?\b(\d)\s*[-/]\s*0(?![\d.])/g;
const gloveSizePattern = /\b(?:size|sz)\s*(\d+(?:\.\d+)?)(?![\d.])/g;
const frenchBeforePattern = /\b(?:ch|fr|fg)\s*(\d+)(?![\d.])/g;
const measurePattern = new RegExp(
  String.raw`(?<![a-z0-9.])${number}\s*(millilitres?|mls?|litres?|ltrs?|l|mm|cm|metres?|m|gauge|ga|g|french|fr|fg|ch|ply|%|percent)(?![a-z0-9])`,
  'g',
);
/** A number followed by one of these is a size, never a pack quantity ("flat pack 80 cm"). */
const notAUnit = String.raw`(?![\d.])(?!\s*(?:mm|cm|m|ml|mls|l|ltr|litres?|g|ga|gauge|ch|fr|fg|ply|%)(?![a-z]))`;

/** "box of 100", "bx100", "100/box", "100 per pack", "100pk", "x100", "(100)": one pass, one capture per form. */
const packPattern = new RegExp(
  [
    String.raw`\b(?:box|bx|pack|pk|pkt|packet|case|cs|ctn|carton|bag)\s*(?:of\s*)?(\d+)${notAUnit}`,
    String.raw`\b(\d+)\s*(?:\/|per\s*)\s*(?:box|bx|pack|pk|case|cs|ctn|bag)\b`,
    String.raw`\b(\d+)\s*(?:pk|pcs|pieces)\b`,
    String.raw`(?<![\d.]\s*)\bx\s*(\d+)${notAUnit}`,
    String.raw`\((\d+)\)`,
  ].join('|'),
  'g',
);

const toMillimetres: Record<string, number> = { mm: 1, cm: 10, m: 1000 };

function canonical(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function measurement(value: number, unit: string): string | undefined {
  switch (unit) {
    case 'ml':
    case 'mls':
    case 'millilitre':
    case 'millilitres':
      return `vol:${canonical(value)}`;
    case 'l':
    case 'ltr':
    case 'ltrs':
    case 'litre':
    case 'litres':
      return `vol:${canonical(value * 1000)}`;
    case 'mm':
    case 'cm':
    case 'm':
    case 'metre':
    case 'metres':
      return `len:${canonical(value * (toMillimetres[unit] ?? (unit.startsWith('metre') ? 1000 : 1)))}`;
    case 'gauge':
    case 'ga':
      return `gauge:${canonical(value)}`;
    // "21g" is a needle gauge; grams of a consumable are rarely whole numbers between 12 and 34
    case 'g':
      return Number.isInteger(value) && value >= 12 && value <= 34
        ? `gauge:${value}`
        : `mass:${canonical(value)}`;
    case 'french':
    case 'fr':
    case 'fg':
    case 'ch':
      return `french:${canonical(value)}`;
    case 'ply':
      return `ply:${canonical(value)}`;
    case '%':
    case 'percent':
      return `percent:${canonical(value)}`;
    default:
      return undefined;
  }
}

/** Removes every match of `pattern` from `text`, handing its capture groups to `take`. */
function extract(text: string, pattern: RegExp, take: (groups: (string | undefined)[]) => void): string {
  return text.replace(pattern, (_match: string, ...rest: unknown[]) => {
    take(rest.slice(0, -2).map((value) => (typeof value === 'string' ? value : undefined)));
    return ' ';
  });
}

function singular(word: string, keep: ReadonlySet<string>): string {
  if (word.length <= 3 || !word.endsWith('s') || keep.has(word)) return word;
  const before = word.charCodeAt(word.length - 2);
  // "glass", "plus", "axis" are not plurals
  return before === 115 || before === 117 || before === 105 ? word : word.slice(0, -1);
}

/** Raw words to content words, as text (the catalogue matcher works on word numbers through a `WordRewriter`). */
export function rewriteWords(
  words: readonly string[],
  vocabulary: SupplyVocabulary,
  corrected?: ReadonlyMap<string, string>,
): string[] {
  const interner = new Interner();
  const rewriter = new WordRewriter(vocabulary, interner);
  const raw = words.map((word) => interner.id(word));
  const corrections = new Int32Array(interner.values.length + (corrected?.size ?? 0)).fill(-1);
  for (const [from, to] of corrected ?? []) {
    const id = interner.find(from);
    if (id !== undefined) corrections[id] = interner.id(to);
  }
  return rewriter.rewrite(raw, 0, raw.length, corrections).map((id) => interner.values[id] ?? '');
}

export function readDescription(description: string, keepPlural: ReadonlySet<string>): ReadDescription {
  const measurements: string[] = [];
  let packQuantity: number | undefined;
  let text = description.toLowerCase();
  if (text.includes('&')) text = text.replace(/&/g, ' and ');
  if (text.includes(',')) text = text.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');

  // each pattern runs only when the text holds what it needs, which most descriptions do not
  if (text.includes('x')) {
    text = extract(text, areaPattern, ([a = '0', unitA, b = '0', unitB = 'mm']) => {
      const scaleA = toMillimetres[unitA ?? unitB] ?? 1;
      const scaleB = toMillimetres[unitB] ?? 1;
      const sides = [Number(a) * scaleA, Number(b) * scaleB].sort((x, y) => x - y);
      measurements.push(`dim:${canonical(sides[0] ?? 0)}x${canonical(sides[1] ?? 0)}`);
    });
  }
  if (text.includes('-0') || text.includes('/0') || text.includes('- 0') || text.includes('/ 0')) {
    text = extract(text, suturePattern, ([usp]) => measurements.push(`usp:${usp}-0`));
  }
  if (text.includes('s')) {
    text = extract(text, gloveSizePattern, ([size = '']) =>
      measurements.push(`size:${canonical(Number(size))}`),
    );
  }
  if (text.includes('ch') || text.includes('fr') || text.includes('fg')) {
    text = extract(text, frenchBeforePattern, ([value = '']) =>
      measurements.push(`french:${canonical(Number(value))}`),
    );
  }
  text = extract(text, packPattern, (groups) => {
    packQuantity ??= Number(groups.find((group) => group !== undefined));
  });
  text = extract(text, measurePattern, ([value = '', unit = '']) => {
    const parsed = measurement(Number(value), unit);
    if (parsed) measurements.push(parsed);
  });

  const rawWords = text
    .replace(/[,;()[\]]/g, ` ${phraseBoundary} `)
    .split(/[^a-z0-9|]+/)
    .filter((word) => word !== '')
    .map((word) => singular(word, keepPlural));
  return { rawWords, measurements: [...new Set(measurements)].sort(), packQuantity };
}
