import { z } from 'zod';
import type { LocalDate } from '../../../kernel/time';
import { hcasZones, studentLoanPlans } from '../reference-data';
import { readNiNumber } from './ni-number';
import { payFrequencies } from './pay-frequency';
import { payRecordFieldsSchema } from './pay-record';
import { parseTaxCode } from './tax-code';

/**
 * What a payroll officer (or the recruitment module, for a new starter)
 * gives to set up an employee. The schemas check form; the service adds the
 * checks that need the database (payroll number free, cost centre known).
 */
const isoDate = z.iso.date().transform((value) => value as LocalDate);

const niNumber = z
  .string()
  .transform((value, context) => {
    const read = readNiNumber(value);
    if (!read.ok) {
      context.addIssue({ code: 'custom', message: read.reason });
      return z.NEVER;
    }
    return read.value;
  })
  .nullable()
  .optional();

export const personSchema = z
  .object({
    title: z.string().max(35).nullable().optional(),
    forenames: z.string().trim().min(1).max(70),
    surname: z.string().trim().min(1).max(35),
    niNumber,
    dateOfBirth: isoDate,
    gender: z.enum(['M', 'F']),
    address: z.object({
      lines: z.array(z.string().trim().min(1).max(35)).min(1).max(4),
      postcode: z.string().trim().max(10).nullable().optional(),
    }),
    userId: z.string().min(1).nullable().optional(),
  })
  .strict();

const taxCodeText = z.string().superRefine((code, context) => {
  const parsed = parseTaxCode(code);
  if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.reason });
});

export const contractSchema = z
  .object({
    band: z
      .string()
      .regex(/^\d[a-d]?$/, 'an Agenda for Change band such as 5 or 8a')
      .nullable()
      .optional(),
    payPoint: z.number().int().min(1).max(20).nullable().optional(),
    pointSince: isoDate.nullable().optional(),
    spotSalaryPence: z.number().int().min(0).max(100_000_000).nullable().optional(),
    contractedCentihours: z.number().int().min(1).max(16_800),
    hcasZone: z.enum(hcasZones).nullable().optional(),
    costCentreCode: payRecordFieldsSchema.shape.costCentreCode,
    accountCode: payRecordFieldsSchema.shape.accountCode.optional(),
  })
  .strict()
  .superRefine((contract, context) => {
    const afc = contract.band !== undefined && contract.band !== null;
    if (afc && (contract.payPoint === undefined || contract.payPoint === null))
      context.addIssue({
        code: 'custom',
        path: ['payPoint'],
        message: 'an Agenda for Change contract needs a pay point',
      });
    if (!afc && (contract.spotSalaryPence === undefined || contract.spotSalaryPence === null))
      context.addIssue({
        code: 'custom',
        path: ['spotSalaryPence'],
        message: 'give a band and pay point, or a spot salary',
      });
  });

export const newEmployeeSchema = z
  .object({
    payrollNumber: z
      .string()
      .regex(
        /^[A-Z0-9][A-Z0-9-]{0,17}$/,
        'up to 18 capital letters, digits or hyphens (it is the Bacs reference)',
      ),
    person: personSchema,
    payFrequency: z.enum(payFrequencies),
    startDate: isoDate,
    starter: z
      .object({
        basis: z.enum(['p45', 'A', 'B', 'C']),
        p45: z
          .object({
            taxYear: z.string().regex(/^\d{4}-\d{2}$/),
            taxablePayPence: z.number().int().min(0),
            taxPence: z.number().int(),
            taxCode: taxCodeText,
            week1Month1: z.boolean(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine((starter, context) => {
        if (starter.basis === 'p45' && !starter.p45)
          context.addIssue({
            code: 'custom',
            path: ['p45'],
            message: 'give the P45 figures: tax year, pay and tax to date, tax code',
          });
      }),
    contract: contractSchema,
    /** A code from HMRC (P6/P9 notice): otherwise the starter rules decide. */
    tax: z.object({ taxCode: taxCodeText, week1Month1: z.boolean() }).strict().optional(),
    niLetter: z.string().regex(/^[A-Z]$/, 'one capital letter'),
    pensionMember: z.boolean(),
    studentLoanPlans: z.array(z.enum(studentLoanPlans)).default([]),
    postgraduateLoan: z.boolean().default(false),
  })
  .strict();

export type NewEmployee = z.input<typeof newEmployeeSchema>;
export type NewEmployeeRead = z.output<typeof newEmployeeSchema>;

export const recordChangeSchema = z
  .object({
    effectiveFrom: isoDate,
    fields: payRecordFieldsSchema.omit({ leavingDate: true }).partial().strict(),
    reason: z.string().trim().min(1).max(200),
  })
  .strict();
export type RecordChange = z.input<typeof recordChangeSchema>;

export const bankDetailsSchema = z
  .object({
    sortCode: z
      .string()
      .transform((value) => value.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^\d{6}$/, 'six digits, e.g. 20-00-00')),
    accountNumber: z
      .string()
      .transform((value) => value.replace(/\s/g, ''))
      .pipe(z.string().regex(/^\d{8}$/, 'eight digits')),
    accountName: z.string().trim().min(1).max(60),
    buildingSocietyReference: z.string().trim().max(18).nullable().optional(),
  })
  .strict();
export type BankDetailsInput = z.input<typeof bankDetailsSchema>;

export const deductionOrderSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['salary-sacrifice', 'payroll-giving', 'voluntary-deduction']),
      description: z.string().trim().min(1).max(80),
      payee: z.string().trim().min(1).max(80),
      amountPerPeriodPence: z.number().int().min(1).max(10_000_000),
      startsOn: isoDate,
      endsOn: isoDate.nullable().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('attachment-of-earnings'),
      description: z.string().trim().min(1).max(80),
      payee: z.string().trim().min(1).max(80),
      priority: z.boolean(),
      normalDeductionPence: z.number().int().min(1).max(10_000_000),
      protectedEarningsPence: z.number().int().min(0).max(100_000_000),
      totalDebtPence: z.number().int().min(1).nullable().optional(),
      orderDate: isoDate,
      startsOn: isoDate,
      endsOn: isoDate.nullable().optional(),
    })
    .strict(),
]);
export type DeductionOrderInput = z.input<typeof deductionOrderSchema>;

export const payAwardSchema = z
  .object({
    effectiveFrom: isoDate,
    description: z.string().trim().min(1).max(200),
    upliftBasisPoints: z.number().int().min(-5_000).max(5_000).optional(),
    bands: z
      .array(z.string().regex(/^\d[a-d]?$/))
      .min(1)
      .optional(),
    points: z
      .record(z.string().regex(/^\d[a-d]?$/), z.array(z.number().int().min(0).max(100_000_000)).min(1))
      .optional(),
  })
  .strict()
  .superRefine((award, context) => {
    if ((award.upliftBasisPoints === undefined) === (award.points === undefined))
      context.addIssue({
        code: 'custom',
        path: ['points'],
        message: 'give either upliftBasisPoints (with optional bands) or explicit points',
      });
  });
export type PayAwardInput = z.input<typeof payAwardSchema>;
