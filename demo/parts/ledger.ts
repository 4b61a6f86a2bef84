import { type Pence, pence } from '../../kernel/money';
import { accountingPeriodOf, type LocalDate } from '../../kernel/time';
import type { JournalInput, JournalLineInput } from '../../modules/ledger';
import { asGenerator, asPerson, type DemoContext } from '../context';
import type { Random } from '../random';
import { type DemoTrust, TRUSTS } from '../world';

/** What each trust's old ledger called things, and where it maps on the common chart (null: left unmapped). */
const LEGACY_CONCEPTS: readonly { name: string; common: string | null }[] = [
  { name: 'Contract income from commissioners', common: '410100' },
  { name: 'Education and training levy income', common: '420100' },
  { name: 'Sundry income', common: '430100' },
  { name: 'Salaries Agenda for Change', common: '510100' },
  { name: 'Medical salaries', common: '510200' },
  { name: 'Enhancements unsocial hours', common: '510400' },
  { name: 'Overtime payments', common: '510500' },
  { name: 'Employers NI', common: '511100' },
  { name: 'Employers superannuation', common: '511200' },
  { name: 'Bank nursing', common: '512100' },
  { name: 'Agency nursing', common: '512200' },
  { name: 'Medical and surgical consumables', common: '610100' },
  { name: 'Drugs', common: '610200' },
  { name: 'Medical equipment purchase', common: '610300' },
  { name: 'General supplies', common: '620100' },
  { name: 'Catering provisions', common: '620200' },
  { name: 'Building maintenance', common: '630100' },
  { name: 'Gas electricity water', common: '630200' },
  { name: 'IT licences and support', common: '640100' },
  { name: 'Consultancy fees', common: '660100' },
  { name: 'Travel and subsistence', common: '680100' },
  { name: 'Creditors control', common: '210200' },
  { name: 'GRNI', common: '210300' },
  { name: 'Bank current account', common: '140100' },
  { name: 'Debtors NHS', common: '130100' },
  { name: 'Charitable funds recharge', common: null },
  { name: 'Car park income', common: null },
  { name: 'Misc suspense', common: null },
];

function legacyCode(style: DemoTrust['legacyStyle'], index: number): string {
  switch (style) {
    case 'five-digit-caps':
      return String(50000 + index * 37);
    case 'e-dash':
      return `E-${100 + index}`;
    case 'c-prefix':
      return `C${2000 + index * 5}`;
    case 'dotted':
      return `MH.${Math.floor(index / 10) + 4}.${(index % 10) * 10 + 100}`;
    case 'amb-prefix':
      return `AMB${5100 + index}`;
  }
}

function legacyName(style: DemoTrust['legacyStyle'], name: string): string {
  switch (style) {
    case 'five-digit-caps':
      return name.toUpperCase().replace(' AND ', ' & ');
    case 'e-dash':
      return `Exp - ${name}`;
    case 'c-prefix':
      return name.replace(/ and /g, ' & ');
    case 'dotted':
      return name.toLowerCase();
    case 'amb-prefix':
      return `${name} (AMB)`;
  }
}

function legacyChartCsv(trust: DemoTrust): string {
  const rows = LEGACY_CONCEPTS.map((concept, index) => {
    const name = legacyName(trust.legacyStyle, concept.name);
    return `${legacyCode(trust.legacyStyle, index)},"${name}",${concept.common ?? ''}`;
  });
  return ['Account Code,Account Name,Maps To', ...rows].join('\n');
}

/** The twelve month-ends up to the demo's "today" (the current month included). */
export function historyMonths(asOf: LocalDate): LocalDate[] {
  const months: LocalDate[] = [];
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  for (let back = 11; back >= 0; back -= 1) {
    const date = new Date(Date.UTC(year, month - 1 - back + 1, 0));
    months.push(date.toISOString().slice(0, 10) as LocalDate);
  }
  return months;
}

const money = (pounds: number): Pence => pence(Math.max(1, Math.round(pounds * 100)));

function line(
  accountCode: string,
  side: 'debit' | 'credit',
  amountPence: Pence,
  costCentreCode?: string,
): JournalLineInput {
  return { accountCode, side, amountPence, costCentreCode: costCentreCode ?? null };
}

/** A month of one trust's books in summary, as its old ledger would have posted it before Mainstay. */
function monthJournals(trust: DemoTrust, monthEnd: LocalDate, random: Random, scale: number): JournalInput[] {
  const clinical = trust.clinicalCostCentres.filter((centre) => !centre.division.startsWith('Corporate'));
  const corporate = trust.clinicalCostCentres.filter(
    (centre) => centre.division.startsWith('Corporate') && !centre.name.includes('income'),
  );
  const incomeCentre = trust.clinicalCostCentres.find((centre) => centre.name === 'Contract income')!;
  const income = money(random.around(trust.monthlyIncomePounds, 0.03));
  const base = (
    id: string,
    description: string,
    lines: JournalLineInput[],
    reasonCode: JournalInput['reasonCode'] = 'MANUAL',
  ): JournalInput => ({
    accountingDate: monthEnd,
    sourceModule: 'legacy-ledger',
    sourceId: `${trust.id}-${monthEnd}-${id}`,
    reasonCode,
    description,
    lines,
  });
  const journals: JournalInput[] = [
    base(
      'income',
      'Commissioner contract income',
      [line('130100', 'debit', income), line('410100', 'credit', income, incomeCentre.code)],
      'INCOME',
    ),
    base('receipt', 'Commissioner payment received', [
      line('140100', 'debit', income),
      line('130100', 'credit', income),
    ]),
  ];
  const payBill = trust.monthlyIncomePounds * 0.62;
  const staffCentres = [...clinical, ...corporate];
  const payLines: JournalLineInput[] = [];
  let gross = 0n;
  let employerNi = 0n;
  let employerPension = 0n;
  for (const centre of staffCentres) {
    const share = (centre.division.startsWith('Corporate') ? 0.25 : 1) / staffCentres.length;
    const basic = money(random.around(payBill * share * 0.8, 0.05));
    const ni = ((basic * 138n) / 1000n) as Pence;
    const pension = ((basic * 1438n) / 10000n) as Pence;
    payLines.push(
      line('510100', 'debit', basic, centre.code),
      line('511100', 'debit', ni, centre.code),
      line('511200', 'debit', pension, centre.code),
    );
    gross += basic;
    employerNi += ni;
    employerPension += pension;
  }
  const tax = (gross * 18n) / 100n;
  const employeeNi = (gross * 6n) / 100n;
  const employeePension = (gross * 9n) / 100n;
  const net = gross - tax - employeeNi - employeePension;
  payLines.push(
    line('230100', 'credit', tax as Pence),
    line('230200', 'credit', (employeeNi + employerNi) as Pence),
    line('230300', 'credit', (employeePension + employerPension) as Pence),
    line('230500', 'credit', net as Pence),
  );
  journals.push(base('payroll', 'Monthly payroll (legacy payroll system)', payLines, 'PAYROLL_COMMIT'));
  journals.push(
    base(
      'netpay',
      'Net pay Bacs',
      [line('230500', 'debit', net as Pence), line('140100', 'credit', net as Pence)],
      'PAYROLL_PAYMENT',
    ),
  );
  const hmrc = tax + employeeNi + employerNi;
  journals.push(
    base(
      'hmrc',
      'PAYE and NI to HMRC',
      [
        line('230100', 'debit', tax as Pence),
        line('230200', 'debit', (employeeNi + employerNi) as Pence),
        line('140100', 'credit', hmrc as Pence),
      ],
      'PAYROLL_PAYMENT',
    ),
  );
  const nonPayCategories = [
    { account: '610100', share: 0.09 },
    { account: '610200', share: 0.07 },
    { account: '620100', share: 0.03 },
    { account: '630100', share: 0.02 },
    { account: '630200', share: 0.015 },
    { account: '640100', share: 0.015 },
    { account: '512200', share: 0.025 },
  ];
  const invoicesPerCategory = Math.max(1, Math.round(2 * scale));
  for (const category of nonPayCategories) {
    for (let n = 0; n < invoicesPerCategory; n += 1) {
      const centre =
        category.account.startsWith('63') || category.account === '640100'
          ? random.pick(corporate)
          : random.pick(clinical);
      const amount = money(
        random.around((trust.monthlyIncomePounds * category.share) / invoicesPerCategory, 0.25),
      );
      journals.push(
        base(
          `np-${category.account}-${n}`,
          `Supplier invoices (${category.account})`,
          [line(category.account, 'debit', amount, centre.code), line('210200', 'credit', amount)],
          'AP_INVOICE',
        ),
        base(
          `pay-${category.account}-${n}`,
          'Supplier payment run',
          [line('210200', 'debit', amount), line('140100', 'credit', amount)],
          'AP_PAYMENT',
        ),
      );
    }
  }
  return journals;
}

/**
 * Each trust's cost centres, legacy chart and mapping (a few codes left
 * unmapped for the report to show), budgets, and a year of ledger history.
 * Periods before the current month are closed, as a finance team would have.
 */
export async function seedLedger(demo: DemoContext): Promise<{ journals: number }> {
  const { platform, random, asOf, scale } = demo;
  const months = historyMonths(asOf);
  const years = [...new Set(months.map((month) => accountingPeriodOf(month).financialYear))];
  let journals = 0;
  for (const trust of TRUSTS) {
    const trustRandom = random.fork(`ledger/${trust.id}`);
    const controller =
      trust.id === 'RN1' || trust.id === 'RN2'
        ? asPerson(demo, trust.id, 'finance.controller@mainstay.demo')
        : asGenerator(trust.id);
    await platform.runner.withTenant(controller, async (tx) => {
      for (const year of years) await platform.ledger.openFinancialYear(tx, year);
      for (const centre of trust.clinicalCostCentres) await platform.ledger.saveCostCentre(tx, centre);
      await platform.ledger.importLegacyChart(tx, {
        fileName: `${trust.id.toLowerCase()}-legacy-chart.csv`,
        text: legacyChartCsv(trust),
      });
      const currentYear = years.at(-1)!;
      for (const centre of trust.clinicalCostCentres) {
        if (centre.name === 'Contract income') continue;
        const monthly = (trust.monthlyIncomePounds * 0.85) / trust.clinicalCostCentres.length;
        await platform.ledger.setBudget(tx, {
          financialYear: currentYear,
          costCentreCode: centre.code,
          amountPence: money(trustRandom.around(monthly * 12, 0.08)),
        });
      }
    });
    for (const monthEnd of months) {
      const batch = monthJournals(trust, monthEnd, trustRandom, scale);
      await platform.runner.withTenant(controller, (tx) => platform.ledger.postJournals(tx, batch));
      journals += batch.length;
    }
    demo.progress(`  ${trust.name}: ${months.length} months of ledger history`);
  }
  await closePastPeriods(demo, months);
  return { journals };
}

async function closePastPeriods(demo: DemoContext, months: LocalDate[]): Promise<void> {
  const current = accountingPeriodOf(demo.asOf);
  const previous = accountingPeriodOf(months.at(-2)!);
  for (const trust of TRUSTS) {
    await demo.platform.runner.withTenant(asGenerator(trust.id), async (tx) => {
      for (const period of await demo.platform.ledger.periods(tx)) {
        const isOpenMonth = period.periodKey === current.key || period.periodKey === previous.key;
        const isFuture = period.startDate > current.start;
        if (!isOpenMonth && !isFuture)
          await demo.platform.ledger.setPeriodStatus(tx, period.periodKey, 'closed', 'Month-end close');
      }
    });
  }
}
