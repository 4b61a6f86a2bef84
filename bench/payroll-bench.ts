import { createPlatform, type Platform, preparePlatform } from '../apps/platform/platform';
import type { Engine } from '../kernel/db';
import { openScratchDatabase } from '../kernel/db/scratch';
import { mulberry32 } from '../kernel/random';
import type { TenantContext } from '../kernel/tenancy';
import { fixedClock, type LocalDate } from '../kernel/time';
import { benchPayrollCalc } from '../modules/payroll/bench/calc-bench';
import { syntheticStaff } from '../modules/payroll/testing/synthetic-staff';
import { type Benchmark, round } from './benchmark';

const ORGANISATION = 'BENCHPAY';
const COST_CENTRES = Array.from({ length: 60 }, (_, index) => `CC${String(index + 1).padStart(3, '0')}`);
const LOAD_CHUNK = 20_000;
const BATCH_SIZE = 10_000;

const preparer: TenantContext = {
  organisationId: ORGANISATION,
  actor: { kind: 'user', id: 'bench-preparer' },
};
const approver: TenantContext = {
  organisationId: ORGANISATION,
  actor: { kind: 'user', id: 'bench-approver' },
};

async function loadWorkforce(
  platform: Platform,
  employees: number,
  progress: (line: string) => void,
): Promise<void> {
  const system = { organisationId: ORGANISATION, actor: { kind: 'system' as const, id: 'bench-loader' } };
  await platform.runner.withTenant(system, async (tx) => {
    await platform.organisations.registerOrganisation(tx, {
      id: 'BENCHPSP',
      name: 'Bench provider',
      kind: 'shared-service-provider',
      status: 'member',
    });
    await platform.organisations.registerOrganisation(tx, {
      id: 'BENCHICB',
      name: 'Bench ICB',
      kind: 'icb',
      status: 'member',
      parentId: 'BENCHPSP',
    });
    await platform.organisations.registerOrganisation(tx, {
      id: ORGANISATION,
      name: 'Bench trust',
      kind: 'trust',
      trustType: 'acute',
      status: 'member',
      parentId: 'BENCHICB',
    });
  });
  await platform.runner.withTenant(system, async (tx) => {
    await platform.ledger.openFinancialYear(tx, '2026-27');
    for (const code of COST_CENTRES)
      await platform.ledger.saveCostCentre(tx, { code, name: `Ward ${code}`, division: 'Medicine' });
    await platform.payroll.saveEmployer(tx, {
      payeOfficeNumber: '120',
      payeReference: 'BP12345',
      accountsOfficeReference: '120PA00012345',
      bacsServiceUserNumber: '123456',
      bankSortCode: '600001',
      bankAccountNumber: '12345678',
      bankAccountName: 'Bench trust payroll',
      pensionFunding: 'central-funding',
    });
  });
  const random = mulberry32(20_261_130);
  for (let first = 0; first < employees; first += LOAD_CHUNK) {
    const staff = syntheticStaff({
      count: Math.min(LOAD_CHUNK, employees - first),
      prefix: 'B',
      costCentres: COST_CENTRES,
      random,
      startBefore: '2026-04-01' as LocalDate,
      firstNumber: first + 1,
    });
    await platform.runner.withTenant(system, async (tx) => {
      await platform.payroll.registerEmployees(tx, staff);
      await platform.payroll.migrateVerifiedBankDetails(
        tx,
        staff.map((person) => ({ employeeId: person.id, ...person.bank })),
        'bench-bank-verifier',
      );
    });
    if ((first / LOAD_CHUNK) % 10 === 9) progress(`    loaded ${first + LOAD_CHUNK} employees`);
  }
}

type RunFigures = {
  payslipsPerSecond: number;
  previewSeconds: number;
  commitSeconds: number;
  payslips: number;
};

async function payMonth(
  platform: Platform,
  period: number,
  concurrency: number,
  progress: (line: string) => void,
  label: string,
): Promise<RunFigures> {
  const started = performance.now();
  const run = await platform.runner.withTenant(preparer, (tx) =>
    platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period }),
  );
  const preview = await platform.payroll.previewRun(preparer, run.id, { batchSize: BATCH_SIZE, concurrency });
  const previewed = performance.now();
  await platform.runner.withTenant(approver, (tx) => platform.payroll.approveRun(tx, run.id));
  const committed = await platform.payroll.commitRun(approver, run.id);
  const finished = performance.now();
  if (committed.status !== 'committed') throw new Error(`run ended ${committed.status}`);
  const seconds = (finished - started) / 1000;
  progress(
    `    ${label}: ${preview.payslips} payslips (${preview.withIssues} with issues) in ${round(seconds, 1)} s — calculation ${round((previewed - started) / 1000, 1)} s, commit ${round((finished - previewed) / 1000, 2)} s`,
  );
  return {
    payslipsPerSecond: preview.payslips / seconds,
    previewSeconds: (previewed - started) / 1000,
    commitSeconds: (finished - previewed) / 1000,
    payslips: preview.payslips,
  };
}

/** A quarter of staff claim unsocial hours in the month, as ward rotas do. */
async function recordShifts(platform: Platform, employees: number): Promise<void> {
  const random = mulberry32(7);
  const claims: unknown[] = [];
  for (let number = 1; number <= employees; number += 1) {
    if (random() >= 0.25) continue;
    claims.push({
      kind: 'unsocial-hours',
      employeeId: `emp_b${String(number).padStart(8, '0')}`,
      workedOn: '2026-05-16',
      details: {
        saturdayOrNightCentihours: 750 + Math.floor(random() * 3) * 750,
        sundayOrPublicHolidayCentihours: random() < 0.5 ? 750 : 0,
      },
    });
  }
  for (let first = 0; first < claims.length; first += LOAD_CHUNK) {
    await platform.runner.withTenant(preparer, (tx) =>
      platform.payroll.recordClaims(tx, claims.slice(first, first + LOAD_CHUNK)),
    );
  }
}

/**
 * Monthly pay runs end to end — build, calculate every payslip, approve,
 * commit with payslips and their lines stored and one journal posted: the
 * first run of the year (everyone a first payslip), then a typical month
 * (year-to-date figures to read, a quarter of staff with unsocial hours claims).
 */
async function measureRuns(
  engine: Engine,
  employees: number,
  progress: (line: string) => void,
): Promise<{ first: RunFigures; typical: RunFigures }> {
  const db = await openScratchDatabase(engine);
  try {
    const platform = createPlatform(db, fixedClock('2026-04-20T09:00:00Z'));
    await preparePlatform(platform);
    const loadStarted = performance.now();
    await loadWorkforce(platform, employees, progress);
    progress(
      `  ${engine}: loaded ${employees} employees in ${round((performance.now() - loadStarted) / 1000, 1)} s`,
    );
    const concurrency = engine === 'postgres' ? 2 : 1;
    const first = await payMonth(platform, 1, concurrency, progress, 'April (first run)');
    await recordShifts(platform, employees);
    const typical = await payMonth(platform, 2, concurrency, progress, 'May (typical month)');
    return { first, typical };
  } finally {
    await db.close();
  }
}

function employeesOption(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === 'boolean') return 100_000;
  const employees = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(employees) || employees < 1)
    throw new Error(`--employees must be a whole number ≥ 1, not "${value}"`);
  return employees;
}

export const payrollBench: Benchmark = {
  name: 'payroll',
  description:
    'The pay calculation engine alone on one core (calcPerSecond), and a whole monthly pay run end to end — build, preview, approve, commit with payslips and their lines stored and one journal posted (payslipsPerSecond; PostgreSQL when DATABASE_URL is set, PGlite beside it)',
  options: [
    { flags: '--employees <n>', description: 'employees in the workforce (default 100000)' },
    {
      flags: '--pglite-employees <n>',
      description: 'employees for the PGlite run beside PostgreSQL (default: the same)',
    },
  ],
  async run(options, progress) {
    const employees = employeesOption(options.employees);
    const pgliteEmployees =
      options.pgliteEmployees === undefined ? employees : employeesOption(options.pgliteEmployees);
    const postgres = process.env.DATABASE_URL ? await measureRuns('postgres', employees, progress) : null;
    const peakMemoryMiB = process.resourceUsage().maxRSS / 1024;
    const calc = benchPayrollCalc(employees);
    progress(`  engine alone: ${calc.calcPerSecond} employee-periods/s`);
    const pglite = await measureRuns('pglite', pgliteEmployees, progress);
    const main = postgres ?? pglite;
    return {
      engine: postgres ? 'postgres' : 'pglite',
      employees,
      calcPerSecond: calc.calcPerSecond,
      payslipsPerSecond: round(main.typical.payslipsPerSecond),
      calculationSeconds: round(main.typical.previewSeconds, 2),
      commitSeconds: round(main.typical.commitSeconds, 2),
      firstRunPayslipsPerSecond: round(main.first.payslipsPerSecond),
      peakMemoryMiB: round(postgres ? peakMemoryMiB : process.resourceUsage().maxRSS / 1024),
      pgliteEmployees,
      pglitePayslipsPerSecond: round(pglite.typical.payslipsPerSecond),
    };
  },
};
