import type { TaxYearReference } from '../reference-data';
import type { CalculatedPayslip, PreviousPayslip } from './payslip/types';

/**
 * Why a payslip in a run preview deserves a look before money moves: the
 * checks that catch an underpayment (or an overpayment) before it lands.
 */
export const varianceFlags = [
  'first-pay',
  'zero-pay',
  'negative-pay',
  'net-change',
  'tax-code-change',
  'emergency-code',
  'arrears',
  'bank-change-pending',
] as const;
export type VarianceFlag = (typeof varianceFlags)[number];

export const VARIANCE_LABELS: Record<VarianceFlag, string> = {
  'first-pay': 'First pay',
  'zero-pay': 'Zero pay',
  'negative-pay': 'Negative pay',
  'net-change': 'Net pay changed beyond the threshold',
  'tax-code-change': 'Tax code changed',
  'emergency-code': 'Emergency tax code',
  arrears: 'Arrears paid',
  'bank-change-pending': 'Bank change waiting for verification',
};

export type Variance = {
  flags: VarianceFlag[];
  netPay: number;
  previousNetPay: number | null;
  /** Change in net pay against the previous payslip, basis points (null without one). */
  changeBasisPoints: number | null;
};

/** The emergency basis: a code set from a starter declaration, the year's emergency code on week 1/month 1, or 0T non-cumulative. */
export function isEmergencyCode(
  payslip: Pick<CalculatedPayslip, 'taxCode' | 'week1Month1' | 'taxCodeSource'>,
  reference: TaxYearReference,
): boolean {
  const code = payslip.taxCode.replace(/\s*(W1|M1|X)$/, '');
  return (
    payslip.taxCodeSource === 'starter-declaration' ||
    (payslip.week1Month1 && (code === reference.incomeTax.emergencyCode || code === '0T'))
  );
}

/**
 * `startedThisTaxYear` separates a new starter's first payslip (worth a look)
 * from the first Mainstay payslip of staff moved from the payroll before it
 * (the whole workforce, and not a variance).
 */
export function varianceOf(
  payslip: CalculatedPayslip,
  previous: PreviousPayslip | null,
  thresholdBasisPoints: number,
  reference: TaxYearReference,
  pendingBankChange: boolean,
  startedThisTaxYear: boolean,
): Variance {
  const flags: VarianceFlag[] = [];
  const net = payslip.figures.netPay;
  let changeBasisPoints: number | null = null;
  if (previous === null) {
    if (startedThisTaxYear) flags.push('first-pay');
  } else {
    if (previous.netPay !== 0) {
      changeBasisPoints = Math.round(((net - previous.netPay) * 10_000) / Math.abs(previous.netPay));
      if (Math.abs(changeBasisPoints) > thresholdBasisPoints) flags.push('net-change');
    }
    if (previous.taxCode !== payslip.taxCode || previous.week1Month1 !== payslip.week1Month1)
      flags.push('tax-code-change');
  }
  if (net === 0) flags.push('zero-pay');
  if (net < 0) flags.push('negative-pay');
  if (isEmergencyCode(payslip, reference)) flags.push('emergency-code');
  if (payslip.lines.some((line) => line.arrearsFor !== null)) flags.push('arrears');
  if (pendingBankChange) flags.push('bank-change-pending');
  return { flags, netPay: net, previousNetPay: previous?.netPay ?? null, changeBasisPoints };
}
