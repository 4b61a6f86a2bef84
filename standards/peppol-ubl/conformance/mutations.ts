/**
 * A seeded mutator for fuzzing: takes a real invoice and breaks it the ways files get broken in
 * transit and by faulty software. Deterministic for a given seed, so failures reproduce.
 */
export type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T | undefined =>
  items[Math.floor(random() * items.length)];

const NASTY_VALUES = [
  '',
  ' ',
  '-',
  '1e5',
  'NaN',
  '-0',
  '99999999999999999999999.999',
  '1,5',
  '&amp;',
  '<![CDATA[7]]>',
  'é',
  '\u00a0',
  'true',
  '0x10',
];

function elementRanges(text: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/<((?:cac|cbc):[A-Za-z]+)[^>]*>/g)) {
    const close = text.indexOf(`</${match[1]}>`, match.index);
    if (close !== -1) ranges.push({ start: match.index, end: close + match[1]!.length + 3 });
  }
  return ranges;
}

export type Mutation = (text: string, random: Random) => string;

export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  'flip a byte': (text, random) => {
    const at = Math.floor(random() * text.length);
    return `${text.slice(0, at)}${String.fromCharCode(Math.floor(random() * 256))}${text.slice(at + 1)}`;
  },
  truncate: (text, random) => text.slice(0, Math.floor(random() * text.length)),
  'delete an element': (text, random) => {
    const range = pick(random, elementRanges(text));
    return range === undefined ? text : `${text.slice(0, range.start)}${text.slice(range.end)}`;
  },
  'duplicate an element': (text, random) => {
    const range = pick(random, elementRanges(text));
    return range === undefined
      ? text
      : `${text.slice(0, range.end)}${text.slice(range.start, range.end)}${text.slice(range.end)}`;
  },
  'change an attribute': (text, random) => {
    const attributes = [...text.matchAll(/ ([A-Za-z]+)="([^"]*)"/g)].filter(
      (match) => !match[1]?.startsWith('xmlns'),
    );
    const match = pick(random, attributes);
    if (match === undefined) return text;
    const replacement = random() < 0.3 ? '' : ` ${match[1]}="${pick(random, NASTY_VALUES) ?? ''}"`;
    return `${text.slice(0, match.index)}${replacement}${text.slice(match.index + match[0].length)}`;
  },
  'change a value': (text, random) => {
    const values = [...text.matchAll(/>([^<>]+)</g)].filter((match) => match[1]?.trim() !== '');
    const match = pick(random, values);
    if (match === undefined) return text;
    return `${text.slice(0, match.index + 1)}${pick(random, NASTY_VALUES) ?? ''}${text.slice(match.index + match[0].length - 1)}`;
  },
  'rename an element': (text, random) => {
    const range = pick(random, elementRanges(text));
    if (range === undefined) return text;
    const name = /<([a-z]+:[A-Za-z]+)/.exec(text.slice(range.start))?.[1] ?? '';
    const renamed = name.startsWith('cac:') ? name.replace('cac:', 'cbc:') : `${name}X`;
    const inner = text
      .slice(range.start, range.end)
      .replace(`<${name}`, `<${renamed}`)
      .replace(`</${name}>`, `</${renamed}>`);
    return `${text.slice(0, range.start)}${inner}${text.slice(range.end)}`;
  },
  'change the namespace': (text, random) =>
    text.replace(/xmlns="[^"]*"/, pick(random, ['xmlns="urn:example"', 'xmlns=""', '']) ?? ''),
};

export function mutate(text: string, random: Random): { name: string; text: string } {
  const names = Object.keys(MUTATIONS);
  const name = pick(random, names) ?? 'truncate';
  const mutation = MUTATIONS[name];
  if (mutation === undefined) return { name, text };
  let result = mutation(text, random);
  // Sometimes stack a second mutation, as real damage rarely comes alone.
  if (random() < 0.25) result = MUTATIONS[pick(random, names) ?? 'truncate']?.(result, random) ?? result;
  return { name, text: result };
}
