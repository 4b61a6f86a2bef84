import { z } from 'zod';
import type { LocalDate } from '../../../kernel/time';
import { hcasZones, studentLoanPlans } from '../reference-data';
import { parseTaxCode } from './tax-code';

/**
 * The pay side of an employment as it stands on one day: the contract
 * (Agenda for Change band and pay point, or a spot salary; hours; High Cost
 * Area zone; where the cost goes), the tax code and basis, NI letter, pension
 * membership, loan plans, and the leaving date once known.
 *
 * It is never edited in place. Each change is recorded with the date it takes
 * effect and holds only the fields it changes; the record on a day is every
 * change effective by then, applied in order. So a change backdated behind a
 * later one (a band change from June entered after a tax code change from
 * August) is applied where it belongs.
 */
export const taxCodeSources = ['hmrc', 'p45', 'starter-declaration'] as const;
export type TaxCodeSource = (typeof taxCodeSources)[number];

const isoDate = z.iso.date().transform((value) => value as LocalDate);

/** Form checks only: whether a band, point or code means something in a given tax year is checked by the pay run. */
export const payRecordFieldsSchema = z
  .object({
    band: z
      .string()
      .regex(/^\d[a-d]?$/, 'an Agenda for Change band such as 5 or 8a')
      .nullable(),
    payPoint: z.number().int().min(1).max(20).nullable(),
    pointSince: isoDate.nullable(),
    spotSalaryPence: z.number().int().min(0).max(100_000_000).nullable(),
    contractedCentihours: z.number().int().min(1).max(16_800),
    hcasZone: z.enum(hcasZones).nullable(),
    costCentreCode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, 'a cost centre code such as A101'),
    accountCode: z.string().regex(/^5\d{5}$/, 'a pay account of the common chart such as 510100'),
    taxCode: z.string().superRefine((code, context) => {
      const parsed = parseTaxCode(code);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.reason });
    }),
    week1Month1: z.boolean(),
    taxCodeSource: z.enum(taxCodeSources),
    niLetter: z.string().regex(/^[A-Z]$/, 'one capital letter'),
    pensionMember: z.boolean(),
    studentLoanPlans: z.array(z.enum(studentLoanPlans)),
    postgraduateLoan: z.boolean(),
    leavingDate: isoDate.nullable(),
  })
  .strict();

export type PayRecord = z.infer<typeof payRecordFieldsSchema>;
export type PayRecordField = keyof PayRecord;
export type PayRecordChangeFields = Partial<PayRecord>;

export type PayRecordChange = {
  readonly changeNo: number;
  readonly effectiveFrom: LocalDate;
  readonly fields: PayRecordChangeFields;
  /** Order of recording; a later recording of the same day wins. */
  readonly recordedSeq: bigint;
  readonly reason: string;
};

const compareChanges = (a: PayRecordChange, b: PayRecordChange): number =>
  a.effectiveFrom < b.effectiveFrom
    ? -1
    : a.effectiveFrom > b.effectiveFrom
      ? 1
      : a.recordedSeq < b.recordedSeq
        ? -1
        : a.recordedSeq > b.recordedSeq
          ? 1
          : 0;

export function sortChanges(changes: readonly PayRecordChange[]): readonly PayRecordChange[] {
  return changes.length < 2 ? changes : [...changes].sort(compareChanges);
}

/**
 * The record on `date`, or null before the first change (the start of
 * employment) takes effect. The first change holds every field (checked when
 * it is recorded), so the fold is complete.
 */
export function payRecordOn(sortedChanges: readonly PayRecordChange[], date: LocalDate): PayRecord | null {
  const [first] = sortedChanges;
  if (!first || first.effectiveFrom > date) return null;
  // Most employees have one record; it is complete and is returned as it is.
  if (sortedChanges.length === 1) return first.fields as PayRecord;
  const applied = sortedChanges.filter((change) => change.effectiveFrom <= date);
  return Object.assign({}, ...applied.map((change) => change.fields)) as PayRecord;
}

/** The days on which the record changes inside [from, to]: each starts a new stretch of pay. */
export function changeDatesWithin(
  sortedChanges: readonly PayRecordChange[],
  from: LocalDate,
  to: LocalDate,
): LocalDate[] {
  const dates = new Set<LocalDate>();
  for (const change of sortedChanges) {
    if (change.effectiveFrom > from && change.effectiveFrom <= to) dates.add(change.effectiveFrom);
  }
  return [...dates].sort();
}

/** Whole-time equivalent to two decimals, for people: 30 of 37.5 hours is "0.80". */
export function wholeTimeEquivalent(contractedCentihours: number, fullTimeCentihours: number): string {
  return (Math.round((contractedCentihours * 100) / fullTimeCentihours) / 100).toFixed(2);
}

/** Which fields a change alters, in words for the audit trail and the record's history. */
export function describeChange(fields: PayRecordChangeFields): string {
  return Object.keys(fields).join(', ');
}

/** A payment for a period that starts after the leaving date: HMRC's "payment after leaving" (the P45 is out). */
export function isPaymentAfterLeaving(leavingDate: LocalDate | null, periodStart: LocalDate): boolean {
  return leavingDate !== null && leavingDate < periodStart;
}
