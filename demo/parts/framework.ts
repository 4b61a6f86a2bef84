import { asPerson, type DemoContext } from '../context';
import { JOINING } from '../world';

/**
 * Local variations across the trusts — justified, a local choice, a
 * transitional one, and one legacy practice the conformance report flags —
 * a proposal awaiting the Design Authority, and the joining trust's gap analysis.
 */
export async function seedFramework(demo: DemoContext): Promise<void> {
  const { platform } = demo;
  const variations = [
    {
      organisationId: 'RN1',
      proposer: 'finance.controller@mainstay.demo',
      settingKey: 'payables.matchTolerance',
      value: { pricePercentBasisPoints: 500, quantityUnits: 0, absoluteCapPence: 10_000 },
      reasonCategory: 'local-service-model',
      reason:
        'Regional pharmacy wholesaler prices move weekly; a 5% tolerance stops urgent drug invoices being held',
      reviewBy: '2027-03-31',
    },
    {
      organisationId: 'RN2',
      proposer: 'finance.controller@mainstay.demo',
      settingKey: 'payables.paymentTermsDays',
      value: 45,
      reasonCategory: 'legacy-practice',
      reason: 'Always paid at 45 days',
      reviewBy: null,
    },
    {
      organisationId: 'RN3',
      proposer: 'payroll.officer@mainstay.demo',
      settingKey: 'payroll.anytimePayEnabled',
      value: true,
      reasonCategory: 'local-choice',
      reason: 'Trust board agreed to offer anytime pay to community staff to help retention',
      reviewBy: null,
    },
    {
      organisationId: 'RN4',
      proposer: 'procurement@mainstay.demo',
      settingKey: 'procurement.approvalThresholds',
      value: [
        { role: 'budget-holder', upToPence: 2_500_000 },
        { role: 'finance-controller', upToPence: 5_000_000 },
        { role: 'executive-director', upToPence: 25_000_000 },
        { role: 'chief-executive', upToPence: null },
      ],
      reasonCategory: 'transitional',
      reason: 'Ward managers keep their old £25,000 limit while the new divisional structure is recruited',
      reviewBy: '2027-01-31',
    },
  ] as const;
  for (const variation of variations) {
    const proposed = await platform.runner.withTenant(
      asPerson(demo, variation.organisationId, variation.proposer),
      (tx) => platform.framework.proposeVariation(tx, { ...variation, value: variation.value as unknown }),
    );
    await platform.runner.withTenant(
      asPerson(demo, variation.organisationId, 'design.authority@mainstay.demo'),
      (tx) =>
        platform.framework.decideVariation(tx, proposed.id, {
          approve: true,
          note: 'Design Authority board',
        }),
    );
  }
  await platform.runner.withTenant(asPerson(demo, 'RN5', 'procurement@mainstay.demo'), (tx) =>
    platform.framework.proposeVariation(tx, {
      settingKey: 'procurement.touchlessOrdering',
      value: { enabled: true, maxLinePence: 1_000_000, maxOrderPence: 2_500_000 },
      reasonCategory: 'local-service-model',
      reason: 'Vehicle parts on the national framework are routinely above £5,000 a line and need no review',
    }),
  );
  const currentSettings = {
    settings: {
      'ledger.periodCloseWorkingDay': 8,
      'payables.paymentTermsDays': 60,
      'payables.matchTolerance': {
        pricePercentBasisPoints: 1000,
        quantityUnits: 2,
        absoluteCapPence: 50_000,
      },
      'procurement.approvalThresholds': [
        { role: 'budget-holder', upToPence: 500_000 },
        { role: 'finance-controller', upToPence: 10_000_000 },
        { role: 'chief-executive', upToPence: null },
      ],
      'payroll.monthlyPayDay': 27,
      'workforce.referenceYears': 2,
      'governance.segregationOfDuties': {
        requesterMayApprove: false,
        requesterMayReceive: true,
        approverMayPay: false,
        approverMayReceive: true,
      },
      'payables.chequePaymentsAllowed': true,
    },
  };
  await platform.runner.withTenant(asPerson(demo, JOINING.id, 'design.authority@mainstay.demo'), (tx) =>
    platform.framework.runGapAnalysis(tx, {
      fileName: 'dale-coast-current-settings.json',
      text: JSON.stringify(currentSettings, null, 2),
    }),
  );
}
