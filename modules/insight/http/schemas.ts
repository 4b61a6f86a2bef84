import { z } from '@hono/zod-openapi';
import { penceSchema } from '../../../kernel/http';
import { SOURCE_KINDS } from '../domain/ingest';

const money = penceSchema;
const nullableMoney = penceSchema.nullable();
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .openapi({ example: '2026-04' });

export const KindSchema = z.enum(SOURCE_KINDS as [string, ...string[]]).openapi({ example: 'spend' });

export const DataQualitySchema = z
  .object({
    label: z.enum(['fit-for-automation', 'good-enough-for-decision', 'not-fit']),
    labelText: z.string(),
    scores: z.object({
      completeness: z.number(),
      validity: z.number(),
      consistency: z.number(),
      timeliness: z.number(),
    }),
    reasons: z.array(z.string()),
    rows: z.number().int(),
    datasets: z.number().int(),
  })
  .openapi('DataQuality', {
    description:
      'What the data behind a figure is fit for, from its completeness, validity, consistency and timeliness (thresholds: the framework setting insight.dataQualityThresholds)',
  });

const IssueSchema = z.object({ path: z.string(), rule: z.string(), message: z.string() });

export const ImportRequestSchema = z
  .object({
    kind: KindSchema,
    fileName: z.string().min(1).max(255),
    contentBase64: z.string().min(1).openapi({ description: 'The file (CSV or XLSX), base64-encoded' }),
    source: z
      .string()
      .optional()
      .openapi({ description: 'The feed; its column mapping is saved under this name' }),
    asAt: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional()
      .openapi({ description: 'As-at date of a staff-in-post snapshot without an as-at column' }),
    organisationName: z.string().optional(),
    profile: z
      .unknown()
      .optional()
      .openapi({ description: 'A column mapping a person confirmed for this file' }),
  })
  .openapi('ImportRequest');

export const ImportOutcomeSchema = z
  .object({
    batchId: z.string(),
    file: z.string(),
    kind: KindSchema,
    status: z.enum(['imported', 'repeat', 'failed']),
    rows: z.number().int(),
    imported: z.number().int(),
    rejected: z.number().int(),
    newRows: z.number().int(),
    alreadyPresent: z.number().int(),
    totalPence: nullableMoney,
    quality: DataQualitySchema.nullable(),
    profile: z
      .object({
        source: z.string(),
        status: z.enum(['detected', 'confirmed']),
        version: z.number().int(),
        change: z.enum(['new', 'reused', 'changed', 'given']),
        autoMapped: z.array(z.object({ header: z.string(), field: z.string() })),
        newHeaders: z.array(z.string()),
        missingHeaders: z.array(z.string()),
        needsReview: z.array(z.object({ header: z.string(), field: z.string(), reason: z.string() })),
      })
      .nullable(),
    warnings: z.array(z.object({ rule: z.string(), message: z.string() })),
    error: z.object({ code: z.string(), message: z.string(), issues: z.array(IssueSchema) }).nullable(),
  })
  .openapi('ImportOutcome', {
    description:
      'imported + rejected = rows always. On a repeat of a file already imported, imported is what that file put in the store and newRows is 0.',
  });

export const BatchSchema = z
  .object({
    organisationId: z.string(),
    id: z.string(),
    kind: KindSchema,
    source: z.string(),
    fileName: z.string(),
    fileHash: z.string(),
    status: z.enum(['imported', 'failed']),
    format: z.string().nullable(),
    encoding: z.string().nullable(),
    headers: z.array(z.string()),
    dataRows: z.number().int(),
    imported: z.number().int(),
    alreadyPresent: z.number().int(),
    rejected: z.number().int(),
    totalPence: nullableMoney,
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    importedBy: z.string(),
    importedAt: z.string(),
    qualityLabel: DataQualitySchema.nullable(),
    error: z.unknown(),
    summary: z.unknown(),
  })
  .openapi('ImportBatch');

export const ProfileSchema = z
  .object({
    source: z.string(),
    kind: KindSchema,
    profile: z.unknown(),
    headers: z.array(z.string()),
    status: z.enum(['detected', 'confirmed']),
    version: z.number().int(),
    savedBy: z.string(),
    savedAt: z.string(),
  })
  .openapi('ColumnProfile');

export const OrganisationQualitySchema = z.object({
  organisationId: z.string(),
  overall: DataQualitySchema,
  byKind: z.array(z.object({ kind: KindSchema, quality: DataQualitySchema })),
});

export const ReviewSchema = z
  .object({
    organisationId: z.string(),
    id: z.string(),
    subject: z.enum(['supplier', 'item']),
    recordKey: z.string(),
    recordName: z.string(),
    candidateOrganisationId: z.string(),
    candidateKey: z.string(),
    candidateName: z.string(),
    candidateUnifiedId: z.string(),
    candidateUnifiedName: z.string(),
    confidence: z.number(),
    reason: z.string(),
    detail: z.string(),
    status: z.enum(['open', 'accepted', 'rejected']),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    createdAt: z.string(),
    runId: z.string(),
  })
  .openapi('MatchReview');

export const HarmonisationRunSchema = z
  .object({
    runId: z.string(),
    suppliers: z.object({
      records: z.number().int(),
      groups: z.number().int(),
      joinedAcrossNames: z.number().int(),
      toReview: z.number().int(),
    }),
    items: z.object({ records: z.number().int(), groups: z.number().int(), toReview: z.number().int() }),
    organisations: z.number().int(),
    seconds: z.number(),
  })
  .openapi('HarmonisationRun');

export const PeriodSchema = z.object({ from: month, to: month });

export const analyticsQuery = z.object({
  from: month.optional(),
  to: month.optional(),
  organisation: z.string().optional().openapi({ description: 'In a system view: only this member' }),
  category: z.string().optional(),
  supplier: z.string().optional().openapi({ description: 'A unified supplier id' }),
  staffGroup: z.string().optional(),
  team: z.string().optional(),
});

const OrganisationRefSchema = z.object({ id: z.string().nullable(), name: z.string(), you: z.boolean() });

export const PriceVariationSchema = z
  .object({
    period: PeriodSchema,
    view: z.object({ organisations: z.array(z.string()), peers: z.number().int(), named: z.boolean() }),
    comparableItems: z.number().int(),
    savingIfMedianPence: money,
    savingIfBenchmarkPence: money,
    items: z.array(
      z.object({
        itemId: z.string(),
        description: z.string(),
        category: z.string(),
        organisations: z.number().int(),
        minPricePence: z.number(),
        medianPricePence: z.number(),
        maxPricePence: z.number(),
        benchmarkPricePence: z.number().nullable(),
        spread: z.number(),
        valuePence: money,
        savingIfMedianPence: money,
        savingIfBenchmarkPence: nullableMoney,
        prices: z.array(
          OrganisationRefSchema.extend({
            unitPricePence: z.number(),
            quantity: z.number(),
            valuePence: money,
          }),
        ),
      }),
    ),
    dataQuality: DataQualitySchema,
  })
  .openapi('PriceVariation', {
    description:
      'Unit prices are pence per base unit (pack size × quantity); savings are what the organisations in view would have saved paying the median or the benchmark (lowest contracted) price for the same quantity.',
  });

export const SpendSchema = z
  .object({
    period: PeriodSchema,
    source: z.enum(['po-lines', 'spend']),
    dimension: z.enum(['category', 'supplier', 'organisation', 'month']),
    totalPence: money,
    rows: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        valuePence: money,
        share: z.number(),
        lines: z.number().int(),
        offContractPence: nullableMoney,
        organisations: z.number().int(),
        dataQuality: DataQualitySchema,
      }),
    ),
    dataQuality: DataQualitySchema,
  })
  .openapi('SpendBreakdown');

export const OffContractSchema = z
  .object({
    period: PeriodSchema,
    byOrganisation: z.array(
      z.object({
        organisation: OrganisationRefSchema,
        valuePence: money,
        offContractPence: money,
        share: z.number(),
        offFrameworkAgencyPence: money,
        dataQuality: DataQualitySchema,
      }),
    ),
    byCategory: z.array(z.object({ category: z.string(), offContractPence: money, valuePence: money })),
    dataQuality: DataQualitySchema,
  })
  .openapi('OffContractSpend');

export const ConsolidationSchema = z
  .object({
    period: PeriodSchema,
    categories: z.array(
      z.object({
        category: z.string(),
        valuePence: money,
        suppliers: z.number().int(),
        organisations: z.number().int(),
        topSupplier: z.string(),
        topShare: z.number(),
        tailSuppliers: z.number().int(),
        tailValuePence: money,
      }),
    ),
    supplierNameVariants: z.array(
      z.object({
        supplierId: z.string(),
        name: z.string(),
        names: z.array(z.string()),
        organisations: z.array(z.string()),
        reason: z.string(),
        confidence: z.number(),
      }),
    ),
    dataQuality: DataQualitySchema,
  })
  .openapi('SupplierConsolidation');

const RateSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  note: z.string().nullable(),
});

export const WorkforceSchema = z
  .object({
    period: PeriodSchema,
    level: z.enum(['organisation', 'staff-group', 'team']),
    rows: z.array(
      z.object({
        organisation: z.string(),
        name: z.string(),
        level: z.enum(['organisation', 'staff-group', 'team']),
        group: z.string(),
        headcountStart: z.number().int(),
        headcountEnd: z.number().int(),
        leavers: z.number().int(),
        turnover: RateSchema,
        leaverRate: RateSchema,
        stability: RateSchema,
        sickness: RateSchema,
        vacancy: RateSchema,
        bankAgencyShare: RateSchema,
        agencyShare: RateSchema,
        icsMedian: z.object({
          turnover: z.number().nullable(),
          leaverRate: z.number().nullable(),
          stability: z.number().nullable(),
          sickness: z.number().nullable(),
          vacancy: z.number().nullable(),
          bankAgencyShare: z.number().nullable(),
        }),
        dataQuality: DataQualitySchema,
      }),
    ),
    dataQuality: DataQualitySchema,
  })
  .openapi('WorkforceMeasures');

const PressureAlertSchema = z.object({
  kind: z.enum(['finance', 'procurement']),
  organisation: z.string(),
  subject: z.string(),
  severity: z.enum(['alert', 'watch']),
  message: z.string(),
  figures: z.record(z.string(), z.union([z.string(), z.number()])),
  dataQuality: DataQualitySchema,
});

export const EarlyWarningSchema = z
  .object({
    period: PeriodSchema,
    teamAlerts: z.array(
      z.object({
        organisation: z.string(),
        name: z.string(),
        team: z.string(),
        measure: z.string(),
        month: z.string(),
        severity: z.enum(['alert', 'watch']),
        message: z.string(),
        triggers: z.array(z.unknown()),
        dataQuality: DataQualitySchema,
      }),
    ),
    financeAlerts: z.array(PressureAlertSchema),
    procurementAlerts: z.array(PressureAlertSchema),
    leaverRisk: z.array(
      z.object({
        organisation: z.string(),
        name: z.string(),
        featureDate: z.string(),
        followUpEnd: z.string(),
        staff: z.number().int(),
        leavers: z.number().int(),
        evaluation: z
          .object({
            n: z.number().int(),
            positives: z.number().int(),
            auc: z.number().nullable(),
            precision: z.number().nullable(),
            recall: z.number().nullable(),
            accuracy: z.number().nullable(),
            baselineAccuracy: z.number().nullable(),
          })
          .loose()
          .nullable(),
        unavailable: z.string().nullable(),
        dataQuality: DataQualitySchema,
      }),
    ),
  })
  .openapi('EarlyWarning');

const BenchmarkedSchema = z.object({
  value: nullableMoney,
  peerMedian: nullableMoney,
  peers: z.number().int(),
  savingPence: nullableMoney,
});

export const CorporateCostsSchema = z
  .object({
    period: PeriodSchema,
    organisations: z.array(
      z.object({
        organisation: z.string(),
        name: z.string(),
        trustType: z.string().nullable(),
        incomePence: nullableMoney,
        totalPence: money,
        costs: z.record(z.string(), money),
        perHundredMillion: z.object({
          total: BenchmarkedSchema,
          byFunction: z.record(z.string(), BenchmarkedSchema),
        }),
        perPayslip: BenchmarkedSchema,
        perInvoice: BenchmarkedSchema,
        notes: z.array(z.string()),
        you: z.boolean(),
        dataQuality: DataQualitySchema,
      }),
    ),
    totalSavingPence: money,
    dataQuality: DataQualitySchema,
  })
  .openapi('CorporateCosts', {
    description:
      'Cost per £100m of income is in pence per £100m; per payslip and per invoice in pence. Savings are what reaching the median of trusts of the same type would save.',
  });

export const KpisSchema = z
  .object({
    period: PeriodSchema,
    kpis: z.array(
      z.object({
        kpi: z.string(),
        label: z.string(),
        unit: z.enum(['share', 'hours']),
        better: z.enum(['higher', 'lower']),
        description: z.string(),
        module: z.string(),
        available: z.boolean(),
        organisations: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            value: z.number().nullable(),
            sample: z.number().int(),
            note: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('SharedServiceKpis');

export const DrillSchema = z
  .object({
    period: PeriodSchema,
    rows: z.array(z.record(z.string(), z.unknown())),
    dataQuality: DataQualitySchema,
  })
  .openapi('DrillDown');

export const CoverageSchema = z
  .object({
    builtAt: z.string(),
    view: z.object({
      organisations: z.array(z.string()),
      peers: z.number().int(),
      named: z.boolean(),
      system: z.string().nullable(),
    }),
    sources: z.array(
      z.object({ source: z.string(), earliest: z.string().nullable(), latest: z.string().nullable() }),
    ),
    members: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('InsightCoverage');
