import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import type { TenantTx } from '../../kernel/tenancy';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../testing/platform';
import { SETTING_KEYS } from './index';

describe.each(testEngines())('framework on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const as = <T>(actor: string, work: (tx: TenantTx) => Promise<T>, organisation = ids.trustA) =>
    platform.runner.withTenant(contextFor(organisation, actor), work);

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
  });
  afterAll(async () => platform.db.close());

  it('resolves every setting to the national standard when there is no variation', async () => {
    const settings = await as('usr_fc', (tx) => platform.framework.resolveAll(tx));
    expect(settings).toHaveLength(SETTING_KEYS.length);
    expect(
      settings.every((setting) => setting.source === 'standard' && setting.standardVersion === '2026.1'),
    ).toBe(true);
    const terms = await as('usr_fc', (tx) => platform.framework.resolve(tx, 'payables.paymentTermsDays'));
    expect(terms.value).toBe(30);
  });

  it('applies a variation only once someone other than the proposer approves it', async () => {
    const proposed = await as('usr_fc', (tx) =>
      platform.framework.proposeVariation(tx, {
        settingKey: 'payables.matchTolerance',
        value: { pricePercentBasisPoints: 500, quantityUnits: 0, absoluteCapPence: 10_000 },
        reasonCategory: 'local-service-model',
        reason: 'Pharmacy wholesaler prices move daily; 5% avoids holding urgent drug invoices',
        reviewBy: '2027-03-31',
      }),
    );
    expect(
      (await as('usr_fc', (tx) => platform.framework.resolve(tx, 'payables.matchTolerance'))).source,
    ).toBe('standard');
    await expect(
      as('usr_fc', (tx) => platform.framework.decideVariation(tx, proposed.id, { approve: true })),
    ).rejects.toMatchObject({
      code: 'VARIATION_SELF_APPROVAL',
    });
    await as('usr_da', (tx) =>
      platform.framework.decideVariation(tx, proposed.id, { approve: true, note: 'Agreed at DA board' }),
    );
    const effective = await as('usr_fc', (tx) => platform.framework.resolve(tx, 'payables.matchTolerance'));
    expect(effective).toMatchObject({
      source: 'variation',
      variationId: proposed.id,
      value: { pricePercentBasisPoints: 500 },
    });
    const otherTrust = await as(
      'usr_fc',
      (tx) => platform.framework.resolve(tx, 'payables.matchTolerance'),
      ids.trustB,
    );
    expect(otherTrust.source).toBe('standard');
  });

  it('refuses a variation equal to the standard, an invalid value, an unknown setting, or a missing reason', async () => {
    const propose = (input: Parameters<Platform['framework']['proposeVariation']>[1]) =>
      as('usr_fc', (tx) => platform.framework.proposeVariation(tx, input));
    await expect(
      propose({
        settingKey: 'payables.paymentTermsDays',
        value: 30,
        reasonCategory: 'local-choice',
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'VARIATION_SAME_AS_STANDARD',
    });
    await expect(
      propose({
        settingKey: 'payables.paymentTermsDays',
        value: -3,
        reasonCategory: 'local-choice',
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      code: 'SETTING_VALUE_INVALID',
      issues: [expect.objectContaining({ path: 'value' })],
    });
    await expect(
      propose({ settingKey: 'payables.lunchBreak', value: 1, reasonCategory: 'local-choice', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'SETTING_UNKNOWN',
    });
    await expect(
      propose({
        settingKey: 'payables.paymentTermsDays',
        value: 45,
        reasonCategory: 'local-choice',
        reason: '  ',
      }),
    ).rejects.toMatchObject({
      code: 'VARIATION_REASON_REQUIRED',
      issues: [expect.objectContaining({ path: 'reason' })],
    });
  });

  it('reports conformance: share on the standard, each variation, and the unjustified one', async () => {
    const legacy = await as('usr_fc', (tx) =>
      platform.framework.proposeVariation(tx, {
        settingKey: 'payables.paymentTermsDays',
        value: 60,
        reasonCategory: 'legacy-practice',
        reason: 'Always paid at 60 days',
      }),
    );
    await as('usr_da', (tx) => platform.framework.decideVariation(tx, legacy.id, { approve: true }));
    const choice = await as('usr_fc', (tx) =>
      platform.framework.proposeVariation(tx, {
        settingKey: 'payroll.anytimePayEnabled',
        value: true,
        reasonCategory: 'local-choice',
        reason: 'Board agreed to offer anytime pay to all staff from June',
      }),
    );
    await as('usr_da', (tx) => platform.framework.decideVariation(tx, choice.id, { approve: true }));
    const report = await as('usr_fc', (tx) => platform.framework.conformance(tx, ids.trustA));
    expect(report.variations).toHaveLength(3);
    expect(report.onStandard).toBe(report.settingsCounted - 2);
    expect(report.share).toBeCloseTo((report.settingsCounted - 2) / report.settingsCounted);
    const byKey = Object.fromEntries(report.variations.map((variation) => [variation.settingKey, variation]));
    expect(byKey['payables.paymentTermsDays']).toMatchObject({
      justified: false,
      concerns: expect.arrayContaining([expect.stringMatching(/legacy practice/)]),
    });
    expect(byKey['payables.matchTolerance']?.justified).toBe(true);
    expect(byKey['payroll.anytimePayEnabled']).toMatchObject({ localChoice: true, justified: true });
  });

  it('returns a setting to the standard when its variation is withdrawn', async () => {
    const [live] = (await as('usr_fc', (tx) => platform.framework.listVariations(tx, ['approved']))).filter(
      (variation) => variation.settingKey === 'payables.paymentTermsDays',
    );
    await as('usr_fc', (tx) => platform.framework.withdrawVariation(tx, live!.id, 'Moving to 30-day terms'));
    expect(
      (await as('usr_fc', (tx) => platform.framework.resolve(tx, 'payables.paymentTermsDays'))).value,
    ).toBe(30);
  });

  it('runs a gap analysis from JSON: every setting with both values and what changing it affects', async () => {
    const json = JSON.stringify({
      settings: {
        'payables.paymentTermsDays': 45,
        'payables.matchTolerance': { pricePercentBasisPoints: 200, quantityUnits: 0, absoluteCapPence: 5000 },
        'procurement.approvalThresholds': [{ role: 'budget-holder', upToPence: 'lots' }],
        'payables.chequeRuns': 'weekly',
      },
    });
    const analysis = await as(
      'usr_da',
      (tx) => platform.framework.runGapAnalysis(tx, { fileName: 'current.json', text: json }),
      ids.trustB,
    );
    const byKey = Object.fromEntries(analysis.items.map((item) => [item.settingKey, item]));
    expect(byKey['payables.paymentTermsDays']).toMatchObject({
      status: 'differs',
      currentValue: 45,
      standardValue: 30,
      affects: expect.stringContaining('Better Payment Practice'),
    });
    expect(byKey['payables.matchTolerance']?.status).toBe('matches');
    expect(byKey['procurement.approvalThresholds']).toMatchObject({
      status: 'invalid-value',
      message: expect.stringContaining('upToPence'),
    });
    expect(byKey['payables.chequeRuns']?.status).toBe('unknown-setting');
    expect(byKey['ledger.periodCloseWorkingDay']?.status).toBe('not-supplied');
    expect(analysis.summary).toMatchObject({
      differs: 1,
      matches: 1,
      'invalid-value': 1,
      'unknown-setting': 1,
    });
    const stored = await as('usr_da', (tx) => platform.framework.gapAnalysis(tx, analysis.id), ids.trustB);
    expect(stored.summary).toEqual(analysis.summary);
  });

  it('runs a gap analysis from CSV with dotted paths into a setting', async () => {
    const csv = [
      'setting,value',
      'payables.matchTolerance.pricePercentBasisPoints,1000',
      'payables.matchTolerance.quantityUnits,0',
      'payables.matchTolerance.absoluteCapPence,5000',
      'payroll.monthlyPayDay,25',
    ].join('\n');
    const analysis = await as(
      'usr_da',
      (tx) => platform.framework.runGapAnalysis(tx, { fileName: 'current.csv', text: csv }),
      ids.trustB,
    );
    const tolerance = analysis.items.find((item) => item.settingKey === 'payables.matchTolerance')!;
    expect(tolerance).toMatchObject({
      status: 'differs',
      currentValue: { pricePercentBasisPoints: 1000, quantityUnits: 0, absoluteCapPence: 5000 },
    });
    expect(analysis.items.find((item) => item.settingKey === 'payroll.monthlyPayDay')).toMatchObject({
      status: 'differs',
      localChoice: true,
    });
  });

  it('refuses a malformed settings file with the reason, storing nothing', async () => {
    const before = (await as('usr_da', (tx) => platform.framework.gapAnalyses(tx), ids.trustB)).length;
    await expect(
      as(
        'usr_da',
        (tx) => platform.framework.runGapAnalysis(tx, { fileName: 'x.json', text: '{"settings": {' }),
        ids.trustB,
      ),
    ).rejects.toMatchObject({
      code: 'SETTINGS_FILE_MALFORMED',
    });
    await expect(
      as(
        'usr_da',
        (tx) => platform.framework.runGapAnalysis(tx, { fileName: 'x.csv', text: 'name,amount\na,1' }),
        ids.trustB,
      ),
    ).rejects.toMatchObject({
      code: 'SETTINGS_FILE_MALFORMED',
      issues: expect.arrayContaining([expect.objectContaining({ message: 'No "setting" column' })]),
    });
    expect((await as('usr_da', (tx) => platform.framework.gapAnalyses(tx), ids.trustB)).length).toBe(before);
  });
});
