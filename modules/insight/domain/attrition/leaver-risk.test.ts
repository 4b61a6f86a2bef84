import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { parseCsvTable } from './data-table';
import { evaluateLeaverRisk } from './leaver-risk';
import { syntheticWorkforceExtract } from './synthetic-workforce';

const workforce = parseCsvTable(syntheticWorkforceExtract({ rows: 20_000, seed: 2024 }));
const noise = parseCsvTable(syntheticWorkforceExtract({ rows: 20_000, seed: 2025, signal: false }));

describe('evaluateLeaverRisk on a synthetic NHS workforce extract', () => {
  const result = evaluateLeaverRisk(workforce, { target: 'Leaver', positive: 'Y' });

  it('scores every row out of fold and ranks leavers well above chance', () => {
    expect(result.n).toBe(20_000);
    expect(result.auc).toBeGreaterThan(0.66);
    expect(result.folds).toHaveLength(5);
  });

  it('reports the always-"stays" baseline of about 90% beside accuracy', () => {
    expect(result.positives / result.n).toBeGreaterThan(0.08);
    expect(result.baselineAccuracy).toBeCloseTo(1 - result.positives / result.n, 12);
    expect(result.baselineAccuracy).toBeGreaterThan(0.88);
    expect(result.baselineAccuracy).toBeLessThan(0.92);
  });

  it('flags leavers more precisely than picking staff at random', () => {
    expect(result.precision).toBeGreaterThan(1.8 * (result.positives / result.n));
    expect(result.recall).toBeGreaterThan(0.2);
  });

  it('uses the descriptive columns and ignores identifiers and constants', () => {
    expect(result.featuresUsed.map((feature) => feature.name)).toEqual([
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
    ]);
    expect(result.featuresIgnored.map((column) => column.name)).toEqual([
      'Employee Number',
      'NHS Number',
      'Organisation Code',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('gives the same figures on every run', () => {
    const again = evaluateLeaverRisk(workforce, { target: 'Leaver', positive: 'Y' });
    expect(again.auc).toBe(result.auc);
    expect(again.confusion).toEqual(result.confusion);
  });
});

describe('evaluateLeaverRisk is honest', () => {
  it('finds nothing in pure noise: AUC about 0.5 and precision about the leaver rate', () => {
    const result = evaluateLeaverRisk(noise, { target: 'Leaver', positive: 'Y' });
    expect(Math.abs(result.auc - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(result.precision - result.positives / result.n)).toBeLessThan(0.03);
  });

  it('warns about a column that records the outcome', () => {
    const lines = syntheticWorkforceExtract({ rows: 2000, seed: 3 }).trim().split('\n');
    const leaky = [
      `${lines[0]},Leaving Reason`,
      ...lines.slice(1).map((line) => `${line},${line.endsWith(',Y') ? 'Resignation' : ''}`),
    ].join('\n');
    const result = evaluateLeaverRisk(parseCsvTable(leaky), { target: 'Leaver', positive: 'Y' });
    expect(result.warnings.join('\n')).toMatch(/"Leaving Reason" .*separates leavers almost perfectly/);
  });

  it('validates on later months when asked for a time split', () => {
    const result = evaluateLeaverRisk(workforce, {
      target: 'Leaver',
      positive: 'Y',
      validation: { kind: 'time-split', dateColumn: 'Snapshot Date', testShare: 0.25, seed: 1 },
    });
    expect(result.validation).toMatchObject({ kind: 'time-split', trainRows: 20_000 - result.n });
    expect(result.n).toBeGreaterThan(4000);
    expect(result.n).toBeLessThan(6000);
    expect(result.auc).toBeGreaterThan(0.62);
    expect(result.featuresIgnored).toContainEqual({
      name: 'Snapshot Date',
      reason: 'used for the time-based split',
    });
  });
});

describe('evaluateLeaverRisk refuses what it cannot evaluate', () => {
  const small = parseCsvTable(
    ['Band,Left', 'Band 5,Y', 'Band 6,N', 'Band 5,N', 'Band 7,Y', 'Band 6,N'].join('\n'),
  );
  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (isDomainError(error)) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error('expected an error');
  };

  it.each([
    {
      name: 'a missing target column, listing the columns',
      options: { target: 'Leaver', positive: 'Y' },
      code: 'target-column-missing',
      message: /There is no column "Leaver"\. The columns are: Band, Left/,
    },
    {
      name: 'a positive value that never occurs',
      options: { target: 'Left', positive: 'Yes' },
      code: 'positive-value-absent',
      message: /"Yes" never occurs in column "Left" \(values seen: Y, N\)/,
    },
    {
      name: 'fewer leavers than folds',
      options: { target: 'Left', positive: 'Y' },
      code: 'too-few-leavers',
      message: /5-fold cross-validation needs at least 5 rows of each outcome; there are 2/,
    },
  ])('rejects $name', ({ options, code, message }) => {
    const error = failure(() => evaluateLeaverRisk(small, options));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
