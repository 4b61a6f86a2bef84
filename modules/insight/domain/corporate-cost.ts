import { divide, type Pence } from '../../../kernel/money';

/** The corporate functions the NHS Improvement benchmarking and Carter review compare. */
export const CORPORATE_FUNCTIONS = [
  'finance',
  'hr',
  'payroll',
  'procurement',
  'it',
  'estates',
  'governance',
] as const;

export type CorporateFunction = (typeof CORPORATE_FUNCTIONS)[number];

export const CORPORATE_FUNCTION_LABELS: Record<CorporateFunction, string> = {
  finance: 'Finance',
  hr: 'Human resources',
  payroll: 'Payroll',
  procurement: 'Procurement',
  it: 'IT and digital',
  estates: 'Estates and facilities',
  governance: 'Governance and risk',
};

/** Words in a division or cost centre name that place it in a function, most specific first. */
const FUNCTION_WORDS: readonly [CorporateFunction, RegExp][] = [
  ['payroll', /\bpayroll\b|\bpay\s*services\b/i],
  ['procurement', /\bprocurement\b|\bpurchasing\b|\bsupplies\b|\bsupply chain\b/i],
  ['hr', /\bhr\b|\bhuman resources\b|\bworkforce\b|\bpeople\b|\brecruitment\b|\bl&d\b/i],
  ['it', /\bit\b|\bim&t\b|\bict\b|\bdigital\b|\binformatics\b|\binformation technology\b/i],
  ['estates', /\bestates?\b|\bfacilities\b/i],
  ['governance', /\bgovernance\b|\bboard\b|\brisk\b|\blegal\b|\bcorporate affairs\b|\bcompany secretary\b/i],
  ['finance', /\bfinance\b|\bfinancial\b|\baccounts\b|\bpayables\b|\breceivables\b|\baudit\b/i],
];

/**
 * The corporate function of a cost centre: from its division when that is a
 * "Corporate: …" division (the common framework's convention), otherwise from
 * the words in a division or cost-centre name that says it is corporate.
 * Clinical cost centres are in no function.
 */
export function corporateFunctionOf(
  division: string | null,
  costCentreName: string | null,
): CorporateFunction | null {
  const classify = (text: string | null): CorporateFunction | null =>
    text === null ? null : (FUNCTION_WORDS.find(([, words]) => words.test(text))?.[0] ?? null);
  const corporate = division === null ? null : /^\s*corporate\s*[:-]\s*(.*)$/i.exec(division);
  if (corporate) return classify(corporate[1] ?? '') ?? classify(costCentreName);
  if (division !== null && division.trim() !== '') return null;
  return classify(costCentreName);
}

export type CorporateCostInput = {
  organisation: string;
  name: string;
  trustType: string | null;
  /** Operating income over the period. */
  incomePence: bigint | null;
  costs: Readonly<Record<CorporateFunction, bigint>>;
  /** Payslips issued in the period (from payroll), when known. */
  payslips: number | null;
  /** Supplier invoices processed in the period (from payables), when known. */
  invoices: number | null;
};

/** A normalised cost with its peer median and the saving if it came down to the median. */
export type Benchmarked = {
  value: bigint | null;
  peerMedian: bigint | null;
  peers: number;
  /** Reaching the median: (value − median) × the normaliser, when above it. */
  savingPence: Pence | null;
};

export type CorporateBenchmark = {
  organisation: string;
  name: string;
  trustType: string | null;
  incomePence: bigint | null;
  totalPence: bigint;
  costs: Record<CorporateFunction, bigint>;
  /** Corporate cost per £100m of income, in pence: total and by function. */
  perHundredMillion: { total: Benchmarked; byFunction: Record<CorporateFunction, Benchmarked> };
  /** Payroll cost per payslip, in pence. */
  perPayslip: Benchmarked;
  /** Finance cost per supplier invoice, in pence. */
  perInvoice: Benchmarked;
  notes: string[];
};

const HUNDRED_MILLION_POUNDS = 10_000_000_000n;

/** The median of integer values, halves rounded to even. */
export function medianOf(values: readonly bigint[]): bigint | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] as bigint;
  return divide((sorted[middle - 1] as bigint) + (sorted[middle] as bigint), 2n, 'half-even');
}

function benchmark(
  mine: bigint | null,
  peers: readonly (bigint | null)[],
  toPence: (excess: bigint) => bigint | null,
): Benchmarked {
  const present = peers.filter((value): value is bigint => value !== null);
  const peerMedian = medianOf(present);
  const savingPence =
    mine === null || peerMedian === null
      ? null
      : mine > peerMedian
        ? (toPence(mine - peerMedian) as Pence)
        : (0n as Pence);
  return { value: mine, peerMedian, peers: present.length, savingPence };
}

const perHundredMillion = (cost: bigint, income: bigint | null): bigint | null =>
  income === null || income <= 0n ? null : divide(cost * HUNDRED_MILLION_POUNDS, income, 'half-even');

const perUnit = (cost: bigint, units: number | null): bigint | null =>
  units === null || units <= 0 ? null : divide(cost, BigInt(units), 'half-even');

/**
 * Corporate-cost benchmarking (analytics.md §4): each organisation's cost per
 * £100m of income (in total and by function), payroll cost per payslip and
 * finance cost per invoice, against the median of the organisations of the
 * same trust type, with the saving if those above the median reached it.
 */
export function benchmarkCorporateCosts(inputs: readonly CorporateCostInput[]): CorporateBenchmark[] {
  const ratios = inputs.map((input) => {
    const total = CORPORATE_FUNCTIONS.reduce((sum, fn) => sum + input.costs[fn], 0n);
    return {
      input,
      total,
      perHundredMillion: perHundredMillion(total, input.incomePence),
      byFunction: Object.fromEntries(
        CORPORATE_FUNCTIONS.map((fn) => [fn, perHundredMillion(input.costs[fn], input.incomePence)]),
      ) as Record<CorporateFunction, bigint | null>,
      perPayslip: perUnit(input.costs.payroll, input.payslips),
      perInvoice: perUnit(input.costs.finance, input.invoices),
    };
  });
  return ratios.map((mine) => {
    const peers = ratios.filter((other) => other.input.trustType === mine.input.trustType);
    const income = mine.input.incomePence;
    const fromRatio = (excess: bigint) =>
      income === null ? null : divide(excess * income, HUNDRED_MILLION_POUNDS, 'half-even');
    const notes: string[] = [];
    if (income === null) notes.push('no income recorded: costs per £100m cannot be computed');
    if (mine.input.payslips === null)
      notes.push('payslip volumes are not available (payroll not on Mainstay)');
    if (mine.input.invoices === null)
      notes.push('invoice volumes are not available (payables not on Mainstay)');
    if (peers.length < 3)
      notes.push(`only ${peers.length} ${mine.input.trustType ?? 'unknown-type'} organisation(s) to compare`);
    return {
      organisation: mine.input.organisation,
      name: mine.input.name,
      trustType: mine.input.trustType,
      incomePence: income,
      totalPence: mine.total,
      costs: { ...mine.input.costs },
      perHundredMillion: {
        total: benchmark(
          mine.perHundredMillion,
          peers.map((peer) => peer.perHundredMillion),
          fromRatio,
        ),
        byFunction: Object.fromEntries(
          CORPORATE_FUNCTIONS.map((fn) => [
            fn,
            benchmark(
              mine.byFunction[fn],
              peers.map((peer) => peer.byFunction[fn]),
              fromRatio,
            ),
          ]),
        ) as Record<CorporateFunction, Benchmarked>,
      },
      perPayslip: benchmark(
        mine.perPayslip,
        peers.map((peer) => peer.perPayslip),
        (excess) => (mine.input.payslips === null ? null : excess * BigInt(mine.input.payslips)),
      ),
      perInvoice: benchmark(
        mine.perInvoice,
        peers.map((peer) => peer.perInvoice),
        (excess) => (mine.input.invoices === null ? null : excess * BigInt(mine.input.invoices)),
      ),
      notes,
    };
  });
}
