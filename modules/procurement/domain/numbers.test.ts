import { describe, expect, it } from 'vitest';
import { nearestRank, share } from './measures';
import { orderNumberKey, orderReferenceKeys, purchaseOrderNumber, requisitionNumber } from './numbers';

describe('document numbers', () => {
  it('numbers orders with the organisation code and a six-digit sequence', () => {
    expect(purchaseOrderNumber('RN1', 42n)).toBe('RN1-PO-000042');
    expect(requisitionNumber(7n)).toBe('REQ-000007');
  });

  it.each([
    { reference: 'RN1-PO-000042', keys: ['RN1PO000042'] },
    { reference: ' rn1 po 000042 ', keys: ['RN1PO000042'] },
    { reference: 'PO-000042', keys: ['PO000042', 'RN1PO000042'] },
    { reference: 'po000042', keys: ['PO000042', 'RN1PO000042'] },
    { reference: '---', keys: [] },
  ])('matches the invoice reference "$reference" by $keys', ({ reference, keys }) => {
    expect(orderReferenceKeys('RN1', reference)).toEqual(keys);
  });

  it('ignores case and punctuation in a key', () => {
    expect(orderNumberKey('Rn1/Po.000042')).toBe('RN1PO000042');
  });
});

describe('measures', () => {
  it.each([
    { values: [5], p: 50, expected: 5 },
    { values: [1, 2, 3, 4], p: 50, expected: 2 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], p: 90, expected: 9 },
    { values: [10, 1, 7, 3], p: 90, expected: 10 },
  ])('takes the nearest-rank p$p of $values as $expected', ({ values, p, expected }) => {
    expect(nearestRank(values, p)).toBe(expected);
  });

  it('has no percentile or share of nothing', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(share(0, 0)).toBeNull();
    expect(share(94, 100)).toBe(0.94);
  });
});
