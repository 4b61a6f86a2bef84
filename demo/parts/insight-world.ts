import ExcelJS from 'exceljs';
import type { LocalDate } from '../../kernel/time';
import type { SourceKind } from '../../modules/insight';
import { gs1CheckDigit } from '../../standards/gs1';
import type { Random } from '../random';
import { type DemoTrust, JOINING, TRUSTS } from '../world';

/**
 * The legacy extracts the demo trusts send to Insight, generated in memory:
 * a year of staff-in-post snapshots, starters, leavers, sickness, vacancies and
 * bank/agency use simulated per team, purchase-order lines and payments over
 * £25,000 — each trust in its own system's shape (headers, date formats,
 * delimiters, a workbook, supplier spellings). Three problems are planted for
 * the insight screens to find: one trust paying far more for hip stems, Ward 9
 * Elderly Care at RN1 losing staff and going off sick more every month, and a
 * laundry supplier known to RN1 under two names with one Companies House number.
 */

export type ExtractFile = {
  organisationId: string;
  kind: SourceKind;
  source: string;
  fileName: string;
  bytes: Uint8Array;
};

type Cell = string | number | null;
type DateStyle = 'dmy' | 'iso' | 'mdy' | 'dmon';
type Layout = { format: 'csv' | 'xlsx'; delimiter: string; dates: DateStyle; system: string };

/** Each trust's systems: how its extracts are laid out. */
const LAYOUTS: Record<string, Layout> = {
  RN1: { format: 'csv', delimiter: ',', dates: 'dmy', system: 'esr' },
  RN2: { format: 'csv', delimiter: ',', dates: 'iso', system: 'healthroster' },
  RN3: { format: 'csv', delimiter: '\t', dates: 'mdy', system: 'hosted' },
  RN4: { format: 'xlsx', delimiter: ',', dates: 'dmy', system: 'workbook' },
  RN5: { format: 'csv', delimiter: ';', dates: 'dmon', system: 'legacy' },
  RN6: { format: 'csv', delimiter: ',', dates: 'dmy', system: 'oracle' },
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDate(iso: string, style: DateStyle): string {
  const [year, month, day] = iso.split('-') as [string, string, string];
  switch (style) {
    case 'iso':
      return iso;
    case 'dmy':
      return `${day}/${month}/${year}`;
    case 'mdy':
      return `${Number(month)}/${Number(day)}/${year}`;
    case 'dmon':
      return `${day}-${MONTH_NAMES[Number(month) - 1]}-${year.slice(2)}`;
  }
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const monthEnd = (month: string): string => {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
};
const shiftMonth = (month: string, by: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The twelve complete months before the demo's today. */
export function extractMonths(asOf: LocalDate): string[] {
  const last = shiftMonth(asOf.slice(0, 7), -1);
  return Array.from({ length: 12 }, (_, index) => shiftMonth(last, index - 11));
}

async function fileBytes(
  layout: Layout,
  headers: readonly string[],
  rows: readonly Cell[][],
): Promise<Uint8Array> {
  if (layout.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Extract');
    sheet.addRow([...headers]);
    for (const row of rows) sheet.addRow(row.map((cell) => cell ?? ''));
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }
  const quote = (cell: Cell) => {
    const text = cell === null ? '' : String(cell);
    return text.includes(layout.delimiter) || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [headers, ...rows].map((row) => row.map(quote).join(layout.delimiter));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------- workforce

type Employee = {
  id: string;
  team: string;
  staffGroup: string;
  band: string;
  fte: number;
  startDate: string;
  ageBand: string;
  contractType: string;
  /** Sickness episodes in the last twelve months: a known sign of someone about to leave. */
  recentSickness: number;
};

type Leaver = Employee & { leavingDate: string; reason: string; destination: string };
type Episode = { employee: Employee; start: string; end: string; days: number; reason: string };

export type TeamPlan = { team: string; division: string; size: number };

/** Staff groups in a kind of team: the group, the bands it is paid on, and its share of the team. */
type StaffMix = readonly (readonly [group: string, bands: readonly string[], share: number])[];

const STAFF_MIX: Record<'ward' | 'support' | 'community' | 'ambulance' | 'corporate', StaffMix> = {
  ward: [
    ['Nursing and Midwifery Registered', ['Band 5', 'Band 5', 'Band 5', 'Band 6', 'Band 6', 'Band 7'], 0.55],
    ['Additional Clinical Services', ['Band 2', 'Band 3', 'Band 3', 'Band 4'], 0.3],
    ['Medical and Dental', ['Consultant', 'Specialty Doctor', 'Foundation Year 2'], 0.1],
    ['Administrative and Clerical', ['Band 3', 'Band 4'], 0.05],
  ],
  support: [
    ['Healthcare Scientists', ['Band 5', 'Band 6', 'Band 7'], 0.4],
    ['Additional Professional Scientific and Technical', ['Band 4', 'Band 5', 'Band 6'], 0.35],
    ['Administrative and Clerical', ['Band 3', 'Band 4'], 0.25],
  ],
  community: [
    ['Nursing and Midwifery Registered', ['Band 5', 'Band 6', 'Band 6', 'Band 7'], 0.5],
    ['Allied Health Professionals', ['Band 5', 'Band 6', 'Band 7'], 0.25],
    ['Additional Clinical Services', ['Band 3', 'Band 4'], 0.2],
    ['Administrative and Clerical', ['Band 3'], 0.05],
  ],
  ambulance: [
    ['Ambulance Staff', ['Band 4', 'Band 5', 'Band 6', 'Band 6'], 0.8],
    ['Administrative and Clerical', ['Band 3', 'Band 4'], 0.2],
  ],
  corporate: [
    ['Administrative and Clerical', ['Band 3', 'Band 4', 'Band 5', 'Band 6', 'Band 7', 'Band 8a'], 1],
  ],
};

function mixOf(division: string): StaffMix {
  if (division.startsWith('Corporate')) return STAFF_MIX.corporate;
  if (division === 'Clinical Support') return STAFF_MIX.support;
  if (division === 'Emergency Operations') return STAFF_MIX.ambulance;
  if (division === 'Community Services' || division === 'Mental Health') return STAFF_MIX.community;
  return STAFF_MIX.ward;
}

/** Staff per £1m of monthly income in the demo (a real trust has over twenty times as many). */
const STAFF_PER_MILLION = 6;

export function teamPlans(trust: DemoTrust, scale: number): TeamPlan[] {
  const centres = trust.clinicalCostCentres.filter((centre) => centre.name !== 'Contract income');
  const weights = centres.map((centre) => (centre.division.startsWith('Corporate') ? 0.35 : 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const staff = Math.round((trust.monthlyIncomePounds / 1_000_000) * STAFF_PER_MILLION * scale);
  return centres.map((centre, index) => ({
    team: centre.name,
    division: centre.division,
    size: Math.max(6, Math.round((staff * (weights[index] ?? 1)) / total)),
  }));
}

const PLANTED_TEAM = { organisation: 'RN1', team: 'Ward 9 Elderly Care' };
/** Ward 9's leavers in each of the twelve months: quiet, then rising for five months running. */
const PLANTED_LEAVERS = [0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 4, 5];
/** …and the share of its FTE days lost to sickness, rising over the same months. */
const PLANTED_SICKNESS = [0.035, 0.03, 0.04, 0.035, 0.03, 0.04, 0.035, 0.045, 0.06, 0.075, 0.09, 0.11];

const LEAVING_REASONS = [
  ['Voluntary Resignation - Work Life Balance', 'Another NHS trust'],
  ['Voluntary Resignation - Promotion', 'Another NHS trust'],
  ['Voluntary Resignation - Relocation', 'Left the NHS'],
  ['Voluntary Resignation - Better Reward Package', 'Private sector'],
  ['Retirement Age', 'Retirement'],
  ['End of Fixed Term Contract', 'Left the NHS'],
] as const;
const SICKNESS_REASONS = [
  'Cold, Cough, Flu - Influenza',
  'Anxiety/stress/depression/other psychiatric illnesses',
  'Back Problems',
  'Gastrointestinal problems',
  'Other musculoskeletal problems',
];
const AGE_BANDS = ['21-25', '26-30', '31-35', '36-40', '41-45', '46-50', '51-55', '56-60', '61-65'];

type WorkforceHistory = {
  snapshots: { asAt: string; staff: Employee[] }[];
  leavers: Leaver[];
  starters: Employee[];
  sickness: Episode[];
  vacancies: { month: string; team: string; staffGroup: string; establishment: number; inPost: number }[];
  temporary: {
    month: string;
    team: string;
    staffGroup: string;
    type: 'Bank' | 'Agency';
    hours: number;
    costPence: number;
    agency: string;
    onFramework: boolean;
  }[];
};

/**
 * A year of one trust's workforce, month by month: people leave (more often
 * when new, on lower bands or often off sick), most posts are refilled a month
 * or two later, and sickness episodes come and go. Ward 9 at RN1 follows the
 * planted pattern instead of chance.
 */
export function simulateWorkforce(
  trust: DemoTrust,
  random: Random,
  scale: number,
  months: readonly string[],
): WorkforceHistory {
  let next = 1;
  const firstDay = `${months[0]}-01`;
  const hire = (team: TeamPlan, startDate: string): Employee => {
    const mix = mixOf(team.division);
    const pick = random.next();
    let cumulative = 0;
    const [group, bands] =
      mix.find(([, , share]) => {
        cumulative += share;
        return pick < cumulative;
      }) ?? (mix[0] as StaffMix[number]);
    return {
      id: `${trust.id}${String(next++).padStart(6, '0')}`,
      team: team.team,
      staffGroup: group,
      band: random.pick(bands),
      fte: random.pick([1, 1, 1, 0.8, 0.6, 0.4]),
      startDate,
      ageBand: random.pick(AGE_BANDS),
      contractType: random.chance(0.1) ? 'Fixed Term Temp' : 'Permanent',
      recentSickness: 0,
    };
  };
  const teams = teamPlans(trust, scale);
  const staff: Employee[] = teams.flatMap((team) =>
    Array.from({ length: team.size }, () =>
      hire(team, isoOf(dayOf(firstDay) - 30 - Math.floor(random.next() ** 2 * 365 * 15))),
    ),
  );
  const history: WorkforceHistory = {
    snapshots: [],
    leavers: [],
    starters: [],
    sickness: [],
    vacancies: [],
    temporary: [],
  };
  const planted = trust.id === PLANTED_TEAM.organisation;
  const sicknessIn = (month: string, people: readonly Employee[], rate: number | null) => {
    const start = dayOf(`${month}-01`);
    const days = dayOf(monthEnd(month)) - start + 1;
    if (rate !== null) {
      // the planted team: whole episodes inside the month, until the planned share of FTE days is lost
      const target = people.reduce((sum, person) => sum + person.fte * days, 0) * rate;
      let lost = 0;
      while (lost < target && people.length > 0) {
        const person = random.pick(people);
        const length = Math.min(random.int(2, 12), days);
        const first = start + random.int(0, days - length);
        history.sickness.push({
          employee: person,
          start: isoOf(first),
          end: isoOf(first + length - 1),
          days: length,
          reason: random.pick(SICKNESS_REASONS),
        });
        person.recentSickness += 1;
        lost += length * person.fte;
      }
      return;
    }
    for (const person of people) {
      if (!random.chance(0.14)) continue;
      const length = random.chance(0.8) ? random.int(1, 5) : random.int(6, 28);
      const first = start + random.int(0, days - 1);
      history.sickness.push({
        employee: person,
        start: isoOf(first),
        end: isoOf(first + length - 1),
        days: length,
        reason: random.pick(SICKNESS_REASONS),
      });
      person.recentSickness += 1;
    }
  };
  // a year of sickness before the first snapshot: what the leaver-risk model learns from
  for (let back = 12; back >= 1; back -= 1) sicknessIn(shiftMonth(months[0] ?? '', -back), staff, null);

  const refills: { month: string; team: TeamPlan }[] = [];
  months.forEach((month, index) => {
    const last = dayOf(monthEnd(month));
    const first = dayOf(`${month}-01`);
    for (const refill of refills.filter((entry) => entry.month === month)) {
      const person = hire(refill.team, isoOf(first + random.int(0, 27)));
      staff.push(person);
      history.starters.push(person);
    }
    for (const team of teams) {
      const members = staff.filter((person) => person.team === team.team);
      const isPlanted = planted && team.team === PLANTED_TEAM.team;
      const leaving = isPlanted
        ? [...members]
            .sort((a, b) => riskOf(b, month) - riskOf(a, month))
            .slice(0, PLANTED_LEAVERS[index] ?? 0)
        : members.filter((person) => random.chance(0.0036 * riskOf(person, month)));
      for (const person of leaving) {
        const [reason, destination] = random.pick(LEAVING_REASONS);
        history.leavers.push({ ...person, leavingDate: isoOf(random.int(first, last)), reason, destination });
        staff.splice(staff.indexOf(person), 1);
        if (random.chance(isPlanted ? 0.6 : 0.85))
          refills.push({ month: shiftMonth(month, random.int(1, 2)), team });
      }
      sicknessIn(
        month,
        staff.filter((person) => person.team === team.team),
        isPlanted ? (PLANTED_SICKNESS[index] ?? 0) : null,
      );
      const inPost = staff.filter((person) => person.team === team.team);
      const teamFte = inPost.reduce((sum, person) => sum + person.fte, 0);
      for (const group of new Set(inPost.map((person) => person.staffGroup))) {
        const fte = inPost
          .filter((person) => person.staffGroup === group)
          .reduce((sum, person) => sum + person.fte, 0);
        const establishment = Math.round(fte * (1.04 + random.next() * 0.06) * 100) / 100;
        history.vacancies.push({
          month,
          team: team.team,
          staffGroup: group,
          establishment,
          inPost: Math.round(fte * 100) / 100,
        });
        // bank and agency cover sized against the team's pay bill in the ledger, so their share of pay is realistic
        const pay = teamPayPence(team) * (fte / Math.max(teamFte, 0.1));
        const corporate = team.division.startsWith('Corporate');
        const bankPence = Math.round(pay * (corporate ? 0.01 : 0.045) * random.around(1, 0.3));
        history.temporary.push({
          month,
          team: team.team,
          staffGroup: group,
          type: 'Bank',
          hours: Math.round(bankPence / 2_650),
          costPence: bankPence,
          agency: 'NHS Professionals',
          onFramework: true,
        });
        if (!corporate && random.chance(0.5)) {
          const agencyPence = Math.round(pay * 0.03 * random.around(1, 0.5));
          history.temporary.push({
            month,
            team: team.team,
            staffGroup: group,
            type: 'Agency',
            hours: Math.round(agencyPence / 5_800),
            costPence: agencyPence,
            agency: random.pick(['Thornbury Nursing', 'Pulse Healthcare', 'Medacs Healthcare']),
            onFramework: !random.chance(0.12),
          });
        }
      }
    }
    history.snapshots.push({ asAt: monthEnd(month), staff: staff.map((person) => ({ ...person })) });
  });
  return history;

  /** The team's monthly pay bill as the demo ledger posts it (a share of 62% of income, plus employer costs). */
  function teamPayPence(team: TeamPlan): number {
    const share = (team.division.startsWith('Corporate') ? 0.25 : 1) / teams.length;
    return trust.monthlyIncomePounds * 100 * 0.62 * share * 0.8 * 1.28;
  }

  function riskOf(person: Employee, month: string): number {
    const years = (dayOf(`${month}-01`) - dayOf(person.startDate)) / 365.25;
    return (
      (years < 2 ? 2.2 : years > 20 ? 1.3 : 1) *
      (['Band 2', 'Band 3', 'Band 4', 'Band 5'].includes(person.band) ? 1.3 : 0.8) *
      (1 + Math.min(person.recentSickness, 6) * 0.35) *
      (person.contractType === 'Permanent' ? 1 : 2)
    );
  }
}

type Column<T> = [header: string, value: (row: T) => Cell];

/** Each system's headers for each workforce extract (all map onto the canonical fields by name). */
function workforceColumns(layout: Layout) {
  const date = (iso: string | null) => (iso === null ? null : formatDate(iso, layout.dates));
  const esr = layout.system === 'esr' || layout.system === 'workbook';
  const roster = layout.system === 'healthroster';
  const staff: Column<Employee & { asAt: string }>[] = [
    [esr ? 'Employee Number' : roster ? 'Person ID' : 'Staff Number', (row) => row.id],
    [esr ? 'As At Date' : roster ? 'Snapshot Date' : 'Report Date', (row) => date(row.asAt)],
    [esr ? 'Staff Group' : roster ? 'Occupational Group' : 'Staff Category', (row) => row.staffGroup],
    [esr ? 'Pay Band' : roster ? 'Grade' : 'Band', (row) => row.band],
    [esr ? 'Department' : roster ? 'Ward' : 'Team', (row) => row.team],
    [esr ? 'Contracted WTE' : 'FTE', (row) => row.fte],
    [esr ? 'Date Started' : roster ? 'Hire Date' : 'Joining Date', (row) => date(row.startDate)],
    [roster ? 'Age Group' : 'Age Band', (row) => row.ageBand],
    [esr ? 'Assignment Type' : 'Contract', (row) => row.contractType],
  ];
  const leavers: Column<Leaver>[] = [
    [esr ? 'Employee Number' : roster ? 'Person ID' : 'Staff Number', (row) => row.id],
    [esr ? 'Termination Date' : roster ? 'Leave Date' : 'Date Left', (row) => date(row.leavingDate)],
    [esr ? 'Reason for Leaving' : 'Leaver Reason', (row) => row.reason],
    [esr ? 'Staff Group' : roster ? 'Occupational Group' : 'Staff Category', (row) => row.staffGroup],
    [esr ? 'Pay Band' : 'Band', (row) => row.band],
    [esr ? 'Department' : roster ? 'Ward' : 'Team', (row) => row.team],
    [esr ? 'Contracted WTE' : 'FTE', (row) => row.fte],
    [esr ? 'Date Started' : 'Start Date', (row) => date(row.startDate)],
    [esr ? 'Destination on Leaving' : 'Leaver Destination', (row) => row.destination],
  ];
  const starters: Column<Employee>[] = [
    [esr ? 'Employee Number' : roster ? 'Person ID' : 'Staff Number', (row) => row.id],
    [esr ? 'Date Started' : roster ? 'Hire Date' : 'Joining Date', (row) => date(row.startDate)],
    [esr ? 'Staff Group' : 'Occupational Group', (row) => row.staffGroup],
    [esr ? 'Pay Band' : 'Grade', (row) => row.band],
    [esr ? 'Department' : 'Team', (row) => row.team],
    [esr ? 'Contracted WTE' : 'FTE', (row) => row.fte],
  ];
  const sickness: Column<Episode>[] = [
    [esr ? 'Employee Number' : roster ? 'Person ID' : 'Staff Number', (row) => row.employee.id],
    [esr ? 'Absence Start Date' : 'Start Date', (row) => date(row.start)],
    [esr ? 'Absence End Date' : 'End Date', (row) => date(row.end)],
    [esr ? 'Calendar Days Lost' : 'Days Lost', (row) => row.days],
    ['FTE Days Lost', (row) => Math.round(row.days * row.employee.fte * 100) / 100],
    [esr ? 'Absence Reason' : 'Sickness Reason', (row) => row.reason],
    [esr ? 'Staff Group' : 'Occupational Group', (row) => row.employee.staffGroup],
    [esr ? 'Pay Band' : 'Grade', (row) => row.employee.band],
    [esr ? 'Department' : roster ? 'Ward' : 'Team', (row) => row.employee.team],
    [esr ? 'Contracted WTE' : 'FTE', (row) => row.employee.fte],
  ];
  const vacancies: Column<WorkforceHistory['vacancies'][number]>[] = [
    [roster ? 'Reporting Period' : 'Month', (row) => row.month],
    [esr ? 'Department' : roster ? 'Ward' : 'Team', (row) => row.team],
    [esr ? 'Staff Group' : 'Occupational Group', (row) => row.staffGroup],
    [roster ? 'Establishment WTE' : 'Budgeted FTE', (row) => row.establishment],
    [roster ? 'SIP' : 'Staff in Post FTE', (row) => row.inPost],
    [roster ? 'Vacancies' : 'Vacancy FTE', (row) => Math.round((row.establishment - row.inPost) * 100) / 100],
  ];
  const temporary: Column<WorkforceHistory['temporary'][number]>[] = [
    [roster ? 'Month' : 'Period', (row) => row.month],
    [esr ? 'Department' : roster ? 'Ward' : 'Team', (row) => row.team],
    [esr ? 'Staff Group' : 'Occupational Group', (row) => row.staffGroup],
    [roster ? 'Booking Type' : 'Bank or Agency', (row) => row.type],
    [roster ? 'Shift Hours' : 'Hours Worked', (row) => row.hours],
    [roster ? 'Charge' : 'Total Cost', (row) => (row.costPence / 100).toFixed(2)],
    [roster ? 'Provider' : 'Agency Name', (row) => row.agency],
    [roster ? 'Framework Compliant' : 'On Framework', (row) => (row.onFramework ? 'Yes' : 'No')],
  ];
  return { staff, leavers, starters, sickness, vacancies, temporary };
}

const table = <T>(columns: readonly Column<T>[], rows: readonly T[]): [string[], Cell[][]] => [
  columns.map(([header]) => header),
  rows.map((row) => columns.map(([, value]) => value(row))),
];

// ---------------------------------------------------------------- purchasing

type Product = {
  key: string;
  category: string;
  manufacturer: string;
  mpc: string;
  gtin: string;
  /** How each kind of system writes it. */
  names: { erp: string; natural: string; terse: string };
  unit: string;
  pack: number;
  pricePence: number;
};

/** A GTIN-13 under a made-up company prefix, with a valid GS1 check digit. */
const gtinFor = (index: number): string => {
  const body = `5012345${String(10_000 + index).padStart(5, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

const PRODUCT_LIST: readonly [string, string, string, string, string, string, number, number][] = [
  // category, manufacturer, natural name, erp name, terse name, unit, pack, price (pence per unit bought)
  [
    'Gloves',
    'Medline',
    'Nitrile examination gloves, medium, powder free',
    'GLOVE NITRILE MED PF',
    'Gloves nitrile M',
    'BOX',
    100,
    520,
  ],
  [
    'Gloves',
    'Medline',
    'Nitrile examination gloves, large, powder free',
    'GLOVE NITRILE LGE PF',
    'Gloves nitrile L',
    'BOX',
    100,
    520,
  ],
  [
    'Gloves',
    'Ansell',
    'Surgical gloves, sterile, latex free, size 7.5',
    'GLOVE SURG STER LF 7.5',
    'Surgical gloves 7.5',
    'BOX',
    50,
    3_850,
  ],
  [
    'Syringes and needles',
    'BD',
    'Luer lock syringe 10ml, sterile, single use',
    'SYRINGE LL 10ML STER',
    'Syringe 10ml LL',
    'BOX',
    100,
    1_180,
  ],
  [
    'Syringes and needles',
    'BD',
    'Hypodermic needle 21G x 40mm, green',
    'NEEDLE HYPO 21G 40MM',
    'Needle 21G green',
    'BOX',
    100,
    690,
  ],
  [
    'Syringes and needles',
    'BD',
    'Safety cannula 20G, pink, with port',
    'CANNULA SAFETY 20G PINK',
    'Cannula 20G',
    'BOX',
    50,
    4_200,
  ],
  [
    'Wound care',
    'Smith & Nephew',
    'Foam dressing, bordered, 10 x 10 cm',
    'DRESSING FOAM BORD 10X10',
    'Foam dressing 10x10',
    'BOX',
    10,
    1_460,
  ],
  [
    'Wound care',
    'Molnlycke',
    'Silicone adhesive dressing 15 x 15 cm',
    'DRESSING SILICONE 15X15',
    'Silicone dressing 15cm',
    'BOX',
    10,
    2_980,
  ],
  [
    'Wound care',
    '3M',
    'Transparent film dressing 6 x 7 cm',
    'DRESSING FILM TRANSP 6X7',
    'Film dressing 6x7',
    'BOX',
    100,
    3_400,
  ],
  [
    'Continence',
    'TENA',
    'Incontinence pad, maxi, adult',
    'PAD INCONT MAXI ADULT',
    'Incontinence pad maxi',
    'PACK',
    24,
    880,
  ],
  [
    'Continence',
    'Coloplast',
    'Intermittent catheter, male, 12Ch',
    'CATHETER INTERMIT MALE 12CH',
    'Catheter male 12Ch',
    'BOX',
    30,
    4_650,
  ],
  [
    'Orthopaedics',
    'Corin',
    'Hip replacement femoral stem, cementless, size 12',
    'HIP STEM FEMORAL CEMENTLESS SZ12',
    'Hip stem sz12',
    'EACH',
    1,
    30_800,
  ],
  [
    'Orthopaedics',
    'Stryker',
    'Bone saw blade, sagittal, 90 x 25 mm',
    'BLADE SAW SAGITTAL 90X25',
    'Saw blade sagittal',
    'EACH',
    1,
    1_900,
  ],
  [
    'Theatre consumables',
    'Ethicon',
    'Absorbable suture 2-0, 70cm, round bodied needle',
    'SUTURE ABS 2/0 70CM RB',
    'Suture 2-0 absorbable',
    'BOX',
    12,
    5_640,
  ],
  [
    'Theatre consumables',
    'Mölnlycke',
    'Surgical gown, sterile, reinforced, large',
    'GOWN SURG STER REINF L',
    'Gown surgical L',
    'BOX',
    20,
    6_200,
  ],
  [
    'Theatre consumables',
    'Cardinal Health',
    'Theatre drape pack, general surgery',
    'DRAPE PACK GEN SURG',
    'Drape pack general',
    'EACH',
    1,
    2_150,
  ],
  [
    'Diagnostics',
    'Verathon',
    'Bladder scanner, portable, touchscreen',
    'SCANNER BLADDER PORT TOUCH',
    'Bladder scanner',
    'EACH',
    1,
    659_100,
  ],
  [
    'Diagnostics',
    'Roche',
    'Blood glucose test strips',
    'STRIP GLUCOSE TEST',
    'Glucose strips',
    'PACK',
    50,
    1_250,
  ],
  [
    'Infection control',
    'Clinell',
    'Universal sanitising wipes, tub of 200',
    'WIPES UNIVERSAL SANITISING 200',
    'Clinell wipes 200',
    'TUB',
    1,
    610,
  ],
  [
    'Infection control',
    'Gojo',
    'Alcohol hand rub 500ml pump',
    'HAND RUB ALCOHOL 500ML PUMP',
    'Hand rub 500ml',
    'EACH',
    1,
    340,
  ],
  [
    'Infection control',
    'Medline',
    'Disposable apron, white, roll of 200',
    'APRON DISP WHITE ROLL 200',
    'Aprons white roll',
    'ROLL',
    200,
    1_120,
  ],
  [
    'Infection control',
    '3M',
    'FFP3 respirator mask, valved',
    'MASK FFP3 VALVED',
    'FFP3 mask',
    'BOX',
    10,
    3_850,
  ],
  [
    'Patient hygiene',
    'Vernacare',
    'Pulp bedpan, disposable',
    'BEDPAN PULP DISP',
    'Bedpan pulp',
    'BOX',
    100,
    3_300,
  ],
  [
    'Patient hygiene',
    'Clinell',
    'Patient wash wipes, pack of 8',
    'WIPES PATIENT WASH 8',
    'Wash wipes 8',
    'PACK',
    8,
    190,
  ],
  [
    'Office supplies',
    'Navigator',
    'A4 copier paper 80gsm, box of 5 reams',
    'PAPER A4 80GSM BOX 5',
    'A4 paper box',
    'BOX',
    5,
    1_890,
  ],
  ['Office supplies', 'HP', 'Toner cartridge, black, 26A', 'TONER BLACK 26A', 'Toner 26A', 'EACH', 1, 9_450],
  ['Pharmacy sundries', 'BD', 'Sharps container 5 litre', 'SHARPS BIN 5L', 'Sharps bin 5L', 'EACH', 1, 310],
  [
    'Pharmacy sundries',
    'Medline',
    'Medicine pot 30ml, pack of 100',
    'POT MEDICINE 30ML 100',
    'Medicine pots',
    'PACK',
    100,
    450,
  ],
];

const PRODUCTS: readonly Product[] = PRODUCT_LIST.map(
  ([category, manufacturer, natural, erp, terse, unit, pack, pricePence], index) => ({
    key: `P${index}`,
    category,
    manufacturer,
    mpc: `${manufacturer
      .slice(0, 3)
      .toUpperCase()
      .replace(/[^A-Z]/g, 'X')}-${4100 + index * 7}`,
    gtin: gtinFor(index),
    names: { erp, natural, terse },
    unit,
    pack,
    pricePence,
  }),
);

/** Distributors and each trust's spelling of them; the planted laundry supplier appears at RN1 under two names. */
const DISTRIBUTORS: Record<string, string[]> = {
  Medline: [
    'Medline International UK Ltd',
    'MEDLINE INTERNATIONAL',
    'Medline Intl (UK) Limited',
    'Medline International UK Ltd',
    'MEDLINE INTL UK LTD',
    'Medline International UK Limited',
  ],
  default: [
    'NHS Supply Chain',
    'NHS SUPPLY CHAIN',
    'NHS Supply Chain Ltd',
    'NHS Supply Chain',
    'NHSSC',
    'NHS Supply Chain',
  ],
};

const TRUST_ORDER = [...TRUSTS.map((trust) => trust.id), JOINING.id];

/** Which products a trust buys (acute trusts buy theatre and orthopaedic lines; others do not). */
function buys(trustType: string, product: Product): boolean {
  const acuteOnly = ['Orthopaedics', 'Theatre consumables'].includes(product.category);
  return !acuteOnly || trustType === 'acute';
}

/** How much more (or less) than the national price each trust pays, and the planted hip-stem outlier. */
const PRICE_FACTOR: Record<string, number> = {
  RN1: 0.97,
  RN2: 1.04,
  RN3: 1.06,
  RN4: 1.01,
  RN5: 1.08,
  RN6: 1.02,
};
const PLANTED_OUTLIER = { organisation: 'RN2', product: 'P11', pricePence: 49_000 };

export type OrderLine = {
  organisation: string;
  orderDate: string;
  poNumber: string;
  line: number;
  supplier: string;
  product: Product;
  quantity: number;
  unitPricePence: number;
  contract: string | null;
  costCentre: string;
};

export function simulateOrders(
  organisation: string,
  trustType: string,
  costCentres: readonly string[],
  random: Random,
  scale: number,
  months: readonly string[],
): OrderLine[] {
  const bought = PRODUCTS.filter((product) => buys(trustType, product) && random.chance(0.85));
  const lines: OrderLine[] = [];
  const spelling = TRUST_ORDER.indexOf(organisation);
  let order = 1;
  for (const month of months) {
    const first = dayOf(`${month}-01`);
    const days = dayOf(monthEnd(month)) - first + 1;
    for (const product of bought) {
      const orders = Math.max(
        1,
        Math.round((product.pricePence > 100_000 ? 0.15 : 2.5) * scale * random.around(1, 0.4)),
      );
      for (let n = 0; n < orders; n += 1) {
        if (product.pricePence > 100_000 && !random.chance(0.5)) continue;
        const planted =
          organisation === PLANTED_OUTLIER.organisation && product.key === PLANTED_OUTLIER.product;
        const price = planted
          ? PLANTED_OUTLIER.pricePence
          : Math.round(product.pricePence * (PRICE_FACTOR[organisation] ?? 1) * random.around(1, 0.02));
        const distributor = DISTRIBUTORS[product.manufacturer] ?? (DISTRIBUTORS.default as string[]);
        lines.push({
          organisation,
          orderDate: isoOf(first + random.int(0, days - 1)),
          poNumber: `${organisation}-PO-${String(order++).padStart(6, '0')}`,
          line: 1,
          supplier: distributor[spelling] ?? distributor[0] ?? 'NHS Supply Chain',
          product,
          quantity: product.pricePence > 100_000 ? 1 : random.int(1, 20),
          unitPricePence: price,
          contract:
            planted || random.chance(0.18)
              ? null
              : `NHSSC-FW-${product.category.slice(0, 3).toUpperCase()}-2024`,
          costCentre: random.pick(costCentres),
        });
      }
    }
  }
  return lines.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
}

function orderColumns(layout: Layout): Column<OrderLine>[] {
  const date = (iso: string) => formatDate(iso, layout.dates);
  const pounds = (pence: number) => (pence / 100).toFixed(2);
  const name = (line: OrderLine) =>
    layout.system === 'esr' || layout.system === 'oracle'
      ? line.product.names.erp
      : layout.system === 'legacy' || layout.system === 'hosted'
        ? line.product.names.terse
        : line.product.names.natural;
  if (layout.system === 'healthroster' || layout.system === 'workbook') {
    return [
      ['DateOrdered', (line) => date(line.orderDate)],
      ['OrderNo', (line) => line.poNumber],
      ['SupplierName', (line) => line.supplier],
      ['SupPartNo', (line) => line.product.mpc.replace('-', '')],
      ['MPC', (line) => line.product.mpc],
      ['EAN', (line) => line.product.gtin],
      ['Description', name],
      ['Order Unit', (line) => line.product.unit],
      ['Pack Qty', (line) => line.product.pack],
      ['Quantity', (line) => line.quantity],
      ['UnitPrice', (line) => pounds(line.unitPricePence)],
      ['GrossTotal', (line) => pounds(line.unitPricePence * line.quantity)],
      ['eClass', (line) => line.product.category],
      ['Framework', (line) => line.contract],
    ];
  }
  return [
    ['PO Number', (line) => line.poNumber],
    ['Line Num', (line) => line.line],
    ['Order Date', (line) => date(line.orderDate)],
    ['Supplier Name', (line) => line.supplier],
    ['Item Description', name],
    ['Supplier Part Number', (line) => `${line.organisation}-${line.product.key}`],
    ['Manufacturer Part Number', (line) => line.product.mpc],
    // the legacy system keeps no barcodes: those lines are matched on codes and descriptions
    ['GTIN', (line) => (layout.system === 'legacy' ? null : line.product.gtin)],
    ['UOM', (line) => line.product.unit],
    ['Pack Size', (line) => line.product.pack],
    ['Quantity', (line) => line.quantity],
    ['Unit Price', (line) => pounds(line.unitPricePence)],
    ['Line Amount', (line) => pounds(line.unitPricePence * line.quantity)],
    ['Category', (line) => line.product.category],
    ['Contract Number', (line) => line.contract],
    ['Cost Centre', (line) => line.costCentre],
  ];
}

// ---------------------------------------------------------------- payments over £25,000

type Payment = {
  date: string;
  supplier: string;
  companyNumber: string | null;
  expenseType: string;
  area: string;
  reference: string;
  pence: number;
};

const PAYEES: readonly [string, string | null, string, number][] = [
  ['NHS Supply Chain', '10500730', 'Clinical Supplies', 180_000],
  ['Medline International UK Ltd', '02618914', 'Clinical Supplies', 60_000],
  ['Baxter Healthcare Ltd', '00461697', 'Drugs', 90_000],
  ['Alliance Healthcare (Distribution) Ltd', '04651347', 'Drugs', 220_000],
  ['Cerner Limited', '02519303', 'Computer Maintenance', 75_000],
  ['ISS Mediclean Limited', '02312343', 'Cleaning Services', 110_000],
  ['Thornbury Nursing Services Ltd', '05166788', 'Agency Nursing', 85_000],
  ['British Gas Business', '00464346', 'Utilities', 70_000],
];
/** The planted duplicate: one laundry company (one Companies House number) under two names in RN1's ledger. */
const PLANTED_DUPLICATE = [
  ['Northshire Linen Services Ltd', '05123456'],
  ['NLS Healthcare Laundry', '05123456'],
] as const;

export function simulatePayments(
  organisation: string,
  incomePounds: number,
  random: Random,
  months: readonly string[],
): Payment[] {
  const payments: Payment[] = [];
  let reference = 5_000_000 + TRUST_ORDER.indexOf(organisation) * 100_000;
  for (const month of months) {
    const first = dayOf(`${month}-01`);
    for (const [name, companyNumber, expenseType, typicalPounds] of PAYEES) {
      const count = Math.max(1, Math.round((incomePounds / 20_000_000) * random.around(1.5, 0.5)));
      for (let n = 0; n < count; n += 1) {
        payments.push({
          date: isoOf(first + random.int(0, 27)),
          supplier: name,
          companyNumber,
          expenseType,
          area: random.pick(['Pharmacy', 'Estates', 'Central Nursing', 'ICT', 'Main Theatres', 'Facilities']),
          reference: String(reference++),
          pence: Math.round(Math.max(25_000, typicalPounds * random.around(1, 0.6)) * 100),
        });
      }
    }
    if (organisation === 'RN1') {
      for (const [name, companyNumber] of PLANTED_DUPLICATE) {
        payments.push({
          date: isoOf(first + random.int(0, 27)),
          supplier: name,
          companyNumber,
          expenseType: 'Laundry and Linen',
          area: 'Facilities',
          reference: String(reference++),
          pence: Math.round(random.around(42_000, 0.2) * 100),
        });
      }
    }
  }
  return payments.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function paymentColumns(layout: Layout, entity: string): Column<Payment>[] {
  const date = (iso: string) => formatDate(iso, layout.dates);
  const amount = (pence: number) =>
    (pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (layout.system === 'healthroster' || layout.system === 'workbook') {
    return [
      ['Dept Family', () => 'Department of Health and Social Care'],
      ['Entity', () => entity],
      ['Payment Date', (row) => date(row.date)],
      ['Expenditure Type', (row) => row.expenseType],
      ['Service Area', (row) => row.area],
      ['Vendor Name', (row) => row.supplier],
      ['Transaction Reference', (row) => row.reference],
      ['Amount (£)', (row) => amount(row.pence)],
      ['VAT Number', () => null],
    ];
  }
  return [
    ['Department Family', () => 'Department of Health and Social Care'],
    ['Entity', () => entity],
    ['Date', (row) => date(row.date)],
    ['Expense Type', (row) => row.expenseType],
    ['Expense Area', (row) => row.area],
    ['Supplier', (row) => row.supplier],
    ['Transaction Number', (row) => row.reference],
    ['Amount', (row) => amount(row.pence)],
    ['Company Number', (row) => row.companyNumber],
  ];
}

// ---------------------------------------------------------------- a joining trust's general ledger

/** The joining trust's old chart: account code, name and the common account it maps to. */
export const JOINING_CHART: readonly [string, string, string][] = [
  ['4000', 'Clinical income from commissioners', '410100'],
  ['5000', 'Substantive salaries', '510100'],
  ['5100', 'Bank staff', '512100'],
  ['5110', 'Agency staff', '512200'],
  ['6000', 'Clinical supplies', '610100'],
  ['6100', 'Drugs', '610200'],
  ['6300', 'Premises maintenance', '630100'],
  ['6400', 'IT licences', '640100'],
];

const JOINING_CENTRES: readonly [string, string, number][] = [
  ['100', 'Acute Medicine', 1],
  ['110', 'General Surgery', 0.8],
  ['120', 'Emergency Department', 0.9],
  ['900', 'Finance Department', 0.12],
  ['901', 'HR & Organisational Development', 0.09],
  ['902', 'Payroll Services', 0.04],
  ['903', 'Procurement', 0.05],
  ['904', 'IM&T', 0.14],
  ['905', 'Estates and Facilities', 0.16],
  ['906', 'Trust Board and Governance', 0.06],
];

type GlLine = {
  period: string;
  account: string;
  centre: string;
  centreName: string;
  pence: number;
  reference: string;
};

/**
 * A year of the joining trust's old ledger, summarised by account and cost
 * centre each month: income, pay (with bank and agency on clinical cost
 * centres), supplies, premises and IT.
 */
export function simulateJoiningLedger(
  random: Random,
  months: readonly string[],
  monthlyIncomePounds: number,
): GlLine[] {
  const lines: GlLine[] = [];
  const post = (
    period: string,
    account: string,
    centre: string,
    centreName: string,
    pounds: number,
    spread: number,
  ) =>
    lines.push({
      period,
      account,
      centre,
      centreName,
      pence: Math.round(pounds * 100 * random.around(1, spread)),
      reference: `J${lines.length + 1}`,
    });
  for (const month of months) {
    post(month, '4000', '999', 'Contract Income', -monthlyIncomePounds, 0.03);
    for (const [centre, name, weight] of JOINING_CENTRES) {
      const pay = monthlyIncomePounds * 0.2 * weight;
      post(month, '5000', centre, name, pay, 0.04);
      if (centre.startsWith('9')) {
        post(month, centre === '904' ? '6400' : '6300', centre, name, pay * 0.25, 0.2);
        continue;
      }
      post(month, '5100', centre, name, pay * 0.06, 0.3);
      post(month, '5110', centre, name, pay * 0.05, 0.4);
      post(month, '6000', centre, name, pay * 0.3, 0.2);
    }
  }
  return lines;
}

const glColumns = (layout: Layout): Column<GlLine>[] => [
  ['Period Name', (row) => `${MONTH_NAMES[Number(row.period.slice(5, 7)) - 1]}-${row.period.slice(2, 4)}`],
  ['Account', (row) => row.account],
  ['Cost Centre', (row) => row.centre],
  ['Cost Centre Description', (row) => row.centreName],
  ['Journal Number', (row) => row.reference],
  ['Net Amount', (row) => (row.pence / 100).toFixed(2)],
  ['Posting Date', (row) => formatDate(monthEnd(row.period), layout.dates)],
];

// ---------------------------------------------------------------- the extracts

export async function demoExtracts(random: Random, scale: number, asOf: LocalDate): Promise<ExtractFile[]> {
  const months = extractMonths(asOf);
  const files: ExtractFile[] = [];
  const file = async <T>(
    organisationId: string,
    kind: SourceKind,
    fileName: string,
    columns: readonly Column<T>[],
    rows: readonly T[],
  ) => {
    const layout = LAYOUTS[organisationId] as Layout;
    const [headers, cells] = table(columns, rows);
    files.push({
      organisationId,
      kind,
      source: `${layout.system}-${kind}`,
      fileName: `${organisationId.toLowerCase()}-${fileName}.${layout.format}`,
      bytes: await fileBytes(layout, headers, cells),
    });
  };
  const span = `${months[0]}-to-${months.at(-1)}`;
  for (const trust of TRUSTS) {
    const layout = LAYOUTS[trust.id] as Layout;
    const history = simulateWorkforce(trust, random.fork(`workforce/${trust.id}`), scale, months);
    const columns = workforceColumns(layout);
    await file(
      trust.id,
      'staff-in-post',
      `staff-in-post-${span}`,
      columns.staff,
      history.snapshots.flatMap((snapshot) =>
        snapshot.staff.map((person) => ({ ...person, asAt: snapshot.asAt })),
      ),
    );
    await file(trust.id, 'starters', `starters-${span}`, columns.starters, history.starters);
    await file(trust.id, 'leavers', `leavers-${span}`, columns.leavers, history.leavers);
    await file(trust.id, 'sickness', `sickness-absence-${span}`, columns.sickness, history.sickness);
    await file(trust.id, 'vacancies', `vacancies-${span}`, columns.vacancies, history.vacancies);
    await file(
      trust.id,
      'temporary-staffing',
      `bank-and-agency-${span}`,
      columns.temporary,
      history.temporary,
    );
    const centres = trust.clinicalCostCentres
      .filter((centre) => !centre.division.startsWith('Corporate'))
      .map((centre) => centre.code);
    await file(
      trust.id,
      'po-lines',
      `purchase-orders-${span}`,
      orderColumns(layout),
      simulateOrders(trust.id, trust.trustType, centres, random.fork(`orders/${trust.id}`), scale, months),
    );
    await file(
      trust.id,
      'spend',
      `spend-over-25k-${span}`,
      paymentColumns(layout, trust.name),
      simulatePayments(trust.id, trust.monthlyIncomePounds, random.fork(`payments/${trust.id}`), months),
    );
  }
  const joiningRandom = random.fork(`joining/${JOINING.id}`);
  await file(
    JOINING.id,
    'gl',
    `gl-extract-${span}`,
    glColumns(LAYOUTS[JOINING.id] as Layout),
    simulateJoiningLedger(joiningRandom, months, 21_000_000),
  );
  await file(
    JOINING.id,
    'po-lines',
    `purchase-orders-${span}`,
    orderColumns(LAYOUTS[JOINING.id] as Layout),
    simulateOrders(JOINING.id, 'acute', ['100', '110', '120'], joiningRandom, scale, months),
  );
  await file(
    JOINING.id,
    'spend',
    `spend-over-25k-${span}`,
    paymentColumns(LAYOUTS[JOINING.id] as Layout, JOINING.name),
    simulatePayments(JOINING.id, 21_000_000, joiningRandom, months),
  );
  return files;
}
