import { divide } from '../../../../kernel/money';
import type { TaxYearReference } from '../../reference-data';
import { formatRate } from '../explain';
import { pounds } from './agenda-for-change';
import { type PayElementLine, payElementLine, requireWhole } from './pay-element';

/**
 * Statutory sick and maternity pay for the days falling in one pay period.
 * Fractions of a penny are rounded up, as HMRC's daily-rate tables do
 * (reference §6; the rounding of 80% of AWE for SSP from April 2026 is not
 * published and follows the same rule).
 */
export type SickPayInput = {
  /** Average weekly earnings over the relevant period (pence). */
  readonly averageWeeklyEarnings: number;
  /** Qualifying days in the employee's week (usually their working days). */
  readonly qualifyingDaysPerWeek: number;
  /** Qualifying days of sickness in this pay period. */
  readonly qualifyingDaysSick: number;
  /** Waiting days already served in this period of incapacity (linked spells included). */
  readonly waitingDaysServed: number;
  /** Qualifying days already paid in this period of incapacity. */
  readonly qualifyingDaysAlreadyPaid: number;
};

export function statutorySickPay(input: SickPayInput, reference: TaxYearReference): PayElementLine {
  const rules = reference.statutoryPay.sickPay;
  requireWhole(input.averageWeeklyEarnings, 'averageWeeklyEarnings', 0, 100_000_000);
  requireWhole(input.qualifyingDaysPerWeek, 'qualifyingDaysPerWeek', 1, 7);
  requireWhole(input.qualifyingDaysSick, 'qualifyingDaysSick', 0, 31);
  requireWhole(input.waitingDaysServed, 'waitingDaysServed', 0, 366);
  requireWhole(input.qualifyingDaysAlreadyPaid, 'qualifyingDaysAlreadyPaid', 0, 366 * 7);
  const lowerLimit = rules.lowerEarningsLimitWeekly;
  if (lowerLimit !== null && input.averageWeeklyEarnings < lowerLimit) {
    return payElementLine('statutory-sick-pay', 0n, reference, () => ({
      rule: 'ssp.below-lower-earnings-limit',
      text: `Statutory sick pay: average weekly earnings ${pounds(input.averageWeeklyEarnings)} are below the lower earnings limit ${pounds(lowerLimit)}, so none is due.`,
    }));
  }
  const share =
    rules.shareOfAverageWeeklyEarningsBps === null
      ? null
      : divide(
          BigInt(input.averageWeeklyEarnings) * BigInt(rules.shareOfAverageWeeklyEarningsBps),
          10_000n,
          'up',
        );
  const weeklyRate = share !== null && share < BigInt(rules.weeklyRate) ? share : BigInt(rules.weeklyRate);
  const waitingLeft = Math.max(0, rules.waitingDays - input.waitingDaysServed);
  const entitlementLeft = Math.max(
    0,
    rules.maximumWeeks * input.qualifyingDaysPerWeek - input.qualifyingDaysAlreadyPaid,
  );
  const payableDays = Math.min(Math.max(0, input.qualifyingDaysSick - waitingLeft), entitlementLeft);
  const amount = divide(weeklyRate * BigInt(payableDays), BigInt(input.qualifyingDaysPerWeek), 'up');
  const rateWords =
    share === null
      ? `the weekly rate ${pounds(weeklyRate)}`
      : `${pounds(weeklyRate)} a week (the lower of ${pounds(rules.weeklyRate)} and ${formatRate(rules.shareOfAverageWeeklyEarningsBps ?? 0)} of average weekly earnings ${pounds(input.averageWeeklyEarnings)})`;
  return payElementLine('statutory-sick-pay', amount, reference, () => ({
    rule: 'ssp.daily-rate',
    text: `Statutory sick pay: ${payableDays} of ${input.qualifyingDaysSick} qualifying days payable${waitingLeft > 0 ? ` after ${Math.min(waitingLeft, input.qualifyingDaysSick)} waiting days` : ''} at ${rateWords} ÷ ${input.qualifyingDaysPerWeek} qualifying days = ${pounds(amount)}.`,
  }));
}

export type MaternityPayInput = {
  readonly averageWeeklyEarnings: number;
  /** Day number within the maternity pay period of the first SMP day in this pay period (1 = first day). */
  readonly firstDay: number;
  /** SMP days falling in this pay period. */
  readonly days: number;
};

/**
 * SMP: the first six weeks at 90% of average weekly earnings, the rest of the
 * 39 weeks at the lower of the standard rate and 90%; each SMP week's days
 * are paid at a seventh of its weekly rate.
 */
export function statutoryMaternityPay(input: MaternityPayInput, reference: TaxYearReference): PayElementLine {
  const rules = reference.statutoryPay.maternityPay;
  const lastDay = rules.totalWeeks * 7;
  requireWhole(input.averageWeeklyEarnings, 'averageWeeklyEarnings', 0, 100_000_000);
  requireWhole(input.firstDay, 'firstDay', 1, lastDay);
  requireWhole(input.days, 'days', 0, lastDay - input.firstDay + 1);
  if (input.averageWeeklyEarnings < rules.lowerEarningsLimitWeekly) {
    return payElementLine('statutory-maternity-pay', 0n, reference, () => ({
      rule: 'smp.below-lower-earnings-limit',
      text: `Statutory maternity pay: average weekly earnings ${pounds(input.averageWeeklyEarnings)} are below the lower earnings limit ${pounds(rules.lowerEarningsLimitWeekly)}, so none is due.`,
    }));
  }
  const earningsRelated = divide(
    BigInt(input.averageWeeklyEarnings) * BigInt(rules.earningsRelatedBps),
    10_000n,
    'up',
  );
  const standard =
    earningsRelated < BigInt(rules.standardWeeklyRate) ? earningsRelated : BigInt(rules.standardWeeklyRate);
  let amount = 0n;
  const pieces: string[] = [];
  let day = input.firstDay;
  const end = input.firstDay + input.days;
  while (day < end) {
    const week = Math.ceil(day / 7);
    const weekEnd = Math.min(end, week * 7 + 1);
    const daysInWeek = weekEnd - day;
    const rate = week <= rules.earningsRelatedWeeks ? earningsRelated : standard;
    const weekAmount = divide(rate * BigInt(daysInWeek), 7n, 'up');
    amount += weekAmount;
    pieces.push(`week ${week}: ${daysInWeek}/7 × ${pounds(rate)}`);
    day = weekEnd;
  }
  return payElementLine('statutory-maternity-pay', amount, reference, () => ({
    rule: 'smp.weekly-rates',
    text: `Statutory maternity pay: ${formatRate(rules.earningsRelatedBps)} of average weekly earnings ${pounds(input.averageWeeklyEarnings)} = ${pounds(earningsRelated)} for weeks 1–${rules.earningsRelatedWeeks}, then ${pounds(standard)}; ${pieces.join(', ')} = ${pounds(amount)}.`,
  }));
}
