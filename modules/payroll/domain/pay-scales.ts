import { invalid, type ValidationIssue } from '../../../kernel/errors';
import { divide } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { TaxYearReference } from '../reference-data';
import type { PayRecord } from './pay-record';

/**
 * A pay award: new annual values for Agenda for Change pay points from a date
 * in one pay year. Agenda for Change pay years run from 1 April, so a pay
 * point's value on a day comes from the year file of that day's financial
 * year (1 April to 31 March), while tax on the pay day uses the tax year. Awards are routinely agreed months after the date they
 * take effect; the pay run then pays arrears for the periods already paid.
 */
export type PayAward = {
  readonly id: string;
  /** The pay year (financial year, e.g. "2026-27") the award belongs to. */
  readonly payYear: string;
  readonly effectiveFrom: LocalDate;
  readonly description: string;
  /** Whole-time annual pence per pay point (index 0 is point 1), for the bands the award changes. */
  readonly points: Readonly<Record<string, readonly number[]>>;
  readonly recordedSeq: bigint;
};

/** The year files needed and the awards recorded: everything that sets a pay point's value on a day. */
export type PayScales = {
  readonly references: ReadonlyMap<string, TaxYearReference>;
  /** Sorted by effective date, then recording order. */
  readonly awards: readonly PayAward[];
};

export type ScaleValue = {
  readonly annual: number;
  readonly yearsToNext: number | null;
  /** The award that set this value, or null for the year's published scale. */
  readonly awardId: string | null;
};

const payYearLabels = new Map<number, string>();

/** The pay year (1 April to 31 March, labelled like a tax year) of a day; called for every stretch of pay, so kept cheap. */
export function payYearOf(date: LocalDate): string {
  const year = Number(date.slice(0, 4));
  const startYear = date.slice(5, 7) >= '04' ? year : year - 1;
  let label = payYearLabels.get(startYear);
  if (label === undefined) {
    label = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
    payYearLabels.set(startYear, label);
  }
  return label;
}

/** The year file whose pay scale applies on a day (the pay year starting 1 April). */
export function scaleReferenceFor(scales: PayScales, date: LocalDate): TaxYearReference {
  const taxYear = payYearOf(date);
  const reference = scales.references.get(taxYear);
  if (!reference) {
    throw invalid(
      'PAYROLL_REFERENCE_MISSING',
      `No payroll reference data is loaded for tax year ${taxYear}`,
      [{ path: 'taxYear', rule: 'reference-data-present', message: `add years/${taxYear}.json` }],
    );
  }
  return reference;
}

const pointIssue = (band: string, point: number, taxYear: string, count: number): ValidationIssue => ({
  path: 'payPoint',
  rule: 'pay-point-in-scale',
  message:
    count === 0
      ? `band ${band} is not in the ${taxYear} Agenda for Change scale`
      : `band ${band} has pay points 1 to ${count} in ${taxYear}, not ${point}`,
});

/** The annual value of a band's pay point on a day: the latest award in force, else the year's scale. */
export function scaleValue(
  scales: PayScales,
  band: string,
  point: number,
  date: LocalDate,
): ScaleValue | ValidationIssue {
  const reference = scaleReferenceFor(scales, date);
  const published = Object.hasOwn(reference.agendaForChange.payPoints, band)
    ? reference.agendaForChange.payPoints[band]
    : undefined;
  const base = published?.[point - 1];
  if (!published || !base) return pointIssue(band, point, reference.taxYear, published?.length ?? 0);
  let value: ScaleValue = { annual: base.annual, yearsToNext: base.yearsToNext, awardId: null };
  for (const award of scales.awards) {
    if (award.effectiveFrom > date) break;
    if (award.payYear !== reference.taxYear) continue;
    const awarded = award.points[band]?.[point - 1];
    if (awarded !== undefined) value = { ...value, annual: awarded, awardId: award.id };
  }
  return value;
}

/** Adds whole years, keeping 29 February as 28 February in other years. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const year = Number(date.slice(0, 4)) + years;
  const monthDay = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}` as LocalDate;
}

export type PointOnDate = {
  readonly point: number;
  readonly since: LocalDate;
  readonly nextStep: LocalDate | null;
};

/**
 * Incremental progression: a person moves to the next point of their band on
 * each pay-step date (the years the point requires after reaching it),
 * automatically, until the top of the band.
 */
export function payPointOn(
  scales: PayScales,
  record: Pick<PayRecord, 'band' | 'payPoint' | 'pointSince'>,
  date: LocalDate,
): PointOnDate | ValidationIssue {
  if (record.band === null || record.payPoint === null) {
    return {
      path: 'payPoint',
      rule: 'pay-point-required',
      message: 'an Agenda for Change contract needs a band and pay point',
    };
  }
  let point = record.payPoint;
  let since = record.pointSince ?? date;
  for (;;) {
    const value = scaleValue(scales, record.band, point, date);
    if ('rule' in value) return value;
    if (value.yearsToNext === null) return { point, since, nextStep: null };
    const step = addYears(since, value.yearsToNext);
    if (step > date) return { point, since, nextStep: step };
    point += 1;
    since = step;
  }
}

/**
 * Resolves an award given as a uniform uplift into explicit values: each
 * point of the chosen bands × (1 + uplift), rounded to the nearest pound as
 * Agenda for Change pay points are published.
 */
export function upliftedPoints(
  reference: TaxYearReference,
  upliftBasisPoints: number,
  bands: readonly string[] | null,
): Record<string, number[]> {
  const chosen = bands ?? Object.keys(reference.agendaForChange.payPoints);
  const result: Record<string, number[]> = {};
  for (const band of chosen) {
    const points = Object.hasOwn(reference.agendaForChange.payPoints, band)
      ? reference.agendaForChange.payPoints[band]
      : undefined;
    if (!points) {
      throw invalid('PAY_AWARD_INVALID', `Band ${band} is not in the ${reference.taxYear} scale`, [
        { path: 'bands', rule: 'afc-band', message: `${band} is not an Agenda for Change band` },
      ]);
    }
    result[band] = points.map(
      (point) =>
        Number(divide(BigInt(point.annual) * BigInt(10_000 + upliftBasisPoints), 1_000_000n, 'half-up')) *
        100,
    );
  }
  return result;
}
