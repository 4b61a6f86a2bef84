import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform } from '../../testing/platform';
import { buildProcurementWorld, type ProcurementWorld } from './fixtures/test-world';
import type { RequisitionLineInput } from './index';

type Problem = { code: string; issues: { path: string; rule: string }[] };

describe.each(testEngines())('requisitions and approval on %s', (engine) => {
  let platform: Platform;
  let world: ProcurementWorld;
  const trustA = () => world.ids.trustA;
  const submit = (actor: string, lines: RequisitionLineInput[]) =>
    world.as(trustA(), actor, (tx) => platform.procurement.submitRequisition(tx, { lines }));
  const decide = (actor: string, id: string, decision: 'approved' | 'rejected', reason?: string) =>
    world.as(trustA(), actor, (tx) => platform.procurement.decideRequisition(tx, id, { decision, reason }));
  const problem = async (work: Promise<unknown>) =>
    (await work.then(
      () => null,
      (e: unknown) => e,
    )) as Problem;

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    world = await buildProcurementWorld(platform, 'Q');
  });
  afterAll(async () => platform.db.close());

  it('turns catalogue lines on contract within the limits into purchase orders with no human step, one per supplier', async () => {
    const { requisition, purchaseOrders } = await submit(world.people.requester, [
      { itemId: world.national.gloves, quantity: 10, costCentreCode: 'WARD1' },
      { itemId: world.national.syringes, quantity: '2', costCentreCode: 'WARD1' },
    ]);
    expect(requisition).toMatchObject({
      status: 'ordered',
      touchlessBlockers: [],
      approvalRoute: [],
      totalNetPence: 6_250n,
    });
    expect(purchaseOrders).toHaveLength(2);
    expect(purchaseOrders.map((order) => order.raisedVia)).toEqual(['touchless', 'touchless']);
    expect(purchaseOrders[0]).toMatchObject({
      number: `${trustA()}-PO-000001`,
      supplierId: world.local.medline,
      lines: [
        {
          lineNo: 1,
          orderedQuantity: '10',
          unitPricePence: 485n,
          netPence: 4_850n,
          unitCode: 'XBX',
          accountCode: '610100',
        },
      ],
    });
    const stored = await world.as(trustA(), world.people.requester, (tx) =>
      platform.procurement.purchaseOrder(tx, purchaseOrders[0]!.id),
    );
    expect(stored.lines[0]).toMatchObject({
      orderedQuantity: '10',
      receivedQuantity: '0',
      invoicedQuantity: '0',
    });
  });

  it('commits the order value against the cost centre budget', async () => {
    const position = await world.as(trustA(), world.people.requester, (tx) =>
      platform.procurement.budgetPosition(tx, 'WARD1', '2026-27'),
    );
    expect(position).toMatchObject({
      budgetPence: 100_000_000n,
      actualPence: 0n,
      committedPence: 6_250n,
      availablePence: 99_993_750n,
    });
  });

  it.each([
    {
      why: 'an item off contract',
      lines: () => [{ itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' }],
      blocker: /no contract price/,
    },
    {
      why: 'a free-text line',
      lines: () => [
        {
          supplierId: world.local.courier,
          description: 'Same-day courier',
          unitPricePence: 4_500,
          quantity: 1,
          costCentreCode: 'WARD1',
          accountCode: '680100',
        },
      ],
      blocker: /not from the catalogue/,
    },
    {
      why: 'a line above the touchless line limit',
      lines: () => [{ itemId: world.national.gloves, quantity: 1_100, costCentreCode: 'WARD1' }],
      blocker: /above the touchless line limit/,
    },
  ])('sends $why for approval, saying why it was not touchless', async ({ lines, blocker }) => {
    const { requisition, purchaseOrders } = await submit(world.people.requester, lines());
    expect(requisition.status).toBe('pending-approval');
    expect(purchaseOrders).toEqual([]);
    expect(requisition.touchlessBlockers.join(' ')).toMatch(blocker);
    expect(requisition.awaitingLevel).toMatchObject({ level: 1, role: 'budget-holder' });
  });

  it('routes by value (VAT exclusive) through every level up to the one whose limit covers it', async () => {
    const { requisition } = await submit(world.people.requester, [
      { itemId: world.national.scanner, quantity: 5, costCentreCode: 'WARD1' },
    ]);
    expect(requisition.totalNetPence).toBe(3_295_500n);
    expect(requisition.approvalRoute.map((step) => step.role)).toEqual([
      'budget-holder',
      'finance-controller',
    ]);

    const self = await problem(decide(world.people.requester, requisition.id, 'approved'));
    expect(self).toMatchObject({ code: 'SELF_APPROVAL', issues: [{ rule: 'requester-may-not-approve' }] });
    const wrongRole = await problem(decide(world.people.controller, requisition.id, 'approved'));
    expect(wrongRole).toMatchObject({ code: 'APPROVER_NOT_AUTHORISED' });

    const first = await decide(world.people.approver, requisition.id, 'approved');
    expect(first.requisition).toMatchObject({
      status: 'pending-approval',
      awaitingLevel: { level: 2, role: 'finance-controller' },
    });
    expect(first.purchaseOrders).toEqual([]);

    const last = await decide(world.people.controller, requisition.id, 'approved');
    expect(last.requisition.status).toBe('ordered');
    expect(last.purchaseOrders).toMatchObject([
      { raisedVia: 'approval', raisedBy: world.people.controller, totalNetPence: 3_295_500n },
    ]);
    expect(last.requisition.decisions.map((d) => [d.level, d.decidedBy])).toEqual([
      [1, world.people.approver],
      [2, world.people.controller],
    ]);
  });

  it('never lets one person approve two levels of a requisition', async () => {
    const both = await platform.runner.withTenant(contextFor(trustA()), (tx) =>
      platform.organisations.setRoles(tx, world.people.deputy, ['budget-holder', 'finance-controller']),
    );
    const { requisition } = await submit(world.people.requester, [
      { itemId: world.national.scanner, quantity: 2, costCentreCode: 'WARD1' },
    ]);
    await decide(both.userId, requisition.id, 'approved');
    const twice = await problem(decide(both.userId, requisition.id, 'approved'));
    expect(twice).toMatchObject({
      code: 'SEGREGATION_OF_DUTIES',
      issues: [{ rule: 'one-approval-per-person' }],
    });
    await platform.runner.withTenant(contextFor(trustA()), (tx) =>
      platform.organisations.setRoles(tx, both.userId, ['budget-holder']),
    );
  });

  it('lets a deputy approve with the authority of an approver who is away, recording on whose behalf', async () => {
    const { requisition } = await submit(world.people.requester, [
      { itemId: world.national.scanner, quantity: 9, costCentreCode: 'WARD1' },
    ]);
    expect(requisition.approvalRoute.map((step) => step.role)).toEqual([
      'budget-holder',
      'finance-controller',
      'executive-director',
    ]);
    await decide(world.people.approver, requisition.id, 'approved');
    await decide(world.people.controller, requisition.id, 'approved');
    const before = await problem(decide(world.people.deputy, requisition.id, 'approved'));
    expect(before.code).toBe('APPROVER_NOT_AUTHORISED');
    await world.as(trustA(), world.people.director, (tx) =>
      platform.procurement.delegateApproval(tx, {
        deputyId: world.people.deputy,
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        reason: 'Annual leave',
      }),
    );
    const queue = await world.as(trustA(), world.people.deputy, (tx) =>
      platform.procurement.approvalQueue(tx),
    );
    expect(queue.map((r) => r.id)).toContain(requisition.id);
    const done = await decide(world.people.deputy, requisition.id, 'approved');
    expect(done.requisition.decisions[2]).toMatchObject({
      decidedBy: world.people.deputy,
      onBehalfOf: world.people.director,
      role: 'executive-director',
    });
    expect(done.requisition.status).toBe('ordered');
  });

  it('does not let a deputy approve for someone else a requisition they raised themselves', async () => {
    const { requisition } = await submit(world.people.deputy, [
      { itemId: world.national.scanner, quantity: 9, costCentreCode: 'WARD1' },
    ]);
    await decide(world.people.approver, requisition.id, 'approved');
    await decide(world.people.controller, requisition.id, 'approved');
    const own = await problem(decide(world.people.deputy, requisition.id, 'approved'));
    expect(own).toMatchObject({ code: 'SELF_APPROVAL' });
  });

  it('needs a reason to reject, and keeps it for the requester', async () => {
    const { requisition } = await submit(world.people.requester, [
      { itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' },
    ]);
    expect((await problem(decide(world.people.approver, requisition.id, 'rejected', ' '))).code).toBe(
      'DECISION_REASON_REQUIRED',
    );
    const rejected = await decide(
      world.people.approver,
      requisition.id,
      'rejected',
      'Use the loan scanner from Ward 9',
    );
    expect(rejected.requisition).toMatchObject({
      status: 'rejected',
      closingReason: 'Use the loan scanner from Ward 9',
    });
    expect((await problem(decide(world.people.approver, requisition.id, 'approved'))).code).toBe(
      'REQUISITION_NOT_PENDING',
    );
  });

  it.each([
    {
      field: 'costCentreCode',
      line: { costCentreCode: 'NOPE' },
      code: 'COST_CENTRE_UNKNOWN',
      rule: 'cost-centre-known',
    },
    {
      field: 'accountCode',
      line: { accountCode: '210300' },
      code: 'ACCOUNT_UNKNOWN',
      rule: 'account-expenditure',
    },
    { field: 'quantity', line: { quantity: 0 }, code: 'QUANTITY_INVALID', rule: 'quantity-positive' },
    { field: 'quantity', line: { quantity: -3 }, code: 'QUANTITY_INVALID', rule: 'quantity-positive' },
    { field: 'quantity', line: { quantity: '1.2345' }, code: 'QUANTITY_INVALID', rule: 'quantity-format' },
    {
      field: 'itemId',
      line: { itemId: 'itm_unknown' },
      code: 'CATALOGUE_ITEM_NOT_FOUND',
      rule: 'item-known',
    },
  ])(
    'refuses a line with a bad $field as $code naming lines[0].$field',
    async ({ field, line, code, rule }) => {
      const error = await problem(
        submit(world.people.requester, [
          { itemId: world.national.gloves, quantity: 1, costCentreCode: 'WARD1', ...line },
        ]),
      );
      expect(error).toMatchObject({ code, issues: [{ path: `lines[0].${field}`, rule }] });
    },
  );

  it('refuses a free-text line from an unknown supplier as SUPPLIER_UNKNOWN', async () => {
    const error = await problem(
      submit(world.people.requester, [
        {
          supplierId: 'sup_nobody',
          description: 'Thing',
          unitPricePence: 100,
          quantity: 1,
          costCentreCode: 'WARD1',
          accountCode: '620100',
        },
      ]),
    );
    expect(error).toMatchObject({
      code: 'SUPPLIER_UNKNOWN',
      issues: [{ path: 'lines[0].supplierId', rule: 'supplier-known' }],
    });
  });

  it('refuses spending beyond the budget left on the cost centre, saying what is left', async () => {
    const error = await problem(
      submit(world.people.requester, [
        { itemId: world.national.gloves, quantity: 50, costCentreCode: 'FIN01', accountCode: '680100' },
      ]),
    );
    expect(error).toMatchObject({
      code: 'BUDGET_EXCEEDED',
      issues: [{ path: 'lines[0].costCentreCode', rule: 'budget-available' }],
    });
  });

  it('shows an approver only what they may decide: not their own requisitions', async () => {
    const { requisition } = await submit(world.people.approver, [
      { itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' },
    ]);
    const ownQueue = await world.as(trustA(), world.people.approver, (tx) =>
      platform.procurement.approvalQueue(tx),
    );
    expect(ownQueue.map((r) => r.id)).not.toContain(requisition.id);
    const otherQueue = await world.as(trustA(), world.people.requester, (tx) =>
      platform.procurement.approvalQueue(tx),
    );
    expect(otherQueue.map((r) => r.id)).toContain(requisition.id);
  });

  it('lets an organisation that allows it by variation approve its own requisitions (and stops approvers receiving)', async () => {
    await world.as(trustA(), 'usr_controller', async (tx) => {
      const variation = await platform.framework.proposeVariation(tx, {
        settingKey: 'governance.segregationOfDuties',
        value: {
          requesterMayApprove: true,
          requesterMayReceive: false,
          approverMayPay: false,
          approverMayReceive: false,
        },
        reasonCategory: 'local-service-model',
        reason:
          'Single-handed community team: the manager raises and approves small orders, reviewed monthly',
      });
      return variation;
    });
    const [proposed] = await world.as(trustA(), 'usr_da', (tx) =>
      platform.framework.listVariations(tx, ['proposed']),
    );
    await world.as(trustA(), 'usr_da', (tx) =>
      platform.framework.decideVariation(tx, proposed!.id, { approve: true, note: 'Accepted for the pilot' }),
    );
    const { requisition } = await submit(world.people.approver, [
      { itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' },
    ]);
    const decided = await decide(world.people.approver, requisition.id, 'approved');
    expect(decided.requisition.status).toBe('ordered');
  });

  it('refuses a receipt by the approver where the organisation does not let approvers receive', async () => {
    const { requisition } = await submit(world.people.requester, [
      { itemId: world.national.scanner, quantity: 1, costCentreCode: 'WARD1' },
    ]);
    const { purchaseOrders } = await decide(world.people.approver, requisition.id, 'approved');
    const receipt = (person: string) =>
      world.as(trustA(), person, (tx) =>
        platform.procurement.recordReceipt(tx, purchaseOrders[0]!.id, {
          lines: [{ lineNo: 1, quantity: 1 }],
        }),
      );
    expect(await problem(receipt(world.people.approver))).toMatchObject({
      code: 'SEGREGATION_OF_DUTIES',
      issues: [{ rule: 'approver-may-not-receive' }],
    });
    expect((await receipt(world.people.storekeeper)).lines[0]!.quantity).toBe('1');
  });
});
