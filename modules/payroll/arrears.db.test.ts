import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { openTestPlatform, seedTestSystem } from '../../testing/platform';
import { actor, payableEmployee, setUpEmployer, starter } from './testing/payroll-setup';

const OFFICER = 'usr_officer';
const CHECKER = 'usr_checker';

describe.each(testEngines())('arrears, variances and explanations on %s', (engine) => {
  let platform: Platform;
  let trust: string;
  let nurse: string;
  let partTimer: string;
  const asOfficer = () => actor(trust, OFFICER);

  async function payMonth(period: number) {
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period }),
    );
    const preview = await platform.payroll.previewRun(asOfficer(), run.id);
    await platform.runner.withTenant(actor(trust, CHECKER), (tx) => platform.payroll.approveRun(tx, run.id));
    await platform.payroll.commitRun(actor(trust, CHECKER), run.id);
    return { run, preview };
  }

  const payslipOf = (runId: string, employeeId: string) =>
    platform.runner.withTenant(asOfficer(), (tx) => platform.payroll.payslip(tx, runId, employeeId));

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ({ trustB: trust } = await seedTestSystem(platform, 'R'));
    await setUpEmployer(platform, trust, OFFICER);
    nurse = await payableEmployee(platform, trust, { officer: OFFICER, checker: CHECKER });
    partTimer = await payableEmployee(
      platform,
      trust,
      { officer: OFFICER, checker: CHECKER },
      starter({ contract: { band: '6', payPoint: 1 } }),
    );
    await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordClaims(tx, [
        {
          kind: 'unsocial-hours',
          employeeId: nurse,
          workedOn: '2026-06-13',
          details: { saturdayOrNightCentihours: 750, sundayOrPublicHolidayCentihours: 0 },
        },
      ]),
    );
    for (let month = 1; month <= 7; month += 1) await payMonth(month);
  });
  afterAll(async () => platform.db.close());

  it('an award agreed in November, backdated to April, pays each month’s difference in the November run and never again', async () => {
    const award = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordPayAward(tx, {
        effectiveFrom: '2026-04-01',
        description: 'Structural award for bands 2 to 5',
        upliftBasisPoints: 200,
        bands: ['2', '3', '4', '5'],
      }),
    );
    expect(award.employeesForArrears).toBe(1);
    const hoursChange = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordChange(tx, partTimer, {
        effectiveFrom: '2026-09-01',
        fields: { contractedCentihours: 3000 },
        reason: 'Reduced hours agreed in August, entered late',
      }),
    );
    expect(hoursChange.arrearsFrom).toBe('2026-09-01');

    const { run, preview } = await payMonth(8);
    expect(preview.variances.arrears).toBe(2);
    const november = await payslipOf(run.id, nurse);
    const monthly = Math.round(3_528_400 / 12) - Math.round(3_459_200 / 12);
    const arrears = november.pay.filter((line) => line.arrearsFor !== null);
    expect(
      arrears.filter((line) => line.kind === 'basic-pay').map((line) => [line.arrearsFor, line.amount]),
    ).toEqual([1, 2, 3, 4, 5, 6, 7].map((month) => [`2026-27/M0${month}`, monthly]));
    expect(arrears.find((line) => line.kind === 'unsocial-hours')).toMatchObject({
      arrearsFor: '2026-27/M03',
      amount: 80,
    });
    expect(november.figures.gross).toBe(Math.round(3_528_400 / 12) + 7 * monthly + 80);
    expect(november.explanationsMatch).toBe(true);
    expect(arrears[0]?.explanation?.text).toMatch(/paid and taxed in this period/);
    // Tax on the arrears is cumulative tax on the year to date, paid now.
    const tax = november.deductions.find((line) => line.ref === 'income-tax');
    expect(tax?.explanation?.text).toMatch(/cumulative to month 8/);

    const reduced = await payslipOf(run.id, partTimer);
    expect(reduced.pay.filter((line) => line.arrearsFor).map((line) => line.arrearsFor)).toEqual([
      '2026-27/M06',
      '2026-27/M07',
    ]);
    expect(reduced.pay.filter((line) => line.arrearsFor).every((line) => line.amount < 0)).toBe(true);

    const december = await payMonth(9);
    const after = await payslipOf(december.run.id, nurse);
    expect(after.pay.map((line) => [line.kind, line.arrearsFor])).toEqual([['basic-pay', null]]);
    expect(december.preview.variances.arrears).toBeUndefined();
  });

  it('flags a tax code change and a net pay change beyond the framework threshold, and explains the tax', async () => {
    await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordChange(tx, nurse, {
        effectiveFrom: '2027-01-01',
        fields: { taxCode: 'K100' },
        reason: 'HMRC P9 notice',
      }),
    );
    await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordClaims(tx, [
        {
          kind: 'overtime',
          employeeId: partTimer,
          workedOn: '2027-01-12',
          details: { extraCentihours: 4000, publicHoliday: false },
        },
      ]),
    );
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 10 }),
    );
    await platform.payroll.previewRun(asOfficer(), run.id);
    const variances = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.variances(tx, run.id),
    );
    expect(variances.find((row) => row.employeeId === nurse)?.flags).toContain('tax-code-change');
    expect(variances.find((row) => row.employeeId === partTimer)?.flags).toContain('net-change');
    await platform.runner.withTenant(actor(trust, CHECKER), (tx) => platform.payroll.approveRun(tx, run.id));
    await platform.payroll.commitRun(actor(trust, CHECKER), run.id);
    const payslip = await payslipOf(run.id, nurse);
    expect(payslip.taxCode).toBe('K100');
    expect(payslip.deductions[0]?.explanation).toMatchObject({
      rule: 'paye.tables',
      text: expect.stringContaining('Tax code K100'),
    });
  });
});
