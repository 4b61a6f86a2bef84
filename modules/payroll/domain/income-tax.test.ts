import { beforeAll, describe, expect, it } from 'vitest';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';
import { explainIncomeTax } from './explain';
import { calculateIncomeTax, type IncomeTaxInput, periodFreePay, taxCodeProblemForYear } from './income-tax';
import type { PayFrequency } from './pay-frequency';
import { parseTaxCode, type TaxCode } from './tax-code';

let reference: TaxYearReference;
beforeAll(async () => {
  reference = await loadTaxYearReference('2026-27');
});

function code(text: string): TaxCode {
  const parsed = parseTaxCode(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.code;
}

type Case = Partial<Omit<IncomeTaxInput, 'code'>> & {
  taxCode: string;
  frequency: PayFrequency;
  period: number;
};
const tax = (input: Case) =>
  calculateIncomeTax(
    {
      week1Month1: false,
      taxablePay: 0,
      previousTaxablePay: 0,
      previousTax: 0,
      ...input,
      code: code(input.taxCode),
    },
    reference,
  );

describe('Tables A free pay (reference §1.7 step 1)', () => {
  it.each([
    [1257, 12, 104826],
    [1257, 52, 24192],
    [45, 12, 3825],
    [45, 52, 883],
    [585, 12, 48826],
    [999, 12, 83326],
    [1000, 12, 83409],
    [1001, 12, 83493],
    [0, 12, 0],
  ] as const)('code number %i on the %i-period tables gives %i pence a period', (codeNumber, base, pence) => {
    expect(periodFreePay(codeNumber, base, reference.incomeTax)).toBe(pence);
  });
});

describe('worked checks quoted in the reference for 2026/27 (§1.7)', () => {
  it('1257L month 1 on £1,156.25 is £21.40', () => {
    expect(tax({ taxCode: '1257L', frequency: 'monthly', period: 1, taxablePay: 115625 }).tax).toBe(2140);
  });

  it('1257L month 2 on £1,156.26 more is £21.60, explained by free pay to date £2,096.52', () => {
    const result = tax({
      taxCode: '1257L',
      frequency: 'monthly',
      period: 2,
      taxablePay: 115626,
      previousTaxablePay: 115625,
      previousTax: 2140,
    });
    expect(result.tax).toBe(2160);
    expect(result.trace.freePayToDate).toBe(209652);
    expect(result.trace.taxablePayToDate).toBe(21500);
    expect(explainIncomeTax(result.trace, result.tax).text).toContain('free pay £2,096.52 (£1,048.26 × 2)');
  });

  it('SK585 month 1 on £895 is £273.29 (HMRC v1.1 corrected figure)', () => {
    expect(tax({ taxCode: 'SK585', frequency: 'monthly', period: 1, taxablePay: 89500 }).tax).toBe(27329);
  });
});

describe('regulatory limit: no more than 50% of the period’s pay', () => {
  it('caps a K code on low pay and says so', () => {
    // K2000 adds £1,667.43 a month; £300 pay → £1,967 taxable → £393.40, capped at £150.00.
    const result = tax({ taxCode: 'K2000', frequency: 'monthly', period: 1, taxablePay: 30000 });
    expect(result.trace.taxDueBeforeLimit).toBe(39340);
    expect(result.tax).toBe(15000);
    expect(result.trace.regulatoryLimit).toBe(15000);
    expect(explainIncomeTax(result.trace, result.tax).text).toContain('regulatory limit');
  });

  it('keeps capping in the next period when the cumulative shortfall carries on', () => {
    const result = tax({
      taxCode: 'K2000',
      frequency: 'monthly',
      period: 2,
      taxablePay: 30000,
      previousTaxablePay: 30000,
      previousTax: 15000,
    });
    expect(result.trace.taxDueBeforeLimit).toBe(78680 - 15000);
    expect(result.tax).toBe(15000);
  });

  it('applies on week 1/month 1 codes too', () => {
    expect(tax({ taxCode: 'K2000 M1', frequency: 'monthly', period: 7, taxablePay: 30001 }).tax).toBe(15000);
  });

  it('does not touch a deduction under the limit', () => {
    const result = tax({ taxCode: 'K585', frequency: 'monthly', period: 1, taxablePay: 89500 });
    expect(result.trace.regulatoryLimit).toBeNull();
    expect(result.tax).toBe(27660);
  });

  it('never limits a refund', () => {
    const result = tax({
      taxCode: '1257L',
      frequency: 'monthly',
      period: 3,
      taxablePay: 0,
      previousTaxablePay: 300000,
      previousTax: 50000,
    });
    expect(result.tax).toBeLessThan(0);
    expect(result.trace.regulatoryLimit).toBeNull();
  });
});

describe('week 53, 54 and 56: the extra pay day is taxed on its own (PAYE70015)', () => {
  it.each([
    // £1,000 weekly, week 1 tables: 1,000 − 241.92 → £758; £725 at 20% + £33 at 40% = £158.20
    ['weekly', 53, 100000, 1, 15820],
    // £1,000 on the week 2 tables: 1,000 − 483.84 → £516 at 20% = £103.20
    ['fortnightly', 27, 100000, 2, 10320],
    // £2,000 on the week 4 tables: 2,000 − 967.68 → £1,032 at 20% = £206.40
    ['four-weekly', 14, 200000, 4, 20640],
  ] as const)(
    '%s pay day %i on %i pence uses the week %i tables: %i pence',
    (frequency, period, pay, tablePeriod, expected) => {
      const result = tax({
        taxCode: '1257L',
        frequency,
        period,
        taxablePay: pay,
        previousTaxablePay: 5_000_000,
        previousTax: 1_000_000,
      });
      expect(result.tax).toBe(expected);
      expect(result.trace).toMatchObject({ basis: 'extra-pay-day', tablePeriod, previousTax: 0 });
    },
  );

  it('is the same figure as a week 1 basis for that frequency', () => {
    const week53 = tax({ taxCode: '1257L', frequency: 'fortnightly', period: 27, taxablePay: 100000 });
    const week1 = tax({
      taxCode: '1257L',
      frequency: 'fortnightly',
      period: 5,
      taxablePay: 100000,
      week1Month1: true,
    });
    expect(week53.tax).toBe(week1.tax);
  });

  it('never refunds on the extra pay day', () => {
    expect(
      tax({ taxCode: '1257L', frequency: 'weekly', period: 53, taxablePay: 10000, previousTax: 500000 }).tax,
    ).toBe(0);
  });
});

describe('fortnightly and four-weekly pay use the weekly tables at weeks 2n and 4n', () => {
  it('fortnight 3 is tax week 6', () => {
    const result = tax({
      taxCode: '1257L',
      frequency: 'fortnightly',
      period: 3,
      taxablePay: 100000,
      previousTaxablePay: 200000,
      previousTax: 20640,
    });
    // 3,000 − 6 × 241.92 = 1,548.48 → £1,548 × 20% = £309.60 to date
    expect(result.trace).toMatchObject({ tablePeriod: 6, freePayToDate: 145152, taxToDate: 30960 });
    expect(result.tax).toBe(30960 - 20640);
  });

  it('four-week period 2 is tax week 8', () => {
    const result = tax({
      taxCode: '1257L',
      frequency: 'four-weekly',
      period: 2,
      taxablePay: 200000,
      previousTaxablePay: 200000,
      previousTax: 20640,
    });
    // 4,000 − 8 × 241.92 = 2,064.64 → £2,064 × 20% = £412.80
    expect(result.trace).toMatchObject({ tablePeriod: 8, taxToDate: 41280 });
    expect(result.tax).toBe(41280 - 20640);
  });
});

describe('NT and refunds', () => {
  it('cumulative NT refunds all tax deducted to date', () => {
    expect(
      tax({
        taxCode: 'NT',
        frequency: 'monthly',
        period: 10,
        taxablePay: 1124505,
        previousTaxablePay: 19217373,
        previousTax: 3843460,
      }).tax,
    ).toBe(-3843460);
  });

  it('NT on a week 1/month 1 basis deducts nothing and refunds nothing', () => {
    expect(
      tax({
        taxCode: 'NT',
        frequency: 'monthly',
        period: 10,
        week1Month1: true,
        taxablePay: 500000,
        previousTax: 3843460,
      }).tax,
    ).toBe(0);
  });

  it('a cumulative suffix code refunds when pay falls', () => {
    expect(
      tax({
        taxCode: '1257L',
        frequency: 'monthly',
        period: 2,
        taxablePay: 0,
        previousTaxablePay: 115625,
        previousTax: 2140,
      }).tax,
    ).toBe(-2140);
  });

  it('a W1/M1 code never refunds', () => {
    expect(
      tax({ taxCode: '1257L M1', frequency: 'monthly', period: 2, taxablePay: 0, previousTax: 2140 }).tax,
    ).toBe(0);
  });

  it('the W1/M1 marker in the code and the week1Month1 flag have the same effect', () => {
    const marked = tax({
      taxCode: '1257L W1',
      frequency: 'weekly',
      period: 30,
      taxablePay: 80000,
      previousTaxablePay: 9_000_000,
      previousTax: 2_000_000,
    });
    const flagged = tax({
      taxCode: '1257L',
      frequency: 'weekly',
      period: 30,
      week1Month1: true,
      taxablePay: 80000,
      previousTaxablePay: 9_000_000,
      previousTax: 2_000_000,
    });
    expect(marked.tax).toBe(flagged.tax);
    expect(marked.trace.basis).toBe('week1-month1');
  });
});

describe('codes without allowances', () => {
  it('0T taxes all pay through the bands: £1,000 in month 1 is £200.00', () => {
    expect(tax({ taxCode: '0T', frequency: 'monthly', period: 1, taxablePay: 100000 }).tax).toBe(20000);
  });

  it.each([
    ['BR', 2000],
    ['D0', 4000],
    ['D1', 4500],
    ['SBR', 2000],
    ['SD0', 2100],
    ['SD1', 4200],
    ['SD2', 4500],
    ['SD3', 4800],
    ['CBR', 2000],
    ['CD0', 4000],
    ['CD1', 4500],
  ])('%s takes whole pounds of pay at %i basis points', (taxCode, rate) => {
    const result = tax({ taxCode, frequency: 'monthly', period: 1, taxablePay: 100099 });
    expect(result.tax).toBe(Math.floor((1000 * rate) / 100));
  });

  it.each([
    ['D2', /D0 to D1/],
    ['CD2', /CD0 to CD1/],
    ['SD4', /SD0 to SD3/],
  ])('%s does not exist for its regime', (taxCode, reason) => {
    expect(taxCodeProblemForYear(code(taxCode), reference.incomeTax)?.reason).toMatch(reason);
  });
});

describe('Scottish and Welsh codes', () => {
  it.each([50000, 150000, 450000, 900000, 1500000])(
    'a Welsh C code taxes %i pence a month exactly as the rest-of-UK code',
    (pay) => {
      const welsh = tax({ taxCode: 'C1257L', frequency: 'monthly', period: 1, taxablePay: pay });
      const england = tax({ taxCode: '1257L', frequency: 'monthly', period: 1, taxablePay: pay });
      expect(welsh.tax).toBe(england.tax);
    },
  );

  it('a Scottish code uses the starter, basic and intermediate bands (£3,000 in month 1)', () => {
    // 3,000 − 1,048.26 = 1,951.74 → £1,951, above c2 = 16,956/12 = £1,413: k2 = trunc4((3,967 × 19% + 12,989 × 20%) / 12)
    // = 279.2941, plus (1,951 − 1,413) × 21% = 112.98 → £392.2741 → £392.27
    const result = tax({ taxCode: 'S1257L', frequency: 'monthly', period: 1, taxablePay: 300000 });
    expect(result.trace.topRateBps).toBe(2100);
    expect(result.tax).toBe(39227);
  });
});
