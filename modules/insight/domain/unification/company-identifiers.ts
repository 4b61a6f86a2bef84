/**
 * Companies House and VAT registration numbers, normalised so the same number
 * written differently ("1234567", "01234567"; "GB 123 4567 89", "123456789")
 * compares equal, and checked so that a mistyped number is not trusted.
 */
export type IdentifierCheck = { valid: true; value: string } | { valid: false; reason: string };

/** 8 digits, or 2 letters and 6 digits (SC, NI, OC, LP…), or R and 7 digits (pre-1992 Northern Ireland). */
const companyNumberPattern = /^(?:\d{8}|[A-Z]{2}\d{6}|R\d{7})$/;

export function checkCompanyNumber(raw: string): IdentifierCheck {
  let value = raw.replace(/\s+/g, '').toUpperCase();
  // spreadsheets drop the leading zeros of all-digit numbers
  if (/^\d{1,7}$/.test(value)) value = value.padStart(8, '0');
  if (!companyNumberPattern.test(value)) {
    return {
      valid: false,
      reason: `"${raw}" is not a Companies House number (8 digits, or 2 letters and 6 digits)`,
    };
  }
  if (/^0+$/.test(value)) return { valid: false, reason: `"${raw}" is all zeros` };
  return { valid: true, value };
}

/**
 * UK VAT: 9 digits (a 3-digit branch suffix is dropped, since branches belong
 * to one registration) whose weighted sum passes HMRC's modulus-97 check in
 * either the original or the 9755 scheme; or GD/HA and 3 digits for government
 * departments and health authorities.
 */
export function checkVatNumber(raw: string): IdentifierCheck {
  const value = raw
    .replace(/[\s.-]+/g, '')
    .toUpperCase()
    .replace(/^GB/, '');
  if (/^(?:GD|HA)\d{3}$/.test(value)) return { valid: true, value };
  if (!/^\d{9}(?:\d{3})?$/.test(value)) {
    return { valid: false, reason: `"${raw}" is not a UK VAT number (GB and 9 digits)` };
  }
  const digits = value.slice(0, 9);
  let total = 0;
  for (let index = 0; index < 7; index++) total += Number(digits[index]) * (8 - index);
  total += Number(digits.slice(7, 9));
  if (total % 97 !== 0 && (total + 55) % 97 !== 0) {
    return { valid: false, reason: `"${raw}" fails the VAT number check digits` };
  }
  return { valid: true, value: digits };
}
