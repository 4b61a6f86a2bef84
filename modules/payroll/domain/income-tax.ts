import type { IncomeTaxReference, TaxRegimeReference, TaxYearReference } from '../reference-data';
import { type PayFrequency, type TaxPeriodPosition, taxPeriodPosition } from './pay-frequency';
import { ceilDivide, floorDivide } from './rounding';
import type { TaxCode } from './tax-code';

/**
 * PAYE income tax by HMRC's Specification for PAYE Tax Table Routines
 * (reference §1.7). Money is integer pence; the spec's four-decimal pound
 * figures are held exactly as integer ten-thousandths of a pound ("tp").
 */
export type IncomeTaxInput = {
  readonly code: TaxCode;
  readonly frequency: PayFrequency;
  /** Pay day number in the tax year: week 1–53, fortnight 1–27, four-week 1–14, month 1–12. */
  readonly period: number;
  /** Week 1/Month 1 basis from the employee record, in addition to a W1/M1/X marker in the code. */
  readonly week1Month1: boolean;
  /** Taxable pay in this period (pence). */
  readonly taxablePay: number;
  /** Taxable pay in earlier periods of this tax year, including previous-employment pay if used (pence). */
  readonly previousTaxablePay: number;
  /** Tax deducted in earlier periods of this tax year (pence). */
  readonly previousTax: number;
};

export type IncomeTaxBasis = 'cumulative' | 'week1-month1' | 'extra-pay-day';

export type IncomeTaxTrace = {
  readonly rule: 'paye.tables' | 'paye.flat-rate' | 'paye.no-tax';
  readonly codeText: string;
  readonly basis: IncomeTaxBasis;
  readonly frequency: PayFrequency;
  readonly period: number;
  readonly tablePeriod: number;
  readonly tableBase: 52 | 12;
  /** Pay to date the code is applied to (this period only on a non-cumulative basis). */
  readonly payToDate: number;
  /** Free pay to date (positive) or, for K codes, additional pay to date (pence). */
  readonly freePayToDate: number;
  readonly additionalPayToDate: number;
  /** Taxable pay to date after free pay, rounded down to whole pounds (pence). */
  readonly taxablePayToDate: number;
  /** The highest rate the taxable pay to date reaches (basis points). */
  readonly topRateBps: number;
  readonly taxToDate: number;
  /** Tax already deducted that this period's figure is set against (0 on a non-cumulative basis). */
  readonly previousTax: number;
  /** Tax due before the regulatory limit. */
  readonly taxDueBeforeLimit: number;
  /** 50% of this period's pay, when it capped the deduction; otherwise null. */
  readonly regulatoryLimit: number | null;
};

export type IncomeTaxResult = {
  /** Tax to deduct this period (pence); negative is a refund. */
  readonly tax: number;
  readonly trace: IncomeTaxTrace;
};

export type InvalidTaxCodeForYear = { readonly field: 'taxCode'; readonly reason: string };

/** Ten-thousandths of a pound per penny. */
const TP_PER_PENNY = 100;
const TP_PER_POUND = 10_000;

function flatRateIndex(code: TaxCode & { kind: 'flat-rate' }, regime: TaxRegimeReference): number {
  return regime.basicRatePointer - 1 + code.ratesAboveBasic;
}

/**
 * A code can be well-formed yet meaningless for the year's bands: D2 and D3
 * exist only where there are enough rates above the basic rate (Scotland).
 */
export function taxCodeProblemForYear(
  code: TaxCode,
  incomeTax: IncomeTaxReference,
): InvalidTaxCodeForYear | null {
  if (code.kind !== 'flat-rate') return null;
  const regime = incomeTax.regimes[code.regime];
  if (flatRateIndex(code, regime) < regime.ratesBps.length) return null;
  const highest = regime.ratesBps.length - regime.basicRatePointer - 1;
  const prefix = code.regime === 'scotland' ? 'S' : code.regime === 'wales' ? 'C' : '';
  return {
    field: 'taxCode',
    reason: `${code.text} does not exist for ${code.regime} taxpayers: D codes run ${prefix}D0 to ${prefix}D${highest}`,
  };
}

/** Tables A free pay (or K-code additional pay) for one week or month, in pence (§1.7 step 1). */
export function periodFreePay(codeNumber: number, tableBase: 52 | 12, incomeTax: IncomeTaxReference): number {
  if (codeNumber === 0) return 0;
  const tables = incomeTax.tablesA;
  const blocks = floorDivide(codeNumber - 1, tables.codeBlock);
  const remainder = ((codeNumber - 1) % tables.codeBlock) + 1;
  const annualPounds = tables.poundsPerCodeUnit * remainder + tables.codeUplift;
  const truncatedTp = floorDivide(annualPounds * TP_PER_POUND, tableBase);
  const blockAllowance = tableBase === 12 ? tables.blockAllowanceMonthly : tables.blockAllowanceWeekly;
  return ceilDivide(truncatedTp, TP_PER_PENNY) + blocks * blockAllowance;
}

type BandedTax = { taxToDate: number; topRateBps: number };

/** §1.7 steps 4–5: tax to date on whole-pound taxable pay through the period's band limits. */
function taxThroughBands(
  taxablePounds: number,
  n: number,
  base: number,
  regime: TaxRegimeReference,
): BandedTax {
  const rates = regime.ratesBps;
  let cumulativeBandTp = 0;
  let cumulativeTaxTp = 0;
  let previousLimitTp = 0;
  let previousTaxTp = 0;
  for (let band = 0; band < rates.length; band++) {
    const rate = rates[band] ?? 0;
    const width = regime.bandwidths[band];
    const isTopBand = width === undefined;
    if (!isTopBand) {
      cumulativeBandTp += width * TP_PER_PENNY;
      cumulativeTaxTp += (width / 100) * rate;
    }
    const limitTp = floorDivide(cumulativeBandTp * n, base);
    if (isTopBand || taxablePounds <= ceilDivide(limitTp, TP_PER_POUND)) {
      const inBandTp = floorDivide((taxablePounds * TP_PER_POUND - previousLimitTp) * rate, TP_PER_POUND);
      return { taxToDate: floorDivide(previousTaxTp + inBandTp, TP_PER_PENNY), topRateBps: rate };
    }
    previousLimitTp = limitTp;
    previousTaxTp = floorDivide(cumulativeTaxTp * n, base);
  }
  throw new RangeError('unreachable: the top band is open');
}

type ToDate = {
  rule: IncomeTaxTrace['rule'];
  freePayToDate: number;
  additionalPayToDate: number;
  taxablePayToDate: number;
  topRateBps: number;
  taxToDate: number;
};

function taxToDate(
  code: TaxCode,
  payToDate: number,
  position: TaxPeriodPosition,
  incomeTax: IncomeTaxReference,
): ToDate {
  const regime = incomeTax.regimes[code.regime];
  switch (code.kind) {
    case 'no-tax':
      return {
        rule: 'paye.no-tax',
        freePayToDate: 0,
        additionalPayToDate: 0,
        taxablePayToDate: 0,
        topRateBps: 0,
        taxToDate: 0,
      };
    case 'flat-rate': {
      const rate = regime.ratesBps[flatRateIndex(code, regime)] ?? 0;
      const pounds = Math.max(0, floorDivide(payToDate, 100));
      return {
        rule: 'paye.flat-rate',
        freePayToDate: 0,
        additionalPayToDate: 0,
        taxablePayToDate: pounds * 100,
        topRateBps: rate,
        taxToDate: floorDivide(pounds * rate, TP_PER_PENNY),
      };
    }
    case 'allowance':
    case 'k-code': {
      const perPeriod = periodFreePay(code.codeNumber, position.tableBase, incomeTax);
      const toDate = perPeriod * position.tablePeriod;
      const isK = code.kind === 'k-code';
      const taxable = isK ? payToDate + toDate : payToDate - toDate;
      const pounds = Math.max(0, floorDivide(taxable, 100));
      const banded =
        pounds > 0 ? taxThroughBands(pounds, position.tablePeriod, position.tableBase, regime) : null;
      return {
        rule: 'paye.tables',
        freePayToDate: isK ? 0 : toDate,
        additionalPayToDate: isK ? toDate : 0,
        taxablePayToDate: pounds * 100,
        topRateBps: banded ? banded.topRateBps : 0,
        taxToDate: banded ? banded.taxToDate : 0,
      };
    }
  }
}

/**
 * Tax for one pay day. Cumulative codes set tax due to date against tax
 * already deducted (a negative result is a refund); W1/M1/X and the 53rd
 * (54th, 56th) pay day are non-cumulative and never refund. The regulatory
 * limit caps any deduction at 50% of this period's pay (§1.7 step 7).
 */
export function calculateIncomeTax(input: IncomeTaxInput, reference: TaxYearReference): IncomeTaxResult {
  const incomeTax = reference.incomeTax;
  const { code, frequency, period } = input;
  const nonCumulative = code.nonCumulative || input.week1Month1;
  const position = taxPeriodPosition(frequency, period, nonCumulative);
  const basis: IncomeTaxBasis = nonCumulative
    ? 'week1-month1'
    : position.extraPayDay
      ? 'extra-pay-day'
      : 'cumulative';
  const cumulative = basis === 'cumulative';

  const payToDate = cumulative ? input.previousTaxablePay + input.taxablePay : input.taxablePay;
  const previousTax = cumulative ? input.previousTax : 0;
  const toDate = taxToDate(code, payToDate, position, incomeTax);
  const taxDueBeforeLimit = cumulative ? toDate.taxToDate - previousTax : Math.max(0, toDate.taxToDate);

  let tax = taxDueBeforeLimit;
  let regulatoryLimit: number | null = null;
  if (tax > 0) {
    const limit = Math.max(0, floorDivide(input.taxablePay * incomeTax.regulatoryLimitBps, 10_000));
    if (tax > limit) {
      tax = limit;
      regulatoryLimit = limit;
    }
  }
  return {
    tax,
    trace: {
      rule: toDate.rule,
      codeText: code.text,
      basis,
      frequency,
      period,
      tablePeriod: position.tablePeriod,
      tableBase: position.tableBase,
      payToDate,
      freePayToDate: toDate.freePayToDate,
      additionalPayToDate: toDate.additionalPayToDate,
      taxablePayToDate: toDate.taxablePayToDate,
      topRateBps: toDate.topRateBps,
      taxToDate: toDate.taxToDate,
      previousTax,
      taxDueBeforeLimit,
      regulatoryLimit,
    },
  };
}
