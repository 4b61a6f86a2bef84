import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { defaultEarlyWarningRules, type TeamSeries, teamEarlyWarnings } from './team-alerts';

const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
const series = (
  team: string,
  measure: TeamSeries['measure'],
  values: number[],
  organisation = 'RXX',
): TeamSeries => ({
  organisation,
  team,
  measure,
  values: values.map((value, index) => ({
    month: months[index + months.length - values.length] ?? '',
    value,
  })),
});

describe('teamEarlyWarnings', () => {
  it('says exactly what triggered a rise over consecutive months', () => {
    const alerts = teamEarlyWarnings([series('Ward 7B', 'sickness-absence', [0.04, 0.041, 0.048, 0.056])], {
      ...defaultEarlyWarningRules,
      icsMedians: { 'sickness-absence': { '2024-06': 0.042 } },
      marginAboveMedian: {
        ...defaultEarlyWarningRules.marginAboveMedian,
        'sickness-absence': { relative: 0.5 },
      },
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toBe(
      'Ward 7B (RXX): sickness absence rose for 4 consecutive months: 4.0% → 4.1% → 4.8% → 5.6%, ICS median 4.2%',
    );
    expect(alerts[0]?.severity).toBe('watch');
  });

  it.each([
    { name: 'two rising months are not yet three', values: [0.06, 0.05, 0.045, 0.05], alerts: 0 },
    { name: 'a flat month breaks the run', values: [0.03, 0.04, 0.04, 0.05], alerts: 0 },
    { name: 'three rising months alert', values: [0.05, 0.03, 0.04, 0.05], alerts: 1 },
    { name: 'a fall in the latest month ends the run', values: [0.03, 0.04, 0.05, 0.045], alerts: 0 },
  ])('$name', ({ values, alerts }) => {
    const result = teamEarlyWarnings([series('Ward 1', 'agency-share', values)], {
      ...defaultEarlyWarningRules,
      icsMedians: { 'agency-share': { '2024-06': 0.06 } },
    });
    expect(result).toHaveLength(alerts);
  });

  it('does not count a rise across a missing month as consecutive', () => {
    const gap: TeamSeries = {
      organisation: 'RXX',
      team: 'Theatres',
      measure: 'turnover',
      values: [
        { month: '2024-01', value: 0.01 },
        { month: '2024-02', value: 0.011 },
        { month: '2024-04', value: 0.012 },
      ],
    };
    expect(
      teamEarlyWarnings([gap], {
        ...defaultEarlyWarningRules,
        icsMedians: { turnover: { '2024-04': 0.02 } },
      }),
    ).toEqual([]);
  });

  it('compares each team with the median of all teams that month and names the margin', () => {
    const teams = [
      series('Ward 1', 'turnover', [0.01]),
      series('Ward 2', 'turnover', [0.012]),
      series('Ward 3', 'turnover', [0.012], 'RYY'),
      series('Ward 4', 'turnover', [0.02], 'RYY'),
    ];
    const alerts = teamEarlyWarnings(teams);
    expect(alerts.map((alert) => alert.team)).toEqual(['Ward 4']);
    expect(alerts[0]?.message).toBe(
      'Ward 4 (RYY): staff turnover of 2.0% in 2024-06 is 0.8 percentage points above the ICS median of 1.2% (alert at 25% above it)',
    );
  });

  it('marks a team that both rises and stands above the median as an alert, listed first', () => {
    const teams = [
      series('Ward 1', 'leavers', [1, 1, 1]),
      series('Ward 2', 'leavers', [1, 2, 2]),
      series('Ward 3', 'leavers', [2, 5, 9]),
      series('Ward 4', 'leavers', [0, 1, 2]),
    ];
    const alerts = teamEarlyWarnings(teams);
    expect(alerts.map((alert) => [alert.team, alert.severity])).toEqual([
      ['Ward 3', 'alert'],
      ['Ward 4', 'watch'],
    ]);
    expect(alerts[0]?.message).toBe(
      'Ward 3 (RXX): leavers rose for 3 consecutive months: 2 → 5 → 9, ICS median 2; leavers of 9 in 2024-06 is 7 more above the ICS median of 2 (alert at 50% above it and 2 over it)',
    );
    expect(
      teamEarlyWarnings(teams, { ...defaultEarlyWarningRules, require: 'both' }).map((alert) => alert.team),
    ).toEqual(['Ward 3']);
  });

  it('judges every series at the month asked for', () => {
    const rising = series('Ward 9', 'sickness-absence', [0.03, 0.04, 0.05, 0.02]);
    const rules = {
      ...defaultEarlyWarningRules,
      icsMedians: { 'sickness-absence': { '2024-05': 0.06, '2024-06': 0.06 } },
    };
    expect(teamEarlyWarnings([rising], rules)).toEqual([]);
    expect(teamEarlyWarnings([rising], { ...rules, asOfMonth: '2024-05' })[0]?.month).toBe('2024-05');
  });

  it.each([
    { name: 'a month not written YYYY-MM', values: [{ month: '2024-13', value: 1 }], code: 'invalid-month' },
    {
      name: 'two values for one month',
      values: [
        { month: '2024-01', value: 1 },
        { month: '2024-01', value: 2 },
      ],
      code: 'duplicate-month',
    },
  ])('rejects $name', ({ values, code }) => {
    try {
      teamEarlyWarnings([{ organisation: 'RXX', team: 'Ward 1', measure: 'leavers', values }]);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe(code);
    }
  });
});
