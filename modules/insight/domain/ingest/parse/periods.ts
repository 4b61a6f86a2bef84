import type { FinancialYear, IsoMonth } from '../values';
import { type DateOrder, parseDate } from './dates';
import { type Parsed, parsed, refused } from './result';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const YEAR_MONTH = /^(\d{4})[-/.]?(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
const NAMED_MONTH_YEAR = /^([A-Za-z]{3,9})\.?[\s\-/.,']*(\d{4}|\d{2})$/;
const FINANCIAL_PERIOD = /^(?:m|p|mth|month|period)?\s*0?(\d{1,2})$/i;
const FINANCIAL_YEAR_RANGE = /^(?:fy\s*)?(\d{4}|\d{2})\s*[-/–]\s*(\d{4}|\d{2})$/i;
const FINANCIAL_YEAR_END = /^(?:fy\s*)?(\d{4})$/i;

const pad = (value: number): string => String(value).padStart(2, '0');

function yearMonth(year: number, month: number, raw: string): Parsed<IsoMonth> {
  if (month < 1 || month > 12) return refused('period-format', `"${raw}" has no month ${month}`);
  return parsed(`${year}-${pad(month)}` as IsoMonth);
}

function financialYearLabel(startYear: number): FinancialYear {
  return `${startYear}/${pad((startYear + 1) % 100)}` as FinancialYear;
}

/**
 * "2020/21", "2020-2021", "20/21" or "FY2021" → "2020/21". A bare year names the
 * year the financial year ends in, as King's College Hospital's extracts do
 * (financial year 2021, period 1 = April 2020).
 */
export function parseFinancialYear(rawInput: string): Parsed<FinancialYear> {
  const raw = rawInput.trim();
  const range = FINANCIAL_YEAR_RANGE.exec(raw);
  if (range) {
    const startText = range[1] ?? '';
    const start = startText.length === 2 ? 2000 + Number(startText) : Number(startText);
    const end = Number(range[2]);
    if (end !== start + 1 && end !== (start + 1) % 100) {
      return refused('financial-year-format', `"${raw}" does not name two consecutive years`);
    }
    return parsed(financialYearLabel(start));
  }
  const ending = FINANCIAL_YEAR_END.exec(raw);
  if (ending) return parsed(financialYearLabel(Number(ending[1]) - 1));
  return refused('financial-year-format', `"${raw}" is not a financial year such as 2020/21`);
}

/** Period n of an NHS financial year (April = 1 … March = 12) as a calendar month. */
export function financialPeriodMonth(financialYear: FinancialYear, period: number): IsoMonth {
  const startYear = Number(financialYear.slice(0, 4));
  const month = ((period + 2) % 12) + 1;
  return `${period <= 9 ? startYear : startYear + 1}-${pad(month)}` as IsoMonth;
}

export type PeriodParseOptions = {
  financialYear: FinancialYear | null;
  order: DateOrder;
  excelSerials: boolean;
};

/**
 * A reporting month from "2020-04", "202004", "04/2020", "Apr-20", "April 2020",
 * a full date, or a financial period ("1", "M01", "P1") with the row's financial year.
 */
export function parsePeriod(rawInput: string, options: PeriodParseOptions): Parsed<IsoMonth> {
  const raw = rawInput.trim();
  const financial = FINANCIAL_PERIOD.exec(raw);
  if (financial) {
    const period = Number(financial[1]);
    if (period < 1 || period > 12) {
      return refused('period-format', `period ${period} is not a month of the financial year (1–12)`);
    }
    if (!options.financialYear) {
      return refused('period-needs-financial-year', `period "${raw}" needs a financial year to name a month`);
    }
    return parsed(financialPeriodMonth(options.financialYear, period));
  }
  let match = YEAR_MONTH.exec(raw);
  if (match) return yearMonth(Number(match[1]), Number(match[2]), raw);
  match = MONTH_YEAR.exec(raw);
  if (match) return yearMonth(Number(match[2]), Number(match[1]), raw);
  match = NAMED_MONTH_YEAR.exec(raw);
  if (match) {
    const month = MONTH_NAMES.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    const yearText = match[2] ?? '';
    if (month > 0)
      return yearMonth(yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText), month, raw);
  }
  const date = parseDate(raw, options);
  if (date.ok) return parsed(date.value.slice(0, 7) as IsoMonth);
  return refused('period-format', `"${raw}" is not a month such as 2020-04, Apr-20 or a financial period`);
}
