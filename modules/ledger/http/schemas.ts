import { z } from '@hono/zod-openapi';
import { penceSchema } from '../../../kernel/http';
import { REASON_CODES } from '../domain/journal';

const JournalLineSchema = z.object({
  accountCode: z
    .string()
    .regex(/^\d{6}$/)
    .openapi({ example: '610100' }),
  costCentreCode: z.string().nullable().optional().openapi({ example: 'WARD1' }),
  side: z.enum(['debit', 'credit']),
  amountPence: z
    .number()
    .int()
    .positive()
    .openapi({ description: 'Positive pence; the side gives the direction', example: 12500 }),
  description: z.string().nullable().optional(),
  counterpartyOrganisationId: z.string().nullable().optional(),
});

export const NewJournalSchema = z
  .object({
    accountingDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .openapi({ example: '2026-06-30' }),
    reasonCode: z.enum(REASON_CODES).openapi({ example: 'MANUAL' }),
    description: z.string().min(1),
    sourceId: z
      .string()
      .min(1)
      .optional()
      .openapi({ description: 'Your reference for the journal (e.g. a spreadsheet row)' }),
    lines: z.array(JournalLineSchema).min(2),
  })
  .openapi('NewJournal');

export const JournalSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    journalNumber: z.number().int(),
    accountingDate: z.string(),
    periodKey: z.string(),
    sourceModule: z.string(),
    sourceId: z.string(),
    reasonCode: z.enum(REASON_CODES),
    description: z.string(),
    reversesJournalId: z.string().nullable(),
    reversedByJournalId: z.string().nullable(),
    totalPence: penceSchema,
    postedBy: z.string(),
    postedAt: z.string(),
    lines: z.array(JournalLineSchema.extend({ lineNo: z.number().int(), amountPence: penceSchema })),
  })
  .openapi('Journal');

export const TrialBalanceSchema = z
  .object({
    organisationIds: z.array(z.string()),
    periodKey: z.string(),
    from: z.string(),
    to: z.string(),
    lines: z.array(
      z.object({
        organisationId: z.string(),
        accountCode: z.string(),
        accountName: z.string(),
        accountType: z.enum(['asset', 'liability', 'equity', 'income', 'expenditure']),
        openingPence: penceSchema,
        debitsPence: penceSchema,
        creditsPence: penceSchema,
        closingPence: penceSchema,
      }),
    ),
    totals: z.object({
      debitsPence: penceSchema,
      creditsPence: penceSchema,
      closingDebitPence: penceSchema,
      closingCreditPence: penceSchema,
    }),
    balanced: z.boolean(),
  })
  .openapi('TrialBalance');

export const AccountSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(['asset', 'liability', 'equity', 'income', 'expenditure']),
    category: z.string(),
    postable: z.boolean(),
  })
  .openapi('Account');

export const CostCentreSchema = z
  .object({ code: z.string(), name: z.string(), division: z.string(), active: z.boolean() })
  .openapi('CostCentre');

export const PeriodSchema = z
  .object({
    periodKey: z.string(),
    financialYear: z.string(),
    period: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    status: z.enum(['open', 'closed']),
    closedBy: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('AccountingPeriod');

export const LegacyMappingSchema = z
  .object({
    legacyCode: z.string(),
    legacyName: z.string(),
    accountCode: z.string().nullable(),
    method: z.string().nullable(),
    mappedBy: z.string().nullable(),
  })
  .openapi('LegacyMapping');

export const LegacyChartImportSchema = z
  .object({
    importId: z.string(),
    inserted: z.number().int(),
    updated: z.number().int(),
    mapped: z.number().int(),
    unmapped: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        suggestion: z
          .object({ accountCode: z.string(), accountName: z.string(), score: z.number() })
          .nullable(),
      }),
    ),
    rejections: z.array(
      z.object({
        line: z.number().int(),
        raw: z.string(),
        issues: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })),
      }),
    ),
  })
  .openapi('LegacyChartImport');

export const CostCentreReportSchema = z
  .object({
    periodKey: z.string(),
    financialYear: z.string(),
    centres: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        division: z.string(),
        incomePence: penceSchema,
        expenditurePence: penceSchema,
        yearToDateExpenditurePence: penceSchema,
        annualBudgetPence: penceSchema.nullable(),
        varianceToDatePence: penceSchema.nullable(),
        byAccount: z.array(
          z.object({
            accountCode: z.string(),
            accountName: z.string(),
            periodPence: penceSchema,
            yearToDatePence: penceSchema,
          }),
        ),
      }),
    ),
  })
  .openapi('CostCentreReport');

export const periodQuery = z.object({
  period: z
    .string()
    .regex(/^\d{4}-\d{2}\/P\d{2}$/)
    .openapi({ description: 'Accounting period, e.g. 2026-27/P03', example: '2026-27/P03' }),
});
