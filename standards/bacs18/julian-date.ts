import { invalid } from '../../kernel/errors';
import {
  type DateParts,
  dayOfYear,
  formatDateParts,
  fromEpochDay,
  isLeapYear,
  type PlainDate,
  parsePlainDate,
  toEpochDay,
} from './plain-date';

/**
 * Standard 18 writes dates as `bYYDDD`: a space, the last two digits of the
 * year and the day of the year (001-366). Bacs has only carried 21st-century
 * dates in this form, so YY is read as 20YY.
 */
export function toBacsJulianDate(date: PlainDate, path = 'date'): string {
  const parts = parsePlainDate(date, path);
  if (parts.year < 2000 || parts.year > 2099) {
    throw invalid(
      'bacs18.date-out-of-range',
      `${path} ${date} cannot be written as a Bacs date (2000-2099 only)`,
      [{ path, rule: 'bacs-date-range', message: 'Bacs dates carry a two-digit year read as 20YY' }],
    );
  }
  return ` ${String(parts.year % 100).padStart(2, '0')}${String(dayOfYear(parts)).padStart(3, '0')}`;
}

const BACS_JULIAN = /^ (\d{2})(\d{3})$/;

/** Reads ` YYDDD` back to `YYYY-MM-DD`; `undefined` when it is not a real day of that year. */
export function fromBacsJulianDate(value: string): PlainDate | undefined {
  const match = BACS_JULIAN.exec(value);
  if (!match) return undefined;
  const year = 2000 + Number(match[1]);
  const day = Number(match[2]);
  if (day < 1 || day > (isLeapYear(year) ? 366 : 365)) return undefined;
  const firstOfYear: DateParts = { year, month: 1, day: 1 };
  return formatDateParts(fromEpochDay(toEpochDay(firstOfYear) + day - 1));
}
