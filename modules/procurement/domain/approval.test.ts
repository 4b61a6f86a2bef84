import { describe, expect, it } from 'vitest';
import { approvalRoute, touchlessBlockers } from './approval';
import { approvalConflict, receiptConflict, type SegregationRules } from './segregation';

const standard = [
  { role: 'budget-holder', upToPence: 1_000_000 },
  { role: 'finance-controller', upToPence: 5_000_000 },
  { role: 'executive-director', upToPence: 25_000_000 },
  { role: 'chief-executive', upToPence: null },
];

describe('approval routes', () => {
  it.each([
    { net: 1n, roles: ['budget-holder'] },
    { net: 1_000_000n, roles: ['budget-holder'] },
    { net: 1_000_001n, roles: ['budget-holder', 'finance-controller'] },
    { net: 25_000_000n, roles: ['budget-holder', 'finance-controller', 'executive-director'] },
    {
      net: 90_000_000n,
      roles: ['budget-holder', 'finance-controller', 'executive-director', 'chief-executive'],
    },
  ])('routes £$net pence through $roles', ({ net, roles }) => {
    const route = approvalRoute(standard, net);
    expect(route.map((step) => step.role)).toEqual(roles);
    expect(route.map((step) => step.level)).toEqual(roles.map((_, index) => index + 1));
  });

  it('stops at the last level when every level has a limit and the value is above them all', () => {
    expect(approvalRoute([{ role: 'a', upToPence: 10 }], 50n).map((step) => step.role)).toEqual(['a']);
  });
});

describe('the touchless decision', () => {
  const setting = { enabled: true, maxLinePence: 500_000, maxOrderPence: 1_000_000 };
  const line = (
    overrides: Partial<{ fromCatalogue: boolean; onContract: boolean; netPence: bigint }> = {},
  ) => ({
    lineNo: 1,
    fromCatalogue: true,
    onContract: true,
    netPence: 10_000n,
    ...overrides,
  });

  it.each([
    {
      why: 'a catalogue line on contract within the limits',
      lines: [line()],
      first: 1_000_000,
      blockers: [],
    },
    {
      why: 'touchless ordering switched off',
      lines: [line()],
      first: 1_000_000,
      off: true,
      blockers: [/switched off/],
    },
    {
      why: 'a free-text line',
      lines: [line({ fromCatalogue: false })],
      first: 1_000_000,
      blockers: [/not from the catalogue/],
    },
    {
      why: 'an off-contract line',
      lines: [line({ onContract: false })],
      first: 1_000_000,
      blockers: [/no contract price/],
    },
    {
      why: 'a line over the line limit',
      lines: [line({ netPence: 500_001n })],
      first: 1_000_000,
      blockers: [/line limit/],
    },
    {
      why: 'a total over the order limit',
      lines: [line({ netPence: 500_000n }), { ...line({ netPence: 500_001n }), lineNo: 2 }],
      first: 2_000_000,
      blockers: [/line limit/, /touchless limit of £10,000.00/],
    },
    {
      why: 'a total over the first approval level, below the touchless limit',
      lines: [line({ netPence: 300_000n })],
      first: 200_000,
      blockers: [/touchless limit of £2,000.00/],
    },
  ])('$why', ({ lines, first, off, blockers }) => {
    const found = touchlessBlockers({
      setting: { ...setting, enabled: !off },
      firstApprovalLimitPence: first,
      lines,
    });
    expect(found).toHaveLength(blockers.length);
    blockers.forEach((pattern, index) => {
      expect(found[index]).toMatch(pattern);
    });
  });
});

describe('segregation of duties', () => {
  const strict: SegregationRules = {
    requesterMayApprove: false,
    requesterMayReceive: false,
    approverMayPay: false,
    approverMayReceive: false,
  };
  const lenient: SegregationRules = {
    requesterMayApprove: true,
    requesterMayReceive: true,
    approverMayPay: true,
    approverMayReceive: true,
  };

  it.each([
    {
      pair: 'requester approving',
      actor: 'req',
      onBehalfOf: null,
      earlier: [],
      rules: strict,
      rule: 'requester-may-not-approve',
    },
    {
      pair: 'requester approving as a deputy',
      actor: 'dep',
      onBehalfOf: 'req',
      earlier: [],
      rules: strict,
      rule: 'requester-may-not-approve',
    },
    {
      pair: 'approver approving a second level',
      actor: 'a1',
      onBehalfOf: null,
      earlier: ['a1'],
      rules: lenient,
      rule: 'one-approval-per-person',
    },
    {
      pair: 'deputy approving for someone who already approved',
      actor: 'dep',
      onBehalfOf: 'a1',
      earlier: ['a1'],
      rules: lenient,
      rule: 'one-approval-per-person',
    },
    {
      pair: 'requester approving where the organisation allows it',
      actor: 'req',
      onBehalfOf: null,
      earlier: [],
      rules: lenient,
      rule: null,
    },
    {
      pair: 'someone else approving',
      actor: 'a2',
      onBehalfOf: null,
      earlier: ['a1'],
      rules: strict,
      rule: null,
    },
  ])('approval: $pair', ({ actor, onBehalfOf, earlier, rules, rule }) => {
    const conflict = approvalConflict({
      actorId: actor,
      onBehalfOf,
      requesterId: 'req',
      earlierApproverIds: earlier,
      rules,
    });
    expect(conflict?.rule ?? null).toBe(rule);
  });

  it.each([
    { pair: 'requester receiving', actor: 'req', rules: strict, rule: 'requester-may-not-receive' },
    {
      pair: 'approver receiving where not allowed',
      actor: 'a1',
      rules: strict,
      rule: 'approver-may-not-receive',
    },
    {
      pair: 'approver receiving where allowed',
      actor: 'a1',
      rules: { ...strict, approverMayReceive: true },
      rule: null,
    },
    { pair: 'requester receiving where allowed', actor: 'req', rules: lenient, rule: null },
    { pair: 'a third person receiving', actor: 'stores', rules: strict, rule: null },
  ])('receipt: $pair', ({ actor, rules, rule }) => {
    expect(
      receiptConflict({ actorId: actor, requesterId: 'req', approverIds: ['a1'], rules })?.rule ?? null,
    ).toBe(rule);
  });
});
