import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticWorkforceExtract } from '../domain/attrition';
import { type AttritionEvaluateOptions, runAttritionEvaluate } from './attrition-command';

const folder = mkdtempSync(join(tmpdir(), 'attrition-'));
const extract = join(folder, 'workforce.csv');
writeFileSync(extract, syntheticWorkforceExtract({ rows: 3000, seed: 9 }));
const tooFew = join(folder, 'too-few.csv');
writeFileSync(tooFew, ['Band,Leaver', 'Band 5,Y', 'Band 6,N', 'Band 5,N', 'Band 7,N'].join('\n'));

function run(overrides: Partial<AttritionEvaluateOptions>) {
  const out: string[] = [];
  const notes: string[] = [];
  const exitCode = runAttritionEvaluate(
    {
      csv: extract,
      target: 'Leaver',
      positive: 'Y',
      folds: '5',
      seed: '20240401',
      testShare: '0.2',
      ...overrides,
    },
    { out: (line) => out.push(line), note: (line) => notes.push(line) },
  );
  return { exitCode, out, notes };
}

describe('mainstay insight attrition evaluate', () => {
  it('prints one JSON line that starts with the contract figures', () => {
    const { exitCode, out, notes } = run({ json: true });
    expect(exitCode).toBe(0);
    expect(notes).toEqual([]);
    expect(out).toHaveLength(1);
    const figures = JSON.parse(out[0] ?? '');
    expect(Object.keys(figures).slice(0, 6)).toEqual([
      'n',
      'positives',
      'auc',
      'precision',
      'recall',
      'baselineAccuracy',
    ]);
    expect(figures.n).toBe(3000);
    expect(figures.auc).toBeGreaterThan(0.6);
    expect(figures.featuresIgnored.map((column: { name: string }) => column.name)).toContain('NHS Number');
  });

  it('prints a readable report with the baseline beside the accuracy', () => {
    const { exitCode, out } = run({});
    expect(exitCode).toBe(0);
    const report = out.join('\n');
    expect(report).toMatch(/ROC AUC\s+0\.\d{3}/);
    expect(report).toMatch(/Always-"stays" baseline\s+\d+\.\d%/);
    expect(report).toMatch(/NHS Number: its name marks an identifier/);
  });

  it.each([
    {
      name: 'a missing file',
      overrides: { csv: join(folder, 'absent.csv') },
      exitCode: 4,
      message: /Cannot read the file/,
    },
    {
      name: 'a missing target column',
      overrides: { target: 'Left' },
      exitCode: 1,
      message: /There is no column "Left"\. The columns are: Employee Number, NHS Number/,
    },
    {
      name: 'an absent positive value',
      overrides: { positive: 'Yes' },
      exitCode: 1,
      message: /"Yes" never occurs/,
    },
    {
      name: 'too few leavers for the folds',
      overrides: { csv: tooFew },
      exitCode: 1,
      message: /at least 5 rows of each outcome/,
    },
    {
      name: 'a bad fold count',
      overrides: { folds: 'five' },
      exitCode: 2,
      message: /--folds must be a whole number/,
    },
  ])('exits non-zero with a clear message for $name', ({ overrides, exitCode, message }) => {
    const result = run({ json: true, ...overrides });
    expect(result.exitCode).toBe(exitCode);
    expect(result.out).toEqual([]);
    expect(result.notes.join('\n')).toMatch(message);
  });
});
