import { describe, expect, it } from 'vitest';
import {
  benchmarkCorporateCosts,
  CORPORATE_FUNCTIONS,
  type CorporateCostInput,
  type CorporateFunction,
  corporateFunctionOf,
  medianOf,
} from './corporate-cost';

describe('corporate function of a cost centre', () => {
  it.each([
    ['Corporate: Finance', 'Finance', 'finance'],
    ['Corporate: HR', 'Human Resources', 'hr'],
    ['Corporate: Payroll', 'Payroll', 'payroll'],
    ['Corporate: Procurement', 'Procurement', 'procurement'],
    ['Corporate: IT', 'Digital and IT', 'it'],
    ['Corporate: Estates', 'Estates and Facilities', 'estates'],
    ['Corporate: Governance', 'Board and Governance', 'governance'],
    ['Corporate - Finance', 'Payables team', 'finance'],
    ['Medicine', 'Ward 9 Elderly Care', null],
    [null, 'HR & Organisational Development', 'hr'],
    [null, 'IM&T', 'it'],
    [null, 'Trust Board and Governance', 'governance'],
    [null, 'Emergency Department', null],
  ] as const)('places division %j, cost centre %j in %s', (division, name, expected) => {
    expect(corporateFunctionOf(division, name)).toBe(expected);
  });
});

const costs = (finance: bigint, payroll = 0n): Record<CorporateFunction, bigint> => ({
  ...(Object.fromEntries(CORPORATE_FUNCTIONS.map((fn) => [fn, 0n])) as Record<CorporateFunction, bigint>),
  finance,
  payroll,
});

const trust = (
  organisation: string,
  trustType: string,
  incomePounds: bigint,
  finance: bigint,
  payslips: number | null = null,
): CorporateCostInput => ({
  organisation,
  name: organisation,
  trustType,
  incomePence: incomePounds * 100n,
  costs: costs(finance, 1_000_000n),
  payslips,
  invoices: null,
});

describe('corporate-cost benchmarking (analytics.md §4)', () => {
  // three acute trusts at £4m, £5m and £6m of corporate cost per £100m of income, and one community trust
  const inputs = [
    trust('A', 'acute', 200_000_000n, 800_000_000n - 1_000_000n, 1_000),
    trust('B', 'acute', 100_000_000n, 500_000_000n - 1_000_000n, 2_000),
    trust('C', 'acute', 300_000_000n, 1_800_000_000n - 1_000_000n, 4_000),
    trust('D', 'community', 100_000_000n, 900_000_000n - 1_000_000n),
  ];
  const results = new Map(benchmarkCorporateCosts(inputs).map((row) => [row.organisation, row]));

  it('normalises the corporate cost to pence per £100m of income and compares it with the median of the same type', () => {
    expect(results.get('A')?.perHundredMillion.total).toMatchObject({
      value: 400_000_000n,
      peerMedian: 500_000_000n,
      peers: 3,
      savingPence: 0n,
    });
  });

  it('saves, for an organisation above the median, the excess ratio times its income', () => {
    // C: £6m per £100m against a £5m median on £300m of income → £3m
    expect(results.get('C')?.perHundredMillion.total.savingPence).toBe(300_000_000n);
  });

  it('compares only with organisations of the same type, and says when there are too few', () => {
    expect(results.get('D')?.perHundredMillion.total).toMatchObject({ peers: 1, savingPence: 0n });
    expect(results.get('D')?.notes.join(' ')).toMatch(/only 1 community/);
  });

  it('divides payroll cost by payslips and reports it as unavailable without payslip volumes', () => {
    expect(results.get('B')?.perPayslip.value).toBe(500n);
    expect(results.get('D')?.perPayslip.value).toBeNull();
    expect(results.get('D')?.notes.join(' ')).toMatch(/payslip volumes are not available/);
  });
});

describe('median of pence', () => {
  it.each([
    [[], null],
    [[5n], 5n],
    [[1n, 4n], 2n],
    [[1n, 2n], 2n],
    [[9n, 1n, 5n], 5n],
  ] as const)('of [%s] is %s (halves to even)', (values, expected) => {
    expect(medianOf(values)).toBe(expected);
  });
});
