import { addDays, type LocalDate } from '../../kernel/time';
import { hashPassword } from '../../modules/organisations/domain/secrets';
import { syntheticStaff } from '../../modules/payroll/testing/synthetic-staff';
import { asGenerator, asPerson, type DemoContext } from '../context';
import type { Random } from '../random';
import { DEMO_PASSWORD, type DemoTrust, TRUSTS } from '../world';

/**
 * Payroll's demo: staff on Agenda for Change bands at every trust, monthly
 * pay runs from April to October 2026 committed (prepared by the payroll
 * assistant, approved by the payroll officer), November's run at the big
 * acute trust calculated and waiting for approval, a ward whose leavers and
 * sickness rise through the year (for the insight screens), a pending bank
 * change, a backdated award for the lowest bands, queries, and anytime pay at
 * the community trust, which switched it on.
 */
export const PAYROLL_ASSISTANT = { email: 'payroll.assistant@mainstay.demo', name: 'Kwame Asante' };
export const COMMUNITY_NURSE = { email: 'community.nurse@mainstay.demo', name: 'Ama Owusu' };

/** Staff per trust at scale 1, roughly in proportion to trust size. */
const STAFF: Record<string, number> = { RN1: 200, RN2: 120, RN3: 100, RN4: 90, RN5: 110 };
/** The ward whose leavers and sickness rise month by month from May. */
export const STRUGGLING_TEAM = { trust: 'RN1', costCentre: 'A102' } as const;
const HISTORY_MONTHS = [1, 2, 3, 4, 5, 6, 7];
const CURRENT_MONTH = 8;

const employerFor = (trust: DemoTrust, index: number) => ({
  payeOfficeNumber: String(120 + index),
  payeReference: `NHS${trust.id}`,
  accountsOfficeReference: `${120 + index}PA0001234${index}`,
  bacsServiceUserNumber: String(400_100 + index),
  bankSortCode: '600001',
  bankAccountNumber: `1000000${index}`,
  bankAccountName: `${trust.id} PAYROLL`,
  pensionFunding: 'central-funding' as const,
});

async function createPeople(demo: DemoContext): Promise<void> {
  const { platform } = demo;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const [first, ...rest] = TRUSTS;
  const assistant = await platform.runner.withTenant(asGenerator(first!.id), async (tx) => {
    const user = await platform.organisations.createUser(tx, {
      email: PAYROLL_ASSISTANT.email,
      displayName: PAYROLL_ASSISTANT.name,
      passwordHash,
    });
    await platform.organisations.setRoles(tx, user.id, ['payroll-officer']);
    return user.id;
  });
  for (const trust of rest) {
    await platform.runner.withTenant(asGenerator(trust.id), (tx) =>
      platform.organisations.setRoles(tx, assistant, ['payroll-officer']),
    );
  }
  demo.people.set(PAYROLL_ASSISTANT.email, assistant);
  const nurse = await platform.runner.withTenant(asGenerator('RN3'), async (tx) => {
    const user = await platform.organisations.createUser(tx, {
      email: COMMUNITY_NURSE.email,
      displayName: COMMUNITY_NURSE.name,
      passwordHash,
    });
    await platform.organisations.setRoles(tx, user.id, ['employee']);
    return user.id;
  });
  demo.people.set(COMMUNITY_NURSE.email, nurse);
}

/** Sickness spells through the year: a low steady rate everywhere, rising on the struggling ward. */
function absences(
  trust: DemoTrust,
  staff: { id: string; team: string }[],
  random: Random,
  asOf: LocalDate,
): { employeeId: string; kind: 'sickness'; firstDay: string; lastDay: string }[] {
  const spells: { employeeId: string; kind: 'sickness'; firstDay: string; lastDay: string }[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const month = new Date(Date.UTC(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)) - 1 - back, 1));
    const monthStart = month.toISOString().slice(0, 10) as LocalDate;
    for (const person of staff) {
      const struggling = trust.id === STRUGGLING_TEAM.trust && person.team === STRUGGLING_TEAM.costCentre;
      const chance = struggling ? 0.04 + (11 - back) * 0.012 : 0.035;
      if (!random.chance(chance)) continue;
      const firstDay = addDays(monthStart, random.int(0, 20));
      spells.push({
        employeeId: person.id,
        kind: 'sickness',
        firstDay,
        lastDay: addDays(firstDay, random.int(1, struggling ? 9 : 5)),
      });
    }
  }
  return spells;
}

type Staff = { id: string; team: string; band: string | null; linked: boolean; left: boolean };

async function loadStaff(
  demo: DemoContext,
  trust: DemoTrust,
  index: number,
  random: Random,
): Promise<Staff[]> {
  const { platform, asOf } = demo;
  const officer = asPerson(demo, trust.id, 'payroll.officer@mainstay.demo');
  const assistant = asPerson(demo, trust.id, PAYROLL_ASSISTANT.email);
  const centres = trust.clinicalCostCentres
    .filter((centre) => centre.name !== 'Contract income')
    .map((centre) => centre.code);
  await platform.runner.withTenant(asGenerator(trust.id), async (tx) => {
    // The ledger's own demo part sets up the same year and cost centres; payroll posts first, so it opens them.
    for (const year of ['2025-26', '2026-27']) await platform.ledger.openFinancialYear(tx, year);
    for (const centre of trust.clinicalCostCentres) await platform.ledger.saveCostCentre(tx, centre);
  });
  const count = Math.max(20, Math.round((STAFF[trust.id] ?? 150) * demo.scale));
  const staff = syntheticStaff({
    count,
    prefix: trust.id,
    costCentres: centres,
    random: () => random.next(),
    startBefore: '2026-04-01' as LocalDate,
  });
  if (trust.id === 'RN1') {
    const grace = staff[0]!;
    Object.assign(grace, {
      forenames: 'Grace',
      surname: 'Mensah',
      userId: demo.people.get('nurse@mainstay.demo') ?? null,
    });
    Object.assign(grace.record, {
      band: '5',
      payPoint: 2,
      costCentreCode: 'A101',
      contractedCentihours: 3750,
      taxCode: '1257L',
      niLetter: 'A',
      pensionMember: true,
      studentLoanPlans: ['2'],
    });
  }
  if (trust.id === 'RN3') {
    const ama = staff[0]!;
    Object.assign(ama, {
      forenames: 'Ama',
      surname: 'Owusu',
      userId: demo.people.get(COMMUNITY_NURSE.email) ?? null,
    });
    Object.assign(ama.record, {
      band: '6',
      payPoint: 2,
      costCentreCode: 'C510',
      contractedCentihours: 3000,
      taxCode: '1257L',
      niLetter: 'A',
      pensionMember: true,
    });
  }
  await platform.runner.withTenant(officer, async (tx) => {
    await platform.payroll.saveEmployer(tx, employerFor(trust, index));
    await platform.payroll.registerEmployees(tx, staff);
  });
  await platform.runner.withTenant(assistant, async (tx) => {
    await platform.payroll.migrateVerifiedBankDetails(
      tx,
      staff.map((person) => ({ employeeId: person.id, ...person.bank })),
      demo.people.get('payroll.officer@mainstay.demo') ?? 'payroll-officer',
    );
    await platform.payroll.recordAbsences(
      tx,
      absences(
        trust,
        staff.map((person) => ({ id: person.id, team: person.record.costCentreCode })),
        random,
        asOf,
      ),
    );
  });
  return staff.map((person) => ({
    id: person.id,
    team: person.record.costCentreCode,
    band: person.record.band,
    linked: person.userId !== null,
    left: false,
  }));
}

const monthStart = (month: number) =>
  `2026-${String(((month + 2) % 12) + 1).padStart(2, '0')}-01` as LocalDate;

/** Leavers on the struggling ward, more each month; a steady trickle elsewhere. */
async function recordLeavers(
  demo: DemoContext,
  trust: DemoTrust,
  staff: Staff[],
  month: number,
  random: Random,
): Promise<void> {
  const active = staff.filter((person) => !person.left && !person.linked);
  const onWard = active.filter((person) => person.team === STRUGGLING_TEAM.costCentre);
  const leavers = new Set([
    ...(trust.id === STRUGGLING_TEAM.trust ? onWard.slice(0, Math.max(0, month - 2)) : []),
    ...(random.chance(0.6) ? [random.pick(active)] : []),
  ]);
  await demo.platform.runner.withTenant(asPerson(demo, trust.id, PAYROLL_ASSISTANT.email), async (tx) => {
    for (const leaver of leavers) {
      leaver.left = true;
      await demo.platform.payroll.recordLeaver(tx, leaver.id, {
        leavingDate: addDays(monthStart(month), random.int(5, 25)),
        reason: random.pick(['Resigned', 'Resigned: work-life balance', 'Retired', 'Relocated']),
      });
    }
  });
}

/** Unsocial hours for about a third of ward staff each month (always for the demo's own nurses). */
async function recordShifts(
  demo: DemoContext,
  trust: DemoTrust,
  staff: Staff[],
  month: number,
  random: Random,
): Promise<void> {
  const day = addDays(monthStart(month), random.int(0, 26));
  const claims = staff
    .filter(
      (person) =>
        !person.left &&
        !['8a', '8b', '8c', '8d', '9'].includes(person.band ?? '') &&
        (person.linked || random.chance(0.3)),
    )
    .map((person) => ({
      kind: 'unsocial-hours',
      employeeId: person.id,
      workedOn: day,
      details: {
        saturdayOrNightCentihours: random.int(1, 4) * 750,
        sundayOrPublicHolidayCentihours: random.chance(0.4) ? 750 : 0,
      },
    }));
  await demo.platform.runner.withTenant(asPerson(demo, trust.id, PAYROLL_ASSISTANT.email), (tx) =>
    demo.platform.payroll.recordClaims(tx, claims),
  );
}

async function payMonth(
  demo: DemoContext,
  trust: DemoTrust,
  month: number,
  commit: boolean,
): Promise<string> {
  const { platform } = demo;
  const assistant = asPerson(demo, trust.id, PAYROLL_ASSISTANT.email);
  const officer = asPerson(demo, trust.id, 'payroll.officer@mainstay.demo');
  const run = await platform.runner.withTenant(assistant, (tx) =>
    platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: month }),
  );
  await platform.payroll.previewRun(assistant, run.id);
  if (commit) {
    await platform.runner.withTenant(officer, (tx) => platform.payroll.approveRun(tx, run.id));
    await platform.payroll.commitRun(officer, run.id);
  }
  return run.id;
}

/** What the November part needs from the history: who works where, and who has left. */
export type PayrollDemo = { payslips: number; staffByTrust: Map<string, Staff[]> };

/** Staff, history and this month's run: before the ledger's part, which closes the months these runs post into. */
export async function seedPayroll(demo: DemoContext): Promise<PayrollDemo> {
  await createPeople(demo);
  let payslips = 0;
  const staffByTrust = new Map<string, Staff[]>();
  for (const [index, trust] of TRUSTS.entries()) {
    const random = demo.random.fork(`payroll/${trust.id}`);
    const staff = await loadStaff(demo, trust, index, random);
    for (const month of HISTORY_MONTHS) {
      if (month > 1) await recordLeavers(demo, trust, staff, month, random);
      await recordShifts(demo, trust, staff, month, random);
      await payMonth(demo, trust, month, true);
    }
    staffByTrust.set(trust.id, staff);
    payslips += HISTORY_MONTHS.length * Math.round((STAFF[trust.id] ?? 150) * demo.scale);
    demo.progress(`  ${trust.name}: ${HISTORY_MONTHS.length} monthly pay runs`);
  }
  return { payslips, staffByTrust };
}

/**
 * November: a backdated award for bands 2–4, a pending bank change, a new
 * starter whose bank details still need verifying, RN1's run calculated and
 * waiting for the officer, queries on October's payslips, and anytime pay at
 * RN3 (switched on by the variation the framework's part approves).
 */
export async function seedPayrollNovember(demo: DemoContext, history: PayrollDemo): Promise<void> {
  const { platform, asOf } = demo;
  const random = demo.random.fork('payroll/november');
  const rn1Assistant = asPerson(demo, 'RN1', PAYROLL_ASSISTANT.email);
  const rn1Officer = asPerson(demo, 'RN1', 'payroll.officer@mainstay.demo');
  await platform.runner.withTenant(rn1Officer, (tx) =>
    platform.payroll.recordPayAward(tx, {
      effectiveFrom: '2026-04-01',
      description: 'Structural award for the lowest bands (agreed November, from April)',
      upliftBasisPoints: 150,
      bands: ['2', '3', '4'],
    }),
  );
  const [grace, changing] = await platform.runner.withTenant(rn1Assistant, (tx) =>
    platform.payroll.employees(tx, { limit: 3 }),
  );
  await platform.runner.withTenant(rn1Assistant, async (tx) => {
    if (changing)
      await platform.payroll.enterBankDetails(tx, changing.id, {
        sortCode: '40-11-62',
        accountNumber: '71554029',
        accountName: `${changing.forenames} ${changing.surname}`,
      });
    await platform.payroll.registerEmployee(tx, {
      payrollNumber: 'RN1-NEW-0001',
      person: {
        title: 'Mr',
        forenames: 'Tomasz',
        surname: 'Nowak',
        niNumber: 'JH482913C',
        dateOfBirth: '1996-03-09',
        gender: 'M',
        address: { lines: ['4 Mill Lane', 'Northshire'], postcode: 'NE3 2QA' },
      },
      payFrequency: 'monthly',
      startDate: '2026-11-09',
      starter: { basis: 'B' },
      contract: { band: '5', payPoint: 1, contractedCentihours: 3750, costCentreCode: 'A103' },
      niLetter: 'A',
      pensionMember: true,
      studentLoanPlans: ['2'],
      postgraduateLoan: false,
    });
  });
  await recordShifts(demo, TRUSTS[0]!, history.staffByTrust.get('RN1') ?? [], CURRENT_MONTH, random);
  await payMonth(demo, TRUSTS[0]!, CURRENT_MONTH, false);

  const [october] = await platform.runner.withTenant(rn1Officer, (tx) =>
    platform.payroll.runs(tx, { status: 'committed', limit: 1 }),
  );
  if (grace && october) {
    const gracePerson = asPerson(demo, 'RN1', 'nurse@mainstay.demo');
    await platform.runner.withTenant(gracePerson, async (tx) => {
      await platform.payroll.raiseQuery(tx, {
        runId: october.id,
        employeeId: grace.id,
        lineRef: 'income-tax',
        message: 'My tax went up this month — is my code right?',
      });
      await platform.payroll.raiseQuery(tx, {
        runId: october.id,
        employeeId: grace.id,
        lineRef: 'pay-2',
        message: 'Were all my Saturday hours paid?',
      });
    });
    const [first] = await platform.runner.withTenant(rn1Officer, (tx) =>
      platform.payroll.queries(tx, { status: 'open' }),
    );
    if (first)
      await platform.runner.withTenant(rn1Officer, (tx) =>
        platform.payroll.resolveQuery(tx, first.id, {
          resolution:
            'Tax is worked out on your pay for the year so far; October included unsocial hours, so the month’s tax is higher. Your code 1257L is right.',
          rootCause: 'explained',
        }),
      );
  }

  const rn3Nurse = asPerson(demo, 'RN3', COMMUNITY_NURSE.email);
  const [ama] = await platform.runner.withTenant(asPerson(demo, 'RN3', PAYROLL_ASSISTANT.email), (tx) =>
    platform.payroll.employees(tx, { limit: 1 }),
  );
  if (ama) {
    for (const [day, amount] of [
      [addDays(asOf, -12), 10_000],
      [addDays(asOf, -4), 6_000],
    ] as const) {
      await platform.runner.withTenant(rn3Nurse, (tx) =>
        platform.payroll.drawAnytimePay(tx, ama.id, amount, { today: day }),
      );
    }
  }
  demo.progress('  payroll: November run waiting for approval at RN1, anytime pay at RN3');
}
