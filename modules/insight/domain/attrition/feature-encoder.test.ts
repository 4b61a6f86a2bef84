import { describe, expect, it } from 'vitest';
import { profileColumns } from './column-profile';
import { parseCsvTable } from './data-table';
import { encodeBinIndicators, encodeSparse, fitFeatureEncoder } from './feature-encoder';

const csv = [
  'Sickness,Team,Leaver',
  '1,A,N',
  '3,A,N',
  ',B,Y',
  '5,B,N',
  '100,C,Y', // a test row: an extreme value that must not move the training statistics
  ',Z,N', // a test row with a level never seen in training
].join('\n');
const features = profileColumns(parseCsvTable(csv), { target: 'Leaver' }).features;
const trainRows = Int32Array.from([0, 1, 2, 3]);

describe('fitFeatureEncoder', () => {
  const encoder = fitFeatureEncoder(features, trainRows, { maxLevels: 20, minLevelRows: 1, numericBins: 4 });
  const design = encodeSparse(encoder, 6);
  const entries = (row: number) =>
    Array.from({ length: design.stride }, (_, entry) => ({
      feature: encoder.featureNames[design.indices[row * design.stride + entry] ?? 0],
      value: design.values[row * design.stride + entry],
    }));

  it('standardises with the training rows only and imputes their median with a missing flag', () => {
    // training values 1, 3, 5: mean 3, population spread sqrt(8/3), median 3
    const spread = Math.sqrt(8 / 3);
    expect(entries(0)[1]).toEqual({ feature: 'Sickness', value: (1 - 3) / spread });
    expect(entries(2)[1]).toEqual({ feature: 'Sickness', value: 0 });
    expect(entries(2)[2]).toEqual({ feature: 'Sickness missing', value: 1 });
    expect(entries(4)[1]?.value).toBeCloseTo((100 - 3) / spread, 12);
  });

  it('one-hot encodes training levels and sends unseen ones to "other"', () => {
    expect(entries(0)[3]?.feature).toBe('Team = A');
    expect(entries(4)[3]?.feature).toBe('Team = (other)');
    expect(entries(5)[3]?.feature).toBe('Team = (other)');
  });

  it('gives every row one active bin per column in the additive design', () => {
    const bins = encodeBinIndicators(encoder, 6);
    expect(bins.design.stride).toBe(3);
    expect(bins.orderedRuns).toHaveLength(1);
    const missingBin = (bins.orderedRuns[0]?.first ?? 0) + (bins.orderedRuns[0]?.count ?? 0);
    expect(bins.design.indices[2 * 3 + 1]).toBe(missingBin);
  });
});
