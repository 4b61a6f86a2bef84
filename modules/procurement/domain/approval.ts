import { formatPounds } from '../../../kernel/money';

/** One level of delegated authority from the framework's `procurement.approvalThresholds`. */
export type ApprovalLevel = { role: string; upToPence: number | null };

/** A level a requisition must pass, numbered from 1. */
export type RouteStep = { level: number; role: string; upToPence: number | null };

/**
 * The levels a requisition of this value (VAT exclusive) must pass, in order:
 * every level up to and including the first whose limit covers it — so a
 * £30,000 order under the standard goes to a budget holder, then a finance
 * controller. Each level approves up to its limit; the last may be unlimited.
 */
export function approvalRoute(thresholds: readonly ApprovalLevel[], netPence: bigint): RouteStep[] {
  const route: RouteStep[] = [];
  for (const [index, threshold] of thresholds.entries()) {
    route.push({ level: index + 1, role: threshold.role, upToPence: threshold.upToPence });
    if (threshold.upToPence === null || netPence <= BigInt(threshold.upToPence)) return route;
  }
  return route;
}

/**
 * Why an order cannot be raised with no human step, in words a requester
 * reads; empty when it can. Touchless ordering is a standing approval given by
 * the framework: so it never reaches above the first level of delegated
 * authority, whatever the touchless limits say.
 */
export function touchlessBlockers(input: {
  setting: { enabled: boolean; maxLinePence: number; maxOrderPence: number };
  firstApprovalLimitPence: number | null;
  lines: readonly { lineNo: number; fromCatalogue: boolean; onContract: boolean; netPence: bigint }[];
}): string[] {
  const { setting } = input;
  if (!setting.enabled) return ['Touchless ordering is switched off for this organisation'];
  const blockers: string[] = [];
  for (const line of input.lines) {
    if (!line.fromCatalogue) blockers.push(`Line ${line.lineNo} is not from the catalogue`);
    else if (!line.onContract) blockers.push(`Line ${line.lineNo} has no contract price on the order date`);
    if (line.netPence > BigInt(setting.maxLinePence)) {
      blockers.push(
        `Line ${line.lineNo} (${formatPounds(line.netPence)}) is above the touchless line limit of ${formatPounds(BigInt(setting.maxLinePence))}`,
      );
    }
  }
  const total = input.lines.reduce((sum, line) => sum + line.netPence, 0n);
  const orderLimit =
    input.firstApprovalLimitPence === null
      ? setting.maxOrderPence
      : Math.min(setting.maxOrderPence, input.firstApprovalLimitPence);
  if (total > BigInt(orderLimit)) {
    blockers.push(
      `The order total (${formatPounds(total)}) is above the touchless limit of ${formatPounds(BigInt(orderLimit))}`,
    );
  }
  return blockers;
}
