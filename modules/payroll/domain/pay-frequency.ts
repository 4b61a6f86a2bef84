export const payFrequencies = ['weekly', 'fortnightly', 'four-weekly', 'monthly'] as const;
export type PayFrequency = (typeof payFrequencies)[number];

/** Key of a frequency in the reference data's per-period amounts. */
export type PeriodAmountKey = 'weekly' | 'fortnightly' | 'fourWeekly' | 'monthly';

export type FrequencyRules = {
  readonly amountKey: PeriodAmountKey;
  /** Regular pay days in a tax year, used to annualise one period's pay. */
  readonly periodsPerYear: number;
  /** The highest pay-day number: week 53, fortnight 27 (week 54), four-week 14 (week 56). */
  readonly maxPeriod: number;
  /** Weeks in one pay period, or 0 for monthly pay (tax months, not weeks). */
  readonly weeksPerPeriod: number;
  readonly periodName: string;
};

export const frequencyRules: Record<PayFrequency, FrequencyRules> = {
  weekly: { amountKey: 'weekly', periodsPerYear: 52, maxPeriod: 53, weeksPerPeriod: 1, periodName: 'week' },
  fortnightly: {
    amountKey: 'fortnightly',
    periodsPerYear: 26,
    maxPeriod: 27,
    weeksPerPeriod: 2,
    periodName: 'fortnight',
  },
  'four-weekly': {
    amountKey: 'fourWeekly',
    periodsPerYear: 13,
    maxPeriod: 14,
    weeksPerPeriod: 4,
    periodName: 'four-week period',
  },
  monthly: {
    amountKey: 'monthly',
    periodsPerYear: 12,
    maxPeriod: 12,
    weeksPerPeriod: 0,
    periodName: 'month',
  },
};

export function isPayFrequency(value: unknown): value is PayFrequency {
  return typeof value === 'string' && (payFrequencies as readonly string[]).includes(value);
}

/**
 * Which PAYE table position a pay day uses. Fortnightly and four-weekly pay
 * use the weekly tables at weeks 2, 4, 6 … and 4, 8, 12 … (Tolley E4.1142).
 * The 53rd weekly, 27th fortnightly or 14th four-weekly pay day is taxed
 * non-cumulatively on the week 1, 2 or 4 tables (PAYE70015).
 */
export type TaxPeriodPosition = {
  /** Table period n: tax week or tax month number used for free pay and band limits. */
  readonly tablePeriod: number;
  /** 52 for the weekly tables, 12 for the monthly tables. */
  readonly tableBase: 52 | 12;
  readonly extraPayDay: boolean;
};

export function taxPeriodPosition(
  frequency: PayFrequency,
  period: number,
  nonCumulative: boolean,
): TaxPeriodPosition {
  const rules = frequencyRules[frequency];
  if (rules.weeksPerPeriod === 0) {
    return { tablePeriod: nonCumulative ? 1 : period, tableBase: 12, extraPayDay: false };
  }
  const extraPayDay = period === rules.maxPeriod;
  const tablePeriod = nonCumulative || extraPayDay ? rules.weeksPerPeriod : period * rules.weeksPerPeriod;
  return { tablePeriod, tableBase: 52, extraPayDay };
}
