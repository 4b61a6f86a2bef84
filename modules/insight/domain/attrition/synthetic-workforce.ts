import { seededRandom } from './seeded-random';

export type SyntheticWorkforceOptions = {
  rows: number;
  seed: number;
  /** Share of rows that are leavers (about; drawn, not fixed). */
  leaverRate?: number;
  /** When false the leaver flag is drawn independently of every column: nothing can be learnt. */
  signal?: boolean;
};

const staffGroups = [
  {
    name: 'Nursing and Midwifery Registered',
    weight: 26,
    risk: 0.25,
    bands: ['Band 5', 'Band 5', 'Band 6', 'Band 7', 'Band 8a'],
  },
  {
    name: 'Additional Clinical Services',
    weight: 24,
    risk: 0.35,
    bands: ['Band 2', 'Band 3', 'Band 3', 'Band 4'],
  },
  {
    name: 'Administrative and Clerical',
    weight: 20,
    risk: 0.1,
    bands: ['Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6', 'Band 8b'],
  },
  {
    name: 'Allied Health Professionals',
    weight: 8,
    risk: 0,
    bands: ['Band 5', 'Band 6', 'Band 7', 'Band 8a'],
  },
  {
    name: 'Medical and Dental',
    weight: 10,
    risk: -0.4,
    bands: ['Consultant', 'Specialty Doctor', 'Foundation Year 1', 'Specialty Registrar'],
  },
  { name: 'Estates and Ancillary', weight: 7, risk: 0.2, bands: ['Band 2', 'Band 3', 'Band 4'] },
  { name: 'Healthcare Scientists', weight: 3, risk: -0.1, bands: ['Band 5', 'Band 6', 'Band 7'] },
  {
    name: 'Additional Professional Scientific and Technical',
    weight: 2,
    risk: 0,
    bands: ['Band 4', 'Band 5', 'Band 6'],
  },
] as const;

const ageBands = [
  { name: '<25', weight: 9, risk: 0.8 },
  { name: '25-34', weight: 25, risk: 0.35 },
  { name: '35-44', weight: 24, risk: 0 },
  { name: '45-54', weight: 22, risk: -0.2 },
  { name: '55-64', weight: 17, risk: 0.3 },
  { name: '65+', weight: 3, risk: 1 },
] as const;

const wards = [
  'Ward',
  'Theatres',
  'Outpatients',
  'Emergency Department',
  'Pharmacy',
  'Radiology',
  'Estates',
  'Finance',
];

function weighted<T extends { weight: number }>(items: readonly T[], draw: number): T {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let remaining = draw * total;
  for (const item of items) {
    remaining -= item.weight;
    if (remaining < 0) return item;
  }
  return items[items.length - 1] as T;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

const twoDigits = (value: number): string => String(value).padStart(2, '0');
const ukDate = (day: number): string => {
  const date = new Date(day * 86_400_000);
  return `${twoDigits(date.getUTCDate())}/${twoDigits(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
};

/**
 * A deterministic NHS staff-in-post extract with a 12-month leaver flag, shaped
 * like an ESR report: identifiers, a constant organisation code, staff group,
 * band, age band, team, tenure, sickness, overtime, manager change, commute,
 * an appraisal date (sometimes blank) and the month of the snapshot. Leaving is
 * driven by age, tenure, sickness, manager change, overtime, commute, staff
 * group and team (one team much worse than the rest), plus chance.
 */
export function syntheticWorkforceExtract(options: SyntheticWorkforceOptions): string {
  const random = seededRandom(options.seed);
  const leaverRate = options.leaverRate ?? 0.1;
  const teams = Array.from({ length: 120 }, (_, index) => ({
    name: `${wards[index % wards.length]} ${Math.floor(index / wards.length) + 1}`,
    risk: index === 17 ? 1.4 : 0.3 * random.normal(),
  }));
  const snapshotStart = Date.UTC(2022, 3, 1) / 86_400_000;
  type Person = { cells: string[]; risk: number };
  const people: Person[] = [];
  for (let row = 0; row < options.rows; row++) {
    const group = weighted(staffGroups, random.next());
    const age = weighted(ageBands, random.next());
    const team = random.pick(teams);
    const tenureYears = Math.min(40, -Math.log(1 - random.next()) * 7);
    const sicknessDays = Math.max(0, Math.round(Math.exp(1.2 + 1.1 * random.normal()) - 2));
    const overtimeHours = Math.max(0, Math.round(10 * (random.normal() + 1)));
    const managerChange = random.chance(0.22);
    const commuteMiles = Math.round(Math.exp(2 + 0.7 * random.normal()) * 10) / 10;
    const snapshotDay = snapshotStart + 30 * random.int(24);
    const appraisalMissing = random.chance(0.12);
    const appraisalDay = snapshotDay - 30 - random.int(420);
    const risk =
      age.risk +
      group.risk +
      team.risk +
      (tenureYears < 1 ? 1.0 : tenureYears < 2 ? 0.45 : 0) -
      0.02 * tenureYears +
      0.06 * Math.min(sicknessDays, 40) +
      (managerChange ? 0.6 : 0) +
      0.015 * overtimeHours +
      0.02 * commuteMiles +
      (appraisalMissing ? 0.3 : 0);
    people.push({
      risk,
      cells: [
        String(20_000_000 + row * 7 + random.int(7)),
        String(4_000_000_000 + row * 113 + random.int(113)),
        'RXX',
        group.name,
        random.pick(group.bands),
        age.name,
        team.name,
        tenureYears.toFixed(1),
        random.chance(0.04) ? '' : String(sicknessDays),
        String(overtimeHours),
        managerChange ? 'Y' : 'N',
        commuteMiles.toFixed(1),
        appraisalMissing ? '' : ukDate(appraisalDay),
        ukDate(snapshotDay),
      ],
    });
  }
  // the intercept that gives the wanted leaver rate on average, found by bisection
  let low = -20;
  let high = 20;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    const mean = people.reduce((sum, person) => sum + sigmoid(middle + person.risk), 0) / people.length;
    if (mean < leaverRate) low = middle;
    else high = middle;
  }
  const header = [
    'Employee Number',
    'NHS Number',
    'Organisation Code',
    'Staff Group',
    'Band',
    'Age Band',
    'Team',
    'Tenure (years)',
    'Sickness Days (12m)',
    'Overtime Hours (3m)',
    'Manager Change',
    'Commute Distance (miles)',
    'Last Appraisal Date',
    'Snapshot Date',
    'Leaver',
  ];
  const lines = [header.join(',')];
  for (const person of people) {
    const probability = options.signal === false ? leaverRate : sigmoid(low + person.risk);
    lines.push([...person.cells, random.chance(probability) ? 'Y' : 'N'].join(','));
  }
  return `${lines.join('\n')}\n`;
}
