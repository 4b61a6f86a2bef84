import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { fixedClock } from '../../kernel/time';
import { parseStandard18 } from '../../standards/bacs18';
import { bacsHashCodeForRecord } from '../../standards/hmrc-rti';
import { testEngines } from '../../testing/database';
import { openTestPlatform, seedTestSystem } from '../../testing/platform';
import { actor, payableEmployee, setUpEmployer, starter } from './testing/payroll-setup';

const OFFICER = 'usr_officer';
const CHECKER = 'usr_checker';

describe.each(testEngines())('Bacs, FPS and third-party payments on %s', (engine) => {
  let platform: Platform;
  let trust: string;
  let runId: string;
  const employees: string[] = [];
  const asOfficer = () => actor(trust, OFFICER);

  beforeAll(async () => {
    platform = await openTestPlatform(engine, fixedClock('2026-04-24T10:00:00Z'));
    ({ trustA: trust } = await seedTestSystem(platform, 'O'));
    await setUpEmployer(platform, trust, OFFICER);
    const people = { officer: OFFICER, checker: CHECKER };
    employees.push(
      await payableEmployee(
        platform,
        trust,
        people,
        starter({
          studentLoanPlans: ['2'],
          person: { ...starter().person, forenames: 'Zoë Anne', surname: "O'Brien" },
        }),
      ),
      await payableEmployee(
        platform,
        trust,
        people,
        starter({ startDate: '2026-04-20', starter: { basis: 'B' }, tax: undefined }),
      ),
      await payableEmployee(platform, trust, people),
    );
    await platform.runner.withTenant(asOfficer(), async (tx) => {
      await platform.payroll.addDeductionOrder(tx, employees[2] ?? '', {
        kind: 'attachment-of-earnings',
        description: 'Attachment of earnings order',
        payee: 'Northshire County Court',
        priority: false,
        normalDeductionPence: 5_000,
        protectedEarningsPence: 100_000,
        totalDebtPence: 50_000,
        orderDate: '2026-03-01',
        startsOn: '2026-04-01',
      });
      await platform.payroll.addDeductionOrder(tx, employees[2] ?? '', {
        kind: 'voluntary-deduction',
        description: 'Union subscription',
        payee: 'UNISON',
        amountPerPeriodPence: 1_550,
        startsOn: '2026-04-01',
      });
    });
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 1 }),
    );
    runId = run.id;
    await platform.payroll.previewRun(asOfficer(), run.id);
    await platform.runner.withTenant(actor(trust, CHECKER), (tx) => platform.payroll.approveRun(tx, run.id));
    await platform.payroll.commitRun(actor(trust, CHECKER), run.id);
  });
  afterAll(async () => platform.db.close());

  it('writes a Standard 18 file of net pay to verified accounts whose hashes are the FPS BacsHashCodes', async () => {
    const { bacs, fps, payslips } = await platform.runner.withTenant(asOfficer(), async (tx) => ({
      bacs: await platform.payroll.bacsFile(tx, runId),
      fps: await platform.payroll.fullPaymentSubmission(tx, runId),
      payslips: await platform.payroll.payslips(tx, { runId }),
    }));
    const parsed = parseStandard18(bacs.text);
    expect(parsed.payments).toHaveLength(3);
    expect(parsed.totals.creditTotal).toBe(
      BigInt(payslips.reduce((sum, payslip) => sum + payslip.figures.netPay, 0)),
    );
    expect(parsed.processingDate).toBe('2026-04-29'); // pay day 30 April, one Bacs day before
    const document = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(fps.xml);
    const fpsEmployees = [document.GovTalkMessage.Body.IRenvelope.FullPaymentSubmission.Employee].flat();
    expect(fpsEmployees).toHaveLength(3);
    const hashes = new Set(
      fpsEmployees.map(
        (employee: { Employment: { Payment: { BacsHashCode: string } } }) =>
          employee.Employment.Payment.BacsHashCode,
      ),
    );
    for (const record of parsed.payments) expect(hashes.has(bacsHashCodeForRecord(record) ?? '')).toBe(true);
    const starterBlock = fpsEmployees.find(
      (employee: { Employment: { Starter?: unknown } }) => employee.Employment.Starter,
    )?.Employment;
    expect(starterBlock.Starter).toMatchObject({ StartDate: '2026-04-20', StartDec: 'B' });
    expect(starterBlock.Payment.TaxCode['#text'] ?? starterBlock.Payment.TaxCode).toBe('1257L');
    expect(fps.xml).toContain('<Fore>Zoe</Fore>');
  });

  it('schedules what HMRC, NHS Pensions and each third party are owed', async () => {
    const { schedule, payslips } = await platform.runner.withTenant(asOfficer(), async (tx) => ({
      schedule: await platform.payroll.thirdPartyPayments(tx, runId),
      payslips: await platform.payroll.payslips(tx, { runId }),
    }));
    const sum = (pick: (figures: (typeof payslips)[number]['figures']) => number) =>
      payslips.reduce((total, payslip) => total + pick(payslip.figures), 0);
    expect(schedule.payments).toEqual([
      {
        payee: 'HM Revenue & Customs',
        what: expect.any(String),
        amountPence: sum(
          (f) => f.incomeTax + f.employeeNi + f.employerNi + f.studentLoan + f.postgraduateLoan,
        ),
        dueDate: '2026-05-22',
      },
      {
        payee: 'NHS Pensions',
        what: expect.any(String),
        amountPence: sum((f) => f.pensionEmployee + f.pensionEmployer),
        dueDate: '2026-05-19',
      },
      {
        payee: 'Northshire County Court',
        what: 'deductions from pay',
        amountPence: 5_000,
        dueDate: '2026-05-19',
      },
      { payee: 'UNISON', what: 'deductions from pay', amountPence: 1_550, dueDate: '2026-05-19' },
    ]);
  });

  it('pays a late claim after the leaving date on 0T month 1 and marks it PmtAfterLeaving on the FPS', async () => {
    const [leaver] = employees;
    if (!leaver) throw new Error('missing test employee');
    await platform.runner.withTenant(asOfficer(), async (tx) => {
      await platform.payroll.recordLeaver(tx, leaver, { leavingDate: '2026-04-30', reason: 'Resigned' });
      await platform.payroll.recordClaims(tx, [
        {
          kind: 'adjustment',
          employeeId: leaver,
          workedOn: '2026-04-22',
          details: { elementKind: 'overtime', amountPence: 30_000, description: 'Overtime claimed late' },
        },
      ]);
    });
    const run = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.createRun(tx, {
        payFrequency: 'monthly',
        taxYear: '2026-27',
        period: 2,
        kind: 'supplementary',
        employeeIds: [leaver],
      }),
    );
    expect(await platform.payroll.previewRun(asOfficer(), run.id)).toMatchObject({
      payslips: 1,
      withIssues: 0,
    });
    await platform.runner.withTenant(actor(trust, CHECKER), (tx) => platform.payroll.approveRun(tx, run.id));
    await platform.payroll.commitRun(actor(trust, CHECKER), run.id);
    const fps = await platform.runner.withTenant(asOfficer(), (tx) =>
      platform.payroll.fullPaymentSubmission(tx, run.id),
    );
    const document = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(fps.xml);
    const employment = document.GovTalkMessage.Body.IRenvelope.FullPaymentSubmission.Employee.Employment;
    expect(employment.LeavingDate).toBe('2026-04-30');
    expect(employment.Payment.PmtAfterLeaving).toBe('yes');
    expect(employment.Payment.TaxCode).toMatchObject({ '#text': '0T', '@_BasisNonCumulative': 'yes' });
    expect(employment.Payment.TaxDeductedOrRefunded).toBe(60); // £300 at 20%, no allowance
  });
});
