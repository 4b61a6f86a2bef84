import { addDays, daysBetween, type LocalDate } from '../../../kernel/time';

/** The Better Payment Practice Code's limit: pay a valid invoice within 30 days of receiving it. */
export const BPPC_DAYS = 30;

/**
 * When an invoice's clock starts: the day a valid invoice was received, or its issue date if the
 * supplier dated it later (a supplier cannot start the clock before the invoice exists).
 */
export function termsStart(issueDate: LocalDate, receivedOn: LocalDate): LocalDate {
  return issueDate > receivedOn ? issueDate : receivedOn;
}

export function dueDate(issueDate: LocalDate, receivedOn: LocalDate, termsDays: number): LocalDate {
  return addDays(termsStart(issueDate, receivedOn), termsDays);
}

export function paidWithinBppc(issueDate: LocalDate, receivedOn: LocalDate, paidOn: LocalDate): boolean {
  return daysBetween(termsStart(issueDate, receivedOn), paidOn) <= BPPC_DAYS;
}

export type BppcFigures = {
  paidCount: number;
  paidWithinTermsCount: number;
  paidPence: bigint;
  paidWithinTermsPence: bigint;
  /** Share of invoices paid within 30 days, by number, in basis points (9500 = 95%); null with nothing paid. */
  countBasisPoints: number | null;
  valueBasisPoints: number | null;
  targetBasisPoints: number;
  met: boolean | null;
};

export type PaidTotals = {
  paidCount: number;
  paidWithinTermsCount: number;
  paidPence: bigint;
  paidWithinTermsPence: bigint;
};

/** Shares and verdict from the counts and values paid (the database adds them up at scale). */
export function bppcSummary(totals: PaidTotals, targetBasisPoints: number): BppcFigures {
  const countBasisPoints =
    totals.paidCount === 0 ? null : Math.floor((totals.paidWithinTermsCount * 10_000) / totals.paidCount);
  const valueBasisPoints =
    totals.paidPence === 0n ? null : Number((totals.paidWithinTermsPence * 10_000n) / totals.paidPence);
  return {
    ...totals,
    countBasisPoints,
    valueBasisPoints,
    targetBasisPoints,
    met: countBasisPoints === null ? null : countBasisPoints >= targetBasisPoints,
  };
}

/** BPPC compliance over the invoices paid in a period, by number and by value, against the target. */
export function bppc(
  paid: readonly { issueDate: LocalDate; receivedOn: LocalDate; paidOn: LocalDate; grossPence: bigint }[],
  targetBasisPoints: number,
): BppcFigures {
  const totals: PaidTotals = {
    paidCount: paid.length,
    paidWithinTermsCount: 0,
    paidPence: 0n,
    paidWithinTermsPence: 0n,
  };
  for (const invoice of paid) {
    totals.paidPence += invoice.grossPence;
    if (paidWithinBppc(invoice.issueDate, invoice.receivedOn, invoice.paidOn)) {
      totals.paidWithinTermsCount += 1;
      totals.paidWithinTermsPence += invoice.grossPence;
    }
  }
  return bppcSummary(totals, targetBasisPoints);
}
