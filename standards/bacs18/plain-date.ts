import { invalid } from '../../kernel/errors';

/** A calendar date with no time or zone, written as ISO 8601 `YYYY-MM-DD`. */
export type PlainDate = string;

export type DateParts = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Reads `YYYY-MM-DD`, refusing impossible dates such as 2025-02-29 rather than rolling them over. */
export function parsePlainDate(value: string, path = 'date'): DateParts {
  const match = ISO_DATE.exec(value);
  const parts = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : undefined;
  if (!parts || formatDateParts(fromEpochDay(toEpochDay(parts))) !== value) {
    throw invalid('date.invalid', `${path} must be a real calendar date written YYYY-MM-DD, got "${value}"`, [
      { path, rule: 'iso-date', message: `"${value}" is not a calendar date in the form YYYY-MM-DD` },
    ]);
  }
  return parts;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days since 1970-01-01; the arithmetic is done on UTC midnight so no zone or DST can shift a day. */
export function toEpochDay(parts: DateParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): DateParts {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function formatDateParts(parts: DateParts): PlainDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return formatDateParts(fromEpochDay(toEpochDay(parsePlainDate(date)) + days));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return (((toEpochDay(parsePlainDate(date)) + 4) % 7) + 7) % 7;
}

/** 1 for 1 January … 365 (366 in a leap year) for 31 December. */
export function dayOfYear(parts: DateParts): number {
  return toEpochDay(parts) - toEpochDay({ year: parts.year, month: 1, day: 1 }) + 1;
}
