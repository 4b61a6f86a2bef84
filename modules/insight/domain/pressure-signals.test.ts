import { describe, expect, it } from 'vitest';
import { financePressure, procurementPressure, risingRun } from './pressure-signals';

describe('finance pressure', () => {
  const position = (spentPence: bigint, months: number) => ({
    organisation: 'RN1',
    costCentre: 'A102',
    name: 'Ward 9 Elderly Care',
    annualBudgetPence: 12_000_000n,
    spentPence,
    months,
  });

  it.each([
    ['on budget', 6_000_000n, 6, null],
    ['2% over at the run rate: inside the watch margin', 6_120_000n, 6, null],
    ['3% over: a watch', 6_180_000n, 6, 'watch'],
    ['10% over: an alert', 6_600_000n, 6, 'alert'],
  ] as const)('%s', (_, spent, months, severity) => {
    const alerts = financePressure([position(spent, months)]);
    expect(alerts[0]?.severity ?? null).toBe(severity);
  });

  it('says what triggered it: spend, months, projection, budget and overspend', () => {
    const [alert] = financePressure([position(3_300_000n, 3)]);
    expect(alert?.figures).toMatchObject({
      projectedPence: '13200000',
      budgetPence: '12000000',
      overspendPence: '1200000',
    });
    expect(alert?.message).toContain('£132,000 against a budget of £120,000');
  });
});

describe('procurement pressure', () => {
  const month = (index: number, share: number) => ({
    month: `2026-0${index}`,
    partPence: BigInt(Math.round(share * 10_000)),
    wholePence: 10_000n,
  });

  it('raises a watch when off-contract spend has risen for three months running', () => {
    const [alert] = procurementPressure('RN1', [
      month(1, 0.1),
      month(2, 0.12),
      month(3, 0.15),
      month(4, 0.2),
    ]);
    expect(alert?.severity).toBe('watch');
    expect(alert?.message).toContain('rose for 4 consecutive months: 10.0% → 12.0% → 15.0% → 20.0%');
  });

  it('raises an alert when it is also above the watch level', () => {
    expect(procurementPressure('RN1', [month(1, 0.2), month(2, 0.26), month(3, 0.3)])[0]?.severity).toBe(
      'alert',
    );
  });

  it('stays quiet for a steady, low share', () => {
    expect(procurementPressure('RN1', [month(1, 0.1), month(2, 0.09), month(3, 0.1)])).toEqual([]);
  });
});

describe('rising run', () => {
  it('stops at a gap in the months or at a fall', () => {
    const points = [
      { month: '2026-01', value: 1 },
      { month: '2026-03', value: 2 },
      { month: '2026-04', value: 3 },
      { month: '2026-05', value: 4 },
    ];
    expect(risingRun(points, (point) => point.value).map((point) => point.month)).toEqual([
      '2026-03',
      '2026-04',
      '2026-05',
    ]);
  });
});
