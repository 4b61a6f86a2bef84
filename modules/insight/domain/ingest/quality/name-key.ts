import { cleanText } from '../parse/text';

const LEGAL_FORMS = new Set(['ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'co', 'company', 'the', 'uk']);

/**
 * A rough key under which spelling variants of one organisation's name meet
 * ("Boots UK Ltd", "BOOTS U.K. LIMITED"). It only flags variants for the
 * consistency score; resolving suppliers across organisations is unification's job.
 */
export function nameKey(name: string): string {
  return cleanText(name)
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/(?<=\b\p{L})\.(?=\p{L}\b)/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !LEGAL_FORMS.has(word))
    .join(' ');
}
