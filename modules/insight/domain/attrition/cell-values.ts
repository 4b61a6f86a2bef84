/** How a cell's text is read as a number, a date or "missing" when columns are profiled and encoded. */

const missingTokens = new Set(['', 'na', 'n/a', '#n/a', 'null', 'nan', '-', '--', '?']);

const longestMissingToken = 4;

export function isMissingCell(text: string): boolean {
  if (text.length === 0) return true;
  if (text.length > longestMissingToken && text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32)
    return false;
  return missingTokens.has(text.trim().toLowerCase());
}

const plainNumber = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const groupedNumber = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A number written plainly, with thousands separators, a leading £ or a trailing %; NaN otherwise. */
export function parseNumberCell(text: string): number {
  let value = text.trim();
  if (value.startsWith('£')) value = value.slice(1);
  if (value.endsWith('%')) value = value.slice(0, -1);
  if (plainNumber.test(value)) return Number(value);
  if (groupedNumber.test(value)) return Number(value.replaceAll(',', ''));
  return Number.NaN;
}

export type DayMonthOrder = 'day-first' | 'month-first';

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const slashDate = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?: .*)?$/;
const namedMonthDate = /^(\d{1,2})[- ]([a-z]{3})[a-z]*[- ](\d{2}|\d{4})$/i;

const fullYear = (year: number): number => (year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year);

function daysSinceEpoch(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1) return Number.NaN;
  return time / 86_400_000;
}

/** A date as whole days since 1970-01-01 (ISO, d/m/y or m/d/y by `order`, or 05-Apr-20); NaN otherwise. */
export function parseDateCell(text: string, order: DayMonthOrder = 'day-first'): number {
  const value = text.trim();
  let match = isoDate.exec(value);
  if (match) return daysSinceEpoch(Number(match[1]), Number(match[2]), Number(match[3]));
  match = slashDate.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = fullYear(Number(match[3]));
    return order === 'day-first' ? daysSinceEpoch(year, second, first) : daysSinceEpoch(year, first, second);
  }
  match = namedMonthDate.exec(value);
  if (match) {
    const month = monthNames.indexOf((match[2] ?? '').toLowerCase()) + 1;
    return month === 0 ? Number.NaN : daysSinceEpoch(fullYear(Number(match[3])), month, Number(match[1]));
  }
  return Number.NaN;
}

/**
 * UK extracts write dates day first; a column is read month first only when
 * some value cannot be day-first (a second part above 12) and none needs day-first.
 */
export function detectDayMonthOrder(values: readonly string[]): DayMonthOrder {
  let needsDayFirst = false;
  let needsMonthFirst = false;
  for (const value of values) {
    const match = slashDate.exec(value.trim());
    if (!match) continue;
    if (Number(match[1]) > 12) needsDayFirst = true;
    if (Number(match[2]) > 12) needsMonthFirst = true;
  }
  return needsMonthFirst && !needsDayFirst ? 'month-first' : 'day-first';
}
