import { invalid } from '../../kernel/errors';
import bankHolidays from './bank-holidays-england-wales.json';
import { addDays, dayOfWeek, type PlainDate, parsePlainDate } from './plain-date';

const holidayDates = new Set(bankHolidays.holidays.map((holiday) => holiday.date));

/**
 * Outside the years the bank-holiday file covers we cannot tell a working day
 * from a holiday, so we refuse rather than guess: a payment file for a wrong
 * day is rejected by Bacs, or worse, pays staff late.
 */
function assertCovered(date: PlainDate, path: string): void {
  const { year } = parsePlainDate(date, path);
  if (year < bankHolidays.firstYear || year > bankHolidays.lastYear) {
    throw invalid(
      'bacs18.bank-holidays-unknown',
      `${path} ${date} is outside ${bankHolidays.firstYear}-${bankHolidays.lastYear}, the years whose England and Wales bank holidays are on file`,
      [{ path, rule: 'bank-holidays-known', message: `no bank-holiday data for ${year}` }],
    );
  }
}

/** A Bacs processing day: Monday to Friday and not an England and Wales bank holiday. */
export function isBacsWorkingDay(date: PlainDate, path = 'date'): boolean {
  assertCovered(date, path);
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !holidayDates.has(date);
}

/** The given day if it is a Bacs working day, otherwise the next one. */
export function nextBacsWorkingDay(date: PlainDate): PlainDate {
  let day = date;
  while (!isBacsWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The given day if it is a Bacs working day, otherwise the one before. */
export function previousBacsWorkingDay(date: PlainDate): PlainDate {
  let day = date;
  while (!isBacsWorkingDay(day)) day = addDays(day, -1);
  return day;
}

/**
 * Moves `count` Bacs working days forward (or back when negative). Bacs runs a
 * three-day cycle — input, processing, entry — so the processing day for money
 * that must arrive on payday is `addBacsWorkingDays(payday, -1)`.
 */
export function addBacsWorkingDays(date: PlainDate, count: number): PlainDate {
  if (!Number.isInteger(count)) throw new RangeError(`count must be a whole number of days, got ${count}`);
  const step = count < 0 ? -1 : 1;
  let day = date;
  for (let remaining = Math.abs(count); remaining > 0; ) {
    day = addDays(day, step);
    if (isBacsWorkingDay(day)) remaining -= 1;
  }
  return day;
}
