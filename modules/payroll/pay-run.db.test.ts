import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { isDomainError } from '../../kernel/errors';
import { testEngines } from '../../testing/database';
import { openTestPlatform, seedTestSystem } from '../../testing/platform';
import { calculateNationalInsurance } from './domain';
import { loadTaxYearReference } from './reference-data';
import { actor, payableEmployee, setUpEmployer, starter } from './testing/payroll-setup';

const OFFICER = 'usr_officer';
const CHECKER = 'usr_checker';
const people = { officer: OFFICER, checker: CHECKER };

async function refusal(
  action: () => Promise<unknown>,
): Promise<{ code: string; issues: { path: string; rule: string }[] }> {
  try {
    await action();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, issues: [...error.issues] };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testEngines())('pay runs on %s', (engine) => {
  let platform: Platform;
  let trust: string;
  let paidEveryMonth = '';
  let leftOut = '';

  const asOfficer = () => actor(trust, OFFICER);
  const asChecker = () => actor(trust, CHECKER);

  async function runMonth(period: number, options: { approveAs?: string } = {}) {
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period }),
    );
    const preview = await platform.payroll.previewRun(asOfficer(), run.id);
    return { run, preview, approveAs: options.approveAs ?? CHECKER };
  }

  async function approveAndCommit(runId: string) {
    await platform.runner.withTenant(asChecker(), (tx) => platform.payroll.approveRun(tx, runId));
    return platform.payroll.commitRun(asChecker(), runId);
  }

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ({ trustA: trust } = await seedTestSystem(platform));
    await setUpEmployer(platform, trust, OFFICER);
  });
  afterAll(async () => platform.db.close());

  it('previews, approves by a second person, commits once, and posts one balanced journal', async () => {
    const ids = [
      await payableEmployee(platform, trust, people),
      await payableEmployee(
        platform,
        trust,
        people,
        starter({
          contract: { band: '7', payPoint: 1, contractedCentihours: 3000, costCentreCode: 'FIN01' },
        }),
      ),
      await payableEmployee(
        platform,
        trust,
        people,
        starter({ studentLoanPlans: ['2'], startDate: '2026-04-13', contract: { band: '3', payPoint: 2 } }),
      ),
    ];
    paidEveryMonth = ids[0] ?? '';
    const { run, preview } = await runMonth(1);
    expect(preview).toMatchObject({ complete: true, payslips: 3, withIssues: 0 });
    // Only the starter of this tax year is a first pay; staff moved from an earlier payroll are not variances.
    expect(preview.variances['first-pay']).toBe(1);

    const sameperson = await refusal(() =>
      platform.runner.withTenant(asOfficer(), (tx) => platform.payroll.approveRun(tx, run.id)),
    );
    expect(sameperson.code).toBe('PAY_RUN_SAME_PERSON');

    const committed = await approveAndCommit(run.id);
    expect(committed.status).toBe('committed');
    const again = await platform.payroll.commitRun(asChecker(), run.id);
    expect(again.committedAt).toBe(committed.committedAt);

    const { payslips, journal } = await platform.runner.withTenant(asOfficer(), async (tx) => ({
      payslips: await platform.payroll.payslips(tx, { runId: run.id }),
      journal: await platform.ledger.journal(tx, committed.journalId ?? ''),
    }));
    expect(payslips.map((payslip) => payslip.employeeId).sort()).toEqual([...ids].sort());
    expect(payslips.reduce((sum, payslip) => sum + payslip.figures.netPay, 0)).toBe(preview.totals.netPay);
    const debits = journal.lines
      .filter((line) => line.side === 'debit')
      .reduce((sum, line) => sum + line.amountPence, 0n);
    const credits = journal.lines
      .filter((line) => line.side === 'credit')
      .reduce((sum, line) => sum + line.amountPence, 0n);
    expect(debits).toBe(credits);
    const lineOf = (account: string, costCentre: string | null = null) =>
      journal.lines.find(
        (line) => line.accountCode === account && (line.costCentreCode ?? null) === costCentre,
      )?.amountPence;
    expect(lineOf('230500')).toBe(BigInt(preview.totals.netPay));
    expect(lineOf('230100')).toBe(BigInt(preview.totals.incomeTax));
    expect(lineOf('510100', 'FIN01')).toBe(
      BigInt(payslips.find((payslip) => payslip.costCentreCode === 'FIN01')?.figures.gross ?? 0),
    );

    const immutable = await platform.runner
      .withTenant(asOfficer(), (tx) =>
        tx.query('update payroll.payslip set net_pence = 0 where run_id = $1', [run.id]),
      )
      .catch((error: Error) => error.message);
    expect(immutable).toMatch(/permission denied|append-only/);
  });

  it('lists every employee with bad input, naming the field, and will not approve until each is fixed or excluded', async () => {
    const badLetter = await payableEmployee(
      platform,
      trust,
      people,
      starter({ niLetter: 'Q', person: { ...starter().person, surname: 'Quill' } }),
    );
    const badPoint = await payableEmployee(
      platform,
      trust,
      people,
      starter({ contract: { band: '5', payPoint: 4 } }),
    );
    const noBank = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.registerEmployee(tx, starter()),
    );
    const negative = await payableEmployee(platform, trust, people);
    await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.recordClaims(tx, [
        {
          kind: 'unsocial-hours',
          employeeId: negative,
          workedOn: '2026-05-09',
          details: { saturdayOrNightCentihours: -750, sundayOrPublicHolidayCentihours: 0 },
        },
      ]),
    );
    leftOut = badLetter;
    const { run, preview } = await runMonth(2);
    expect(preview.withIssues).toBe(4);
    const issues = await platform.runner.withTenant(asOfficer(), (tx) => platform.payroll.issues(tx, run.id));
    expect(issues.map((issue) => [issue.employeeId, issue.path, issue.rule])).toEqual(
      expect.arrayContaining([
        [badLetter, 'niLetter', 'ni-category-known'],
        [badPoint, 'payPoint', 'pay-point-in-scale'],
        [noBank.id, 'bankDetails', 'bank-details-verified'],
        [
          negative,
          expect.stringMatching(/^claims\[clm_.*\]\.saturdayOrNightCentihours$/),
          'whole-number-in-range',
        ],
      ]),
    );
    expect(issues.find((issue) => issue.employeeId === badLetter)?.name).toBe('Test Quill');

    const blocked = await refusal(() =>
      platform.runner.withTenant(asChecker(), (tx) => platform.payroll.approveRun(tx, run.id)),
    );
    expect(blocked.code).toBe('PAY_RUN_UNRESOLVED_INPUT');
    expect(blocked.issues.map((issue) => issue.path)).toContain(`${badLetter}.niLetter`);

    const noReason = await refusal(() =>
      platform.runner.withTenant(asOfficer(), (tx) =>
        platform.payroll.excludeEmployee(tx, run.id, { employeeId: badLetter, reason: '' }),
      ),
    );
    expect(noReason.code).toBe('PAY_RUN_EXCLUSION_INVALID');
    for (const employeeId of [badLetter, badPoint, noBank.id, negative]) {
      await platform.runner.withTenant(asOfficer(), (tx) =>
        platform.payroll.excludeEmployee(tx, run.id, {
          employeeId,
          reason: 'Record being corrected; pay in a supplementary run',
        }),
      );
    }
    const committed = await approveAndCommit(run.id);
    const paid = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.payslips(tx, { runId: committed.id }),
    );
    expect(paid.map((payslip) => payslip.employeeId)).not.toEqual(expect.arrayContaining([badLetter]));
    expect(paid.length).toBe(preview.payslips);
  });

  it('pays in a supplementary run the month of someone left out, once fixed, and a late claim of someone already paid', async () => {
    await platform.runner.withTenant(asOfficer(), async (tx) => {
      await platform.payroll.recordChange(tx, leftOut, {
        effectiveFrom: '2025-01-01',
        fields: { niLetter: 'A' },
        reason: 'NI letter corrected',
      });
      await platform.payroll.recordClaims(tx, [
        {
          kind: 'adjustment',
          employeeId: paidEveryMonth,
          workedOn: '2026-05-20',
          details: {
            elementKind: 'overtime',
            amountPence: 40_000,
            description: 'Late overtime claim for May',
          },
        },
      ]);
    });
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, {
        payFrequency: 'monthly',
        taxYear: '2026-27',
        period: 2,
        kind: 'supplementary',
        employeeIds: [leftOut, paidEveryMonth],
      }),
    );
    const preview = await platform.payroll.previewRun(asOfficer(), run.id);
    expect(preview).toMatchObject({ payslips: 2, withIssues: 0 });
    await approveAndCommit(run.id);
    const [fixed, late, main] = await platform.runner.withTenant(asOfficer(), async (tx) => [
      await platform.payroll.payslip(tx, run.id, leftOut),
      await platform.payroll.payslip(tx, run.id, paidEveryMonth),
      (await platform.payroll.payslips(tx, { employeeId: paidEveryMonth, limit: 10 })).find(
        (payslip) => payslip.taxPeriod === 2 && payslip.runId !== run.id,
      ),
    ]);
    expect(fixed.pay.map((line) => [line.kind, line.amount])).toEqual([['basic-pay', 288_267]]);
    expect(late?.pay.map((line) => [line.kind, line.amount])).toEqual([['overtime', 40_000]]);
    // A second payment in May: NI is due on May's total earnings, less what May's main run took.
    const reference = await loadTaxYearReference('2026-27');
    const category = reference.nationalInsurance.categories.A;
    if (!category || !main) throw new Error('missing test data');
    const total = calculateNationalInsurance(
      { category: 'A', frequency: 'monthly', niablePay: main.figures.niable + 40_000 },
      reference,
      category,
    );
    expect(late.figures.employeeNi).toBe(total.employee - main.figures.employeeNi);
    expect(late.ytd.taxable).toBe(main.ytd.taxable + 40_000);
  });

  it('one run per pay frequency at a time, one main run per period', async () => {
    const { run } = await runMonth(3);
    const second = await refusal(() =>
      platform.runner.withTenant(asOfficer(), (tx) =>
        platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 4 }),
      ),
    );
    expect(second.code).toBe('PAY_RUN_IN_PROGRESS');
    await platform.runner.withTenant(asOfficer(), (tx) => platform.payroll.cancelRun(tx, run.id, 'Test'));
    const duplicate = await refusal(() =>
      platform.runner.withTenant(asOfficer(), (tx) =>
        platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 1 }),
      ),
    );
    expect(duplicate.code).toBe('PAY_RUN_EXISTS');
  });
});
