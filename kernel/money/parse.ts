import type { Pence } from './pence';

export type ParsedAmount = { ok: true; pence: Pence } | { ok: false; reason: string };

const AMOUNT = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;

/**
 * Reads an amount in pounds as people and legacy systems write it — "£1,234.56",
 * "-49,521.52 ", "(1,234.00)", "1234" — into exact pence. More than two decimal
 * places is refused rather than rounded: a figure that does not fit in pence is
 * a data problem to report, not to hide.
 */
export function parsePounds(raw: string): ParsedAmount {
  let text = raw.replace(/[\s\u00a0]/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.endsWith('-') && !text.startsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  text = text.replace(/^(-?)£/, '$1').replace(/^£(-)/, '$1');
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  }
  if (text === '') return { ok: false, reason: 'amount is empty' };
  const match = AMOUNT.exec(text);
  if (!match || (match[2] === undefined && match[3] === undefined)) {
    return { ok: false, reason: `"${raw.trim()}" is not an amount` };
  }
  const whole = (match[2] ?? '0').replaceAll(',', '');
  const fraction = match[3] ?? '';
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) {
    return { ok: false, reason: `"${raw.trim()}" has more than two decimal places` };
  }
  const penceValue = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return { ok: true, pence: (negative ? -penceValue : penceValue) as Pence };
}
