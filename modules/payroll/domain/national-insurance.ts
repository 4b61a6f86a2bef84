import type { NiCategoryReference, NiThresholdName, TaxYearReference } from '../reference-data';
import { frequencyRules, type PayFrequency } from './pay-frequency';
import { niRoundedPercentage } from './rounding';

/**
 * Class 1 NI for one earnings period by the exact-percentage method (reference
 * §2). Non-cumulative; employee and employer are calculated separately, and
 * each band's contribution is rounded on its own (NIM11002; HMRC's 2025/26
 * test data reproduces only with per-band rounding).
 */
export type NationalInsuranceInput = {
  readonly category: string;
  readonly frequency: PayFrequency;
  /** NI-able earnings in the period (pence); never negative. */
  readonly niablePay: number;
};

/** Earnings in each band, as the FPS reports them. */
export type NiBandEarnings = {
  readonly atLel: number;
  readonly lelToPt: number;
  readonly ptToUel: number;
  readonly aboveUel: number;
};

export type NationalInsuranceTrace = {
  readonly rule: 'ni.exact-percentage' | 'ni.not-liable';
  readonly category: string;
  readonly frequency: PayFrequency;
  readonly niablePay: number;
  readonly primaryThreshold: number;
  readonly upperEarningsLimit: number;
  readonly employeeMainRateBps: number;
  readonly employeeAdditionalRateBps: number;
  readonly employeeMainBand: number;
  readonly employeeAdditionalBand: number;
  readonly employerThresholdName: NiThresholdName;
  readonly employerThreshold: number;
  readonly employerRateBps: number;
  readonly employerBand: number;
};

export type NationalInsuranceResult = {
  readonly employee: number;
  readonly employer: number;
  readonly bands: NiBandEarnings;
  readonly trace: NationalInsuranceTrace;
};

export function niCategoryFor(letter: string, reference: TaxYearReference): NiCategoryReference | undefined {
  return Object.hasOwn(reference.nationalInsurance.categories, letter)
    ? reference.nationalInsurance.categories[letter]
    : undefined;
}

export function calculateNationalInsurance(
  input: NationalInsuranceInput,
  reference: TaxYearReference,
  category: NiCategoryReference,
): NationalInsuranceResult {
  const key = frequencyRules[input.frequency].amountKey;
  const thresholds = reference.nationalInsurance.thresholds;
  const pay = input.niablePay;
  const lel = thresholds.LEL[key];
  const pt = thresholds.PT[key];
  const uel = thresholds.UEL[key];
  const employerThreshold = thresholds[category.employerThreshold][key];

  const liable = category.liable;
  const reachesLel = liable && pay >= lel;
  const bands: NiBandEarnings = {
    atLel: reachesLel ? lel : 0,
    lelToPt: reachesLel ? Math.min(pay, pt) - lel : 0,
    ptToUel: reachesLel ? Math.max(0, Math.min(pay, uel) - pt) : 0,
    aboveUel: reachesLel ? Math.max(0, pay - uel) : 0,
  };
  const employeeMainBand = liable ? Math.max(0, Math.min(pay, uel) - pt) : 0;
  const employeeAdditionalBand = liable ? Math.max(0, pay - uel) : 0;
  const employerBand = liable ? Math.max(0, pay - employerThreshold) : 0;

  const employee =
    niRoundedPercentage(employeeMainBand, category.employeeMainBps) +
    niRoundedPercentage(employeeAdditionalBand, category.employeeAdditionalBps);
  const employer = niRoundedPercentage(employerBand, category.employerBps);

  return {
    employee,
    employer,
    bands,
    trace: {
      rule: liable ? 'ni.exact-percentage' : 'ni.not-liable',
      category: input.category,
      frequency: input.frequency,
      niablePay: pay,
      primaryThreshold: pt,
      upperEarningsLimit: uel,
      employeeMainRateBps: category.employeeMainBps,
      employeeAdditionalRateBps: category.employeeAdditionalBps,
      employeeMainBand,
      employeeAdditionalBand,
      employerThresholdName: category.employerThreshold,
      employerThreshold,
      employerRateBps: category.employerBps,
      employerBand,
    },
  };
}
