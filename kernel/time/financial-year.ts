import type { LocalDate } from './local-date';

/**
 * NHS accounting runs April to March: financial year "2025-26" has period 1 =
 * April 2025 … period 12 = March 2026. Period keys read `2025-26/P01`.
 */
export type AccountingPeriodRef = {
  financialYear: string;
  period: number;
  key: string;
  start: LocalDate;
  end: LocalDate;
};

export function accountingPeriodOf(date: LocalDate): AccountingPeriodRef {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const startYear = month >= 4 ? year : year - 1;
  const period = ((month + 8) % 12) + 1;
  return accountingPeriod(financialYearLabel(startYear), period);
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function accountingPeriod(financialYear: string, period: number): AccountingPeriodRef {
  const match = /^(\d{4})-(\d{2})$/.exec(financialYear);
  if (!match || period < 1 || period > 12)
    throw new RangeError(`no accounting period ${financialYear} P${period}`);
  const startYear = Number(match[1]);
  const calendarMonth = ((period + 2) % 12) + 1;
  const calendarYear = period <= 9 ? startYear : startYear + 1;
  const start = `${calendarYear}-${String(calendarMonth).padStart(2, '0')}-01` as LocalDate;
  const lastDay = new Date(Date.UTC(calendarYear, calendarMonth, 0)).getUTCDate();
  const end =
    `${calendarYear}-${String(calendarMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` as LocalDate;
  return { financialYear, period, key: `${financialYear}/P${String(period).padStart(2, '0')}`, start, end };
}
