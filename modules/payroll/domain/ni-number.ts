/**
 * National Insurance number: two prefix letters, six digits, a suffix A–D
 * (HMRC NIM39110). D, F, I, Q, U and V are never used in the prefix, O never
 * as its second letter, and BG, GB, KN, NK, NT, TN and ZZ are not allocated.
 * Temporary numbers (TN…) and the administrative ZZ are refused too.
 */
const NOT_FIRST = new Set(['D', 'F', 'I', 'Q', 'U', 'V']);
const NOT_SECOND = new Set(['D', 'F', 'I', 'O', 'Q', 'U', 'V']);
const NOT_PREFIX = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export type NiNumberRead = { ok: true; value: string } | { ok: false; reason: string };

/** Reads "ab 12 34 56 c" as "AB123456C", or says exactly what is wrong with it. */
export function readNiNumber(raw: string): NiNumberRead {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  const match = /^([A-Z])([A-Z])(\d{6})([A-Z])$/.exec(value);
  if (!match)
    return {
      ok: false,
      reason: `"${raw.trim()}" is not in the form AB123456C (two letters, six digits, a letter)`,
    };
  const [, first = '', second = '', , suffix = ''] = match;
  if (NOT_FIRST.has(first)) return { ok: false, reason: `an NI number never starts with ${first}` };
  if (NOT_SECOND.has(second))
    return { ok: false, reason: `the second letter of an NI number is never ${second}` };
  if (NOT_PREFIX.has(first + second))
    return { ok: false, reason: `${first}${second} is not an allocated NI number prefix` };
  if (!['A', 'B', 'C', 'D'].includes(suffix))
    return { ok: false, reason: `the last letter of an NI number is A, B, C or D, not ${suffix}` };
  return { ok: true, value };
}
