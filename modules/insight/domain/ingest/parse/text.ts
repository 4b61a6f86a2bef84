const SPACE = 0x20;

/**
 * Printable ASCII with single inner spaces and nothing to trim: the common
 * case, left untouched. A plain loop, because this runs for every cell.
 */
function isAlreadyClean(text: string): boolean {
  const length = text.length;
  if (length === 0 || text.charCodeAt(0) === SPACE || text.charCodeAt(length - 1) === SPACE) return false;
  let previous = 0;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < SPACE || code > 0x7e || (code === SPACE && previous === SPACE)) return false;
    previous = code;
  }
  return true;
}
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CONTROLS = /\p{Cc}/gu;
const WHITESPACE_RUNS = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/**
 * Text as people meant it: no-break and other odd spaces become ordinary
 * spaces, runs of spaces collapse (legacy exports pad names with them),
 * invisible characters go and the ends are trimmed.
 */
export function cleanText(raw: string): string {
  if (isAlreadyClean(raw)) return raw;
  return raw.replace(INVISIBLE, '').replace(WHITESPACE_RUNS, ' ').replace(CONTROLS, '').trim();
}

/** A reference code (VAT number, cost centre): cleaned, upper case, no inner spaces. */
export function cleanCode(raw: string): string {
  return cleanText(raw).replaceAll(' ', '').toUpperCase();
}

/**
 * The key a header or a choice is compared by: lower case, "&" as "and",
 * punctuation and spaces removed, so "Expense Type ", "expense_type" and
 * "ExpenseType" agree.
 */
export function compactKey(raw: string): string {
  return cleanText(raw)
    .toLowerCase()
    .replaceAll('&', 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
