import { describe, expect, it } from 'vitest';
import { leaverHistory } from './leaver-history';
import type { OrganisationWorkforce, StaffRecord } from './workforce-metrics';

const staff = (employeeId: string, asAt: string, band = 'Band 5'): StaffRecord => ({
  employeeId,
  asAt,
  staffGroup: 'Nursing',
  team: 'Ward 1',
  fte: 1,
  band,
  startDate: '2024-04-01',
  ageBand: '26-30',
  contractType: 'Permanent',
});

const workforce: OrganisationWorkforce = {
  organisation: 'RXX',
  staff: [
    staff('A', '2025-03-31'),
    staff('B', '2025-03-31', 'Band 7'),
    staff('B', '2026-03-31', 'Band 8a'),
    staff('C', '2026-03-31'),
  ],
  leavers: [
    { employeeId: 'A', leavingDate: '2025-09-30', staffGroup: 'Nursing', team: 'Ward 1', destination: null },
    { employeeId: 'B', leavingDate: '2026-06-30', staffGroup: 'Nursing', team: 'Ward 1', destination: null },
  ],
  sickness: [
    {
      employeeId: 'A',
      start: '2025-01-10',
      end: '2025-01-14',
      daysLost: 5,
      fteDaysLost: 5,
      fte: 1,
      staffGroup: 'Nursing',
      team: 'Ward 1',
    },
    {
      employeeId: 'A',
      start: '2025-06-01',
      end: '2025-06-30',
      daysLost: 30,
      fteDaysLost: 30,
      fte: 1,
      staffGroup: 'Nursing',
      team: 'Ward 1',
    },
  ],
  vacancies: [],
  temporaryStaffing: [],
  pay: [],
};

describe('an organisation’s own history as a table to learn leaver risk from', () => {
  const history = leaverHistory(workforce);

  it('takes the staff in post a year before the last evidence, and whether they left within the following year', () => {
    expect(history).toMatchObject({
      featureDate: '2025-03-31',
      followUpEnd: '2026-03-31',
      staff: 2,
      leavers: 1,
    });
    const left = history?.table.cells[history.table.columns.indexOf('left within the year')];
    expect(left).toEqual(['yes', 'no']);
  });

  it('describes each person only as they were at the snapshot: nothing from after it is a feature', () => {
    const column = (name: string) => history?.table.cells[history.table.columns.indexOf(name)];
    expect(column('band')).toEqual(['Band 5', 'Band 7']);
    expect(column('sickness days in the year before')).toEqual(['5', '0']);
    expect(column('years of service')).toEqual(['1', '1']);
  });

  it('needs at least six months of follow-up', () => {
    expect(leaverHistory({ ...workforce, staff: [staff('A', '2026-03-31')], leavers: [] })).toBeNull();
  });
});
