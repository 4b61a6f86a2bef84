/**
 * Check-digit algorithms of the identifier schemes PEPPOL verifies, written to give the same
 * answer as the schematron's functions on every input (including odd ones).
 */
import { stringLength, substring, translate } from '../../xpath/values';

const digitValue = (char: string | undefined) => (char === undefined ? Number.NaN : char.charCodeAt(0) - 48);
const isDigits = (text: string) => /^[0-9]+$/.test(text);

/** u:gln: GS1 mod-10 check digit over any length (weights 3,1,3,… from the right). */
export function glnCheckDigitValid(value: string): boolean {
  const chars = Array.from(value);
  const body = chars.slice(0, -1).reverse();
  let sum = 0;
  for (const [index, char] of body.entries()) sum += digitValue(char) * (index % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === digitValue(chars.at(-1));
}

/** u:mod11 (Norwegian organisation numbers, 0192): weights 2…7 from the right. */
export function mod11Valid(value: string): boolean {
  const chars = Array.from(value);
  const body = chars.slice(0, -1).reverse();
  let sum = 0;
  for (const [index, char] of body.entries()) sum += digitValue(char) * ((index % 6) + 2);
  return isDigits(value) && Number(value) > 0 && (11 - (sum % 11)) % 11 === digitValue(chars.at(-1));
}

/** u:mod97-0208 (Belgian enterprise numbers): the last two digits are 97 − (first eight mod 97). */
export function belgianMod97Valid(value: string): boolean {
  const head = substring(value, 1, 8);
  if (!/^\s*[+-]?[0-9]+\s*$/.test(head)) return false;
  return Number(substring(value, 9, 2)) === 97 - (Number(head.trim()) % 97);
}

/** u:abn (Australian Business Number): weighted sum with the first digit less one, mod 89. */
export function abnValid(value: string): boolean {
  const weights = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = 0;
  for (const [index, weight] of weights.entries()) {
    const digit = digitValue(substring(value, index + 1, 1) || undefined);
    sum += (index === 0 ? digit - 1 : digit) * weight;
  }
  return sum % 89 === 0;
}

/** u:checkSEOrgnr (Swedish organisation numbers, 0007): Luhn over the first nine digits. */
export function swedishOrganisationNumberValid(value: string): boolean {
  if (!/^\d+$/.test(value)) return false;
  const main = substring(value, 1, 9);
  let sum = 0;
  for (let position = 1; position <= main.length; position++) {
    const digit = digitValue(main[main.length - position]);
    sum += position % 2 === 1 ? ((digit * 2) % 10) + Math.floor((digit * 2) / 10) : digit;
  }
  return (10 - (sum % 10)) % 10 === Number(substring(value, 10, 1) || Number.NaN);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const integerText = (text: string) => /^[ \t\n\r]*[+-]?[0-9]+[ \t\n\r]*$/.test(text);
const onlyFrom = (text: string, allowed: string) => stringLength(translate(text, allowed, '')) === 0;

/** u:checkCodiceIPA (Italian public administration code, 0201): six letters or digits. */
export function italianIpaCodeValid(value: string): boolean {
  return onlyFrom(value, `${LETTERS}0123456789`) && stringLength(value) === 6;
}

/** u:checkCF (Italian fiscal code, 0210/9907): 16 characters in the personal pattern, or 11 digits. */
export function italianFiscalCodeValid(value: string): boolean {
  const length = stringLength(value);
  if (length === 11) return integerText(value);
  if (length !== 16) return false;
  return (
    onlyFrom(substring(value, 1, 6), LETTERS) &&
    integerText(substring(value, 7, 2)) &&
    onlyFrom(substring(value, 9, 1), LETTERS) &&
    integerText(substring(value, 10, 2)) &&
    integerText(substring(value, 15, 1)) &&
    onlyFrom(substring(value, 16, 1), LETTERS)
  );
}

/** u:checkPIVAseIT (Italian VAT number, 0211): IT + 11 digits with the Luhn-style check, other prefixes pass. */
export function italianVatNumberValid(value: string): boolean {
  const country = substring(value, 1, 2);
  if (country !== 'IT' && country !== 'it') return true;
  const code = substring(value, 3);
  if (stringLength(code) !== 11 || !integerText(code) || !isDigits(code)) return false;
  let sum = 0;
  for (const [index, char] of Array.from(code).entries()) {
    const digit = digitValue(char);
    sum += index % 2 === 1 ? digitValue('0246813579'[digit]) : digit;
  }
  return sum % 10 === 0;
}

/** u:TinVerification (Greek tax identification number): weighted powers of two, mod 11 mod 10. */
export function greekTinValid(value: string): boolean {
  const chars = Array.from(value);
  const digit = (char: string | undefined) =>
    char !== undefined && /^[0-9]$/.test(char) ? Number(char) : Number.NaN;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += digit(chars[index]) * 2 ** (8 - index);
  return (sum % 11) % 10 === digit(chars[8]);
}
