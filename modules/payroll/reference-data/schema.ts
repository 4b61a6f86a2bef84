import { z } from 'zod';

/**
 * The shape of one tax year's reference data file (years/<taxYear>.json).
 * Money is integer pence, rates are basis points, hours are hundredths. Every
 * figure is wrapped as {value, conf, source, note?} so that the provenance of
 * each number travels with it into the product.
 */
export const confidenceSchema = z.enum(['C', 'S', 'D', 'U']);
export type Confidence = z.infer<typeof confidenceSchema>;

const sourced = <T extends z.ZodType>(value: T) =>
  z
    .object({
      value,
      conf: confidenceSchema,
      source: z.array(z.string().regex(/^[A-Z]+\d+$/, 'a source id such as R5')).min(1),
      note: z.string().min(1).optional(),
    })
    .strict();

const pence = z.number().int().min(0).max(100_000_000_00);
const basisPoints = z.number().int().min(0).max(1_000_000);

const periodAmountsSchema = z
  .object({
    weekly: pence,
    fortnightly: pence,
    fourWeekly: pence,
    monthly: pence,
    annual: pence,
  })
  .strict();

const taxRegimeSchema = z
  .object({
    ratesBps: z.array(basisPoints).min(2),
    bandwidths: z.array(pence.multipleOf(100, 'bandwidths are whole pounds')),
    basicRatePointer: z.number().int().min(1),
  })
  .strict();

export const niThresholdNames = ['LEL', 'PT', 'ST', 'FUST', 'IZUST', 'UEL', 'UST', 'AUST', 'VUST'] as const;
export type NiThresholdName = (typeof niThresholdNames)[number];

const niCategorySchema = z
  .object({
    employeeMainBps: basisPoints,
    employeeAdditionalBps: basisPoints,
    employerBps: basisPoints,
    employerThreshold: z.enum(niThresholdNames),
    liable: z.boolean(),
  })
  .strict();

const loanTermsSchema = z
  .object({
    annualThreshold: pence,
    weeklyThreshold: pence,
    monthlyThreshold: pence,
    rateBps: basisPoints,
  })
  .strict();

const pensionTierSchema = z.object({ upToAnnual: pence.nullable(), rateBps: basisPoints }).strict();

const payPointSchema = z.object({ annual: pence, yearsToNext: z.number().int().min(1).nullable() }).strict();

const hcasZoneSchema = z
  .object({ rateBps: basisPoints, minimumAnnual: pence, maximumAnnual: pence })
  .strict();

const treatmentSchema = z
  .object({ taxable: z.boolean(), niable: z.boolean(), pensionable: z.boolean() })
  .strict();

export const payElementKinds = [
  'basic-pay',
  'additional-hours',
  'hcas',
  'unsocial-hours',
  'overtime',
  'on-call-availability',
  'on-call-work',
  'statutory-sick-pay',
  'statutory-maternity-pay',
  'salary-sacrifice',
  'bank-shift',
] as const;
export type PayElementKind = (typeof payElementKinds)[number];

/**
 * Deductions other than the statutory ones. Their treatment says which pay
 * they are taken from before the statutory calculation: `taxable: true` means
 * the deduction reduces taxable pay (payroll giving), and so on; a deduction
 * with every flag false is taken from net pay.
 */
export const deductionKinds = [
  'payroll-giving',
  'voluntary-deduction',
  'attachment-of-earnings',
  'anytime-pay-recovery',
] as const;
export type DeductionKind = (typeof deductionKinds)[number];

export const studentLoanPlans = ['1', '2', '4', '5'] as const;
export type StudentLoanPlan = (typeof studentLoanPlans)[number];

export const hcasZones = ['inner-london', 'outer-london', 'fringe'] as const;
export type HcasZone = (typeof hcasZones)[number];

export const taxRegimes = ['rest-of-uk', 'scotland', 'wales'] as const;
export type TaxRegime = (typeof taxRegimes)[number];

export const taxYearFileSchema = z
  .object({
    schema: z.literal('mainstay-payroll-reference/1'),
    taxYear: z.string().regex(/^\d{4}-\d{2}$/),
    start: z.iso.date(),
    end: z.iso.date(),
    units: z.string(),
    sources: z.record(z.string().regex(/^[A-Z]+\d+$/), z.string().min(1)),
    incomeTax: z
      .object({
        personalAllowance: sourced(pence),
        emergencyCode: sourced(z.string()),
        regulatoryLimitBps: sourced(basisPoints),
        tablesA: sourced(
          z
            .object({
              codeBlock: z.number().int().min(1),
              poundsPerCodeUnit: z.number().int().min(1),
              codeUplift: z.number().int().min(0),
              blockAllowanceWeekly: pence,
              blockAllowanceMonthly: pence,
            })
            .strict(),
        ),
        regimes: z
          .object({
            'rest-of-uk': sourced(taxRegimeSchema),
            scotland: sourced(taxRegimeSchema),
            wales: sourced(taxRegimeSchema),
          })
          .strict(),
      })
      .strict(),
    nationalInsurance: z
      .object({
        thresholds: z
          .object(
            Object.fromEntries(
              niThresholdNames.map((name) => [name, sourced(periodAmountsSchema)]),
            ) as Record<NiThresholdName, ReturnType<typeof sourced<typeof periodAmountsSchema>>>,
          )
          .strict(),
        categories: z.record(z.string().regex(/^[A-Z]$/), sourced(niCategorySchema)),
      })
      .strict(),
    studentLoans: z
      .object({
        plans: z.partialRecord(z.enum(studentLoanPlans), sourced(loanTermsSchema)),
        postgraduate: sourced(loanTermsSchema),
      })
      .strict(),
    nhsPension: z
      .object({
        memberTiers: sourced(z.array(pensionTierSchema).min(1)),
        employer: sourced(
          z
            .object({
              contributionBps: basisPoints,
              administrationLevyBps: basisPoints,
              paidLocallyBps: basisPoints,
              paidCentrallyBps: basisPoints,
            })
            .strict(),
        ),
      })
      .strict(),
    agendaForChange: z
      .object({
        workingTime: sourced(
          z
            .object({
              fullTimeWeeklyHours: z.number().int().min(1),
              weeksPerYearThousandths: z.number().int().min(1),
            })
            .strict(),
        ),
        payPoints: z.record(z.string().regex(/^\d[a-d]?$/), sourced(z.array(payPointSchema).min(1))),
        hcas: z
          .object({
            'inner-london': sourced(hcasZoneSchema),
            'outer-london': sourced(hcasZoneSchema),
            fringe: sourced(hcasZoneSchema),
          })
          .strict(),
        unsocialHours: z.array(
          sourced(
            z
              .object({
                bands: z.array(z.string()).min(1),
                saturdayOrNightBps: basisPoints,
                sundayOrPublicHolidayBps: basisPoints,
              })
              .strict(),
          ),
        ),
        overtime: sourced(
          z
            .object({
              eligibleBands: z.array(z.string()),
              multiplierBps: basisPoints,
              publicHolidayMultiplierBps: basisPoints,
            })
            .strict(),
        ),
        onCall: sourced(z.object({ callOutMultiplierBps: basisPoints }).strict()),
      })
      .strict(),
    statutoryPay: z
      .object({
        sickPay: sourced(
          z
            .object({
              weeklyRate: pence,
              shareOfAverageWeeklyEarningsBps: basisPoints.nullable(),
              lowerEarningsLimitWeekly: pence.nullable(),
              waitingDays: z.number().int().min(0).max(7),
              maximumWeeks: z.number().int().min(1),
            })
            .strict(),
        ),
        maternityPay: sourced(
          z
            .object({
              standardWeeklyRate: pence,
              earningsRelatedBps: basisPoints,
              earningsRelatedWeeks: z.number().int().min(0),
              totalWeeks: z.number().int().min(1),
              lowerEarningsLimitWeekly: pence,
            })
            .strict(),
        ),
      })
      .strict(),
    payElementTreatment: z
      .object(
        Object.fromEntries(payElementKinds.map((kind) => [kind, sourced(treatmentSchema)])) as Record<
          PayElementKind,
          ReturnType<typeof sourced<typeof treatmentSchema>>
        >,
      )
      .strict(),
    deductionTreatment: z
      .object(
        Object.fromEntries(deductionKinds.map((kind) => [kind, sourced(treatmentSchema)])) as Record<
          DeductionKind,
          ReturnType<typeof sourced<typeof treatmentSchema>>
        >,
      )
      .strict(),
  })
  .strict();

export type TaxYearFile = z.infer<typeof taxYearFileSchema>;
