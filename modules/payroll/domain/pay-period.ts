import { invalid } from '../../../kernel/errors';
import { addDays, daysBetween, type LocalDate } from '../../../kernel/time';
import { isBacsWorkingDay, previousBacsWorkingDay } from '../../../standards/bacs18';
import { frequencyRules, type PayFrequency } from './pay-frequency';

/**
 * One pay day of a pay frequency: the days it pays for (the earnings period),
 * the day money arrives, and the PAYE period that day falls in.
 *
 * Monthly pay follows the NHS calendar month (April is the first month of the
 * tax year) and is paid on the organisation's pay day in that month; the PAYE
 * tax month is the one containing the pay day (tax months run 6th–5th).
 * Week-based pay runs in blocks of 7, 14 or 28 days from 6 April, each paid on
 * its last day; the PAYE period is the pay-day number.
 */
export type PayPeriod = {
  readonly frequency: PayFrequency;
  /** "2026-27" */
  readonly taxYear: string;
  /** The PAYE period of the pay day: tax month 1–12, or pay-day number for week-based pay. */
  readonly taxPeriod: number;
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly payDate: LocalDate;
  /** Calendar days in the earnings period. */
  readonly days: number;
};

/** `last-working-day`, or a day of the month (1–28) moved back to the working day before it when it is not one. */
export type MonthlyPayDay = 'last-working-day' | number;

const pad = (value: number) => String(value).padStart(2, '0');

export function taxYearStartYear(taxYear: string): number {
  const match = /^(\d{4})-(\d{2})$/.exec(taxYear);
  if (!match || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw invalid('TAX_YEAR_INVALID', `"${taxYear}" is not a tax year such as 2026-27`, [
      { path: 'taxYear', rule: 'tax-year-format', message: 'write the tax year like 2026-27' },
    ]);
  }
  return Number(match[1]);
}

export function taxYearLabel(startYear: number): string {
  return `${startYear}-${pad((startYear + 1) % 100)}`;
}

/** The tax year a date falls in (6 April to 5 April). */
export function taxYearOf(date: LocalDate): string {
  const year = Number(date.slice(0, 4));
  return taxYearLabel(date.slice(5) >= '04-06' ? year : year - 1);
}

/** Tax month 1–12 of a date: month 1 is 6 April to 5 May. */
export function taxMonthOf(date: LocalDate): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const shifted = day >= 6 ? month : month - 1;
  return ((shifted + 8) % 12) + 1;
}

export function taxYearStart(taxYear: string): LocalDate {
  return `${taxYearStartYear(taxYear)}-04-06` as LocalDate;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthlyPayDate(year: number, month: number, payDay: MonthlyPayDay): LocalDate {
  const day = payDay === 'last-working-day' ? lastDayOfMonth(year, month) : payDay;
  const date = `${year}-${pad(month)}-${pad(day)}` as LocalDate;
  return isBacsWorkingDay(date) ? date : (previousBacsWorkingDay(date) as LocalDate);
}

/**
 * The pay period numbered `period` in a tax year: for monthly pay the n-th
 * calendar month from April, otherwise the n-th pay day of the frequency.
 */
export function payPeriod(
  frequency: PayFrequency,
  taxYear: string,
  period: number,
  monthlyPayDay: MonthlyPayDay = 'last-working-day',
): PayPeriod {
  const rules = frequencyRules[frequency];
  if (!Number.isInteger(period) || period < 1 || period > rules.maxPeriod) {
    throw invalid(
      'PAY_PERIOD_INVALID',
      `${frequency} pay has periods 1 to ${rules.maxPeriod}, not ${period}`,
      [
        {
          path: 'period',
          rule: 'period-in-year',
          message: `${rules.periodName} ${period} does not exist: ${frequency} pay days run 1 to ${rules.maxPeriod}`,
        },
      ],
    );
  }
  const startYear = taxYearStartYear(taxYear);
  if (rules.weeksPerPeriod === 0) {
    const calendarMonth = ((period + 2) % 12) + 1;
    const calendarYear = period <= 9 ? startYear : startYear + 1;
    const start = `${calendarYear}-${pad(calendarMonth)}-01` as LocalDate;
    const end =
      `${calendarYear}-${pad(calendarMonth)}-${pad(lastDayOfMonth(calendarYear, calendarMonth))}` as LocalDate;
    const payDate = monthlyPayDate(calendarYear, calendarMonth, monthlyPayDay);
    if (taxYearOf(payDate) !== taxYear) {
      throw invalid(
        'PAY_DAY_OUTSIDE_TAX_YEAR',
        `A pay day on ${payDate} falls in tax year ${taxYearOf(payDate)}, not ${taxYear}: monthly pay days before the 6th are not supported`,
        [
          {
            path: 'monthlyPayDay',
            rule: 'pay-day-in-tax-year',
            message: 'choose a pay day from the 6th onwards',
          },
        ],
      );
    }
    return {
      frequency,
      taxYear,
      taxPeriod: taxMonthOf(payDate),
      start,
      end,
      payDate,
      days: daysBetween(start, end) + 1,
    };
  }
  const days = rules.weeksPerPeriod * 7;
  const start = addDays(taxYearStart(taxYear), (period - 1) * days);
  const end = addDays(start, days - 1);
  return { frequency, taxYear, taxPeriod: period, start, end, payDate: end, days };
}

/** A readable name: "November 2026 (tax month 8)", "week 34". */
export function describePayPeriod(period: PayPeriod): string {
  if (period.frequency === 'monthly') {
    const month = new Date(`${period.start}T00:00:00Z`).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return `${month} (tax month ${period.taxPeriod})`;
  }
  return `${frequencyRules[period.frequency].periodName} ${period.taxPeriod}`;
}

/** "2026-27/M08", "2026-27/W34": how a period is named on arrears lines and in reports. */
export function payPeriodKey(period: Pick<PayPeriod, 'frequency' | 'taxYear' | 'taxPeriod'>): string {
  const letter =
    period.frequency === 'monthly'
      ? 'M'
      : period.frequency === 'weekly'
        ? 'W'
        : period.frequency === 'fortnightly'
          ? 'F'
          : 'P';
  return `${period.taxYear}/${letter}${pad(period.taxPeriod)}`;
}

/** Days of a period from `from` to `to` inclusive, clipped to the period; 0 when they do not overlap. */
export function overlapDays(
  period: Pick<PayPeriod, 'start' | 'end'>,
  from: LocalDate,
  to: LocalDate | null,
): number {
  const start = from > period.start ? from : period.start;
  const end = to !== null && to < period.end ? to : period.end;
  return end < start ? 0 : daysBetween(start, end) + 1;
}

/** The later of two dates (ISO dates compare as text). */
export const laterDate = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);

/** The earlier of two dates. */
export const earlierDate = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
