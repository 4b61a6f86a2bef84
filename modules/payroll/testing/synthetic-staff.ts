import type { LocalDate } from '../../../kernel/time';
import { BANDS, pick } from '../bench/calc-bench';
import { laterDate } from '../domain/pay-period';
import type { PayRecord } from '../domain/pay-record';
import type { StudentLoanPlan } from '../reference-data';
import type { EmployeeRow } from '../sql/queries';

/**
 * A plausible NHS workforce for the demo and the benchmark: Agenda for Change
 * bands in roughly the national mix, part-time hours, the usual spread of tax
 * codes, NI letters and loan plans. Deterministic from the random source.
 */
export type SyntheticEmployee = Omit<EmployeeRow, 'createdAt' | 'leavingDate' | 'p45'> & {
  record: PayRecord;
  bank: { sortCode: string; accountNumber: string; accountName: string };
};

type Random = () => number;

const POINTS: Record<string, number> = {
  '2': 1,
  '3': 2,
  '4': 2,
  '5': 3,
  '6': 3,
  '7': 3,
  '8a': 2,
  '8b': 2,
  '8c': 2,
  '8d': 2,
  '9': 2,
};
const TAX_CODES = [
  ['1257L', 86],
  ['BR', 4],
  ['K497', 1],
  ['1100L', 3],
  ['S1257L', 3],
  ['0T', 1],
  ['1383M', 1],
  ['D0', 1],
] as const;
const LETTERS = [
  ['A', 92],
  ['M', 2],
  ['C', 3],
  ['H', 1],
  ['Z', 1],
  ['J', 1],
] as const;
const LOANS: readonly (readonly [StudentLoanPlan[], number])[] = [
  [[], 62],
  [['2'], 22],
  [['1'], 10],
  [['5'], 5],
  [['4'], 1],
];
const HOURS = [
  [3750, 72],
  [3000, 14],
  [2250, 10],
  [1500, 4],
] as const;
const FORENAMES = [
  'Grace',
  'Amira',
  'Tom',
  'Priya',
  'Daniel',
  'Chloe',
  'Kwame',
  'Siobhan',
  'Rhys',
  'Mei',
  'Oliver',
  'Fatima',
  'Jack',
  'Zoë',
  'Liam',
  'Aisha',
];
const SURNAMES = [
  'Mensah',
  'Khan',
  'Whitfield',
  'Shah',
  'Hughes',
  'Grant',
  'Asante',
  "O'Neill",
  'Pryce',
  'Chen',
  'Bennett',
  'Begum',
  'Taylor',
  'Nowak',
  'Evans',
  'Okafor',
];
const NI_PREFIXES = ['AB', 'CE', 'JH', 'KL', 'NP', 'PR', 'SE', 'WM', 'YZ', 'ZA'];

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function syntheticStaff(options: {
  count: number;
  /** Prefix of payroll numbers and ids, unique per organisation and load. */
  prefix: string;
  costCentres: readonly string[];
  random: Random;
  /** Starts are spread over the years before this date. */
  startBefore: LocalDate;
  firstNumber?: number;
}): SyntheticEmployee[] {
  const { random } = options;
  const staff: SyntheticEmployee[] = [];
  const beforeYear = Number(options.startBefore.slice(0, 4));
  for (let index = 0; index < options.count; index += 1) {
    const number = (options.firstNumber ?? 1) + index;
    const band = pick(random, BANDS);
    const startYear = beforeYear - 1 - Math.floor(random() * 12);
    const startDate =
      `${startYear}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}` as LocalDate;
    const forename = FORENAMES[Math.floor(random() * FORENAMES.length)]!;
    const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
    const payrollNumber = `${options.prefix}${pad(number, 7)}`;
    const pointSince =
      `${beforeYear - 1 - Math.floor(random() * 3)}-${pad(1 + Math.floor(random() * 12), 2)}-01` as LocalDate;
    staff.push({
      id: `emp_${options.prefix.toLowerCase()}${pad(number, 8)}`,
      payrollNumber,
      userId: null,
      title: null,
      forenames: forename,
      surname,
      niNumber: `${NI_PREFIXES[number % NI_PREFIXES.length]}${pad(number % 1_000_000, 6)}${'ABCD'[number % 4]}`,
      dateOfBirth:
        `${1960 + Math.floor(random() * 40)}-${pad(1 + Math.floor(random() * 12), 2)}-${pad(1 + Math.floor(random() * 28), 2)}` as LocalDate,
      gender: random() < 0.77 ? 'F' : 'M',
      addressLines: [`${1 + Math.floor(random() * 200)} Station Road`, 'Northshire'],
      postcode: `NE${1 + Math.floor(random() * 40)} ${1 + Math.floor(random() * 9)}AB`,
      payFrequency: 'monthly',
      startDate,
      starterBasis: 'A',
      record: {
        band,
        payPoint: 1 + Math.floor(random() * (POINTS[band] ?? 1)),
        pointSince: laterDate(pointSince, startDate),
        spotSalaryPence: null,
        contractedCentihours: pick(random, HOURS),
        hcasZone: null,
        costCentreCode: options.costCentres[Math.floor(random() * options.costCentres.length)]!,
        accountCode: '510100',
        taxCode: pick(random, TAX_CODES),
        week1Month1: false,
        taxCodeSource: 'hmrc',
        niLetter: pick(random, LETTERS),
        pensionMember: random() < 0.88,
        studentLoanPlans: pick(random, LOANS),
        postgraduateLoan: random() < 0.04,
        leavingDate: null,
      },
      bank: {
        sortCode: `${20 + Math.floor(random() * 70)}${pad(Math.floor(random() * 10_000), 4)}`,
        accountNumber: pad(10_000_000 + number, 8).slice(-8),
        accountName: `${forename.toUpperCase()} ${surname.toUpperCase()}`,
      },
    });
  }
  return staff;
}
