import { type Pence, parsePounds } from '../../../../../kernel/money';
import { type Parsed, parsed, refused } from './result';

const CREDIT_SUFFIX = /\s*CR\.?$/i;
const DEBIT_SUFFIX = /\s*DR\.?$/i;

const SPACE = 0x20;
const MINUS = 0x2d;
const COMMA = 0x2c;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
/** Thirteen digits of pounds keep pence within Number's exact integer range. */
const MAX_QUICK_DIGITS = 13;

/**
 * The shapes nearly every row has ("49,521.52 ", "-85,260.00", "61459.03",
 * "77,041") read in one pass without regular expressions; null for anything
 * else, which then goes the long way through the kernel's parsePounds. The
 * two must agree wherever this one answers (a property test checks it).
 */
export function quickPence(text: string): bigint | null {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end -= 1;
  let index = text.charCodeAt(0) === MINUS ? 1 : 0;
  const negative = index === 1;
  let whole = 0;
  let digits = 0;
  let sinceComma = -1;
  for (; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= ZERO && code <= NINE) {
      whole = whole * 10 + (code - ZERO);
      digits += 1;
      if (sinceComma >= 0) sinceComma += 1;
    } else if (code === COMMA) {
      if (digits === 0 || (sinceComma < 0 ? digits > 3 : sinceComma !== 3)) return null;
      sinceComma = 0;
    } else break;
  }
  if (digits === 0 || digits > MAX_QUICK_DIGITS || (sinceComma >= 0 && sinceComma !== 3)) return null;
  let fraction = 0;
  if (index < end) {
    if (text.charCodeAt(index) !== DOT) return null;
    const places = end - index - 1;
    if (places < 1 || places > 2) return null;
    for (index += 1; index < end; index += 1) {
      const code = text.charCodeAt(index);
      if (code < ZERO || code > NINE) return null;
      fraction = fraction * 10 + (code - ZERO);
    }
    if (places === 1) fraction *= 10;
  }
  const value = BigInt(whole * 100 + fraction);
  return negative ? -value : value;
}

/**
 * An amount in pounds as legacy systems print it, into exact pence: what the
 * kernel's parsePounds reads (grouping, £, brackets, trailing minus, spaces)
 * plus "GBP", the Unicode minus sign and ledger "CR"/"DR" suffixes.
 */
export function parseAmount(raw: string): Parsed<Pence> {
  const quick = quickPence(raw);
  if (quick !== null) return parsed(quick as Pence);
  let text = raw.replace(/^\s*GBP\s*/i, '').replaceAll('\u2212', '-');
  let credit = false;
  if (CREDIT_SUFFIX.test(text)) {
    credit = true;
    text = text.replace(CREDIT_SUFFIX, '');
  } else text = text.replace(DEBIT_SUFFIX, '');
  const result = parsePounds(text.replace(/^\s*\+/, ''));
  if (!result.ok) return refused('amount-format', result.reason);
  return parsed((credit ? -result.pence : result.pence) as Pence);
}
