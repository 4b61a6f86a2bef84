import { describe, expect, it } from 'vitest';
import {
  leavesTheNhs,
  median,
  monthlyTeamMeasures,
  type OrganisationWorkforce,
  type StaffRecord,
  workforceFigures,
} from './workforce-metrics';

const person = (
  employeeId: string,
  asAt: string,
  team = 'Ward 1',
  staffGroup = 'Nursing',
  fte = 1,
): StaffRecord => ({
  employeeId,
  asAt,
  staffGroup,
  team,
  fte,
  band: 'Band 5',
  startDate: '2020-01-01',
  ageBand: null,
  contractType: null,
});

const ids = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => `${prefix}${from + index}`);

const empty = (organisation = 'RXX'): OrganisationWorkforce => ({
  organisation,
  staff: [],
  leavers: [],
  sickness: [],
  vacancies: [],
  temporaryStaffing: [],
  pay: [],
});

const YEAR = { start: '2026-04-01', end: '2027-03-31' };

describe('workforce measures (analytics.md §2)', () => {
  // The NHS Data Dictionary's worked example: 150 staff at the start, 120 at the end, average 135.
  const dictionary: OrganisationWorkforce = {
    ...empty(),
    staff: [
      ...ids('E', 0, 150).map((id) => person(id, '2026-03-31')),
      ...ids('E', 40, 150).map((id) => person(id, '2027-03-31')),
      ...ids('N', 0, 10).map((id) => person(id, '2027-03-31')),
    ],
    leavers: ids('E', 0, 40).map((employeeId, index) => ({
      employeeId,
      leavingDate: '2026-09-15',
      staffGroup: 'Nursing',
      team: 'Ward 1',
      destination: index < 15 ? 'Another NHS trust' : 'Left the NHS',
    })),
  };

  it('computes turnover as leavers over the average of the start and end headcounts', () => {
    const [all] = workforceFigures(dictionary, YEAR, 'organisation');
    expect(all).toMatchObject({ headcountStart: 150, headcountEnd: 120, leavers: 40 });
    expect(all?.turnover).toMatchObject({ numerator: 40, denominator: 135 });
    expect(all?.turnover.value).toBeCloseTo(40 / 135, 12);
  });

  it('counts only leavers not going to another NHS organisation in the leaver rate', () => {
    const [all] = workforceFigures(dictionary, YEAR, 'organisation');
    expect(all?.leaverRate).toMatchObject({ numerator: 25, denominator: 135 });
  });

  it('measures stability as the share of staff at the start still employed at the end, ignoring joiners', () => {
    const [all] = workforceFigures(dictionary, YEAR, 'organisation');
    expect(all?.stability).toMatchObject({ numerator: 110, denominator: 150 });
  });

  it.each([
    ['', true],
    ['Another NHS trust', false],
    ['NHS England', false],
    ['Left the NHS', true],
    ['Another trust in the region', false],
    ['Private sector', true],
  ])('reads the destination %j as leaving the NHS: %s', (destination, leaves) => {
    expect(leavesTheNhs(destination === '' ? null : destination)).toBe(leaves);
  });

  it('divides FTE days lost by contracted FTE times calendar days, apportioning an absence that crosses the period', () => {
    const data: OrganisationWorkforce = {
      ...empty(),
      staff: [
        person('A', '2026-03-31'),
        person('A', '2026-04-30'),
        person('B', '2026-04-30', 'Ward 1', 'Nursing', 0.5),
      ],
      sickness: [
        // 10 days, 6 of them in April: 6 × 0.5 FTE = 3 FTE days in the period
        {
          employeeId: 'B',
          start: '2026-04-25',
          end: '2026-05-04',
          daysLost: 10,
          fteDaysLost: 5,
          fte: 0.5,
          staffGroup: 'Nursing',
          team: 'Ward 1',
        },
        {
          employeeId: 'A',
          start: '2026-04-01',
          end: '2026-04-02',
          daysLost: 2,
          fteDaysLost: null,
          fte: 1,
          staffGroup: 'Nursing',
          team: 'Ward 1',
        },
      ],
    };
    const [all] = workforceFigures(data, { start: '2026-04-01', end: '2026-04-30' }, 'organisation');
    // available: A 1.0 × 30 + B 0.5 × 30 = 45 FTE days; lost: 3 + 2
    expect(all?.sickness).toMatchObject({ numerator: 5, denominator: 45 });
  });

  it('takes the vacancy rate at the last month the period reports, and the bank and agency share from cost over pay', () => {
    const data: OrganisationWorkforce = {
      ...empty(),
      staff: [person('A', '2026-04-30')],
      vacancies: [
        {
          month: '2026-04',
          team: 'Ward 1',
          staffGroup: 'Nursing',
          establishmentFte: 10,
          staffInPostFte: 9,
          vacancyFte: 1,
        },
        {
          month: '2026-05',
          team: 'Ward 1',
          staffGroup: 'Nursing',
          establishmentFte: 10,
          staffInPostFte: 8,
          vacancyFte: 2,
        },
      ],
      temporaryStaffing: [
        {
          month: '2026-05',
          team: 'Ward 1',
          staffGroup: 'Nursing',
          type: 'bank',
          costPence: 30_000n,
          onFramework: true,
        },
        {
          month: '2026-05',
          team: 'Ward 1',
          staffGroup: 'Nursing',
          type: 'agency',
          costPence: 20_000n,
          onFramework: false,
        },
      ],
      pay: [{ month: '2026-05', team: 'Ward 1', kind: 'pay', amountPence: 1_000_000n }],
    };
    const [team] = workforceFigures(data, { start: '2026-04-01', end: '2026-05-31' }, 'team');
    expect(team?.vacancy).toMatchObject({ numerator: 2, denominator: 10 });
    expect(team?.bankAgencyShare).toMatchObject({ numerator: 50_000, denominator: 1_000_000 });
    expect(team?.agencyShare).toMatchObject({ numerator: 20_000, denominator: 1_000_000 });
  });

  it('says why a rate cannot be computed instead of showing zero', () => {
    const [all] = workforceFigures({ ...empty(), staff: [person('A', '2026-04-30')] }, YEAR, 'organisation');
    expect(all?.vacancy.value).toBeNull();
    expect(all?.vacancy.note).toMatch(/no vacancy extract/);
    expect(all?.bankAgencyShare.value).toBeNull();
  });

  it('reads the start from the first snapshot inside the period when the history starts there, and says so', () => {
    const data = { ...empty(), staff: [person('A', '2026-04-30'), person('A', '2027-03-31')] };
    const [all] = workforceFigures(data, YEAR, 'organisation');
    expect(all?.headcountStart).toBe(1);
    expect(all?.stability.note).toMatch(/first snapshot in the period \(2026-04-30\)/);
  });

  it('groups by staff group and by team', () => {
    const data = {
      ...empty(),
      staff: [person('A', '2026-03-31', 'Ward 1', 'Nursing'), person('B', '2026-03-31', 'Ward 2', 'Medical')],
    };
    expect(workforceFigures(data, YEAR, 'team').map((row) => row.group)).toEqual(['Ward 1', 'Ward 2']);
    expect(workforceFigures(data, YEAR, 'staff-group').map((row) => row.group)).toEqual([
      'Medical',
      'Nursing',
    ]);
  });
});

describe('monthly team measures for early warning', () => {
  it('leaves out teams too small for a monthly rate to mean anything', () => {
    const months = ['2026-04', '2026-05'];
    const data: OrganisationWorkforce = {
      ...empty(),
      staff: months.flatMap((month) => [
        ...ids('BIG', 0, 20).map((id) => person(id, `${month}-${month === '2026-04' ? 30 : 31}`, 'Big ward')),
        ...ids('SMALL', 0, 5).map((id) =>
          person(id, `${month}-${month === '2026-04' ? 30 : 31}`, 'Small team'),
        ),
      ]),
      leavers: [
        {
          employeeId: 'BIG1',
          leavingDate: '2026-05-10',
          staffGroup: 'Nursing',
          team: 'Big ward',
          destination: null,
        },
      ],
    };
    const measures = monthlyTeamMeasures(data, months);
    expect(new Set(measures.map((measure) => measure.team))).toEqual(new Set(['Big ward']));
    expect(
      measures.find((measure) => measure.month === '2026-05' && measure.measure === 'turnover')?.value,
    ).toBeCloseTo(1 / 20, 12);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 3], 2],
    [[5, null, 1, 3], 3],
  ] as const)('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});
