import { describe, expect, it } from 'vitest';
import { localDate } from '../../../kernel/time';
import { bppc, dueDate, paidWithinBppc } from './terms';

const d = localDate;

describe('payment terms', () => {
  it.each([
    ['received after the invoice date', '2026-06-01', '2026-06-03', 30, '2026-07-03'],
    ['dated after it was received', '2026-06-10', '2026-06-03', 30, '2026-07-10'],
    ['immediate terms', '2026-06-01', '2026-06-01', 0, '2026-06-01'],
  ])('start the clock at receipt of a valid invoice: %s', (_label, issued, received, days, due) => {
    expect(dueDate(d(issued), d(received), days)).toBe(due);
  });

  it.each([
    ['2026-07-01', true],
    ['2026-07-02', false],
  ])('counts 30 days for the Better Payment Practice Code (paid %s)', (paidOn, within) => {
    expect(paidWithinBppc(d('2026-06-01'), d('2026-06-01'), d(paidOn))).toBe(within);
  });
});

describe('Better Payment Practice Code compliance', () => {
  const paid = [
    { issueDate: d('2026-06-01'), receivedOn: d('2026-06-01'), paidOn: d('2026-06-20'), grossPence: 10_000n },
    { issueDate: d('2026-06-01'), receivedOn: d('2026-06-01'), paidOn: d('2026-06-25'), grossPence: 10_000n },
    { issueDate: d('2026-06-01'), receivedOn: d('2026-06-02'), paidOn: d('2026-07-01'), grossPence: 20_000n },
    { issueDate: d('2026-05-01'), receivedOn: d('2026-05-01'), paidOn: d('2026-06-30'), grossPence: 60_000n },
  ];

  it('reports the share paid within 30 days by number and by value against the target', () => {
    expect(bppc(paid, 9500)).toEqual({
      paidCount: 4,
      paidWithinTermsCount: 3,
      paidPence: 100_000n,
      paidWithinTermsPence: 40_000n,
      countBasisPoints: 7500,
      valueBasisPoints: 4000,
      targetBasisPoints: 9500,
      met: false,
    });
  });

  it('says nothing was measured when nothing was paid', () => {
    expect(bppc([], 9500)).toMatchObject({ countBasisPoints: null, valueBasisPoints: null, met: null });
  });
});
