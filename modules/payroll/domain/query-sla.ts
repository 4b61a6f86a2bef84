import type { LocalDate } from '../../../kernel/time';
import { addDays } from '../../../kernel/time';
import { isBacsWorkingDay } from '../../../standards/bacs18';

/**
 * Service levels for payslip queries are in working hours (the framework's
 * `servicedesk.slaHours`): 09:00–17:00 London time on Bacs working days
 * (Monday to Friday less England and Wales bank holidays).
 */
const DAY_START_MINUTES = 9 * 60;
const DAY_END_MINUTES = 17 * 60;

const londonClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function londonParts(instant: Date): { date: LocalDate; minutes: number } {
  const parts = Object.fromEntries(londonClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}` as LocalDate,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function isWorkingDay(date: LocalDate): boolean {
  try {
    return isBacsWorkingDay(date);
  } catch {
    // Outside the years whose bank holidays are on file, weekdays are the best estimate for an SLA clock.
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

export function workingHoursBetween(from: Date, to: Date): number {
  if (to <= from) return 0;
  const start = londonParts(from);
  const end = londonParts(to);
  let minutes = 0;
  for (let day = start.date; day <= end.date; day = addDays(day, 1)) {
    if (!isWorkingDay(day)) continue;
    const open = day === start.date ? Math.max(DAY_START_MINUTES, start.minutes) : DAY_START_MINUTES;
    const close = day === end.date ? Math.min(DAY_END_MINUTES, end.minutes) : DAY_END_MINUTES;
    minutes += Math.max(0, close - open);
  }
  return Math.round((minutes / 60) * 10) / 10;
}

export type SlaSettings = { queryResolution: number; escalateAfter: number };
export type SlaStatus = 'within-sla' | 'escalate' | 'breached';

export type QueryAge = { workingHours: number; status: SlaStatus; hoursLeft: number };

/** How old a query is in working hours and whether it should be escalated or has missed its resolution time. */
export function queryAge(raisedAt: Date, until: Date, sla: SlaSettings): QueryAge {
  const workingHours = workingHoursBetween(raisedAt, until);
  const status: SlaStatus =
    workingHours > sla.queryResolution
      ? 'breached'
      : workingHours >= sla.escalateAfter
        ? 'escalate'
        : 'within-sla';
  return {
    workingHours,
    status,
    hoursLeft: Math.max(0, Math.round((sla.queryResolution - workingHours) * 10) / 10),
  };
}
