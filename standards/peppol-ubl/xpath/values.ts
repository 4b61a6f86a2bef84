/**
 * The XPath 2.0 casts and string functions the official rules use, with their exact lexical
 * rules, so that hand-written checks see values the way the reference implementation does.
 */
import { compare, type Decimal, parseDecimal } from './decimal';

export function normalizeSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let clean = true;
  for (let index = start; index < end && clean; index++) {
    const code = text.charCodeAt(index);
    if (
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      (code === 0x20 && text.charCodeAt(index + 1) === 0x20)
    )
      clean = false;
  }
  const trimmed = start === 0 && end === text.length ? text : text.slice(start, end);
  return clean ? trimmed : trimmed.replace(/[ \t\n\r]+/g, ' ');
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** An xs:double value held exactly: a decimal, or one of the special values. */
export type XsNumber = Decimal | 'NaN' | 'INF' | '-INF';

const doubleLexical = /^[ \t\n\r]*([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?[ \t\n\r]*$/;

/** Casts text to xs:double; undefined when not castable (the reference would raise an error). */
export function castDouble(text: string): XsNumber | undefined {
  const plain = parseDecimal(text);
  if (plain !== undefined) return plain;
  const trimmed = text.trim();
  if (trimmed === 'NaN') return 'NaN';
  if (trimmed === 'INF' || trimmed === '+INF') return 'INF';
  if (trimmed === '-INF') return '-INF';
  const match = doubleLexical.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  if (whole === '' && fraction === '') return undefined;
  const exponent = exponentText === undefined ? 0 : Number.parseInt(exponentText, 10);
  if (Math.abs(exponent) > 400)
    return exponent > 0 ? (sign === '-' ? '-INF' : 'INF') : { coefficient: 0n, scale: 0 };
  const digits = BigInt(`${whole}${fraction}` || '0');
  const coefficient = sign === '-' ? -digits : digits;
  const scale = fraction.length - exponent;
  return scale >= 0 ? { coefficient, scale } : { coefficient: coefficient * 10n ** BigInt(-scale), scale: 0 };
}

/** XPath fn:number(): NaN when the text is not a number. */
export function xpathNumber(text: string): XsNumber {
  return castDouble(text) ?? 'NaN';
}

export function isNaNNumber(value: XsNumber | undefined): boolean {
  return value === undefined || value === 'NaN';
}

/** Compares two numbers as XPath does: undefined when either is NaN (every comparison is then false). */
export function compareNumbers(a: XsNumber, b: XsNumber): number | undefined {
  if (a === 'NaN' || b === 'NaN') return undefined;
  const rank = (value: XsNumber) => (value === 'INF' ? 1 : value === '-INF' ? -1 : 0);
  if (rank(a) !== 0 || rank(b) !== 0) return Math.sign(rank(a) - rank(b));
  return compare(a as Decimal, b as Decimal);
}

/**
 * `untyped OP number` for a node's text, as a general comparison does it: the text is cast to
 * xs:double; false when it is not castable or NaN.
 */
export function textComparesTo(
  text: string,
  operator: '<' | '<=' | '=' | '!=' | '>=' | '>',
  value: Decimal,
): boolean {
  const number = castDouble(text);
  if (number === undefined) return false;
  const order = compareNumbers(number, value);
  if (order === undefined) return operator === '!=';
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
  }
}

/** Casts text to xs:boolean; undefined when not castable. */
export function castBoolean(text: string): boolean | undefined {
  const trimmed = normalizeSpace(text);
  if (trimmed === 'true' || trimmed === '1') return true;
  if (trimmed === 'false' || trimmed === '0') return false;
  return undefined;
}

export type XsDate = { readonly year: number; readonly month: number; readonly day: number };

const dateLexical =
  /^[ \t\n\r]*(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?[ \t\n\r]*$/;

/** Casts text to xs:date (time zone accepted and ignored); undefined when not castable. */
export function castDate(text: string): XsDate | undefined {
  const match = dateLexical.exec(text);
  if (match === null) return undefined;
  const yearText = match[1] ?? '';
  if (
    /^-?0{4,}$/.test(yearText) ||
    (yearText.replace('-', '').length > 4 && yearText.replace('-', '').startsWith('0'))
  ) {
    return undefined;
  }
  const year = Number.parseInt(yearText, 10);
  const month = Number.parseInt(match[2] ?? '', 10);
  const day = Number.parseInt(match[3] ?? '', 10);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function compareDates(a: XsDate, b: XsDate): number {
  return Math.sign(a.year - b.year || a.month - b.month || a.day - b.day);
}

/** XPath substring() with its 1-based, rounding position semantics (integer arguments only). */
export function substring(text: string, start: number, length?: number): string {
  const from = Math.max(start, 1);
  const to = length === undefined ? Number.POSITIVE_INFINITY : start + length;
  if (to <= from) return '';
  // Without surrogate pairs, characters and UTF-16 code units coincide.
  if (!/[\uD800-\uDFFF]/.test(text)) return text.slice(from - 1, to - 1);
  return Array.from(text)
    .slice(from - 1, to - 1)
    .join('');
}

export function substringAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  return at === -1 ? '' : text.slice(at + marker.length);
}

export function substringBefore(text: string, marker: string): string {
  const at = text.indexOf(marker);
  return at === -1 ? '' : text.slice(0, at);
}

/** XPath string-length(): characters, not UTF-16 code units. */
export function stringLength(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) length++;
  }
  return length;
}

/** XPath translate(): each character of `from` becomes the same-position character of `to`, or is removed. */
export function translate(text: string, from: string, to: string): string {
  let result = '';
  for (const char of text) {
    const at = from.indexOf(char);
    if (at === -1) result += char;
    else if (at < to.length) result += to[at];
  }
  return result;
}

/** Number of digits after the decimal point in the text: string-length(substring-after(., '.')). */
export function fractionDigits(text: string): number {
  return stringLength(substringAfter(text, '.'));
}
