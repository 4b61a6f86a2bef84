import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { isDomainError } from '../../kernel/errors';
import { fixedClock } from '../../kernel/time';
import { testEngines } from '../../testing/database';
import { openTestPlatform, seedTestSystem } from '../../testing/platform';
import { actor, payableEmployee, setUpEmployer, starter } from './testing/payroll-setup';

const OFFICER = 'usr_officer';
const CHECKER = 'usr_checker';
const NURSE = 'usr_nurse';

async function codeOf(action: () => Promise<unknown>): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe.each(testEngines())('anytime pay, payslip queries and workforce history on %s', (engine) => {
  let platform: Platform;
  let trust: string;
  let otherTrust: string;
  let nurse: string;
  const asOfficer = () => actor(trust, OFFICER);
  const asNurse = () => actor(trust, NURSE);

  beforeAll(async () => {
    platform = await openTestPlatform(engine, fixedClock('2026-11-16T10:00:00Z'));
    ({ trustB: trust, trustA: otherTrust } = await seedTestSystem(platform, 'S'));
    const variation = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.framework.proposeVariation(tx, {
        settingKey: 'payroll.anytimePayEnabled',
        value: true,
        reasonCategory: 'local-choice',
        reason: 'Board agreed anytime pay for community staff',
      }),
    );
    await platform.runner.withTenant(actor(trust, 'usr_design_authority'), (tx) =>
      platform.framework.decideVariation(tx, variation.id, { approve: true }),
    );
    for (const organisation of [trust, otherTrust]) await setUpEmployer(platform, organisation, OFFICER);
    nurse = await payableEmployee(
      platform,
      trust,
      { officer: OFFICER, checker: CHECKER },
      starter({ person: { ...starter().person, userId: NURSE } }),
    );
  });
  afterAll(async () => platform.db.close());

  it('lets a member of staff draw within the share of net pay earned so far, posts each draw and recovers it on pay day', async () => {
    const position = await platform.runner.withTenant(asNurse(), (tx) =>
      platform.payroll.anytimePay(tx, nurse),
    );
    if (!position.enabled) throw new Error(position.reason);
    expect(position).toMatchObject({ open: true, daysWorked: 16, daysEmployed: 30, drawsLeft: 3 });
    expect(position.earnedNet).toBe(Math.floor((position.expectedNetPay * 16) / 30));
    expect(position.available).toBe(Math.floor(position.earnedNet / 2));

    const draw = (amount: number) =>
      platform.runner.withTenant(asNurse(), (tx) => platform.payroll.drawAnytimePay(tx, nurse, amount));
    expect(await codeOf(() => draw(1_999))).toBe('ANYTIME_PAY_BELOW_MINIMUM');
    expect(await codeOf(() => draw(position.available + 1))).toBe('ANYTIME_PAY_OVER_LIMIT');
    const first = await draw(10_000);
    await draw(5_000);
    await draw(2_000);
    expect(await codeOf(() => draw(2_000))).toBe('ANYTIME_PAY_TOO_MANY_DRAWS');
    const journal = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.ledger.journal(tx, first.journalId),
    );
    expect(journal.lines.map((line) => [line.accountCode, line.side, line.amountPence])).toEqual([
      ['130500', 'debit', 10_000n],
      ['140100', 'credit', 10_000n],
    ]);

    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 8 }),
    );
    await platform.payroll.previewRun(asOfficer(), run.id);
    const closed = await platform.runner.withTenant(asNurse(), (tx) =>
      platform.payroll.anytimePay(tx, nurse),
    );
    expect(closed).toMatchObject({ enabled: true, open: false });
    await platform.runner.withTenant(actor(trust, CHECKER), (tx) => platform.payroll.approveRun(tx, run.id));
    const committed = await platform.payroll.commitRun(actor(trust, CHECKER), run.id);
    const payslip = await platform.runner.withTenant(asNurse(), (tx) =>
      platform.payroll.payslip(tx, run.id, nurse),
    );
    expect(payslip.figures.anytimePayRecovered).toBe(17_000);
    expect(payslip.deductions.find((line) => line.kind === 'anytime-pay-recovery')?.amount).toBe(17_000);
    const runJournal = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.ledger.journal(tx, committed.journalId ?? ''),
    );
    expect(runJournal.lines.find((line) => line.accountCode === '130500')).toMatchObject({
      side: 'credit',
      amountPence: 17_000n,
    });
  });

  it('refuses anytime pay where the organisation has not switched it on', async () => {
    const elsewhere = await payableEmployee(platform, otherTrust, { officer: OFFICER, checker: CHECKER });
    const status = await platform.runner.withTenant(actor(otherTrust, NURSE), (tx) =>
      platform.payroll.anytimePay(tx, elsewhere),
    );
    expect(status.enabled).toBe(false);
    expect(
      await codeOf(() =>
        platform.runner.withTenant(actor(otherTrust, NURSE), (tx) =>
          platform.payroll.drawAnytimePay(tx, elsewhere, 5_000),
        ),
      ),
    ).toBe('ANYTIME_PAY_DISABLED');
  });

  it('takes a query from a payslip line to the team with the calculation, ages it against the SLA and counts repeats', async () => {
    const [run] = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.runs(tx, { status: 'committed' }),
    );
    const raised = await platform.runner.withTenant(asNurse(), (tx) =>
      platform.payroll.raiseQuery(tx, {
        runId: run?.id ?? '',
        employeeId: nurse,
        lineRef: 'income-tax',
        message: 'My tax looks higher than last month',
      }),
    );
    expect(raised).toMatchObject({
      status: 'open',
      queryType: 'income-tax',
      rule: 'paye.tables',
      age: { status: 'within-sla' },
    });
    expect(raised.calculation).toMatchObject({
      line: { label: 'Income tax' },
      explanation: { rule: 'paye.tables' },
    });
    await platform.runner.withTenant(asNurse(), (tx) =>
      platform.payroll.raiseQuery(tx, {
        runId: run?.id ?? '',
        employeeId: nurse,
        lineRef: 'income-tax',
        message: 'Still unsure about the tax',
      }),
    );
    expect(
      await codeOf(() =>
        platform.runner.withTenant(asNurse(), (tx) =>
          platform.payroll.raiseQuery(tx, {
            runId: run?.id ?? '',
            employeeId: nurse,
            lineRef: 'pay-99',
            message: 'Which line?',
          }),
        ),
      ),
    ).toBe('QUERY_INVALID');
    const resolved = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.resolveQuery(tx, raised.id, {
        resolution: 'Tax is cumulative: the year to date explains it',
        rootCause: 'explained',
      }),
    );
    expect(resolved.status).toBe('resolved');
    const repeated = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.repeatedQueries(tx),
    );
    expect(repeated[0]).toMatchObject({
      queryType: 'income-tax',
      rule: 'paye.tables',
      total: 2,
      open: 1,
      rootCauses: { explained: 1 },
    });
  });

  it('gives monthly workforce history by team for the insight module', async () => {
    const leaver = await payableEmployee(
      platform,
      trust,
      { officer: OFFICER, checker: CHECKER },
      starter({ contract: { band: '5', payPoint: 1, costCentreCode: 'FIN01' } }),
    );
    await platform.runner.withTenant(asOfficer(), async (tx) => {
      await platform.payroll.recordLeaver(tx, leaver, { leavingDate: '2026-10-15', reason: 'Resigned' });
      await platform.payroll.recordAbsences(tx, [
        { employeeId: nurse, kind: 'sickness', firstDay: '2026-10-30', lastDay: '2026-11-02' },
      ]);
    });
    const p45 = await platform.runner.withTenant(asOfficer(), (tx) => platform.payroll.leaverP45(tx, leaver));
    expect(p45).toMatchObject({
      leavingDate: '2026-10-15',
      taxYear: '2026-27',
      taxCode: '1257L',
      payToDatePence: 0,
      lastPayPeriod: null,
    });
    const history = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.workforceHistory(tx, { from: '2026-10', to: '2026-11' }),
    );
    expect(history.find((row) => row.team === 'FIN01' && row.month === '2026-10')).toMatchObject({
      leavers: 1,
      headcount: 0,
      turnoverRate: 2,
    });
    expect(history.find((row) => row.team === 'WARD1' && row.month === '2026-10')).toMatchObject({
      headcount: 1,
      sicknessDays: 2,
    });
    expect(history.find((row) => row.team === 'WARD1' && row.month === '2026-11')?.sicknessDays).toBe(2);
    const series = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.workforceSeries(tx, { from: '2026-10', to: '2026-11' }),
    );
    expect(series.find((entry) => entry.team === 'FIN01' && entry.measure === 'leavers')?.values).toEqual([
      { month: '2026-10', value: 1 },
      { month: '2026-11', value: 0 },
    ]);
  });
});
