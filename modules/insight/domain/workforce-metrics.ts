/**
 * NHS workforce measures (analytics.md §2), computed exactly from one
 * organisation's workforce extracts for a period and a grouping:
 *
 *   turnover        = leavers in the period / ((headcount at start + headcount at end) / 2)
 *   leaver rate     = the same, counting only leavers not going to another NHS organisation
 *   stability index = staff in post at the start still employed at the end / staff in post at the start
 *   sickness rate   = FTE days lost in the period / Σ contracted FTE × calendar days in the period
 *   vacancy rate    = vacancy FTE / establishment FTE, at the period's last reported month
 *   bank and agency share of pay = (bank + agency cost) / total pay bill
 *
 * Headcount on a date is read from the staff-in-post snapshot current on that
 * date (the latest taken on or before it). Rates are fractions; rounding is
 * for display only.
 */

export type StaffRecord = {
  employeeId: string;
  asAt: string;
  staffGroup: string | null;
  team: string | null;
  fte: number | null;
  band: string | null;
  startDate: string | null;
  ageBand: string | null;
  contractType: string | null;
};

export type LeaverRecord = {
  employeeId: string;
  leavingDate: string;
  staffGroup: string | null;
  team: string | null;
  destination: string | null;
};

export type SicknessRecord = {
  employeeId: string;
  start: string;
  end: string | null;
  daysLost: number;
  fteDaysLost: number | null;
  fte: number | null;
  staffGroup: string | null;
  team: string | null;
};

export type VacancyRecord = {
  month: string;
  team: string | null;
  staffGroup: string | null;
  establishmentFte: number | null;
  staffInPostFte: number | null;
  vacancyFte: number;
};

export type TemporaryStaffingRecord = {
  month: string;
  team: string | null;
  staffGroup: string | null;
  type: 'bank' | 'agency';
  costPence: bigint;
  onFramework: boolean | null;
};

/** Pay from the ledger (or a GL extract) by cost centre name and month: substantive pay, bank and agency. */
export type PayRecord = {
  month: string;
  team: string | null;
  kind: 'pay' | 'bank' | 'agency';
  amountPence: bigint;
};

export type OrganisationWorkforce = {
  organisation: string;
  staff: readonly StaffRecord[];
  leavers: readonly LeaverRecord[];
  sickness: readonly SicknessRecord[];
  vacancies: readonly VacancyRecord[];
  temporaryStaffing: readonly TemporaryStaffingRecord[];
  pay: readonly PayRecord[];
};

export type WorkforceLevel = 'organisation' | 'staff-group' | 'team';

/** A rate with what it was computed from; `value` is null when the denominator is zero or the data is missing. */
export type Rate = { value: number | null; numerator: number; denominator: number; note: string | null };

export type WorkforceFigures = {
  organisation: string;
  level: WorkforceLevel;
  group: string;
  headcountStart: number;
  headcountEnd: number;
  leavers: number;
  turnover: Rate;
  leaverRate: Rate;
  stability: Rate;
  sickness: Rate;
  vacancy: Rate;
  bankAgencyShare: Rate;
  agencyShare: Rate;
};

export type Period = { start: string; end: string };

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const daysInclusive = (start: string, end: string): number => dayNumber(end) - dayNumber(start) + 1;

export function monthPeriod(month: string): Period {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end };
}

const rate = (numerator: number, denominator: number, note: string | null = null): Rate => ({
  value: denominator > 0 ? numerator / denominator : null,
  numerator,
  denominator,
  note: denominator > 0 ? note : (note ?? 'no denominator for this group and period'),
});

const UNKNOWN = 'Not recorded';

function groupOf(level: WorkforceLevel, record: { staffGroup: string | null; team: string | null }): string {
  if (level === 'organisation') return 'All staff';
  const value = level === 'team' ? record.team : record.staffGroup;
  return value === null || value.trim() === '' ? UNKNOWN : value.trim();
}

const TO_NHS = /\b(nhs|trust)\b/i;
const OUT_OF_NHS = /\b(left|leaving|outside|out of|non-?)\s*(the\s+)?nhs\b/i;

/**
 * Leavers to another NHS organisation still count in turnover, but not in the
 * NHS leaver rate. An unknown destination counts as leaving the NHS.
 */
export function leavesTheNhs(destination: string | null): boolean {
  return destination === null || OUT_OF_NHS.test(destination) || !TO_NHS.test(destination);
}

type Snapshot = { asAt: string; staff: readonly StaffRecord[] };

function snapshotsOf(staff: readonly StaffRecord[]): Snapshot[] {
  const byDate = new Map<string, StaffRecord[]>();
  for (const record of staff) {
    const list = byDate.get(record.asAt);
    if (list) list.push(record);
    else byDate.set(record.asAt, [record]);
  }
  return [...byDate]
    .map(([asAt, list]) => ({ asAt, staff: list }))
    .sort((a, b) => (a.asAt < b.asAt ? -1 : a.asAt > b.asAt ? 1 : 0));
}

/** The snapshot current on a date: the latest on or before it (none before the first snapshot). */
function snapshotOn(snapshots: readonly Snapshot[], date: string): Snapshot | null {
  let found: Snapshot | null = null;
  for (const snapshot of snapshots) {
    if (snapshot.asAt <= date) found = snapshot;
    else break;
  }
  return found;
}

function staffByGroup(snapshot: Snapshot | null, level: WorkforceLevel): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const record of snapshot?.staff ?? []) {
    const key = groupOf(level, record);
    const set = groups.get(key) ?? new Set<string>();
    set.add(record.employeeId);
    groups.set(key, set);
  }
  return groups;
}

/** The day before a date: headcount "at the start of the period" is the staff in post as it opens. */
const dayBefore = (date: string): string =>
  new Date((dayNumber(date) - 1) * DAY_MS).toISOString().slice(0, 10);

const monthsOf = (period: Period): string[] => {
  const months: string[] = [];
  let [year, month] = period.start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.end.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
};

function overlapDays(start: string, end: string, period: Period): number {
  const from = start > period.start ? start : period.start;
  const to = end < period.end ? end : period.end;
  return from > to ? 0 : daysInclusive(from, to);
}

/**
 * Every measure for each group at one level (the whole organisation, each
 * staff group, or each team) over a period.
 */
export function workforceFigures(
  data: OrganisationWorkforce,
  period: Period,
  level: WorkforceLevel,
): WorkforceFigures[] {
  const snapshots = snapshotsOf(data.staff);
  // staff in post as the period opens; when the history starts inside the period, its first snapshot stands in
  const opening = snapshotOn(snapshots, dayBefore(period.start));
  const firstInside =
    snapshots.find((snapshot) => snapshot.asAt >= period.start && snapshot.asAt <= period.end) ?? null;
  const atStart = opening ?? firstInside;
  const startNote =
    opening === null && firstInside !== null
      ? `staff in post at the start is read from the first snapshot in the period (${firstInside.asAt})`
      : null;
  const atEnd = snapshotOn(snapshots, period.end);
  const startGroups = staffByGroup(atStart, level);
  const endGroups = staffByGroup(atEnd, level);
  const employedAtEnd = new Set((atEnd?.staff ?? []).map((record) => record.employeeId));
  const keys = new Set<string>([...startGroups.keys(), ...endGroups.keys()]);

  const leavers = new Map<string, { all: number; fromNhs: number }>();
  for (const leaver of data.leavers) {
    if (leaver.leavingDate < period.start || leaver.leavingDate > period.end) continue;
    const key = groupOf(level, leaver);
    keys.add(key);
    const count = leavers.get(key) ?? { all: 0, fromNhs: 0 };
    count.all += 1;
    if (leavesTheNhs(leaver.destination)) count.fromNhs += 1;
    leavers.set(key, count);
  }

  const available = new Map<string, number>();
  for (const month of monthsOf(period)) {
    const monthSpan = monthPeriod(month);
    const days = overlapDays(monthSpan.start, monthSpan.end, period);
    const snapshot = snapshotOn(snapshots, monthSpan.end);
    for (const record of snapshot?.staff ?? []) {
      const key = groupOf(level, record);
      available.set(key, (available.get(key) ?? 0) + (record.fte ?? 1) * days);
    }
  }
  const lost = new Map<string, number>();
  for (const episode of data.sickness) {
    const end = episode.end ?? episode.start;
    const inPeriod = overlapDays(episode.start, end, period);
    if (inPeriod === 0) continue;
    const length = daysInclusive(episode.start, end);
    const fteDays = episode.fteDaysLost ?? episode.daysLost * (episode.fte ?? 1);
    const key = groupOf(level, episode);
    keys.add(key);
    lost.set(key, (lost.get(key) ?? 0) + (fteDays * inPeriod) / Math.max(length, 1));
  }

  const lastVacancyMonth = data.vacancies
    .map((vacancy) => vacancy.month)
    .filter((month) => month >= period.start.slice(0, 7) && month <= period.end.slice(0, 7))
    .sort()
    .at(-1);
  const vacancies = new Map<string, { vacant: number; establishment: number }>();
  for (const vacancy of data.vacancies) {
    if (vacancy.month !== lastVacancyMonth) continue;
    const key = groupOf(level, vacancy);
    const sum = vacancies.get(key) ?? { vacant: 0, establishment: 0 };
    sum.vacant += vacancy.vacancyFte;
    sum.establishment += vacancy.establishmentFte ?? (vacancy.staffInPostFte ?? 0) + vacancy.vacancyFte;
    vacancies.set(key, sum);
  }

  const months = new Set(monthsOf(period));
  const temporary = new Map<string, { bank: bigint; agency: bigint }>();
  for (const record of data.temporaryStaffing) {
    if (!months.has(record.month)) continue;
    const key = groupOf(level, record);
    const cost = temporary.get(key) ?? { bank: 0n, agency: 0n };
    cost[record.type] += record.costPence;
    temporary.set(key, cost);
  }
  const hasExtract = data.temporaryStaffing.some((record) => months.has(record.month));
  const payBill = new Map<string, bigint>();
  const ledgerTemporary = new Map<string, { bank: bigint; agency: bigint }>();
  for (const record of data.pay) {
    if (!months.has(record.month)) continue;
    const key = level === 'staff-group' ? null : groupOf(level, { staffGroup: null, team: record.team });
    if (key === null) continue;
    payBill.set(key, (payBill.get(key) ?? 0n) + record.amountPence);
    if (record.kind === 'pay') continue;
    const cost = ledgerTemporary.get(key) ?? { bank: 0n, agency: 0n };
    cost[record.kind] += record.amountPence;
    ledgerTemporary.set(key, cost);
  }
  const shareOfPay = (group: string, pick: (cost: { bank: bigint; agency: bigint }) => bigint): Rate => {
    if (level === 'staff-group')
      return rate(0, 0, 'the pay bill is known by cost centre, not by staff group');
    const bill = payBill.get(group) ?? 0n;
    if (bill === 0n) return rate(0, 0, 'no pay bill (ledger or GL extract) for this group and period');
    const cost = (hasExtract ? temporary.get(group) : ledgerTemporary.get(group)) ?? { bank: 0n, agency: 0n };
    return rate(Number(pick(cost)), Number(bill));
  };

  return [...keys].sort().map((group) => {
    const start = startGroups.get(group) ?? new Set<string>();
    const end = endGroups.get(group)?.size ?? 0;
    const average = (start.size + end) / 2;
    const left = leavers.get(group) ?? { all: 0, fromNhs: 0 };
    let stayed = 0;
    for (const employee of start) if (employedAtEnd.has(employee)) stayed += 1;
    const vacancy = vacancies.get(group);
    return {
      organisation: data.organisation,
      level,
      group,
      headcountStart: start.size,
      headcountEnd: end,
      leavers: left.all,
      turnover: rate(left.all, average, startNote),
      leaverRate: rate(left.fromNhs, average, startNote),
      stability: rate(stayed, start.size, startNote),
      sickness: rate(lost.get(group) ?? 0, available.get(group) ?? 0),
      vacancy: vacancy
        ? rate(vacancy.vacant, vacancy.establishment)
        : rate(0, 0, 'no vacancy extract for this group and period'),
      bankAgencyShare: shareOfPay(group, (cost) => cost.bank + cost.agency),
      agencyShare: shareOfPay(group, (cost) => cost.agency),
    };
  });
}

/** The median of the values that exist; null when none do. */
export function median(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (present.length === 0) return null;
  const middle = (present.length - 1) / 2;
  return ((present[Math.floor(middle)] as number) + (present[Math.ceil(middle)] as number)) / 2;
}

export type MonthlyMeasure = 'turnover' | 'sickness-absence' | 'agency-share';

/** Below this average headcount one leaver or one long absence swings a team's monthly rate too far to read a trend. */
export const MINIMUM_TEAM_HEADCOUNT = 15;

/**
 * Each team's turnover, sickness absence and agency share, month by month:
 * what the early-warning rules watch. Teams too small for a monthly rate to
 * mean anything are left out.
 */
export function monthlyTeamMeasures(
  data: OrganisationWorkforce,
  months: readonly string[],
  minimumHeadcount: number = MINIMUM_TEAM_HEADCOUNT,
): { team: string; measure: MonthlyMeasure; month: string; value: number }[] {
  const out: { team: string; measure: MonthlyMeasure; month: string; value: number }[] = [];
  for (const month of months) {
    for (const figures of workforceFigures(data, monthPeriod(month), 'team')) {
      if (figures.group === UNKNOWN) continue;
      if ((figures.headcountStart + figures.headcountEnd) / 2 < minimumHeadcount) continue;
      const push = (measure: MonthlyMeasure, value: number | null) => {
        if (value !== null) out.push({ team: figures.group, measure, month, value });
      };
      push('turnover', figures.turnover.value);
      push('sickness-absence', figures.sickness.value);
      push('agency-share', figures.agencyShare.value);
    }
  }
  return out;
}
