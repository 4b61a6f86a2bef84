import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, localDate, londonDate } from './local-date';

describe('calendar dates', () => {
  it('gives the London date of an instant, an hour ahead of UTC in summer time', () => {
    expect(londonDate(new Date('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
    expect(londonDate(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('follows the clocks changing: 01:00 UTC on the last Sundays of March and October', () => {
    expect(londonDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDate(new Date('2026-04-05T23:30:00Z'))).toBe('2026-04-06');
    expect(londonDate(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDate(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
  });

  it('gives the same answer however often it is asked (the formatter is shared)', () => {
    const instants = Array.from(
      { length: 1000 },
      (_, n) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000 * 7),
    );
    const dates = instants.map(londonDate);
    expect(instants.map(londonDate)).toEqual(dates);
    expect(dates.every(isLocalDate)).toBe(true);
  });

  it('accepts only real dates in ISO form', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('01/06/2026')).toBe(false);
    expect(() => localDate('2026-6-1')).toThrow('"2026-6-1" is not a date in the form YYYY-MM-DD');
  });

  it('counts days across month, year and leap-day boundaries', () => {
    expect(addDays(localDate('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(localDate('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(localDate('2026-03-01'), -1)).toBe('2026-02-28');
    expect(daysBetween(localDate('2026-04-06'), localDate('2027-04-05'))).toBe(364);
    expect(daysBetween(localDate('2026-05-10'), localDate('2026-05-01'))).toBe(-9);
  });
});
