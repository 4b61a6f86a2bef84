import iconv from 'iconv-lite';

/**
 * Reading legacy bytes that are not UTF-8. NHS extracts come from Windows
 * (Windows-1252) and from old Mac tools (Mac Roman), and some files mix both
 * in one column: 0x96 is an en dash in Windows-1252 but "ñ" in Mac Roman,
 * 0xD0 is an en dash in Mac Roman but "Ð" in Windows-1252. No single table
 * reads such a file correctly, so each run of non-ASCII bytes is judged by how
 * plausible each reading is in its context (a dash between spaces, an accented
 * letter inside a word) and the file's overall winner is used unless a run is
 * clearly better read the other way.
 */
export type SingleByteEncoding = 'windows-1252' | 'macintosh';

export const SINGLE_BYTE_ENCODINGS: readonly SingleByteEncoding[] = ['windows-1252', 'macintosh'];

function highHalf(encoding: SingleByteEncoding): string {
  const bytes = Buffer.alloc(128);
  for (let index = 0; index < 128; index += 1) bytes[index] = 0x80 + index;
  return iconv.decode(bytes, encoding);
}

const HIGH_HALF: Record<SingleByteEncoding, string> = {
  'windows-1252': highHalf('windows-1252'),
  macintosh: highHalf('macintosh'),
};

export function decodeSingleByteRun(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  const table = HIGH_HALF[encoding];
  let text = '';
  for (const byte of bytes)
    text += byte < 0x80 ? String.fromCharCode(byte) : (table[byte - 0x80] ?? '\uFFFD');
  return text;
}

const DASHES = new Set(['–', '—']);
const QUOTES = new Set(['‘', '’', '“', '”']);
const CURRENCY = new Set(['£', '€']);
const OTHER_COMMON_PUNCTUATION = new Set(['…', '•', '°', '±', '·', '½', '¼', '¾', '®', '©', '™', '§']);
const NEUTRAL_SYMBOLS = new Set(['«', '»', '¿', '¡', '¢']);
const COMMON_LETTERS = new Set([...'éèêëàâäáãåçñöôòóõøüûùúïîìíÿæœßÉÖÜ']);

const isLetter = (char: string | undefined): boolean => char !== undefined && /^\p{L}$/u.test(char);
const isLowerCase = (char: string | undefined): boolean => char !== undefined && /^\p{Ll}$/u.test(char);
const isSpaceOrDigit = (char: string | undefined): boolean =>
  char === undefined || /^[\s\d]$/.test(char) || char === '\u00a0';

/** How plausible a character is where it stands; positive is likely, negative unlikely. */
function characterScore(char: string, previous: string | undefined, next: string | undefined): number {
  const code = char.charCodeAt(0);
  if (char === '\uFFFD' || (code >= 0x80 && code <= 0x9f) || code < 0x20) return -10;
  if (char === '\u00a0') return 1;
  if (DASHES.has(char)) return 2 + (isSpaceOrDigit(previous) || isSpaceOrDigit(next) ? 1 : 0);
  if (QUOTES.has(char)) return 2 + (isLetter(previous) || isLetter(next) ? 1 : 0);
  if (CURRENCY.has(char)) return 2 + (next !== undefined && /^\d$/.test(next) ? 1 : -1);
  if (OTHER_COMMON_PUNCTUATION.has(char)) return 2;
  if (NEUTRAL_SYMBOLS.has(char)) return 0;
  if (/^\p{L}$/u.test(char)) {
    const base = COMMON_LETTERS.has(char) ? 1 : -2;
    const inWord = isLetter(previous) || isLetter(next) ? 1 : -3;
    const caseClash = char !== char.toLowerCase() && isLowerCase(previous) ? -1 : 0;
    return base + inWord + caseClash;
  }
  return -1;
}

/** Scores one reading of a run of non-ASCII bytes between its ASCII neighbours. */
export function scoreReading(run: string, previous: string | undefined, next: string | undefined): number {
  let score = 0;
  for (let index = 0; index < run.length; index += 1) {
    const before = index === 0 ? previous : run[index - 1];
    const after = index === run.length - 1 ? next : run[index + 1];
    score += characterScore(run.charAt(index), before, after);
  }
  return score;
}
