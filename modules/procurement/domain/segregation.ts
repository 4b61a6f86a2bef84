/** The framework's `governance.segregationOfDuties` setting. */
export type SegregationRules = {
  requesterMayApprove: boolean;
  requesterMayReceive: boolean;
  approverMayPay: boolean;
  approverMayReceive: boolean;
};

export type DutyConflict = { rule: string; message: string };

/**
 * Whether this person may approve this level: never their own requisition
 * (unless the organisation's rules allow it), and never two levels of one
 * requisition, which would make two signatures one person's.
 */
export function approvalConflict(input: {
  actorId: string;
  onBehalfOf: string | null;
  requesterId: string;
  earlierApproverIds: readonly string[];
  rules: SegregationRules;
}): DutyConflict | null {
  const people = [input.actorId, ...(input.onBehalfOf ? [input.onBehalfOf] : [])];
  if (!input.rules.requesterMayApprove && people.includes(input.requesterId)) {
    return {
      rule: 'requester-may-not-approve',
      message: 'Nobody approves their own requisition: it needs someone else with authority',
    };
  }
  if (people.some((person) => input.earlierApproverIds.includes(person))) {
    return {
      rule: 'one-approval-per-person',
      message: 'You already approved an earlier level of this requisition: the next level needs someone else',
    };
  }
  return null;
}

/** Whether this person may record a receipt or return against this order. */
export function receiptConflict(input: {
  actorId: string;
  requesterId: string;
  approverIds: readonly string[];
  rules: SegregationRules;
}): DutyConflict | null {
  if (!input.rules.requesterMayReceive && input.actorId === input.requesterId) {
    return {
      rule: 'requester-may-not-receive',
      message: 'Nobody receives against their own order: ask someone else to check the delivery in',
    };
  }
  if (!input.rules.approverMayReceive && input.approverIds.includes(input.actorId)) {
    return {
      rule: 'approver-may-not-receive',
      message: 'You approved this order, and this organisation does not let an approver receive it',
    };
  }
  return null;
}
