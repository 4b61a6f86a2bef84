import { divide } from '../../../../kernel/money';
import type { HcasZone, TaxYearReference } from '../../reference-data';
import { formatRate } from '../explain';
import { type PeriodShare, periodFraction, pounds } from './agenda-for-change';
import { type PayElementLine, payElementLine, requireWhole } from './pay-element';

export type BasicPayInput = PeriodShare & {
  /** Whole-time annual salary: an AfC pay point (see afcPayPoint) or a spot salary, in pence. */
  readonly annualSalary: number;
};

/** Basic pay for the period, pro rata for hours and days, rounded once, half up. */
export function basicPay(input: BasicPayInput, reference: TaxYearReference): PayElementLine {
  requireWhole(input.annualSalary, 'annualSalary', 0, 100_000_000);
  const fraction = periodFraction(input, reference);
  const amount = divide(BigInt(input.annualSalary) * fraction.numerator, fraction.denominator, 'half-up');
  return payElementLine('basic-pay', amount, reference, () => ({
    rule: 'basic-pay.calendar-days',
    text: `Basic pay: ${pounds(input.annualSalary)} a year${fraction.words} = ${pounds(amount)}.`,
  }));
}

export type HcasInput = PeriodShare & {
  readonly zone: HcasZone;
  /** Whole-time annual basic salary including any long-term recruitment and retention premium (pence). */
  readonly annualBasic: number;
};

/**
 * High Cost Area Supplement: the zone's percentage of whole-time basic pay,
 * held between the zone's annual minimum and maximum, then pro rata for
 * part-time hours and part periods like basic pay (handbook section 4).
 */
export function hcasPayment(input: HcasInput, reference: TaxYearReference): PayElementLine {
  requireWhole(input.annualBasic, 'annualBasic', 0, 100_000_000);
  const zone = reference.agendaForChange.hcas[input.zone];
  const percentage = BigInt(input.annualBasic) * BigInt(zone.rateBps);
  const minimum = BigInt(zone.minimumAnnual) * 10_000n;
  const maximum = BigInt(zone.maximumAnnual) * 10_000n;
  const annualTimes10000 = percentage < minimum ? minimum : percentage > maximum ? maximum : percentage;
  const bound =
    percentage < minimum
      ? ' (raised to the minimum)'
      : percentage > maximum
        ? ' (capped at the maximum)'
        : '';
  const fraction = periodFraction(input, reference);
  const amount = divide(annualTimes10000 * fraction.numerator, fraction.denominator * 10_000n, 'half-up');
  return payElementLine('hcas', amount, reference, () => ({
    rule: 'hcas.percentage-min-max',
    text: `High Cost Area Supplement (${input.zone}): ${formatRate(zone.rateBps)} of ${pounds(input.annualBasic)}, within ${pounds(zone.minimumAnnual)}–${pounds(zone.maximumAnnual)}${bound} = ${pounds(divide(annualTimes10000, 10_000n, 'half-up'))} a year${fraction.words} = ${pounds(amount)}.`,
  }));
}
