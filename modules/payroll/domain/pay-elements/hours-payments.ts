import { invalid } from '../../../../kernel/errors';
import { divide } from '../../../../kernel/money';
import type { TaxYearReference } from '../../reference-data';
import { formatRate } from '../explain';
import { hoursAtRate, hoursText, pounds, requireAfcBand } from './agenda-for-change';
import { type Centihours, type PayElementLine, payElementLine, requireWhole } from './pay-element';

const MAX_CENTIHOURS_IN_PERIOD = 744 * 100;

export type UnsocialHoursInput = {
  readonly band: string;
  /** Whole-time annual basic salary incl. long-term RRP, excluding HCAS and short-term RRP (pence). */
  readonly annualBasic: number;
  /** Hours on Saturdays and on weekdays 20:00–06:00. */
  readonly saturdayOrNightCentihours: Centihours;
  /** Hours on Sundays and general public holidays (midnight to midnight). */
  readonly sundayOrPublicHolidayCentihours: Centihours;
};

/** Unsocial hours enhancement: the band's percentage of basic hourly pay for each unsocial hour (section 2). */
export function unsocialHoursPayments(
  input: UnsocialHoursInput,
  reference: TaxYearReference,
): PayElementLine[] {
  requireAfcBand(input.band, reference);
  requireWhole(input.saturdayOrNightCentihours, 'saturdayOrNightCentihours', 0, MAX_CENTIHOURS_IN_PERIOD);
  requireWhole(
    input.sundayOrPublicHolidayCentihours,
    'sundayOrPublicHolidayCentihours',
    0,
    MAX_CENTIHOURS_IN_PERIOD,
  );
  const rates = reference.agendaForChange.unsocialHours.find((row) => row.bands.includes(input.band));
  if (!rates)
    throw new RangeError(`band ${input.band} has no unsocial hours rates (the loader checks every band has)`);
  const lines: PayElementLine[] = [];
  const enhance = (centihours: Centihours, bps: number, when: string) => {
    if (centihours === 0) return;
    const amount = hoursAtRate(input.annualBasic, centihours, bps, reference);
    lines.push(
      payElementLine('unsocial-hours', amount, reference, () => ({
        rule: 'unsocial-hours.band-enhancement',
        text: `Unsocial hours (${when}), band ${input.band}: ${hoursText(centihours)} × ${formatRate(bps)} of the basic hourly rate from ${pounds(input.annualBasic)} a year = ${pounds(amount)}.`,
      })),
    );
  };
  enhance(input.saturdayOrNightCentihours, rates.saturdayOrNightBps, 'Saturday or weekday night');
  enhance(input.sundayOrPublicHolidayCentihours, rates.sundayOrPublicHolidayBps, 'Sunday or public holiday');
  return lines;
}

export type ExtraHoursInput = {
  readonly band: string;
  /** Whole-time annual basic salary incl. long-term RRP (pence). */
  readonly annualBasic: number;
  /** Contracted hours in the week the extra hours were worked. */
  readonly contractedWeeklyCentihours: Centihours;
  /** Hours worked beyond the contract in that week. */
  readonly extraCentihours: Centihours;
  /** The extra hours fell on a general public holiday (double time). */
  readonly publicHoliday: boolean;
};

/**
 * Extra hours in one week (section 3): a part-time worker is paid plain time
 * (pensionable "additional hours") until the week passes whole-time hours;
 * beyond that bands 1–7 are paid time and a half, double time on a general
 * public holiday (not pensionable). Bands 8a–9 are not paid overtime.
 */
export function extraHoursPayments(input: ExtraHoursInput, reference: TaxYearReference): PayElementLine[] {
  requireAfcBand(input.band, reference);
  const { fullTimeWeeklyHours } = reference.agendaForChange.workingTime;
  requireWhole(input.contractedWeeklyCentihours, 'contractedWeeklyCentihours', 0, fullTimeWeeklyHours);
  requireWhole(input.extraCentihours, 'extraCentihours', 0, 168 * 100);
  const plainCentihours = Math.min(
    input.extraCentihours,
    fullTimeWeeklyHours - input.contractedWeeklyCentihours,
  );
  const overtimeCentihours = input.extraCentihours - plainCentihours;
  const overtime = reference.agendaForChange.overtime;
  const lines: PayElementLine[] = [];
  if (plainCentihours > 0) {
    const amount = hoursAtRate(input.annualBasic, plainCentihours, 10_000, reference);
    lines.push(
      payElementLine('additional-hours', amount, reference, () => ({
        rule: 'overtime.part-time-plain-time',
        text: `Additional hours up to whole-time: ${hoursText(plainCentihours)} at the basic hourly rate from ${pounds(input.annualBasic)} a year = ${pounds(amount)}.`,
      })),
    );
  }
  if (overtimeCentihours > 0) {
    if (!overtime.eligibleBands.includes(input.band)) {
      throw invalid('overtime-not-payable', `Band ${input.band} is not paid overtime`, [
        {
          path: 'band',
          rule: 'overtime-eligible-band',
          message: `band ${input.band} staff take time off in lieu instead of overtime pay (AfC section 3)`,
        },
      ]);
    }
    const multiplier = input.publicHoliday ? overtime.publicHolidayMultiplierBps : overtime.multiplierBps;
    const amount = hoursAtRate(input.annualBasic, overtimeCentihours, multiplier, reference);
    lines.push(
      payElementLine('overtime', amount, reference, () => ({
        rule: input.publicHoliday ? 'overtime.public-holiday' : 'overtime.time-and-a-half',
        text: `Overtime${input.publicHoliday ? ' on a public holiday' : ''}: ${hoursText(overtimeCentihours)} at ${formatRate(multiplier)} of the basic hourly rate from ${pounds(input.annualBasic)} a year = ${pounds(amount)}.`,
      })),
    );
  }
  return lines;
}

/** On-call availability is agreed locally (Annex 29): a flat sum per session, or a percentage of basic pay. */
export type OnCallAvailability =
  | { readonly kind: 'per-session'; readonly amountPerSession: number; readonly sessions: number }
  | { readonly kind: 'percentage-of-basic'; readonly rateBps: number; readonly periodBasicPay: number };

export type OnCallInput = {
  readonly band: string;
  readonly annualBasic: number;
  readonly availability: OnCallAvailability;
  /** Hours worked when called out. */
  readonly callOutCentihours: Centihours;
};

export function onCallPayments(input: OnCallInput, reference: TaxYearReference): PayElementLine[] {
  requireAfcBand(input.band, reference);
  requireWhole(input.callOutCentihours, 'callOutCentihours', 0, MAX_CENTIHOURS_IN_PERIOD);
  const lines: PayElementLine[] = [];
  const availability = input.availability;
  if (availability.kind === 'per-session') {
    requireWhole(availability.amountPerSession, 'availability.amountPerSession', 0, 1_000_000);
    requireWhole(availability.sessions, 'availability.sessions', 0, 31);
    const amount = BigInt(availability.amountPerSession) * BigInt(availability.sessions);
    lines.push(
      payElementLine('on-call-availability', amount, reference, () => ({
        rule: 'on-call.local-per-session',
        text: `On-call availability: ${availability.sessions} sessions × ${pounds(availability.amountPerSession)} (local agreement) = ${pounds(amount)}.`,
      })),
    );
  } else {
    requireWhole(availability.rateBps, 'availability.rateBps', 0, 10_000);
    requireWhole(availability.periodBasicPay, 'availability.periodBasicPay', 0, 100_000_000);
    const amount = divide(
      BigInt(availability.periodBasicPay) * BigInt(availability.rateBps),
      10_000n,
      'half-up',
    );
    lines.push(
      payElementLine('on-call-availability', amount, reference, () => ({
        rule: 'on-call.local-percentage',
        text: `On-call availability: ${formatRate(availability.rateBps)} of basic pay ${pounds(availability.periodBasicPay)} (local agreement) = ${pounds(amount)}.`,
      })),
    );
  }
  if (input.callOutCentihours > 0) {
    const multiplier = reference.agendaForChange.onCall.callOutMultiplierBps;
    const amount = hoursAtRate(input.annualBasic, input.callOutCentihours, multiplier, reference);
    lines.push(
      payElementLine('on-call-work', amount, reference, () => ({
        rule: 'on-call.call-out-work',
        text: `Work when called out: ${hoursText(input.callOutCentihours)} at ${formatRate(multiplier)} of the basic hourly rate from ${pounds(input.annualBasic)} a year = ${pounds(amount)}.`,
      })),
    );
  }
  return lines;
}

export type BankShiftInput = {
  /** Whole-time annual basic salary of the band and point the shifts are paid at (pence). */
  readonly annualBasic: number;
  /** Hours worked on bank shifts in the period. */
  readonly centihours: Centihours;
};

/** Bank shifts worked by a substantive employee: hours at plain time of the basic hourly rate, paid through payroll. */
export function bankShiftPayment(input: BankShiftInput, reference: TaxYearReference): PayElementLine {
  requireWhole(input.centihours, 'centihours', 0, MAX_CENTIHOURS_IN_PERIOD);
  const amount = hoursAtRate(input.annualBasic, input.centihours, 10_000, reference);
  return payElementLine('bank-shift', amount, reference, () => ({
    rule: 'bank-shift.plain-time',
    text: `Bank shifts: ${hoursText(input.centihours)} at the basic hourly rate from ${pounds(input.annualBasic)} a year = ${pounds(amount)}.`,
  }));
}
