import { z } from '@hono/zod-openapi';
import { penceSchema } from '../../../kernel/http';

/** Answers of the payroll API, described for the OpenAPI document (money in integer pence). */
const date = z.string().openapi({ example: '2026-11-30' });

export const EmployerSchema = z
  .object({
    payeOfficeNumber: z.string(),
    payeReference: z.string(),
    accountsOfficeReference: z.string(),
    bacsServiceUserNumber: z.string(),
    bankSortCode: z.string(),
    bankAccountNumber: z.string(),
    bankAccountName: z.string(),
    pensionFunding: z.enum(['central-funding', 'full-rate']),
  })
  .openapi('PayrollEmployer');

export const PayRecordSchema = z
  .object({
    band: z.string().nullable(),
    payPoint: z.number().int().nullable(),
    pointSince: z.string().nullable(),
    spotSalaryPence: z.number().int().nullable(),
    contractedCentihours: z.number().int(),
    hcasZone: z.string().nullable(),
    costCentreCode: z.string(),
    accountCode: z.string(),
    taxCode: z.string(),
    week1Month1: z.boolean(),
    taxCodeSource: z.string(),
    niLetter: z.string(),
    pensionMember: z.boolean(),
    studentLoanPlans: z.array(z.string()),
    postgraduateLoan: z.boolean(),
    leavingDate: z.string().nullable(),
  })
  .openapi('PayRecord');

const employeeFields = {
  id: z.string(),
  payrollNumber: z.string(),
  userId: z.string().nullable(),
  title: z.string().nullable(),
  forenames: z.string(),
  surname: z.string(),
  niNumber: z.string().nullable(),
  dateOfBirth: date,
  gender: z.enum(['M', 'F']),
  addressLines: z.array(z.string()),
  postcode: z.string().nullable(),
  payFrequency: z.string(),
  startDate: date,
  starterBasis: z.string(),
  leavingDate: z.string().nullable(),
  record: PayRecordSchema.nullable(),
};

export const EmployeeSummarySchema = z.object(employeeFields).openapi('EmployeeSummary');

export const BankDetailsSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    sortCode: z.string(),
    accountNumber: z.string(),
    accountName: z.string(),
    status: z.enum(['pending', 'verified', 'rejected']),
    enteredBy: z.string(),
    enteredAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .openapi('BankDetails');

export const DeductionOrderSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    kind: z.string(),
    description: z.string(),
    payee: z.string(),
    amountPerPeriod: penceSchema,
    startsOn: date,
    endsOn: z.string().nullable(),
    stoppedAt: z.string().nullable(),
  })
  .openapi('DeductionOrder');

export const EmployeeSchema = z
  .object({
    ...employeeFields,
    changes: z.array(
      z.object({
        changeNo: z.number().int(),
        effectiveFrom: date,
        fields: z.record(z.string(), z.unknown()),
        reason: z.string(),
        recordedBy: z.string(),
        recordedAt: z.string(),
      }),
    ),
    bankDetails: z.array(BankDetailsSchema),
    orders: z.array(DeductionOrderSchema),
    arrearsFrom: z.string().nullable().optional(),
  })
  .openapi('Employee');

const totals = z.object({
  gross: penceSchema,
  incomeTax: penceSchema,
  employeeNi: penceSchema,
  employerNi: penceSchema,
  pensionEmployee: penceSchema,
  pensionEmployer: penceSchema,
  studentLoan: penceSchema,
  postgraduateLoan: penceSchema,
  otherDeductions: penceSchema,
  netPay: penceSchema,
});

export const PreviewSummarySchema = z
  .object({
    complete: z.boolean(),
    batches: z.number().int(),
    considered: z.number().int(),
    payslips: z.number().int(),
    withIssues: z.number().int(),
    notEmployed: z.number().int(),
    variances: z.record(z.string(), z.number().int()),
    totals,
  })
  .openapi('PayRunPreview');

export const PayRunSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['main', 'supplementary']),
    payFrequency: z.string(),
    taxYear: z.string(),
    period: z.number().int(),
    taxPeriod: z.number().int(),
    periodStart: date,
    periodEnd: date,
    payDate: date,
    status: z.enum(['draft', 'approved', 'committed', 'cancelled']),
    employeeIds: z.array(z.string()).nullable(),
    preparedBy: z.string().nullable(),
    preparedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    committedAt: z.string().nullable(),
    journalId: z.string().nullable(),
    preview: PreviewSummarySchema.nullable(),
    totals: z.record(z.string(), z.unknown()).nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('PayRun');

export const RunIssueSchema = z
  .object({
    employeeId: z.string(),
    payrollNumber: z.string(),
    name: z.string(),
    path: z.string().openapi({ example: 'niLetter' }),
    rule: z.string().openapi({ example: 'ni-category-known' }),
    message: z.string(),
    excluded: z.object({ reason: z.string(), excludedBy: z.string(), excludedAt: z.string() }).nullable(),
  })
  .openapi('PayRunIssue');

export const VarianceSchema = z
  .object({
    employeeId: z.string(),
    payrollNumber: z.string(),
    name: z.string(),
    flags: z.array(z.string()),
    netPence: penceSchema,
    previousNetPence: penceSchema.nullable(),
    changeBps: z.number().int().nullable(),
  })
  .openapi('PayRunVariance');

const figures = z.object({
  gross: penceSchema,
  taxable: penceSchema,
  niable: penceSchema,
  pensionable: penceSchema,
  incomeTax: penceSchema,
  employeeNi: penceSchema,
  employerNi: penceSchema,
  pensionEmployee: penceSchema,
  pensionEmployer: penceSchema,
  studentLoan: penceSchema,
  postgraduateLoan: penceSchema,
  otherDeductions: penceSchema,
  anytimePayRecovered: penceSchema,
  netPay: penceSchema,
});

const ytd = z.record(z.string(), penceSchema);

export const PayslipSummarySchema = z
  .object({
    runId: z.string(),
    employeeId: z.string(),
    taxYear: z.string(),
    taxPeriod: z.number().int(),
    payDate: date,
    costCentreCode: z.string(),
    taxCode: z.string(),
    niLetter: z.string(),
    figures,
    ytd,
    firstPay: z.boolean(),
    lines: z.array(z.object({ k: z.string(), a: penceSchema }).passthrough()),
  })
  .openapi('PayslipSummary');

const explanation = z.object({ rule: z.string(), text: z.string() }).nullable();
const line = z.object({
  ref: z.string().openapi({ example: 'income-tax' }),
  kind: z.string(),
  label: z.string(),
  amount: penceSchema,
  arrearsFor: z.string().nullable(),
  explanation,
});

export const PayslipSchema = z
  .object({
    run: z.object({
      id: z.string(),
      kind: z.string(),
      taxYear: z.string(),
      taxPeriod: z.number().int(),
      periodName: z.string(),
      periodStart: date,
      periodEnd: date,
      payDate: date,
    }),
    employee: z.object({
      id: z.string(),
      payrollNumber: z.string(),
      name: z.string(),
      niNumber: z.string().nullable(),
      address: z.array(z.string()),
    }),
    employer: z.string(),
    pay: z.array(line),
    deductions: z.array(line),
    employerCosts: z.array(line),
    figures,
    ytd,
    taxCode: z.string(),
    week1Month1: z.boolean(),
    niLetter: z.string(),
    pensionTier: z.number().int(),
    costCentreCode: z.string(),
    explanationsMatch: z.boolean(),
    bankAccount: z.string().nullable(),
  })
  .openapi('Payslip');

export const MyPayslipSchema = z
  .object({
    runId: z.string(),
    kind: z.string(),
    periodName: z.string(),
    payDate: date,
    grossPence: penceSchema,
    netPence: penceSchema,
  })
  .openapi('MyPayslip');

export const ThirdPartySchema = z
  .object({
    run: z.string(),
    payments: z.array(
      z.object({ payee: z.string(), what: z.string(), amountPence: penceSchema, dueDate: date }),
    ),
  })
  .openapi('ThirdPartyPayments');

export const DrawSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    amountPence: penceSchema,
    periodStart: date,
    earnedNetPence: penceSchema,
    availablePence: penceSchema,
    journalId: z.string(),
    drawnBy: z.string(),
    drawnAt: z.string(),
  })
  .openapi('AnytimePayDraw');

export const AnytimePaySchema = z
  .object({
    enabled: z.boolean(),
    reason: z.string().optional(),
    open: z.boolean().optional(),
    closedReason: z.string().nullable().optional(),
    periodStart: date.optional(),
    periodEnd: date.optional(),
    payDate: date.optional(),
    daysWorked: z.number().int().optional(),
    daysEmployed: z.number().int().optional(),
    expectedNetPay: penceSchema.optional(),
    earnedNet: penceSchema.optional(),
    drawnThisPeriod: penceSchema.optional(),
    drawsThisPeriod: z.number().int().optional(),
    available: penceSchema.optional(),
    drawsLeft: z.number().int().optional(),
    limits: z
      .object({
        maxShareOfEarnedNetBasisPoints: z.number().int(),
        minimumDrawPence: penceSchema,
        maxDrawsPerPeriod: z.number().int(),
      })
      .optional(),
    draws: z.array(DrawSchema).optional(),
  })
  .openapi('AnytimePay');

export const QuerySchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    employeeId: z.string(),
    name: z.string(),
    payrollNumber: z.string(),
    lineRef: z.string(),
    queryType: z.string(),
    rule: z.string().nullable(),
    message: z.string(),
    calculation: z.record(z.string(), z.unknown()),
    status: z.enum(['open', 'resolved']),
    raisedBy: z.string(),
    raisedAt: z.string(),
    resolution: z.string().nullable(),
    rootCause: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    age: z.object({
      workingHours: z.number(),
      status: z.enum(['within-sla', 'escalate', 'breached']),
      hoursLeft: z.number(),
    }),
  })
  .openapi('PayslipQuery');

export const RepeatedQuerySchema = z
  .object({
    queryType: z.string(),
    rule: z.string().nullable(),
    total: z.number().int(),
    open: z.number().int(),
    rootCauses: z.record(z.string(), z.number()),
    latest: z.string(),
  })
  .openapi('RepeatedQueryType');

export const ClaimSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    workedOn: date,
    kind: z.string(),
    details: z.record(z.string(), z.unknown()),
    source: z.string(),
    paidByRunId: z.string().nullable(),
    recordedAt: z.string(),
  })
  .openapi('Claim');

const rejection = z.object({
  row: z.number().int(),
  raw: z.string(),
  issues: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })),
});

export const ClaimsImportSchema = z
  .object({
    importId: z.string(),
    imported: z.number().int(),
    claimIds: z.array(z.string()),
    rejections: z.array(rejection),
  })
  .openapi('ClaimsImport');

export const ClaimRejectionSchema = rejection
  .extend({ importId: z.string(), fileName: z.string(), recordedAt: z.string() })
  .openapi('ClaimRejection');

export const PayAwardSchema = z
  .object({
    id: z.string(),
    payYear: z.string(),
    effectiveFrom: date,
    description: z.string(),
    points: z.record(z.string(), z.array(penceSchema)),
    employeesForArrears: z.number().int().optional(),
    recordedAt: z.string().optional(),
  })
  .openapi('PayAward');

export const WorkforceMonthSchema = z
  .object({
    organisationId: z.string(),
    team: z.string(),
    month: z.string(),
    headcount: z.number().int(),
    starters: z.number().int(),
    leavers: z.number().int(),
    sicknessDays: z.number().int(),
    employedDays: z.number().int(),
    turnoverRate: z.number(),
    sicknessRate: z.number(),
  })
  .openapi('WorkforceMonth');

export const CalcAnswerSchema = z
  .object({
    incomeTax: penceSchema.nullable(),
    employeeNi: penceSchema.nullable(),
    employerNi: penceSchema.nullable(),
    studentLoan: penceSchema.nullable(),
    postgraduateLoan: penceSchema.nullable(),
    pensionEmployee: penceSchema.nullable(),
    pensionEmployer: penceSchema.nullable(),
    explanations: z.array(z.object({ rule: z.string(), text: z.string() })),
    issues: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })),
  })
  .openapi('PayrollCalcAnswer');

export const P45Schema = z
  .object({
    employeeId: z.string(),
    payrollNumber: z.string(),
    niNumber: z.string().nullable(),
    name: z.string(),
    leavingDate: date,
    taxYear: z.string(),
    taxCode: z.string().nullable(),
    week1Month1: z.boolean(),
    lastPayPeriod: z.object({ taxYear: z.string(), taxPeriod: z.number().int(), payDate: date }).nullable(),
    payToDatePence: penceSchema,
    taxToDatePence: penceSchema,
    studentLoanToContinue: z.boolean(),
    postgraduateLoanToContinue: z.boolean(),
  })
  .openapi('P45');
