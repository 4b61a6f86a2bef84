import type { IsoDate } from '../values';
import { type Parsed, parsed, refused } from './result';

/** Whether "04/05/2020" is the 4th of May (UK, day first) or April 5th (US, month first). */
export type DateOrder = 'day-first' | 'month-first';

export type DateOrderDecision = {
  order: DateOrder;
  /**
   * day-above-12 / month-above-12: some value settles it ("30/04/2020", "4/30/2020");
   * conflicting: values point both ways and the majority won (the others are rejected);
   * clustering: no value settles it, but one reading puts the dates in fewer months;
   * assumed: nothing settles it, so the UK order is assumed;
   * no-numeric-dates: no value is written with numbers alone (05-Apr-20, ISO), so order does not arise;
   * given: the caller said so.
   */
  evidence:
    | 'day-above-12'
    | 'month-above-12'
    | 'conflicting'
    | 'clustering'
    | 'assumed'
    | 'no-numeric-dates'
    | 'given';
  dayFirstValues: number;
  monthFirstValues: number;
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const TIME = String.raw`(?:[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*([A-Za-z]{3,9})\.?[\s\-/.,]*(\d{4}|\d{2})${TIME}$`,
);
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_SERIAL = /^\d{2,7}(?:\.\d+)?$/;

/** Years outside this range are typing errors, not dates in an NHS extract. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;
/** Excel's own two-digit-year rule: 00–29 are 2000s, 30–99 are 1900s. */
const TWO_DIGIT_YEAR_PIVOT = 30;
/** Excel serial 61 is 1 March 1900; lower serials are distorted by Excel's fictitious 29 Feb 1900. */
const FIRST_RELIABLE_SERIAL = 61;
const LAST_EXCEL_SERIAL = 2_958_465;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? 2000 + year : 1900 + year;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarDate(year: number, month: number, day: number, raw: string): Parsed<IsoDate> {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return refused('date-range', `"${raw}" has year ${year}, outside ${EARLIEST_YEAR}–${LATEST_YEAR}`);
  }
  if (month < 1 || month > 12) return refused('date-invalid', `"${raw}" has no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return refused('date-invalid', `"${raw}" is not a calendar date (day ${day} of month ${month})`);
  }
  return parsed(`${pad(year, 4)}-${pad(month)}-${pad(day)}` as IsoDate);
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

export function excelSerialDate(serial: number, raw: string): Parsed<IsoDate> {
  if (serial < FIRST_RELIABLE_SERIAL || serial > LAST_EXCEL_SERIAL) {
    return refused('date-range', `"${raw}" is outside the range of Excel dates this import reads`);
  }
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return calendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), raw);
}

export type DateParseOptions = {
  order: DateOrder;
  /** Bare numbers are Excel serial dates only in workbooks; in CSV they are refused. */
  excelSerials: boolean;
};

/**
 * Reads the date formats found in NHS extracts: 30/04/2020, 4/30/2020 (by the
 * file's order), 05-Apr-20, 5 April 2020, April 5, 2020, ISO 2020-04-30 (with
 * or without a time), 20200430 and, in workbooks, Excel serial numbers.
 */
export function parseDate(rawInput: string, options: DateParseOptions): Parsed<IsoDate> {
  const raw = rawInput.trim();
  let match = NUMERIC.exec(raw);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const [day, month] = options.order === 'day-first' ? [first, second] : [second, first];
    if (month > 12 && day <= 12) {
      return refused(
        'date-order-conflict',
        `"${raw}" cannot be read in this file's ${options.order} date order (it would be month ${month})`,
      );
    }
    return calendarDate(fullYear(match[3] ?? ''), month, day, raw);
  }
  match = ISO.exec(raw);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), raw);
  match = DAY_MONTH_NAME.exec(raw);
  if (match) {
    const month = monthNumber(match[2] ?? '');
    if (month !== undefined) return calendarDate(fullYear(match[3] ?? ''), month, Number(match[1]), raw);
  }
  match = MONTH_NAME_DAY.exec(raw);
  if (match) {
    const month = monthNumber(match[1] ?? '');
    if (month !== undefined) return calendarDate(Number(match[3]), month, Number(match[2]), raw);
  }
  match = COMPACT.exec(raw);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), raw);
  if (options.excelSerials && EXCEL_SERIAL.test(raw)) return excelSerialDate(Number(raw), raw);
  if (raw === '') return refused('date-format', 'the date is empty');
  return refused('date-format', `"${raw}" is not a date in a recognised format`);
}

/** The two numbers of a numeric date, whatever their order: the only dates whose order is in doubt. */
export function numericDateParts(raw: string): { first: number; second: number; year: number } | null {
  const match = NUMERIC.exec(raw.trim());
  if (!match) return null;
  return { first: Number(match[1]), second: Number(match[2]), year: fullYear(match[3] ?? '') };
}

/**
 * Decides a file's date order from its distinct values: any first number above 12
 * means day first, any second number above 12 means month first. When no
 * value settles it, the reading that puts the dates into fewer distinct months
 * wins (spend files cover one month), and otherwise the UK order is assumed.
 */
export function detectDateOrder(values: Iterable<string>): DateOrderDecision {
  let dayFirstValues = 0;
  let monthFirstValues = 0;
  const monthsIfDayFirst = new Set<string>();
  const monthsIfMonthFirst = new Set<string>();
  let numericValues = 0;
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) continue;
    seen.add(value);
    const parts = numericDateParts(value);
    if (!parts) continue;
    numericValues += 1;
    if (parts.first > 12 && parts.second <= 12) dayFirstValues += 1;
    else if (parts.second > 12 && parts.first <= 12) monthFirstValues += 1;
    else if (parts.first <= 12 && parts.second <= 12) {
      monthsIfDayFirst.add(`${parts.year}-${parts.second}`);
      monthsIfMonthFirst.add(`${parts.year}-${parts.first}`);
    }
  }
  const counts = { dayFirstValues, monthFirstValues };
  if (numericValues === 0) return { order: 'day-first', evidence: 'no-numeric-dates', ...counts };
  if (dayFirstValues > 0 && monthFirstValues > 0) {
    return {
      order: monthFirstValues > dayFirstValues ? 'month-first' : 'day-first',
      evidence: 'conflicting',
      ...counts,
    };
  }
  if (dayFirstValues > 0) return { order: 'day-first', evidence: 'day-above-12', ...counts };
  if (monthFirstValues > 0) return { order: 'month-first', evidence: 'month-above-12', ...counts };
  if (monthsIfMonthFirst.size < monthsIfDayFirst.size) {
    return { order: 'month-first', evidence: 'clustering', ...counts };
  }
  if (monthsIfDayFirst.size < monthsIfMonthFirst.size)
    return { order: 'day-first', evidence: 'clustering', ...counts };
  return { order: 'day-first', evidence: 'assumed', ...counts };
}
