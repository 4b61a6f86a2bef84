import { describe, expect, it } from 'vitest';
import { inferPeriod, labelDatasets, labelQuality, platformDataQuality } from './data-quality';
import type { NormalisedRecord, QualityScore } from './ingest';

const score = (
  completeness: number,
  validity: number,
  consistency: number,
  timeliness: number,
  rows = 100,
): QualityScore => ({
  label: 'not-fit',
  labelReasons: [],
  rows,
  dimensions: {
    completeness: { score: completeness, reasons: [] },
    validity: { score: validity, reasons: [] },
    consistency: { score: consistency, reasons: [] },
    timeliness: { score: timeliness, reasons: [] },
  },
});

const STANDARD = { automation: 0.98, decision: 0.8 };

describe('data-quality labels from the framework thresholds', () => {
  it.each([
    [score(1, 1, 1, 1), STANDARD, 'fit-for-automation'],
    [score(0.99, 0.98, 1, 1), STANDARD, 'fit-for-automation'],
    [score(0.97, 1, 1, 1), STANDARD, 'good-enough-for-decision'],
    [score(1, 1, 1, 0.8), STANDARD, 'good-enough-for-decision'],
    [score(1, 1, 1, 0.79), STANDARD, 'not-fit'],
    [score(1, 1, 1, 0.79), { automation: 0.95, decision: 0.7 }, 'good-enough-for-decision'],
    [score(1, 1, 1, 1, 0), STANDARD, 'not-fit'],
  ])('%#: the weakest dimension decides the label', (quality, thresholds, label) => {
    expect(labelQuality(quality, thresholds).label).toBe(label);
  });

  it('says which dimension kept the label from the next one up', () => {
    const labelled = labelQuality(score(1, 0.9, 1, 1), STANDARD);
    expect(labelled.labelText).toBe('Good enough for a human decision');
    expect(labelled.reasons[0]).toBe('validity 0.9 is below 0.98 (needed for automation)');
  });

  it('combines datasets weighted by their rows', () => {
    const combined = labelDatasets(
      [
        { name: 'a.csv', score: score(1, 1, 1, 1, 300) },
        { name: 'b.csv', score: score(0.6, 1, 1, 1, 100) },
      ],
      STANDARD,
    );
    expect(combined).toMatchObject({ rows: 400, datasets: 2, scores: { completeness: 0.9 } });
    expect(combined.label).toBe('good-enough-for-decision');
  });

  it('judges Mainstay’s own records on their age alone', () => {
    expect(platformDataQuality('2026-11-01', '2026-11-23', STANDARD).label).toBe('fit-for-automation');
    expect(platformDataQuality('2025-01-31', '2026-11-23', STANDARD).label).toBe('not-fit');
    expect(platformDataQuality(null, '2026-11-23', STANDARD).label).toBe('not-fit');
  });
});

const record = (date: string) => ({ values: { date } }) as unknown as NormalisedRecord;

describe('the period a dataset describes', () => {
  it('is the month most rows fall in, for a monthly extract with stragglers', () => {
    const records = [...Array.from({ length: 9 }, () => record('2020-04-15')), record('2020-03-31')];
    expect(inferPeriod('spend', records)).toEqual({ start: '2020-04-01', end: '2020-04-30' });
  });

  it('is the span of the rows otherwise', () => {
    expect(inferPeriod('spend', [record('2020-04-15'), record('2020-06-02')])).toEqual({
      start: '2020-04-15',
      end: '2020-06-02',
    });
  });

  it('is unknown without dated rows', () => {
    expect(inferPeriod('spend', [])).toBeNull();
  });
});
