import type { DataTable } from './attrition';
import type { OrganisationWorkforce } from './workforce-metrics';

export type LeaverHistory = {
  table: DataTable;
  /** The snapshot the features describe. */
  featureDate: string;
  /** Leavers up to this date count as having left. */
  followUpEnd: string;
  staff: number;
  leavers: number;
};

const DAY_MS = 86_400_000;
const day = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const isoDay = (days: number): string => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** At least this much follow-up is needed for "left within the year" to mean anything. */
const MIN_FOLLOW_UP_DAYS = 180;
const FOLLOW_UP_DAYS = 365;

/**
 * An organisation's own history as a table to learn from: everyone in post in
 * the snapshot taken a year before the latest (or the earliest, if history is
 * shorter), described as they were then — staff group, band, team, FTE,
 * length of service, age band, contract type and sickness absence in the year
 * before — with whether they left in the following year. Nothing from after
 * the snapshot is a feature, so the evaluation cannot peek at the outcome.
 */
export function leaverHistory(data: OrganisationWorkforce): LeaverHistory | null {
  const dates = [...new Set(data.staff.map((record) => record.asAt))].sort();
  const latest = dates.at(-1);
  if (!latest) return null;
  const lastEvidence = [latest, ...data.leavers.map((leaver) => leaver.leavingDate)].sort().at(-1) ?? latest;
  const target = day(lastEvidence) - FOLLOW_UP_DAYS;
  const featureDate = [...dates].reverse().find((date) => day(date) <= target) ?? dates[0];
  if (!featureDate) return null;
  const followUpEnd = isoDay(Math.min(day(featureDate) + FOLLOW_UP_DAYS, day(lastEvidence)));
  if (day(followUpEnd) - day(featureDate) < MIN_FOLLOW_UP_DAYS) return null;

  const left = new Set(
    data.leavers
      .filter((leaver) => leaver.leavingDate > featureDate && leaver.leavingDate <= followUpEnd)
      .map((leaver) => leaver.employeeId),
  );
  const sickness = new Map<string, { days: number; episodes: number }>();
  const yearBefore = isoDay(day(featureDate) - 365);
  for (const episode of data.sickness) {
    if (episode.start > featureDate || episode.start < yearBefore) continue;
    const sum = sickness.get(episode.employeeId) ?? { days: 0, episodes: 0 };
    sum.days += episode.daysLost;
    sum.episodes += 1;
    sickness.set(episode.employeeId, sum);
  }
  const staff = data.staff.filter((record) => record.asAt === featureDate);
  const columns = [
    'staff group',
    'band',
    'team',
    'fte',
    'years of service',
    'age band',
    'contract type',
    'sickness days in the year before',
    'sickness episodes in the year before',
    'left within the year',
  ];
  const cells: string[][] = columns.map(() => []);
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  for (const record of staff) {
    const absence = sickness.get(record.employeeId) ?? { days: 0, episodes: 0 };
    const service =
      record.startDate === null
        ? null
        : Math.round(((day(featureDate) - day(record.startDate)) / 365.25) * 10) / 10;
    const row = [
      record.staffGroup,
      record.band,
      record.team,
      record.fte,
      service,
      record.ageBand,
      record.contractType,
      absence.days,
      absence.episodes,
      left.has(record.employeeId) ? 'yes' : 'no',
    ];
    row.forEach((value, index) => {
      (cells[index] as string[]).push(text(value));
    });
  }
  return {
    table: { columns, cells, rowCount: staff.length },
    featureDate,
    followUpEnd,
    staff: staff.length,
    leavers: staff.filter((record) => left.has(record.employeeId)).length,
  };
}
