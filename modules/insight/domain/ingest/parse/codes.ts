import type { Gtin14 } from '../values';
import { type Parsed, parsed, refused } from './result';
import { compactKey } from './text';

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** A GTIN-8/12/13/14 with a valid GS1 check digit, padded to 14 digits so all forms compare equal. */
export function parseGtin(raw: string): Parsed<Gtin14> {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || !GTIN_LENGTHS.has(digits.length)) {
    return refused('gtin-format', `"${raw.trim()}" is not a GTIN (8, 12, 13 or 14 digits)`);
  }
  const padded = digits.padStart(14, '0');
  let sum = 0;
  for (let index = 0; index < 13; index += 1) sum += Number(padded[index]) * (index % 2 === 0 ? 3 : 1);
  const check = (10 - (sum % 10)) % 10;
  if (check !== Number(padded[13])) {
    return refused('gtin-check-digit', `"${raw.trim()}" fails the GTIN check digit (expected ${check})`);
  }
  return parsed(padded as Gtin14);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0']);

export function parseFlag(raw: string): Parsed<boolean> {
  const key = compactKey(raw);
  if (TRUE_WORDS.has(key)) return parsed(true);
  if (FALSE_WORDS.has(key)) return parsed(false);
  return refused('flag-format', `"${raw.trim()}" is not yes or no`);
}

/** A reader for one of a field's named options, by name or synonym ("CR", "Credit" → credit). */
export function choiceReader<C extends string>(
  choices: Readonly<Record<C, readonly string[]>>,
): (raw: string) => Parsed<C> {
  const byKey = new Map<string, C>();
  for (const choice of Object.keys(choices) as C[]) {
    byKey.set(compactKey(choice), choice);
    for (const synonym of choices[choice]) byKey.set(compactKey(synonym), choice);
  }
  const names = (Object.keys(choices) as C[]).join(', ');
  return (raw) => {
    const choice = byKey.get(compactKey(raw));
    return choice === undefined
      ? refused('choice-unknown', `"${raw.trim()}" is not one of: ${names}`)
      : parsed(choice);
  };
}
