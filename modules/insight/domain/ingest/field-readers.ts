import { parseAmount } from './parse/amount';
import { choiceReader, parseFlag, parseGtin } from './parse/codes';
import { type DateOrder, parseDate } from './parse/dates';
import { parseDecimal, parseInteger } from './parse/decimal';
import { parseFinancialYear, parsePeriod } from './parse/periods';
import type { Parsed } from './parse/result';
import { cleanCode, cleanText } from './parse/text';
import type { FieldSpec, FieldValue } from './schema';
import type { FinancialYear } from './values';

export type ReaderContext = { order: DateOrder; excelSerials: boolean };

/** Why a cell could not be read; a class so the hot path can tell it from a value without wrapping every value. */
export class Refusal {
  constructor(
    readonly rule: string,
    readonly message: string,
  ) {}
}

export type ReadOutcome = FieldValue | Refusal;

/** Reads one non-empty cell; period readers also take the row's financial year. */
export type FieldReader = (cell: string, financialYear: FinancialYear | null) => ReadOutcome;

const unwrap = <T extends FieldValue>(result: Parsed<T>): ReadOutcome =>
  result.ok ? result.value : new Refusal(result.rule, result.message);

/** Enough distinct values for any date or code column; beyond it values are read afresh, memory stays bounded. */
const MEMO_LIMIT = 10_000;

/** Dates, periods and codes repeat down a file, so each distinct text is read once. */
function memoised(read: (cell: string) => ReadOutcome): FieldReader {
  const seen = new Map<string, ReadOutcome>();
  return (cell) => {
    let outcome = seen.get(cell);
    if (outcome === undefined) {
      outcome = read(cell);
      if (seen.size < MEMO_LIMIT) seen.set(cell, outcome);
    }
    return outcome;
  };
}

export function fieldReader(spec: FieldSpec, context: ReaderContext): FieldReader {
  switch (spec.type) {
    case 'text':
      return cleanText;
    case 'code':
      return cleanCode;
    case 'money':
      return (cell) => unwrap(parseAmount(cell));
    case 'decimal':
      return (cell) => unwrap(parseDecimal(cell));
    case 'integer':
      return memoised((cell) => unwrap(parseInteger(cell, spec.range)));
    case 'date':
      return memoised((cell) => unwrap(parseDate(cell, context)));
    case 'period': {
      const byYear = new Map<FinancialYear | null, FieldReader>();
      return (cell, financialYear) => {
        let read = byYear.get(financialYear);
        if (!read) {
          read = memoised((text) => unwrap(parsePeriod(text, { ...context, financialYear })));
          byYear.set(financialYear, read);
        }
        return read(cell, financialYear);
      };
    }
    case 'financial-year':
      return memoised((cell) => unwrap(parseFinancialYear(cell)));
    case 'flag':
      return memoised((cell) => unwrap(parseFlag(cell)));
    case 'gtin':
      return (cell) => unwrap(parseGtin(cell));
    case 'choice': {
      const read = choiceReader(spec.choices);
      return memoised((cell) => unwrap(read(cell)));
    }
  }
}
