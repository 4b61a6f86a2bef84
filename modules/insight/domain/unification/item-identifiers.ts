import { lookupGs1Prefix, validateGtin } from '../../../../standards/gs1';

/**
 * The identifiers on a catalogue line, made comparable across organisations:
 * GTINs checked (GS1 check digit) and reduced to the item they identify
 * whatever the pack level, part codes and supplier codes stripped of the
 * punctuation and "REF" prefixes that vary from one system to the next.
 */
export type GtinReading =
  | { kind: 'none' }
  | { kind: 'gtin'; gtin14: string; family: string }
  | { kind: 'refused'; message: string };

const globallyUnique = new Map<string, boolean>();

/** The prefix table lookup is memoised on the seven digits that decide it. */
function isGloballyUnique(gtin14: string, raw: string): boolean {
  const key = raw.length === 8 ? `8:${raw.slice(0, 3)}` : gtin14.slice(1, 8);
  let known = globallyUnique.get(key);
  if (known === undefined) {
    known = lookupGs1Prefix(raw.length === 8 ? raw : gtin14).globallyUnique;
    globallyUnique.set(key, known);
  }
  return known;
}

/**
 * A GTIN's family is its 12 digits between the packaging indicator and the
 * check digit: by the usual GS1 practice a box's GTIN-14 is the unit's GTIN-13
 * behind an indicator digit, so both name one product at two pack levels.
 */
export function readGtin(raw: string): GtinReading {
  if (raw === '') return { kind: 'none' };
  const digits = /^\d+$/.test(raw) ? raw : raw.replace(/[\s-]/g, '');
  if (digits === '') return { kind: 'none' };
  const check = validateGtin(digits);
  if (!check.valid) return { kind: 'refused', message: check.message };
  if (!isGloballyUnique(check.gtin14, digits)) {
    return {
      kind: 'refused',
      message: `${digits} is a restricted-circulation or special GTIN, not the same product everywhere`,
    };
  }
  return { kind: 'gtin', gtin14: check.gtin14, family: check.gtin14.slice(1, 13) };
}

const codePrefix = /^(?:ref|cat(?:alogue)?(?:\s*no)?|code|part\s*no|p\/n|mpc)(?![a-z])[.:#\s-]*/i;

/** "REF 302-149", "302149", "ref302149" → "302149"; all-digit codes lose leading zeros. Too short to trust → "". */
export function normalisePartCode(raw: string): string {
  if (raw === '') return '';
  const code = raw
    .trim()
    .replace(codePrefix, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const trimmed = /^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code;
  return trimmed.length >= 3 ? trimmed : '';
}
