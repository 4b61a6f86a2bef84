import type { TaxYearReference } from '../reference-data';
import { frequencyRules, type PayFrequency } from './pay-frequency';
import { floorDivide, halfUpDivide } from './rounding';

/**
 * NHS Pension Scheme contributions (reference §4). The member's tier is set
 * by actual (not whole-time-equivalent) annual pensionable pay: the caller
 * supplies it from the pay record, or annualises one period with
 * annualisePensionablePay. Contributions are rounded to the nearest penny,
 * halves up (the scheme publishes no rounding rule; this is stated, not sourced).
 */
export type EmployerPensionFunding =
  /** NHS England employers: 14.38% locally, 9.4% paid centrally on their behalf. */
  | 'central-funding'
  /** Bodies outside central funding pay the full 23.7% plus the 0.08% levy. */
  | 'full-rate';

export type NhsPensionInput = {
  /** Pensionable pay in this period (pence). */
  readonly pensionablePay: number;
  /** Actual annual pensionable pay that sets the tier (pence). */
  readonly annualPensionablePay: number;
  readonly employerFunding: EmployerPensionFunding;
};

export type NhsPensionTrace = {
  readonly rule: 'nhs-pension.tiered';
  readonly pensionablePay: number;
  readonly annualPensionablePay: number;
  /** 1-based tier number. */
  readonly tier: number;
  /** Upper bound of the tier in pence, null for the open top tier. */
  readonly tierUpTo: number | null;
  readonly memberRateBps: number;
  readonly employerLocalRateBps: number;
  readonly employerCentralRateBps: number;
};

export type NhsPensionResult = {
  readonly employee: number;
  /** What the employer pays through payroll. */
  readonly employer: number;
  /** Paid centrally for NHS England employers (0 on the full rate). */
  readonly employerCentral: number;
  readonly trace: NhsPensionTrace;
};

/**
 * One period's pay × the regular pay days in a year (52, 26, 13 or 12): the
 * rule used when only a single period is known (e.g. the what-if calculator).
 */
export function annualisePensionablePay(pensionablePay: number, frequency: PayFrequency): number {
  return pensionablePay * frequencyRules[frequency].periodsPerYear;
}

/** Tiers are published in whole pounds ("up to £13,259", "£13,260 to £27,797"), so pence are dropped first. */
export function nhsPensionTier(
  annualPensionablePay: number,
  reference: TaxYearReference,
): { tier: number; upTo: number | null; rateBps: number } {
  const wholePounds = floorDivide(Math.max(0, annualPensionablePay), 100) * 100;
  const tiers = reference.nhsPension.memberTiers;
  for (let index = 0; index < tiers.length; index++) {
    const tier = tiers[index];
    if (tier && (tier.upToAnnual === null || wholePounds <= tier.upToAnnual)) {
      return { tier: index + 1, upTo: tier.upToAnnual, rateBps: tier.rateBps };
    }
  }
  throw new RangeError('unreachable: the top tier is open');
}

export function calculateNhsPension(input: NhsPensionInput, reference: TaxYearReference): NhsPensionResult {
  const { tier, upTo, rateBps } = nhsPensionTier(input.annualPensionablePay, reference);
  const employerRates = reference.nhsPension.employer;
  const central = input.employerFunding === 'central-funding';
  const employerLocalRateBps = central
    ? employerRates.paidLocallyBps
    : employerRates.contributionBps + employerRates.administrationLevyBps;
  const employerCentralRateBps = central ? employerRates.paidCentrallyBps : 0;
  const pay = Math.max(0, input.pensionablePay);
  return {
    employee: halfUpDivide(pay * rateBps, 10_000),
    employer: halfUpDivide(pay * employerLocalRateBps, 10_000),
    employerCentral: halfUpDivide(pay * employerCentralRateBps, 10_000),
    trace: {
      rule: 'nhs-pension.tiered',
      pensionablePay: pay,
      annualPensionablePay: input.annualPensionablePay,
      tier,
      tierUpTo: upTo,
      memberRateBps: rateBps,
      employerLocalRateBps,
      employerCentralRateBps,
    },
  };
}
