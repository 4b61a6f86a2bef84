import { invalid } from '../../../../kernel/errors';
import { divide, formatPounds } from '../../../../kernel/money';
import type { PayPoint, TaxYearReference } from '../../reference-data';
import { frequencyRules, type PayFrequency } from '../pay-frequency';
import { type Centihours, requireWhole } from './pay-element';

/** A band's pay point in the year's scale (point 1 is the entry point). */
export function afcPayPoint(band: string, point: number, reference: TaxYearReference): PayPoint {
  const points = Object.hasOwn(reference.agendaForChange.payPoints, band)
    ? reference.agendaForChange.payPoints[band]
    : undefined;
  if (!points) {
    const bands = Object.keys(reference.agendaForChange.payPoints).join(', ');
    throw invalid('afc-band-unknown', `Band ${band} is not an Agenda for Change band`, [
      { path: 'band', rule: 'afc-band', message: `${band} is not a band in ${reference.taxYear} (${bands})` },
    ]);
  }
  const payPoint = Number.isInteger(point) ? points[point - 1] : undefined;
  if (!payPoint) {
    throw invalid('afc-pay-point-unknown', `Band ${band} has no pay point ${point} in ${reference.taxYear}`, [
      {
        path: 'payPoint',
        rule: 'pay-point-in-scale',
        message: `band ${band} has pay points 1 to ${points.length} in ${reference.taxYear}, not ${point}`,
      },
    ]);
  }
  return payPoint;
}

export function requireAfcBand(band: string, reference: TaxYearReference): void {
  afcPayPoint(band, 1, reference);
}

/**
 * The part of an annual amount earned in one pay period, pro rata for
 * part-time hours and part periods. Monthly pay is annual ÷ 12 and a part
 * month is paid by calendar days (days payable ÷ days in the calendar
 * month, the NHS/ESR calendar-days method); week-based pay is annual ×
 * weeks ÷ 52.143 with part periods by calendar days of the 7, 14 or 28.
 */
export type PeriodShare = {
  readonly frequency: PayFrequency;
  /** Contracted weekly hours; whole-time is the year's full-time hours (37.5). */
  readonly contractedWeeklyCentihours: Centihours;
  /** Calendar days in the pay period (28–31 for a month, 7/14/28 for week-based pay). */
  readonly periodDays: number;
  /** Days of the period the person was employed (starters and leavers), usually periodDays. */
  readonly payableDays: number;
};

export type ShareDescription = { numerator: bigint; denominator: bigint; words: string };

/** The exact fraction of an annual figure payable for the period, with the words that explain it. */
export function periodFraction(share: PeriodShare, reference: TaxYearReference): ShareDescription {
  const { fullTimeWeeklyHours, weeksPerYearThousandths } = reference.agendaForChange.workingTime;
  requireWhole(share.contractedWeeklyCentihours, 'contractedWeeklyCentihours', 1, fullTimeWeeklyHours);
  requireWhole(share.periodDays, 'periodDays', 1, 31);
  requireWhole(share.payableDays, 'payableDays', 0, share.periodDays);
  const weeks = frequencyRules[share.frequency].weeksPerPeriod;
  const hours = BigInt(share.contractedWeeklyCentihours);
  const days = BigInt(share.payableDays);
  const fullTime = BigInt(fullTimeWeeklyHours);
  const periodDays = BigInt(share.periodDays);
  const hoursWords =
    share.contractedWeeklyCentihours === fullTimeWeeklyHours
      ? ''
      : ` × ${share.contractedWeeklyCentihours / 100}/${fullTimeWeeklyHours / 100} hours`;
  const daysWords =
    share.payableDays === share.periodDays ? '' : ` × ${share.payableDays}/${share.periodDays} days`;
  if (weeks === 0) {
    return {
      numerator: hours * days,
      denominator: fullTime * 12n * periodDays,
      words: `${hoursWords} ÷ 12${daysWords}`,
    };
  }
  return {
    numerator: hours * days * BigInt(weeks) * 1000n,
    denominator: fullTime * BigInt(weeksPerYearThousandths) * periodDays,
    words: `${hoursWords} × ${weeks} ÷ ${weeksPerYearThousandths / 1000} weeks${daysWords}`,
  };
}

/** Hours × the basic hourly rate (annual ÷ weeks per year ÷ full-time hours) × a multiplier in basis points, rounded half up. */
export function hoursAtRate(
  annualBasic: number,
  centihours: Centihours,
  multiplierBps: number,
  reference: TaxYearReference,
): bigint {
  requireWhole(annualBasic, 'annualBasic', 0, 100_000_000);
  const { fullTimeWeeklyHours, weeksPerYearThousandths } = reference.agendaForChange.workingTime;
  // annual / (weeks/1000 × fullTime/100) × centihours/100 × bps/10,000
  const numerator = BigInt(annualBasic) * BigInt(centihours) * BigInt(multiplierBps) * 1000n;
  const denominator = BigInt(weeksPerYearThousandths) * BigInt(fullTimeWeeklyHours) * 10_000n;
  return divide(numerator, denominator, 'half-up');
}

export const pounds = (pence: number | bigint): string => formatPounds(BigInt(pence));
export const hoursText = (centihours: Centihours): string => `${centihours / 100} h`;
