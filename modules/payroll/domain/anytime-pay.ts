import type { ValidationIssue } from '../../../kernel/errors';
import { formatPounds } from '../../../kernel/money';
import { daysBetween, type LocalDate } from '../../../kernel/time';
import { earlierDate, laterDate, type PayPeriod } from './pay-period';

/**
 * Anytime pay: staff draw part of the net pay they have already earned this
 * period, before pay day. Earned net is estimated from the contract — the
 * period's expected net pay (no claims, no overtime) × the days worked so far
 * ÷ the days employed in the period — and the framework sets the share of it
 * that may be drawn, the smallest draw and how many draws a period allows.
 */
export type AnytimePayLimits = {
  maxShareOfEarnedNetBasisPoints: number;
  minimumDrawPence: number;
  maxDrawsPerPeriod: number;
};

export type AnytimePayPosition = {
  periodStart: LocalDate;
  periodEnd: LocalDate;
  payDate: LocalDate;
  daysWorked: number;
  daysEmployed: number;
  expectedNetPay: number;
  earnedNet: number;
  drawnThisPeriod: number;
  drawsThisPeriod: number;
  /** The most that can be drawn now: the allowed share of earned net less what has been drawn. */
  available: number;
  drawsLeft: number;
  limits: AnytimePayLimits;
};

export function anytimePayPosition(input: {
  period: PayPeriod;
  today: LocalDate;
  startDate: LocalDate;
  leavingDate: LocalDate | null;
  expectedNetPay: number;
  drawnThisPeriod: number;
  drawsThisPeriod: number;
  limits: AnytimePayLimits;
}): AnytimePayPosition {
  const { period, limits } = input;
  const first = laterDate(input.startDate, period.start);
  const lastEmployed =
    input.leavingDate !== null && input.leavingDate < period.end ? input.leavingDate : period.end;
  const lastWorked = earlierDate(input.today, lastEmployed);
  const daysEmployed = Math.max(0, daysBetween(first, lastEmployed) + 1);
  const daysWorked = Math.max(0, Math.min(daysEmployed, daysBetween(first, lastWorked) + 1));
  const earnedNet =
    daysEmployed === 0 ? 0 : Math.floor((Math.max(0, input.expectedNetPay) * daysWorked) / daysEmployed);
  const allowed = Math.floor((earnedNet * limits.maxShareOfEarnedNetBasisPoints) / 10_000);
  return {
    periodStart: period.start,
    periodEnd: period.end,
    payDate: period.payDate,
    daysWorked,
    daysEmployed,
    expectedNetPay: input.expectedNetPay,
    earnedNet,
    drawnThisPeriod: input.drawnThisPeriod,
    drawsThisPeriod: input.drawsThisPeriod,
    available: Math.max(0, allowed - input.drawnThisPeriod),
    drawsLeft: Math.max(0, limits.maxDrawsPerPeriod - input.drawsThisPeriod),
    limits,
  };
}

export type DrawRefusal = {
  code: 'ANYTIME_PAY_BELOW_MINIMUM' | 'ANYTIME_PAY_OVER_LIMIT' | 'ANYTIME_PAY_TOO_MANY_DRAWS';
  message: string;
  issue: ValidationIssue;
};

const pounds = (pence: number) => formatPounds(BigInt(pence));

/** Why a draw of `amount` cannot be made now, or null when it can. */
export function drawRefusal(amount: number, position: AnytimePayPosition): DrawRefusal | null {
  const { limits } = position;
  if (position.drawsLeft === 0) {
    return {
      code: 'ANYTIME_PAY_TOO_MANY_DRAWS',
      message: `You have already made ${position.drawsThisPeriod} draws this pay period, the most allowed (${limits.maxDrawsPerPeriod})`,
      issue: {
        path: 'amountPence',
        rule: 'draws-per-period',
        message: `at most ${limits.maxDrawsPerPeriod} draws each pay period`,
      },
    };
  }
  if (amount < limits.minimumDrawPence) {
    return {
      code: 'ANYTIME_PAY_BELOW_MINIMUM',
      message: `The smallest draw is ${pounds(limits.minimumDrawPence)}; you asked for ${pounds(amount)}`,
      issue: {
        path: 'amountPence',
        rule: 'minimum-draw',
        message: `draw at least ${pounds(limits.minimumDrawPence)}`,
      },
    };
  }
  if (amount > position.available) {
    return {
      code: 'ANYTIME_PAY_OVER_LIMIT',
      message: `You can draw up to ${pounds(position.available)} now: ${limits.maxShareOfEarnedNetBasisPoints / 100}% of the ${pounds(position.earnedNet)} net pay earned so far${position.drawnThisPeriod > 0 ? `, less ${pounds(position.drawnThisPeriod)} already drawn` : ''}`,
      issue: {
        path: 'amountPence',
        rule: 'share-of-earned-net',
        message: `at most ${pounds(position.available)} is available`,
      },
    };
  }
  return null;
}
