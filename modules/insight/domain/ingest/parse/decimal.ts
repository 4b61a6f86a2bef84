import { type Pence, roundHalfUp } from '../../../../../kernel/money';
import type { DecimalText } from '../values';
import { type Parsed, parsed, refused } from './result';

const DECIMAL = /^([+-])?(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

function canonical(negative: boolean, whole: string, fraction: string): DecimalText {
  const integerPart = whole.replace(/^0+(?=\d)/, '') || '0';
  const fractionPart = fraction.replace(/0+$/, '');
  const isZero = /^0$/.test(integerPart) && fractionPart === '';
  const sign = negative && !isZero ? '-' : '';
  return `${sign}${integerPart}${fractionPart ? `.${fractionPart}` : ''}` as DecimalText;
}

/** "1,250.50", "(3)", ".5", "-0.0125" → an exact canonical decimal; refuses anything else. */
export function parseDecimal(raw: string): Parsed<DecimalText> {
  let text = raw.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1);
  }
  const match = DECIMAL.exec(text);
  if (!match || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) {
    return refused('decimal-format', `"${raw.trim()}" is not a number`);
  }
  if (match[1] === '-') negative = !negative;
  return parsed(canonical(negative, (match[2] ?? '').replaceAll(',', ''), match[3] ?? ''));
}

/** A whole number, also when a spreadsheet wrote it as "12.0". */
export function parseInteger(raw: string, range?: readonly [number, number]): Parsed<number> {
  const decimal = parseDecimal(raw);
  if (!decimal.ok || decimal.value.includes('.')) {
    return refused('integer-format', `"${raw.trim()}" is not a whole number`);
  }
  const value = Number(decimal.value);
  if (!Number.isSafeInteger(value)) return refused('integer-format', `"${raw.trim()}" is too large`);
  if (range && (value < range[0] || value > range[1])) {
    return refused('integer-range', `${value} is outside ${range[0]}–${range[1]}`);
  }
  return parsed(value);
}

export type ScaledDecimal = { units: bigint; scale: number };

export function scaled(value: DecimalText): ScaledDecimal {
  const [whole = '0', fraction = ''] = value.split('.');
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length };
}

function fromScaled({ units, scale }: ScaledDecimal): DecimalText {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return canonical(negative, digits.slice(0, digits.length - scale), digits.slice(digits.length - scale));
}

export function subtractDecimals(left: DecimalText, right: DecimalText): DecimalText {
  const a = scaled(left);
  const b = scaled(right);
  const scale = Math.max(a.scale, b.scale);
  const align = (value: ScaledDecimal) => value.units * 10n ** BigInt(scale - value.scale);
  return fromScaled({ units: align(a) - align(b), scale });
}

export function multiplyDecimals(left: DecimalText, right: DecimalText): DecimalText {
  const a = scaled(left);
  const b = scaled(right);
  return fromScaled({ units: a.units * b.units, scale: a.scale + b.scale });
}

/** A quantity times a unit price in pounds, to the nearest penny (half away from zero). */
export function poundsProductToPence(quantity: DecimalText, unitPricePounds: DecimalText): Pence {
  const a = scaled(quantity);
  const b = scaled(unitPricePounds);
  return roundHalfUp(a.units * b.units * 100n, 10n ** BigInt(a.scale + b.scale)) as Pence;
}

export function decimalFromInteger(value: number): DecimalText {
  return canonical(value < 0, String(Math.abs(value)), '');
}
