import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../kernel/errors';
import { fixturePath } from '../../../testing/fixtures';
import { loadTaxYearReference, parseTaxYearReference, type TaxYearReference } from './index';

const yearFile = (taxYear: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./years/${taxYear}.json`, import.meta.url), 'utf8'));

/** Basis points from a decimal rate as the fixture prints it (0.0185 → 185), read from its digits. */
function basisPointsOf(rate: number): number {
  const [whole = '0', fraction = ''] = String(rate).split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0').slice(0, 4));
}
const penceOfPounds = (pounds: number): number => {
  const [whole = '0', fraction = ''] = String(pounds).split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

describe('the year files', () => {
  it.each(['2025-26', '2026-27'])(
    '%s loads, validates and carries provenance for every figure',
    async (taxYear) => {
      const reference = await loadTaxYearReference(taxYear);
      expect(reference.taxYear).toBe(taxYear);
      expect(reference.figures.length).toBeGreaterThan(60);
      for (const figure of reference.figures) {
        expect(['C', 'S', 'D', 'U']).toContain(figure.conf);
        for (const id of figure.source) expect(Object.keys(reference.sources)).toContain(id);
      }
    },
  );

  it('exposes the unconfirmed (U) figures so the app can warn: the projected 2026/27 pension tiers among them', async () => {
    const reference = await loadTaxYearReference('2026-27');
    const paths = reference.unconfirmed.map((figure) => figure.path);
    expect(paths).toContain('nhsPension.memberTiers');
    expect(reference.unconfirmed.every((figure) => figure.conf === 'U')).toBe(true);
    expect(reference.unconfirmed.find((figure) => figure.path === 'nhsPension.memberTiers')?.note).toMatch(
      /projection/,
    );
  });

  it('does not flag the confirmed 2025/26 pension tiers', async () => {
    const reference = await loadTaxYearReference('2025-26');
    expect(reference.unconfirmed.map((figure) => figure.path)).not.toContain('nhsPension.memberTiers');
  });

  it('refuses a tax year it has no file for, and a malformed tax year', async () => {
    await expect(loadTaxYearReference('2019-20')).rejects.toThrow(
      /no payroll reference data for tax year 2019-20/,
    );
    await expect(loadTaxYearReference('../x')).rejects.toThrow(/written like 2026-27/);
  });

  it.each(['2025-26', '2026-27'])(
    '%s student loan period thresholds follow the CSLM rule (annual ÷ 52 or ÷ 12, truncated to the penny)',
    async (taxYear) => {
      const { studentLoans } = await loadTaxYearReference(taxYear);
      for (const terms of [...Object.values(studentLoans.plans), studentLoans.postgraduate]) {
        expect(terms?.weeklyThreshold).toBe(Math.floor((terms?.annualThreshold ?? 0) / 52));
        expect(terms?.monthlyThreshold).toBe(Math.floor((terms?.annualThreshold ?? 0) / 12));
      }
    },
  );
});

describe('2025/26 data agrees with HMRC’s reference data in the shared fixture', () => {
  const fixture = JSON.parse(
    readFileSync(
      fixturePath('payroll', 'payetools-hmrc-test-data-2025-26', 'hmrc-reference-data-2025-2026.json'),
      'utf8',
    ),
  );
  const referencePromise = loadTaxYearReference('2025-26');
  const thresholdNames: Record<string, keyof TaxYearReference['nationalInsurance']['thresholds']> = {
    'Lower Earnings Limit': 'LEL',
    'Primary Threshold': 'PT',
    'Secondary Threshold': 'ST',
    'Freeport Upper Secondary Threshold': 'FUST',
    'Investment Zone Upper Secondary Threshold': 'IZUST',
    'Upper Secondary Threshold': 'UST',
    'Apprentice Upper Secondary Threshold': 'AUST',
    'Veterans Upper Secondary Threshold': 'VUST',
    'Upper Earnings Limit': 'UEL',
  };
  type FixtureThreshold = { thresholdName: string; perWeek: number; perMonth?: number; perYear: number };
  const thresholds: FixtureThreshold[] = fixture.nationalInsurance[0].niThresholds.filter(
    (row: FixtureThreshold) => row.thresholdName in thresholdNames,
  );

  it.each(thresholds)('NI $thresholdName per week, month and year', async (row) => {
    const { nationalInsurance } = await referencePromise;
    const ours = nationalInsurance.thresholds[thresholdNames[row.thresholdName] ?? 'LEL'];
    expect({ weekly: ours.weekly, monthly: ours.monthly, annual: ours.annual }).toEqual({
      weekly: penceOfPounds(row.perWeek),
      monthly: penceOfPounds(row.perMonth ?? 0),
      annual: penceOfPounds(row.perYear),
    });
  });

  type FixtureEmployee = {
    niCategories: string[];
    forEarningsAbovePTUpToAndIncludingUEL: number;
    forEarningsAboveUEL: number;
  };
  it.each(fixture.nationalInsurance[0].employeeRates as FixtureEmployee[])(
    'employee NI rates for letters $niCategories',
    async (row) => {
      const { nationalInsurance } = await referencePromise;
      for (const letter of row.niCategories) {
        expect(nationalInsurance.categories[letter]).toMatchObject({
          employeeMainBps: basisPointsOf(row.forEarningsAbovePTUpToAndIncludingUEL),
          employeeAdditionalBps: basisPointsOf(row.forEarningsAboveUEL),
        });
      }
    },
  );

  type FixtureEmployer = {
    niCategories: string[];
    forEarningsAboveSTUpToAndIncludingFUST: number;
    forEarningsAboveFUSTUpToAndIncludingUELOrUST: number;
    forEarningsAboveUELOrUST: number;
  };
  it.each(fixture.nationalInsurance[0].employerRates as FixtureEmployer[])(
    'employer NI for letters $niCategories starts at the right threshold',
    async (row) => {
      const { nationalInsurance } = await referencePromise;
      const expectedFrom =
        row.forEarningsAboveSTUpToAndIncludingFUST > 0
          ? ['ST']
          : row.forEarningsAboveFUSTUpToAndIncludingUELOrUST > 0
            ? ['FUST', 'IZUST']
            : ['UST', 'AUST', 'VUST'];
      for (const letter of row.niCategories) {
        const category = nationalInsurance.categories[letter];
        expect(expectedFrom).toContain(category?.employerThreshold);
        expect(category?.employerBps).toBe(basisPointsOf(row.forEarningsAboveUELOrUST));
      }
    },
  );

  it('student and postgraduate loan thresholds and rates', async () => {
    const { studentLoans } = await referencePromise;
    const loans = fixture.studentLoans[0];
    for (const [plan, key] of [
      ['1', 'plan1Thresholds'],
      ['2', 'plan2Thresholds'],
      ['4', 'plan4Thresholds'],
    ] as const) {
      expect(studentLoans.plans[plan]).toEqual({
        annualThreshold: penceOfPounds(loans[key].perYear),
        weeklyThreshold: penceOfPounds(loans[key].perWeek),
        monthlyThreshold: penceOfPounds(loans[key].perMonth),
        rateBps: basisPointsOf(loans.deductionRates.student),
      });
    }
    expect(studentLoans.postgraduate).toEqual({
      annualThreshold: penceOfPounds(loans.postGradThresholds.perYear),
      weeklyThreshold: penceOfPounds(loans.postGradThresholds.perWeek),
      monthlyThreshold: penceOfPounds(loans.postGradThresholds.perMonth),
      rateBps: basisPointsOf(loans.deductionRates.postGrad),
    });
  });

  type FixtureTaxEntry = { applicableCountries: string; taxBands: { to: number | null; rate: number }[] };
  it.each(fixture.incomeTax[0].taxEntries as FixtureTaxEntry[])(
    'income tax bands and rates for $applicableCountries',
    async (entry) => {
      const { incomeTax } = await referencePromise;
      const regime =
        incomeTax.regimes[
          entry.applicableCountries === 'GB-SCT'
            ? 'scotland'
            : entry.applicableCountries === 'GB-WLS'
              ? 'wales'
              : 'rest-of-uk'
        ];
      const firstUsed = regime.bandwidths.findIndex((width) => width > 0);
      let cumulative = 0;
      const ours = regime.ratesBps.slice(firstUsed).map((rate, offset) => {
        const width = regime.bandwidths[firstUsed + offset];
        cumulative += width ?? 0;
        return { to: width === undefined ? null : cumulative, rateBps: rate };
      });
      expect(ours).toEqual(
        entry.taxBands.map((band) => ({
          to: band.to === null ? null : band.to * 100,
          rateBps: basisPointsOf(band.rate),
        })),
      );
    },
  );
});

describe('a new tax year is a data file, not a code change', () => {
  it('parses a synthetic 2027/28 file and reads every figure from it', () => {
    const file = yearFile('2026-27');
    const synthetic = structuredClone(file) as Record<string, unknown> & {
      incomeTax: { regimes: { 'rest-of-uk': { value: { bandwidths: number[] } } } };
    };
    Object.assign(synthetic, { taxYear: '2027-28', start: '2027-04-06', end: '2028-04-05' });
    synthetic.incomeTax.regimes['rest-of-uk'].value.bandwidths = [0, 4000000, 8514000];
    const reference = parseTaxYearReference(synthetic);
    expect(reference.taxYear).toBe('2027-28');
    expect(reference.incomeTax.regimes['rest-of-uk'].bandwidths).toEqual([0, 4000000, 8514000]);
  });

  it.each([
    [
      'a rate without a bandwidth',
      (file: Record<string, unknown>) => {
        const regimes = (file.incomeTax as { regimes: Record<string, { value: { bandwidths: number[] } }> })
          .regimes;
        regimes.scotland?.value.bandwidths.pop();
      },
      /incomeTax\.regimes\.scotland/,
    ],
    [
      'an unregistered source',
      (file: Record<string, unknown>) => {
        (file.incomeTax as { personalAllowance: { source: string[] } }).personalAllowance.source = ['R99'];
      },
      /incomeTax\.personalAllowance/,
    ],
    [
      'money as text',
      (file: Record<string, unknown>) => {
        (file.incomeTax as { personalAllowance: { value: unknown } }).personalAllowance.value = '12570';
      },
      /incomeTax\.personalAllowance\.value/,
    ],
    [
      'a tax year that does not start on 6 April',
      (file: Record<string, unknown>) => {
        file.start = '2026-04-01';
      },
      /start/,
    ],
  ])('refuses a file with %s, naming where', (_name, spoil, path) => {
    const file = yearFile('2026-27');
    spoil(file);
    try {
      parseTaxYearReference(file);
      expect.unreachable('the spoiled file was accepted');
    } catch (error) {
      expect(isDomainError(error)).toBe(true);
      if (isDomainError(error)) expect(error.issues.map((issue) => issue.path).join(' ')).toMatch(path);
    }
  });
});
