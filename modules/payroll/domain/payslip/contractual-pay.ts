import { isDomainError, type ValidationIssue } from '../../../../kernel/errors';
import { addDays, type LocalDate } from '../../../../kernel/time';
import type { TaxYearReference } from '../../reference-data';
import type { Claim } from '../claims';
import type { PeriodShare } from '../pay-elements/agenda-for-change';
import { basicPay, hcasPayment } from '../pay-elements/basic-pay';
import {
  bankShiftPayment,
  extraHoursPayments,
  onCallPayments,
  unsocialHoursPayments,
} from '../pay-elements/hours-payments';
import { type PayElementLine, payElementLine } from '../pay-elements/pay-element';
import { salarySacrifice } from '../pay-elements/salary-sacrifice';
import { statutoryMaternityPay, statutorySickPay } from '../pay-elements/statutory-pay';
import { laterDate, overlapDays, type PayPeriod } from '../pay-period';
import { changeDatesWithin, type PayRecord, type PayRecordChange, payRecordOn } from '../pay-record';
import { addYears, type PayScales, payPointOn, scaleReferenceFor, scaleValue } from '../pay-scales';
import type { DeductionOrder, PayLine } from './types';

/**
 * The pay a contract and the period's claims earn — every element whose
 * amount depends on the pay record and the pay scale. The same function
 * prices a past period again when a pay award or a backdated change arrives,
 * so arrears are the difference between what it gives now and what was paid.
 */
export type ContractualPayInput = {
  startDate: LocalDate;
  sortedChanges: readonly PayRecordChange[];
  period: PayPeriod;
  scales: PayScales;
  claims: readonly Claim[];
  /** Salary sacrifice arrangements (other orders are deductions, not pay). */
  sacrifices: readonly DeductionOrder[];
  /** False for a supplementary run: it pays claims and arrears, not the contract again. */
  includeContract: boolean;
};

export type ContractualPay = {
  lines: PayLine[];
  issues: ValidationIssue[];
  /** The record on the last day employed in the period (tax code, letter, cost centre …), null if not employed. */
  record: PayRecord | null;
  /** Actual annual pensionable pay from the contract, which sets the NHS Pension tier. */
  annualPensionable: number;
  employedDays: number;
};

type Segment = { from: LocalDate; to: LocalDate; record: PayRecord; annual: number };

/** Turns an element function's DomainError into issues under a path prefix, so one bad claim names itself. */
function collect<T>(issues: ValidationIssue[], prefix: string, action: () => T): T | null {
  try {
    return action();
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const found = error.issues.length
      ? error.issues
      : [{ path: '', rule: error.code, message: error.message }];
    for (const issue of found)
      issues.push({
        ...issue,
        path: prefix && issue.path ? `${prefix}.${issue.path}` : prefix || issue.path,
      });
    return null;
  }
}

/** Whole-time annual salary on a day: the band's point after any pay steps and awards, or the spot salary. */
function annualSalaryOn(
  scales: PayScales,
  record: PayRecord,
  date: LocalDate,
): { annual: number } | ValidationIssue {
  if (record.band === null) {
    if (record.spotSalaryPence === null)
      return {
        path: 'spotSalaryPence',
        rule: 'salary-required',
        message: 'give a band and pay point, or a spot salary',
      };
    return { annual: record.spotSalaryPence };
  }
  const point = payPointOn(scales, record, date);
  if ('rule' in point) return point;
  const value = scaleValue(scales, record.band, point.point, date);
  return 'rule' in value ? value : { annual: value.annual };
}

/** Days on which pay changes inside [from, to]: record changes, pay steps and awards. */
function boundaries(input: ContractualPayInput, from: LocalDate, to: LocalDate): LocalDate[] {
  const dates = new Set(changeDatesWithin(input.sortedChanges, from, to));
  for (const award of input.scales.awards) {
    if (award.effectiveFrom > from && award.effectiveFrom <= to) dates.add(award.effectiveFrom);
  }
  const record = payRecordOn(input.sortedChanges, from);
  if (record?.band && record.payPoint !== null) {
    const point = payPointOn(input.scales, record, from);
    let step = 'rule' in point ? null : point.nextStep;
    while (step !== null && step <= to) {
      if (step > from) dates.add(step);
      step = addYears(step, 1);
    }
  }
  return [...dates].sort();
}

function segmentsOf(
  input: ContractualPayInput,
  from: LocalDate,
  to: LocalDate,
  issues: ValidationIssue[],
): Segment[] {
  const starts = [from, ...boundaries(input, from, to)];
  const segments: Segment[] = [];
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const end = next ? addDays(next, -1) : to;
    const record = payRecordOn(input.sortedChanges, start);
    if (!record) return;
    const salary = annualSalaryOn(input.scales, record, start);
    if ('rule' in salary) {
      if (!issues.some((issue) => issue.rule === salary.rule)) issues.push(salary);
      return;
    }
    segments.push({ from: start, to: end, record, annual: salary.annual });
  });
  return segments;
}

/** A pay line costed to the record's cost centre; its explanation is still written only when read. */
const lineFrom = (element: PayElementLine, record: PayRecord, ref: string | null): PayLine => ({
  kind: element.kind,
  amount: element.amount,
  costCentreCode: record.costCentreCode,
  accountCode: record.accountCode,
  ref,
  arrearsFor: null,
  get explanation() {
    return element.explanation;
  },
});

function claimLines(
  claim: Claim,
  record: PayRecord,
  annual: number,
  reference: TaxYearReference,
): PayElementLine[] {
  const band = record.band ?? '';
  switch (claim.kind) {
    case 'unsocial-hours':
      return unsocialHoursPayments({ band, annualBasic: annual, ...claim.details }, reference);
    case 'overtime':
      return extraHoursPayments(
        {
          band,
          annualBasic: annual,
          contractedWeeklyCentihours: record.contractedCentihours,
          ...claim.details,
        },
        reference,
      );
    case 'on-call':
      return onCallPayments(
        {
          band,
          annualBasic: annual,
          availability: {
            kind: 'per-session',
            amountPerSession: claim.details.amountPerSessionPence,
            sessions: claim.details.sessions,
          },
          callOutCentihours: claim.details.callOutCentihours,
        },
        reference,
      );
    case 'bank-shift':
      return [bankShiftPayment({ annualBasic: annual, centihours: claim.details.centihours }, reference)];
    case 'sickness':
      return [
        statutorySickPay(
          { ...claim.details, averageWeeklyEarnings: claim.details.averageWeeklyEarningsPence },
          reference,
        ),
      ];
    case 'maternity':
      return [
        statutoryMaternityPay(
          { ...claim.details, averageWeeklyEarnings: claim.details.averageWeeklyEarningsPence },
          reference,
        ),
      ];
    case 'adjustment':
      return [
        payElementLine(claim.details.elementKind, BigInt(claim.details.amountPence), reference, () => ({
          rule: 'adjustment.entered',
          text: `Adjustment to ${claim.details.elementKind}: ${claim.details.description}.`,
        })),
      ];
  }
}

const NEEDS_BAND = new Set(['unsocial-hours', 'overtime', 'on-call']);

export function contractualPay(input: ContractualPayInput): ContractualPay {
  const { period, scales } = input;
  const issues: ValidationIssue[] = [];
  const lastRecord = payRecordOn(input.sortedChanges, period.end);
  const leavingDate = lastRecord?.leavingDate ?? null;
  const employedDays = overlapDays(period, input.startDate, leavingDate);
  const from = laterDate(input.startDate, period.start);
  const to = leavingDate !== null && leavingDate < period.end ? leavingDate : period.end;
  const lines: PayLine[] = [];
  const record = employedDays > 0 ? payRecordOn(input.sortedChanges, to) : lastRecord;
  if (employedDays > 0 && input.includeContract) {
    const segments = segmentsOf(input, from, to, issues);
    for (const segment of segments) {
      const share: PeriodShare = {
        frequency: period.frequency,
        contractedWeeklyCentihours: segment.record.contractedCentihours,
        periodDays: period.days,
        payableDays: overlapDays(period, segment.from, segment.to),
      };
      const reference = scaleReferenceFor(scales, segment.from);
      const basic = collect(issues, '', () =>
        basicPay({ ...share, annualSalary: segment.annual }, reference),
      );
      if (basic) lines.push(lineFrom(basic, segment.record, null));
      const zone = segment.record.hcasZone;
      if (zone) {
        const hcas = collect(issues, '', () =>
          hcasPayment({ ...share, zone, annualBasic: segment.annual }, reference),
        );
        if (hcas) lines.push(lineFrom(hcas, segment.record, null));
      }
    }
  }
  for (const claim of input.claims) {
    const prefix = `claims[${claim.id}]`;
    const onDay = payRecordOn(input.sortedChanges, claim.workedOn);
    if (!onDay) {
      issues.push({
        path: `${prefix}.workedOn`,
        rule: 'worked-while-employed',
        message: `${claim.workedOn} is before the employment started`,
      });
      continue;
    }
    if (NEEDS_BAND.has(claim.kind) && onDay.band === null) {
      issues.push({
        path: `${prefix}.kind`,
        rule: 'afc-band-required',
        message: `${claim.kind} is an Agenda for Change payment and this contract has a spot salary`,
      });
      continue;
    }
    const salary = annualSalaryOn(scales, onDay, claim.workedOn);
    if ('rule' in salary) {
      issues.push({ ...salary, path: `${prefix}.${salary.path}` });
      continue;
    }
    const reference = scaleReferenceFor(scales, claim.workedOn);
    const elements = collect(issues, prefix, () => claimLines(claim, onDay, salary.annual, reference));
    for (const element of elements ?? []) lines.push(lineFrom(element, onDay, claim.id));
  }
  if (record && employedDays > 0 && input.includeContract) {
    const reference = scaleReferenceFor(scales, to);
    for (const order of input.sacrifices) {
      if (order.startsOn > to || (order.endsOn !== null && order.endsOn < from)) continue;
      const element = collect(issues, `orders[${order.id}]`, () =>
        salarySacrifice({ scheme: order.description, amount: order.amountPerPeriod }, reference),
      );
      if (element) lines.push(lineFrom(element, record, order.id));
    }
  }
  return {
    lines,
    issues,
    record,
    annualPensionable: record ? annualPensionablePay(scales, record, to) : 0,
    employedDays,
  };
}

/**
 * Contractual annual pensionable pay: basic pro rata for hours, plus the
 * High Cost Area Supplement. The NHS Pension tier is set on actual pay, so a
 * part-time employee's tier follows their real salary, not the whole-time one.
 */
function annualPensionablePay(scales: PayScales, record: PayRecord, date: LocalDate): number {
  const salary = annualSalaryOn(scales, record, date);
  if ('rule' in salary) return 0;
  const reference = scaleReferenceFor(scales, date);
  const fullTime = reference.agendaForChange.workingTime.fullTimeWeeklyHours;
  const hours = Math.min(record.contractedCentihours, fullTime);
  let annual = Math.floor((salary.annual * hours) / fullTime);
  if (record.hcasZone) {
    const zone = reference.agendaForChange.hcas[record.hcasZone];
    const supplement = Math.min(
      zone.maximumAnnual,
      Math.max(zone.minimumAnnual, Math.floor((salary.annual * zone.rateBps) / 10_000)),
    );
    annual += Math.floor((supplement * hours) / fullTime);
  }
  return annual;
}
