import { z } from 'zod';
import type { LocalDate } from '../../../kernel/time';
import { payElementKinds } from '../reference-data';

/**
 * Timesheets and claims: hours and events that add pay elements to the
 * period they are paid in. Entry checks the form (whole numbers, known
 * fields, real dates); what the values mean for this person in this period
 * (negative hours, overtime for a band that takes time off in lieu) is
 * checked by the pay run, which lists the employee and field at fault.
 * Hours are hundredths (7.5 hours = 750).
 */
const centihours = z.number().int().min(-16_800).max(16_800);
const pence = z.number().int().min(-100_000_000).max(100_000_000);

export const claimDetailSchemas = {
  'unsocial-hours': z
    .object({ saturdayOrNightCentihours: centihours, sundayOrPublicHolidayCentihours: centihours })
    .strict(),
  overtime: z.object({ extraCentihours: centihours, publicHoliday: z.boolean() }).strict(),
  'on-call': z
    .object({
      sessions: z.number().int().min(0).max(31),
      amountPerSessionPence: z.number().int().min(0).max(1_000_000),
      callOutCentihours: centihours,
    })
    .strict(),
  'bank-shift': z.object({ centihours }).strict(),
  sickness: z
    .object({
      averageWeeklyEarningsPence: z.number().int().min(0).max(100_000_000),
      qualifyingDaysPerWeek: z.number().int().min(1).max(7),
      qualifyingDaysSick: z.number().int().min(0).max(31),
      waitingDaysServed: z.number().int().min(0).max(366),
      qualifyingDaysAlreadyPaid: z.number().int().min(0).max(2_562),
    })
    .strict(),
  maternity: z
    .object({
      averageWeeklyEarningsPence: z.number().int().min(0).max(100_000_000),
      firstDay: z.number().int().min(1).max(273),
      days: z.number().int().min(0).max(273),
    })
    .strict(),
  adjustment: z
    .object({
      elementKind: z.enum(payElementKinds),
      amountPence: pence,
      description: z.string().min(1).max(120),
    })
    .strict(),
} as const;

export type ClaimKind = keyof typeof claimDetailSchemas;
export const claimKinds = Object.keys(claimDetailSchemas) as ClaimKind[];
export type ClaimDetails<K extends ClaimKind> = z.infer<(typeof claimDetailSchemas)[K]>;

export type ClaimInput = {
  [K in ClaimKind]: { kind: K; employeeId: string; workedOn: LocalDate; details: ClaimDetails<K> };
}[ClaimKind];

export type Claim = ClaimInput & { readonly id: string; readonly recordedSeq: bigint };

export function isClaimKind(value: string): value is ClaimKind {
  return Object.hasOwn(claimDetailSchemas, value);
}

const claimOf = <K extends ClaimKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    employeeId: z.string().min(1),
    workedOn: z.iso.date(),
    details: claimDetailSchemas[kind],
  });

export const claimInputSchema = z.discriminatedUnion('kind', [
  claimOf('unsocial-hours'),
  claimOf('overtime'),
  claimOf('on-call'),
  claimOf('bank-shift'),
  claimOf('sickness'),
  claimOf('maternity'),
  claimOf('adjustment'),
]);

/** "7.5" or "7.50" hours → 750; more than two decimals is refused, never rounded. */
export function parseHours(text: string): { ok: true; centihours: number } | { ok: false; reason: string } {
  const match = /^(-)?(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return { ok: false, reason: `"${text.trim()}" is not a number of hours such as 7.5` };
  const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return { ok: true, centihours: match[1] ? -value : value };
}
