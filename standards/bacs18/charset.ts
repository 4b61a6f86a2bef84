/** Characters every Bacs-approved bank accepts in Standard 18 text fields. */
export const BACS_PERMITTED_CHARACTERS = /^[A-Z0-9 .&/-]*$/;

/** Letters that Unicode decomposition does not split into a base letter plus accent. */
const LETTER_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

const COMBINING_MARKS = /\p{M}/gu;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;

/**
 * Folds text to plain ASCII letters where a letter has an obvious unaccented
 * spelling (é → e, ß → ss, Ø → O); other characters are left for the caller's
 * own character-set rule.
 */
export function foldToAscii(value: string): string {
  if (PRINTABLE_ASCII.test(value)) return value;
  return value
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

/**
 * The transliteration rule for Standard 18 names and references: fold accents
 * (José → JOSE), upper-case, drop apostrophes (O'Brien → OBRIEN, as banks
 * match names without them), turn any other character outside
 * A-Z 0-9 space . & / - into a space, then collapse runs of spaces and trim.
 */
export function toBacsText(value: string): string {
  return foldToAscii(value)
    .toUpperCase()
    .replace(APOSTROPHES, '')
    .replace(/[^A-Z0-9 .&/-]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Bacs name fields are 18 characters; longer names are cut at 18 (and any cut-off trailing space dropped). */
export function toBacsName(value: string, width = 18): string {
  return toBacsText(value).slice(0, width).trimEnd();
}
