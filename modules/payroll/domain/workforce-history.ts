import { addDays, daysBetween, type LocalDate } from '../../../kernel/time';
import { earlierDate, laterDate } from './pay-period';

/**
 * Workforce history from Mainstay's own pay records: for each organisation,
 * team (the cost centre staff are paid from) and calendar month, how many were
 * employed at the month end, who started and left, and the days lost to
 * sickness. The insight module reads it through the payroll service to spot
 * teams whose turnover or sickness is rising.
 */
export type WorkforceMonth = {
  organisationId: string;
  team: string;
  /** YYYY-MM */
  month: string;
  headcount: number;
  starters: number;
  leavers: number;
  sicknessDays: number;
  /** Calendar days employed in the month by everyone in the team, the denominator of the sickness rate. */
  employedDays: number;
  /** Leavers ÷ average of the headcount at the start and end of the month. */
  turnoverRate: number;
  sicknessRate: number;
};

export type EmploymentFact = {
  organisationId: string;
  employeeId: string;
  startDate: LocalDate;
  leavingDate: LocalDate | null;
  costCentres: readonly { effectiveFrom: LocalDate; costCentreCode: string }[];
};

export type SicknessFact = {
  organisationId: string;
  employeeId: string;
  firstDay: LocalDate;
  lastDay: LocalDate;
};

const firstOfNextMonth = (month: string): LocalDate =>
  `${addDays(`${month}-01` as LocalDate, 40).slice(0, 8)}01` as LocalDate;

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split('-').map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function teamOn(fact: EmploymentFact, date: LocalDate): string {
  let team = fact.costCentres[0]?.costCentreCode ?? 'unknown';
  for (const centre of fact.costCentres) if (centre.effectiveFrom <= date) team = centre.costCentreCode;
  return team;
}

const employedOn = (fact: EmploymentFact, date: LocalDate) =>
  fact.startDate <= date && (fact.leavingDate === null || fact.leavingDate >= date);

export function workforceHistory(
  employments: readonly EmploymentFact[],
  sickness: readonly SicknessFact[],
  from: string,
  to: string,
): WorkforceMonth[] {
  const rows = new Map<string, WorkforceMonth>();
  const row = (organisationId: string, team: string, month: string) => {
    const key = `${organisationId}|${team}|${month}`;
    let found = rows.get(key);
    if (!found) {
      found = {
        organisationId,
        team,
        month,
        headcount: 0,
        starters: 0,
        leavers: 0,
        sicknessDays: 0,
        employedDays: 0,
        turnoverRate: 0,
        sicknessRate: 0,
      };
      rows.set(key, found);
    }
    return found;
  };
  const openingHeadcount = new Map<string, number>();
  const byEmployee = new Map(employments.map((fact) => [`${fact.organisationId}|${fact.employeeId}`, fact]));
  for (const month of monthsBetween(from, to)) {
    const first = `${month}-01` as LocalDate;
    const last = addDays(firstOfNextMonth(month), -1);
    const dayBefore = addDays(first, -1);
    for (const fact of employments) {
      const start = laterDate(fact.startDate, first);
      const end = fact.leavingDate !== null && fact.leavingDate < last ? fact.leavingDate : last;
      if (end < start) continue;
      const team = teamOn(fact, end);
      const target = row(fact.organisationId, team, month);
      target.employedDays += daysBetween(start, end) + 1;
      if (employedOn(fact, last)) target.headcount += 1;
      if (fact.startDate >= first && fact.startDate <= last) target.starters += 1;
      if (fact.leavingDate !== null && fact.leavingDate >= first && fact.leavingDate <= last)
        target.leavers += 1;
      if (employedOn(fact, dayBefore)) {
        const key = `${fact.organisationId}|${team}|${month}`;
        openingHeadcount.set(key, (openingHeadcount.get(key) ?? 0) + 1);
      }
    }
    for (const absence of sickness) {
      const fact = byEmployee.get(`${absence.organisationId}|${absence.employeeId}`);
      if (!fact) continue;
      const start = laterDate(absence.firstDay, first);
      const end = earlierDate(absence.lastDay, last);
      if (end < start) continue;
      row(absence.organisationId, teamOn(fact, end), month).sicknessDays += daysBetween(start, end) + 1;
    }
  }
  // A team seen in any month appears in every month, so each series is complete.
  const teams = new Set([...rows.values()].map((target) => `${target.organisationId}|${target.team}`));
  for (const team of teams) {
    const [organisationId = '', code = ''] = team.split('|');
    for (const month of monthsBetween(from, to)) row(organisationId, code, month);
  }
  for (const [key, target] of rows) {
    const average = ((openingHeadcount.get(key) ?? 0) + target.headcount) / 2;
    target.turnoverRate = average > 0 ? Math.round((target.leavers / average) * 10_000) / 10_000 : 0;
    target.sicknessRate =
      target.employedDays > 0 ? Math.round((target.sicknessDays / target.employedDays) * 10_000) / 10_000 : 0;
  }
  return [...rows.values()].sort((a, b) =>
    a.organisationId === b.organisationId
      ? a.team === b.team
        ? a.month.localeCompare(b.month)
        : a.team.localeCompare(b.team)
      : a.organisationId.localeCompare(b.organisationId),
  );
}

/** The shape of the insight module's team series ({organisation, team, measure, values}), for its early warning. */
export type WorkforceSeries = {
  organisation: string;
  team: string;
  measure: 'turnover' | 'leavers' | 'sickness-absence';
  values: { month: string; value: number }[];
};

export function workforceSeries(history: readonly WorkforceMonth[]): WorkforceSeries[] {
  const series = new Map<string, WorkforceSeries>();
  const push = (month: WorkforceMonth, measure: WorkforceSeries['measure'], value: number) => {
    const key = `${month.organisationId}|${month.team}|${measure}`;
    let found = series.get(key);
    if (!found) {
      found = { organisation: month.organisationId, team: month.team, measure, values: [] };
      series.set(key, found);
    }
    found.values.push({ month: month.month, value });
  };
  for (const month of history) {
    push(month, 'turnover', month.turnoverRate);
    push(month, 'leavers', month.leavers);
    push(month, 'sickness-absence', month.sicknessRate);
  }
  return [...series.values()];
}
