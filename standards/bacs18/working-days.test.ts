import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../kernel/errors';
import bankHolidays from './bank-holidays-england-wales.json';
import { fromBacsJulianDate, toBacsJulianDate } from './julian-date';
import { addDays, dayOfWeek } from './plain-date';
import {
  addBacsWorkingDays,
  isBacsWorkingDay,
  nextBacsWorkingDay,
  previousBacsWorkingDay,
} from './working-days';

describe('Bacs Julian dates (bYYDDD)', () => {
  it.each([
    ['2024-01-01', ' 24001'],
    ['2024-02-29', ' 24060'],
    ['2024-03-01', ' 24061'],
    ['2024-12-31', ' 24366'],
    ['2025-12-31', ' 25365'],
    ['2026-01-01', ' 26001'],
    ['2028-02-29', ' 28060'],
    ['2028-12-29', ' 28364'],
  ])('%s is written "%s" and read back', (date, julian) => {
    expect(toBacsJulianDate(date)).toBe(julian);
    expect(fromBacsJulianDate(julian)).toBe(date);
  });

  it.each([' 25366', ' 24000', '24001 ', ' 2400A', 'b24001'])('"%s" is not a Bacs date', (text) => {
    expect(fromBacsJulianDate(text)).toBeUndefined();
  });

  it('refuses an impossible calendar date instead of rolling it over', () => {
    expect(() => toBacsJulianDate('2025-02-29', 'processingDate')).toThrow(
      /processingDate must be a real calendar date/,
    );
  });
});

describe('Bacs working days', () => {
  it.each([
    ['2024-12-31', true, 'Tuesday at the end of a leap year'],
    ['2024-12-25', false, 'Christmas Day'],
    ['2024-12-26', false, 'Boxing Day'],
    ['2026-12-28', false, 'Boxing Day substitute'],
    ['2027-12-27', false, 'Christmas Day substitute'],
    ['2028-01-03', false, "New Year's Day substitute"],
    ['2028-02-29', true, 'leap day on a Tuesday'],
    ['2026-11-28', false, 'Saturday'],
    ['2026-11-29', false, 'Sunday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-06', false, 'Easter Monday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isBacsWorkingDay(date)).toBe(working);
  });

  it.each([
    ['2024-12-25', '2024-12-27', ' 24362'],
    ['2025-12-25', '2025-12-29', ' 25363'],
    ['2027-12-25', '2027-12-29', ' 27363'],
    ['2028-01-01', '2028-01-04', ' 28004'],
    ['2024-12-31', '2024-12-31', ' 24366'],
  ])('the first processing day on or after %s is %s (%s)', (date, next, julian) => {
    expect(nextBacsWorkingDay(date)).toBe(next);
    expect(toBacsJulianDate(next)).toBe(julian);
  });

  it('steps back over a holiday weekend to the previous working day', () => {
    expect(previousBacsWorkingDay('2028-01-03')).toBe('2027-12-31');
    expect(previousBacsWorkingDay('2026-12-28')).toBe('2026-12-24');
  });

  it('counts working days across the year end in both directions', () => {
    expect(addBacsWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(addBacsWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
    expect(addBacsWorkingDays('2028-01-04', -1)).toBe('2027-12-31');
    expect(addBacsWorkingDays('2024-12-30', 2)).toBe('2025-01-02');
    expect(addBacsWorkingDays('2026-11-26', 0)).toBe('2026-11-26');
  });

  it.each(['2023-12-29', '2029-01-02'])(
    'refuses %s, a year with no bank-holiday data, naming the field',
    (date) => {
      try {
        isBacsWorkingDay(date, 'processingDate');
        expect.unreachable('should refuse');
      } catch (error) {
        expect(isDomainError(error) && error.issues[0]?.path).toBe('processingDate');
      }
    },
  );
});

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A fixed-date holiday falling at a weekend moves to the next weekday not already taken. */
function observed(dates: string[]): string[] {
  const taken: string[] = [];
  for (const date of dates) {
    let day = date;
    while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6 || taken.includes(day)) day = addDays(day, 1);
    taken.push(day);
  }
  return taken;
}

function mondays(year: number, month: number): string[] {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const result: string[] = [];
  for (let day = first; day.slice(0, 7) === first.slice(0, 7); day = addDays(day, 1)) {
    if (dayOfWeek(day) === 1) result.push(day);
  }
  return result;
}

describe('the England and Wales bank-holiday data file', () => {
  const years = Array.from(
    { length: bankHolidays.lastYear - bankHolidays.firstYear + 1 },
    (_, i) => bankHolidays.firstYear + i,
  );

  it.each(years)('%i matches the rules of the Banking and Financial Dealings Act schedule', (year) => {
    const easter = easterSunday(year);
    const [newYear] = observed([`${year}-01-01`]);
    const christmas = observed([`${year}-12-25`, `${year}-12-26`]);
    const expected = [
      newYear,
      addDays(easter, -2),
      addDays(easter, 1),
      mondays(year, 5)[0],
      mondays(year, 5).at(-1),
      mondays(year, 8).at(-1),
      ...christmas,
    ];
    const onFile = bankHolidays.holidays
      .filter((holiday) => holiday.date.startsWith(`${year}-`))
      .map((holiday) => holiday.date);
    expect(onFile).toEqual(expected);
  });

  it('names its source and is in date order with no duplicates', () => {
    expect(bankHolidays.source).toMatch(/gov\.uk\/bank-holidays/);
    const dates = bankHolidays.holidays.map((holiday) => holiday.date);
    expect(dates).toEqual([...new Set(dates)].sort());
  });
});
