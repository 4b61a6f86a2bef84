import { formatPounds } from '../../../../kernel/money';
import type { LocalDate } from '../../../../kernel/time';
import type { TaxYearReference } from '../../reference-data';
import type { AttachmentCarry, DeductionLine, DeductionOrder } from './types';

const pounds = (pence: number) => formatPounds(BigInt(pence));

const activeOn = (order: DeductionOrder, from: LocalDate, to: LocalDate) =>
  order.startsOn <= to && (order.endsOn === null || order.endsOn >= from);

/** Payroll giving is taken before tax (it reduces taxable pay), so it is worked out before the statutory calculation. */
export function payrollGiving(
  orders: readonly DeductionOrder[],
  from: LocalDate,
  to: LocalDate,
  reference: TaxYearReference,
): DeductionLine[] {
  return orders
    .filter((order) => order.kind === 'payroll-giving' && activeOn(order, from, to))
    .map((order) => ({
      kind: 'payroll-giving',
      amount: order.amountPerPeriod,
      ref: order.id,
      payee: order.payee,
      carry: null,
      explanation: {
        rule: 'payroll-giving.before-tax',
        text: `Payroll giving to ${order.payee} (${order.description}): ${pounds(order.amountPerPeriod)}, taken before tax${reference.deductionTreatment['payroll-giving'].niable ? ' and NI' : ' but not before National Insurance'}.`,
      },
    }));
}

export type NetDeductionsInput = {
  orders: readonly DeductionOrder[];
  from: LocalDate;
  to: LocalDate;
  /** Pay after income tax, employee NI and pension contributions: what attachment orders are taken from. */
  attachableEarnings: number;
  /** Net pay before these deductions. */
  netBefore: number;
  carried: Readonly<Record<string, AttachmentCarry>>;
  anytimePayOutstanding: number;
};

/**
 * Deductions from net pay, in the order the law and sense require:
 * attachment of earnings orders first (priority orders — maintenance and
 * fines — before non-priority ones, each group oldest first), then recovery
 * of anytime pay already advanced, then voluntary deductions while net pay
 * covers them.
 *
 * An attachment order takes its normal deduction only from what exceeds the
 * protected earnings; a priority order carries any shortfall to the next pay
 * day, a non-priority order does not (Attachment of Earnings Act 1971,
 * Schedule 3). An order with a debt stops when the debt is paid.
 */
export function netPayDeductions(input: NetDeductionsInput): DeductionLine[] {
  const lines: DeductionLine[] = [];
  let attachable = input.attachableEarnings;
  let net = input.netBefore;
  const attachments = input.orders
    .filter(
      (order) =>
        order.kind === 'attachment-of-earnings' && order.attachment && activeOn(order, input.from, input.to),
    )
    .sort((a, b) => {
      const priority = Number(b.attachment?.priority) - Number(a.attachment?.priority);
      return priority !== 0
        ? priority
        : (a.attachment?.orderDate ?? '').localeCompare(b.attachment?.orderDate ?? '');
    });
  for (const order of attachments) {
    const terms = order.attachment;
    if (!terms) continue;
    const carried = input.carried[order.id] ?? { shortfall: 0, paidToDate: 0 };
    const due = terms.normalDeduction + (terms.priority ? carried.shortfall : 0);
    const remainingDebt =
      terms.totalDebt === null ? Number.POSITIVE_INFINITY : terms.totalDebt - carried.paidToDate;
    const available = Math.max(0, attachable - terms.protectedEarnings);
    const amount = Math.max(0, Math.min(due, available, remainingDebt, net));
    const shortfall = terms.priority ? Math.max(0, Math.min(due, remainingDebt) - amount) : 0;
    attachable -= amount;
    net -= amount;
    lines.push({
      kind: 'attachment-of-earnings',
      amount,
      ref: order.id,
      payee: order.payee,
      carry: { shortfall, paidToDate: carried.paidToDate + amount },
      explanation: {
        rule: terms.priority ? 'attachment.priority-order' : 'attachment.non-priority-order',
        text: `${order.description} (${terms.priority ? 'priority' : 'non-priority'} order to ${order.payee}): normal deduction ${pounds(terms.normalDeduction)}${carried.shortfall > 0 && terms.priority ? ` plus ${pounds(carried.shortfall)} carried forward` : ''}; attachable earnings ${pounds(attachable + amount)} less protected earnings ${pounds(terms.protectedEarnings)} leave ${pounds(available)}${terms.totalDebt === null ? '' : `; ${pounds(Math.max(0, remainingDebt))} of the debt left`} = ${pounds(amount)}${shortfall > 0 ? `; ${pounds(shortfall)} carried to the next pay day` : ''}.`,
      },
    });
  }
  if (input.anytimePayOutstanding > 0) {
    const amount = Math.max(0, Math.min(input.anytimePayOutstanding, net));
    net -= amount;
    lines.push({
      kind: 'anytime-pay-recovery',
      amount,
      ref: null,
      payee: null,
      carry: null,
      explanation: {
        rule: 'anytime-pay.recovery',
        text: `Anytime pay already drawn this period: ${pounds(input.anytimePayOutstanding)} outstanding, ${pounds(amount)} recovered from net pay${amount < input.anytimePayOutstanding ? `; ${pounds(input.anytimePayOutstanding - amount)} is recovered next pay day` : ''}.`,
      },
    });
  }
  for (const order of input.orders) {
    if (order.kind !== 'voluntary-deduction' || !activeOn(order, input.from, input.to)) continue;
    const amount = order.amountPerPeriod <= net ? order.amountPerPeriod : 0;
    net -= amount;
    lines.push({
      kind: 'voluntary-deduction',
      amount,
      ref: order.id,
      payee: order.payee,
      carry: null,
      explanation: {
        rule: amount > 0 ? 'voluntary-deduction.from-net' : 'voluntary-deduction.not-covered',
        text:
          amount > 0
            ? `${order.description} to ${order.payee}: ${pounds(amount)} from net pay.`
            : `${order.description} to ${order.payee}: not taken this pay day because net pay does not cover ${pounds(order.amountPerPeriod)}.`,
      },
    });
  }
  return lines;
}
