import { foldToAscii } from '../bacs18';

/**
 * Fits free text to one of HMRC's RTI character sets: accents folded
 * (Zoë → Zoe), curly apostrophes straightened, any other character outside
 * `allowed` turned into a space, spaces collapsed, leading characters that may
 * not start the field dropped, and the result cut to `maxLength`.
 */
function fitToCharset(value: string, allowed: RegExp, mayStart: RegExp, maxLength: number): string {
  const folded = foldToAscii(value).replace(/[\u2018\u2019\u02bc`]/g, "'");
  let text = [...folded].map((char) => (allowed.test(char) ? char : ' ')).join('');
  text = text.replace(/ {2,}/g, ' ').trim();
  while (text.length > 0 && !mayStart.test(text.charAt(0))) text = text.slice(1).trimStart();
  return text.slice(0, maxLength).trimEnd();
}

/** Forenames and surnames (CharsetD: letters, space, hyphen, apostrophe; starting with a letter; 35). */
export const toRtiName = (value: string): string => fitToCharset(value, /[A-Za-z '-]/, /[A-Za-z]/, 35);

/** Titles (CharsetH: letters, hyphen, space, full stop, apostrophe; 35). */
export const toRtiTitle = (value: string): string => fitToCharset(value, /[A-Za-z '.-]/, /[A-Za-z]/, 35);

/** Initials: letters and spaces, at most five. */
export const toRtiInitials = (value: string): string => fitToCharset(value, /[A-Za-z ]/, /[A-Za-z]/, 5);

const CHARSET_G = /[A-Za-z0-9 .,\-()/=!"%&*;<>'+:?]/;

/** Address lines (CharsetG, starting with a letter or digit; 35). */
export const toRtiAddressLine = (value: string): string => fitToCharset(value, CHARSET_G, /[A-Za-z0-9]/, 35);

/** Foreign country names (CharsetG, starting with a letter; 35). */
export const toRtiCountry = (value: string): string => fitToCharset(value, CHARSET_G, /[A-Za-z]/, 35);

/** UK postcodes (CharsetB: letters, digits, space; 10), upper-cased. */
export const toRtiPostcode = (value: string): string =>
  fitToCharset(value.toUpperCase(), /[A-Za-z0-9 ]/, /[A-Za-z0-9]/, 10);
