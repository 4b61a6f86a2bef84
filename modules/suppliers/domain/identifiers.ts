import { validateGln } from '../../../standards/gs1';
import { isPeppolEasCode } from '../../../standards/peppol-ubl';

/**
 * The identifiers a supplier is known by, normalised so that the same number
 * written differently ("GB 999 9999 73", "999999973") compares equal, and
 * checked so that a mistyped number is refused rather than trusted.
 */
export type IdentifierCheck = { ok: true; value: string } | { ok: false; rule: string; message: string };

const refuse = (rule: string, message: string): IdentifierCheck => ({ ok: false, rule, message });

/**
 * HMRC's VAT check: weights 8…2 on the first seven digits, plus the last two
 * digits, must leave 0 modulo 97 (the original scheme) or 0 after adding 55
 * (the "9755" scheme issued from 2010).
 */
function passesVatModulus(nineDigits: string): boolean {
  const weighted = [...nineDigits.slice(0, 7)].reduce(
    (total, digit, index) => total + Number(digit) * (8 - index),
    0,
  );
  const total = weighted + Number(nineDigits.slice(7));
  return total % 97 === 0 || (total + 55) % 97 === 0;
}

/**
 * A UK VAT registration number as "GB" and nine digits (a three-digit branch
 * suffix is dropped: branches share one registration), or GBGD/GBHA and three
 * digits for government departments and health authorities.
 */
export function checkUkVatNumber(raw: string): IdentifierCheck {
  const compact = raw.replace(/[\s.-]/g, '').toUpperCase();
  const body = compact.startsWith('GB') ? compact.slice(2) : compact;
  if (/^(GD|HA)\d{3}$/.test(body)) return { ok: true, value: `GB${body}` };
  if (!/^\d{9}(\d{3})?$/.test(body)) {
    return refuse(
      'vat-number-format',
      `"${raw}" is not a UK VAT number: GB followed by 9 digits (or 12 with a branch suffix)`,
    );
  }
  const registration = body.slice(0, 9);
  if (!passesVatModulus(registration)) {
    return refuse('vat-number-check-digits', `"${raw}" fails the VAT number check (modulus 97)`);
  }
  return { ok: true, value: `GB${registration}` };
}

/** Companies House: 8 digits (leading zeros restored), or 2 letters and 6 digits (SC, NI, OC…). */
export function checkCompaniesHouseNumber(raw: string): IdentifierCheck {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  const value = /^\d{1,7}$/.test(compact) ? compact.padStart(8, '0') : compact;
  if (!/^(\d{8}|[A-Z]{2}\d{6})$/.test(value) || /^0{8}$/.test(value)) {
    return refuse(
      'companies-house-number-format',
      `"${raw}" is not a Companies House number: 8 digits, or 2 letters and 6 digits`,
    );
  }
  return { ok: true, value };
}

export function checkGln(raw: string): IdentifierCheck {
  const check = validateGln(raw.trim());
  return check.valid ? { ok: true, value: check.value } : refuse(`gln-${check.fault}`, check.message);
}

/**
 * A PEPPOL participant identifier: an electronic address scheme (EAS) code and
 * the identifier under it. Schemes with a checkable structure are checked —
 * 0088 (GS1 GLN), 9932 (UK VAT), 0060 (D-U-N-S) — others must be a known EAS
 * code with a plain identifier.
 */
export function checkPeppolParticipant(scheme: string, raw: string): IdentifierCheck {
  const id = raw.trim();
  if (!/^\d{4}$/.test(scheme) || !isPeppolEasCode(scheme)) {
    return refuse('peppol-scheme-known', `${scheme} is not a PEPPOL electronic address scheme (EAS) code`);
  }
  switch (scheme) {
    case '0088':
      return checkGln(id);
    case '9932':
      return checkUkVatNumber(id);
    case '0060':
      return /^\d{9}$/.test(id)
        ? { ok: true, value: id }
        : refuse('duns-format', `"${raw}" is not a D-U-N-S number (9 digits)`);
    default:
      return id.length > 0 && id.length <= 50 && !/\s/.test(id)
        ? { ok: true, value: id }
        : refuse('peppol-identifier-format', 'A participant identifier is 1–50 characters without spaces');
  }
}

/** The form identifiers are compared in when looking a supplier up: never refuses, so a lookup of a bad number finds nothing. */
export function lookupForm(kind: 'vat' | 'companies-house' | 'gln', raw: string): string {
  const check =
    kind === 'vat'
      ? checkUkVatNumber(raw)
      : kind === 'companies-house'
        ? checkCompaniesHouseNumber(raw)
        : checkGln(raw);
  return check.ok ? check.value : raw.replace(/\s/g, '').toUpperCase();
}
