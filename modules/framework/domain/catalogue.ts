import { z } from 'zod';

/**
 * Every setting a module reads from the common operational framework: what it
 * is, who owns it, what changing it affects, and the shape of its value. The
 * values themselves live in the versioned national standard
 * (standard/<version>.json) and in each organisation's variations.
 */
export type SettingDefinition<S extends z.ZodType = z.ZodType> = {
  module:
    | 'ledger'
    | 'procurement'
    | 'payables'
    | 'payroll'
    | 'workforce'
    | 'insight'
    | 'governance'
    | 'servicedesk';
  title: string;
  description: string;
  /** What changes for people and money if an organisation departs from the standard here. */
  affects: string;
  /**
   * A setting designed to be chosen locally (switching a service on, a pay
   * day): choosing it is not a departure from the standard and does not count
   * against conformance.
   */
  localChoice?: boolean;
  schema: S;
};

const pence = z.number().int().nonnegative();
const basisPoints = z.number().int().min(0).max(10_000);

export const SETTINGS = {
  'ledger.chartOfAccountsVersion': {
    module: 'ledger',
    title: 'Chart of accounts',
    description: 'The version of the common NHS chart of accounts every ledger posts to.',
    affects: 'Every journal line, trial balance and management account; local charts are mapped onto it.',
    schema: z.string().min(1),
  },
  'ledger.periodCloseWorkingDay': {
    module: 'ledger',
    title: 'Month-end close working day',
    description: 'The working day of the following month by which an accounting period is closed.',
    affects:
      'How long late invoices and journals can post into the previous month; timing of management accounts.',
    schema: z.number().int().min(1).max(15),
  },
  'procurement.approvalThresholds': {
    module: 'procurement',
    title: 'Approval thresholds (Standing Financial Instructions)',
    description:
      'Who may approve a requisition, by value: each level approves up to its limit (VAT exclusive).',
    affects:
      'How many approvals a requisition needs and how long ordering takes; the risk of unapproved spend.',
    schema: z
      .array(z.object({ role: z.string().min(1), upToPence: pence.nullable() }))
      .min(1)
      .refine(
        (levels) =>
          levels.every(
            (level, i) => i === 0 || (levels[i - 1]!.upToPence ?? Infinity) < (level.upToPence ?? Infinity),
          ),
        {
          message: 'levels must rise in value',
        },
      ),
  },
  'procurement.touchlessOrdering': {
    module: 'procurement',
    title: 'Touchless ordering',
    description:
      'Catalogue lines on contract and within these limits become purchase orders with no human step.',
    affects: 'The share of purchase orders raised automatically and the requisition-to-order time.',
    schema: z.object({ enabled: z.boolean(), maxLinePence: pence, maxOrderPence: pence }),
  },
  'payables.matchTolerance': {
    module: 'payables',
    title: 'Invoice matching tolerance',
    description:
      'How far an invoice line may differ from the order and receipt and still be approved automatically.',
    affects: 'The share of invoices paid with no manual touch, and the money paid above the agreed price.',
    schema: z.object({
      pricePercentBasisPoints: basisPoints,
      quantityUnits: z.number().nonnegative(),
      absoluteCapPence: pence,
    }),
  },
  'payables.paymentTermsDays': {
    module: 'payables',
    title: 'Standard payment terms',
    description: 'Days from invoice receipt to payment where the contract says nothing else.',
    affects: 'Supplier cash flow and Better Payment Practice Code compliance (paid within 30 days).',
    schema: z.number().int().min(0).max(120),
  },
  'payables.bppcTargetBasisPoints': {
    module: 'payables',
    title: 'Better Payment Practice Code target',
    description: 'Share of undisputed invoices to pay within 30 days.',
    affects: 'How compliance is reported to the board and to NHS England.',
    schema: basisPoints,
  },
  'payables.varianceApprovalLimits': {
    module: 'payables',
    title: 'Price variance acceptance limits',
    description:
      'Who may accept an invoice price variance beyond the matching tolerance, by the size of the variance.',
    affects: 'How far an accounts payable clerk can clear price queries alone, and what goes to finance.',
    schema: z
      .array(z.object({ role: z.string().min(1), upToPence: pence.nullable() }))
      .min(1)
      .refine(
        (levels) =>
          levels
            .slice(1)
            .every(
              (level, i) => level.upToPence === null || (levels[i]!.upToPence ?? Infinity) < level.upToPence,
            ),
        {
          message: 'limits must rise from one level to the next',
        },
      ),
  },
  'payroll.netPayVarianceBasisPoints': {
    module: 'payroll',
    title: 'Pay run variance threshold',
    description:
      'A change in net pay from the previous period larger than this is listed for review before commit.',
    affects: 'How many payslips a payroll officer reviews each run, and how likely an error reaches staff.',
    schema: basisPoints,
  },
  'payroll.anytimePay': {
    module: 'payroll',
    title: 'Anytime pay limits',
    description: 'Limits on staff drawing pay already earned before payday.',
    affects:
      'How much of earned net pay staff can draw and how often; cash flow and recovery in the pay run.',
    schema: z.object({
      maxShareOfEarnedNetBasisPoints: basisPoints,
      minimumDrawPence: pence,
      maxDrawsPerPeriod: z.number().int().min(0).max(31),
    }),
  },
  'payroll.anytimePayEnabled': {
    module: 'payroll',
    title: 'Anytime pay switched on',
    description: 'Whether staff of this organisation may use anytime pay.',
    affects: 'Whether the anytime pay option appears to staff.',
    localChoice: true,
    schema: z.boolean(),
  },
  'payroll.monthlyPayDay': {
    module: 'payroll',
    title: 'Monthly pay day',
    description: 'The day staff paid monthly are paid: a day of the month, or the last working day.',
    affects: 'Bacs processing dates and the RTI submission deadline.',
    localChoice: true,
    schema: z.union([z.literal('last-working-day'), z.number().int().min(1).max(28)]),
  },
  'workforce.requiredEmploymentChecks': {
    module: 'workforce',
    title: 'Pre-employment checks required',
    description: 'The NHS Employment Check Standards every new starter must clear before starting.',
    affects:
      'Time to hire, and the risk of employing someone without the right to work or a valid registration.',
    schema: z.array(
      z.enum([
        'identity',
        'right-to-work',
        'dbs',
        'references',
        'professional-registration',
        'occupational-health',
        'work-history',
      ]),
    ),
  },
  'workforce.referenceYears': {
    module: 'workforce',
    title: 'Years of references',
    description: 'Employment history covered by references for a new starter.',
    affects: 'Time to hire and assurance about past conduct.',
    schema: z.number().int().min(1).max(10),
  },
  'servicedesk.slaHours': {
    module: 'servicedesk',
    title: 'Service desk response times',
    description: 'Working hours to resolve a query or register an inbound document, and when to escalate.',
    affects: 'How long staff and suppliers wait, and how early a stuck item reaches a manager.',
    schema: z.object({
      queryResolution: z.number().positive(),
      documentRegistration: z.number().positive(),
      escalateAfter: z.number().positive(),
    }),
  },
  'governance.segregationOfDuties': {
    module: 'governance',
    title: 'Segregation of duties',
    description: 'Which pairs of duties one person may not hold on the same transaction.',
    affects:
      'The risk of fraud and error: one person raising, approving, receiving and paying for the same order.',
    schema: z.object({
      requesterMayApprove: z.boolean(),
      requesterMayReceive: z.boolean(),
      approverMayPay: z.boolean(),
      approverMayReceive: z.boolean(),
    }),
  },
  'insight.dataQualityThresholds': {
    module: 'insight',
    title: 'Data quality labels',
    description:
      'Scores a dataset needs to be labelled fit for automation, or good enough for a human decision.',
    affects: 'Which figures are shown as decision-ready and which automations may act on the data.',
    schema: z.object({ automation: z.number().min(0).max(1), decision: z.number().min(0).max(1) }),
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTINGS, key);
}

export function settingDefinition(key: SettingKey): SettingDefinition {
  return SETTINGS[key];
}
