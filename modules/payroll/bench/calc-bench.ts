import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../../../kernel/random';
import {
  annualisePensionablePay,
  calculateEmployeePeriod,
  type EmployeePeriodInput,
  type PayFrequency,
  parseTaxCode,
  type TaxCode,
} from '../domain';
import { parseTaxYearReference, type StudentLoanPlan, type TaxYearReference } from '../reference-data';
import year2026 from '../reference-data/years/2026-27.json';

/**
 * Speed of the calculation engine alone (PAYE, NI, student loans, NHS Pension
 * for one employee-period) over a deterministic NHS-like workforce: Agenda
 * for Change bands and part-time hours, the usual spread of tax codes
 * (Scottish, Welsh, K, BR, W1/M1, NT), NI letters and loan plans. Inputs are
 * built first; each round times only the calculations; the median round counts.
 */
export type PayrollCalcBench = { calcPerSecond: number };

const ROUNDS = 7;

export function pick<T>(random: () => number, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = weighted.at(-1);
  if (!last) throw new RangeError('pick needs at least one choice');
  return last[0];
}

/** Agenda for Change bands in roughly the national mix of staff. */
export const BANDS = [
  ['2', 10],
  ['3', 12],
  ['4', 10],
  ['5', 20],
  ['6', 19],
  ['7', 13],
  ['8a', 7],
  ['8b', 4],
  ['8c', 2],
  ['8d', 2],
  ['9', 1],
] as const;

const TAX_CODES = [
  ['1257L', 74],
  ['S1257L', 4],
  ['C1257L', 3],
  ['1257L M1', 3],
  ['BR', 5],
  ['0T', 2],
  ['D0', 1],
  ['K497', 1],
  ['SK285', 0.5],
  ['1383M', 1],
  ['1131N', 1],
  ['1100L', 2],
  ['757T', 1],
  ['NT', 0.2],
  ['SD1', 0.3],
] as const;

const NI_LETTERS = [
  ['A', 86],
  ['C', 4],
  ['J', 2],
  ['M', 2],
  ['H', 1],
  ['B', 0.5],
  ['Z', 0.5],
  ['X', 0.2],
] as const;

const LOANS: readonly (readonly [StudentLoanPlan[], number])[] = [
  [[], 62],
  [['2'], 20],
  [['1'], 9],
  [['5'], 4],
  [['4'], 1],
  [['1', '2'], 1],
];

function workforce(employees: number, reference: TaxYearReference): EmployeePeriodInput[] {
  const random = mulberry32(20_260_406);
  const codes = new Map<string, TaxCode>();
  const codeFor = (text: string): TaxCode => {
    let code = codes.get(text);
    if (!code) {
      const parsed = parseTaxCode(text);
      if (!parsed.ok) throw new Error(parsed.reason);
      code = parsed.code;
      codes.set(text, code);
    }
    return code;
  };
  const inputs: EmployeePeriodInput[] = [];
  for (let index = 0; index < employees; index++) {
    const band = pick(random, BANDS);
    const points = reference.agendaForChange.payPoints[band] ?? [];
    const annual = points[Math.floor(random() * points.length)]?.annual ?? 2_500_000;
    const wholeTime = random() < 0.7 ? 1 : 0.5 + Math.floor(random() * 5) / 10;
    const frequency: PayFrequency = random() < 0.97 ? 'monthly' : 'weekly';
    const periods = frequency === 'monthly' ? 12 : 52;
    const period = 1 + Math.floor(random() * periods);
    const regularPay = Math.round((annual * wholeTime) / periods);
    const extras = random() < 0.4 ? Math.round(regularPay * random() * 0.25) : 0;
    const pay = regularPay + extras;
    const member = random() < 0.88;
    const loans = pick(random, LOANS);
    inputs.push({
      frequency,
      period,
      taxCode: codeFor(pick(random, TAX_CODES)),
      week1Month1: false,
      taxablePay: pay,
      previousTaxablePay: regularPay * (period - 1),
      previousTax: Math.max(0, Math.round((regularPay - 104826) * 0.2)) * (period - 1),
      niCategory: pick(random, NI_LETTERS),
      niablePay: pay,
      studentLoanPlans: loans,
      postgraduateLoan: random() < 0.04,
      pensionablePay: member ? regularPay : 0,
      annualPensionablePay: member ? annualisePensionablePay(regularPay, frequency) : 0,
    });
  }
  return inputs;
}

export function benchPayrollCalc(employees: number): PayrollCalcBench {
  if (!Number.isInteger(employees) || employees < 1)
    throw new RangeError('employees must be a whole number ≥ 1');
  const reference = parseTaxYearReference(year2026);
  const inputs = workforce(employees, reference);
  const seconds: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (const input of inputs) {
      const result = calculateEmployeePeriod(input, reference);
      checksum += result.incomeTax.tax + result.nationalInsurance.employee + result.pension.employee;
    }
    seconds.push((performance.now() - started) / 1000);
  }
  // The checksum keeps the results observable so that no calculation can be optimised away.
  if (!Number.isFinite(checksum)) throw new Error('benchmark produced a non-finite total');
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)] ?? Number.POSITIVE_INFINITY;
  return { calcPerSecond: Math.round(employees / median) };
}
