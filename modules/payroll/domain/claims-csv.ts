import { parse } from 'csv-parse/sync';
import type { ValidationIssue } from '../../../kernel/errors';
import { parsePounds } from '../../../kernel/money';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { type PayElementKind, payElementKinds } from '../reference-data';
import { type ClaimInput, parseHours } from './claims';

/**
 * Claims from a timesheet system as CSV, one claim a row:
 *
 *   payroll_number, worked_on, kind, hours, sunday_hours, public_holiday, sessions, amount, element, description
 *
 * kind is unsocial-hours (hours = Saturday/night hours, sunday_hours = Sunday
 * and public holiday hours), overtime (hours, public_holiday yes/no), on-call
 * (sessions, amount per session in pounds, hours called out), bank-shift
 * (hours) or adjustment (element, amount in pounds, signed, description).
 * Statutory sick and maternity pay need more facts than a timesheet holds and
 * come through the API. A row that cannot be read is kept with its reasons;
 * the good rows are still imported.
 */
export type ClaimCsvRejection = { row: number; raw: string; issues: ValidationIssue[] };
export type ClaimCsvRead = { claims: { row: number; claim: ClaimInput }[]; rejections: ClaimCsvRejection[] };

const COLUMNS = [
  'payroll_number',
  'worked_on',
  'kind',
  'hours',
  'sunday_hours',
  'public_holiday',
  'sessions',
  'amount',
  'element',
  'description',
] as const;
type Column = (typeof COLUMNS)[number];

const CSV_KINDS = ['unsocial-hours', 'overtime', 'on-call', 'bank-shift', 'adjustment'] as const;

const normaliseHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readClaimsCsv(
  text: string,
  employeeIdOf: (payrollNumber: string) => string | null,
): ClaimCsvRead {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header, ...body] = rows;
  if (!header) return { claims: [], rejections: [] };
  const index = new Map<string, number>(header.map((name, position) => [normaliseHeader(name), position]));
  const missing = (['payroll_number', 'worked_on', 'kind'] as const).filter((name) => !index.has(name));
  if (missing.length > 0) {
    return {
      claims: [],
      rejections: [
        {
          row: 1,
          raw: header.join(','),
          issues: missing.map((name) => ({
            path: `row 1, ${name}`,
            rule: 'column-present',
            message: `the header has no ${name} column (expected ${COLUMNS.join(', ')})`,
          })),
        },
      ],
    };
  }
  const result: ClaimCsvRead = { claims: [], rejections: [] };
  body.forEach((cells, offset) => {
    const row = offset + 2;
    const issues: ValidationIssue[] = [];
    const cell = (name: Column) => (cells[index.get(name) ?? -1] ?? '').trim();
    const fail = (name: Column, rule: string, message: string) => {
      issues.push({ path: `row ${row}, ${name}`, rule, message });
    };
    const hours = (name: Column, required: boolean): number => {
      const value = cell(name);
      if (value === '') {
        if (required) fail(name, 'required', `${name} is required for this kind of claim`);
        return 0;
      }
      const parsed = parseHours(value);
      if (!parsed.ok) {
        fail(name, 'hours-format', parsed.reason);
        return 0;
      }
      return parsed.centihours;
    };
    const pounds = (name: Column): number => {
      const parsed = parsePounds(cell(name));
      if (!parsed.ok) {
        fail(name, 'amount-format', parsed.reason);
        return 0;
      }
      return Number(parsed.pence);
    };
    const payrollNumber = cell('payroll_number');
    const employeeId = payrollNumber === '' ? null : employeeIdOf(payrollNumber);
    if (payrollNumber === '') fail('payroll_number', 'required', 'payroll_number is empty');
    else if (!employeeId)
      fail('payroll_number', 'employee-known', `no employee has payroll number ${payrollNumber}`);
    const workedOn = cell('worked_on');
    if (!isLocalDate(workedOn))
      fail('worked_on', 'date-format', `"${workedOn}" is not a date such as 2026-11-14`);
    const kind = cell('kind');
    let claim: ClaimInput | null = null;
    const base = { employeeId: employeeId ?? '', workedOn: workedOn as LocalDate };
    switch (kind) {
      case 'unsocial-hours':
        claim = {
          ...base,
          kind,
          details: {
            saturdayOrNightCentihours: hours('hours', false),
            sundayOrPublicHolidayCentihours: hours('sunday_hours', false),
          },
        };
        break;
      case 'overtime': {
        const flag = cell('public_holiday').toLowerCase();
        if (!['', 'yes', 'no', 'y', 'n', 'true', 'false'].includes(flag))
          fail('public_holiday', 'yes-or-no', `"${cell('public_holiday')}" is not yes or no`);
        claim = {
          ...base,
          kind,
          details: {
            extraCentihours: hours('hours', true),
            publicHoliday: ['yes', 'y', 'true'].includes(flag),
          },
        };
        break;
      }
      case 'on-call': {
        const sessions = Number(cell('sessions') || '0');
        if (!Number.isInteger(sessions) || sessions < 0 || sessions > 31)
          fail(
            'sessions',
            'sessions-count',
            `"${cell('sessions')}" is not a number of sessions from 0 to 31`,
          );
        claim = {
          ...base,
          kind,
          details: {
            sessions: Number.isInteger(sessions) ? sessions : 0,
            amountPerSessionPence: cell('amount') === '' ? 0 : pounds('amount'),
            callOutCentihours: hours('hours', false),
          },
        };
        break;
      }
      case 'bank-shift':
        claim = { ...base, kind, details: { centihours: hours('hours', true) } };
        break;
      case 'adjustment': {
        const element = cell('element');
        if (!(payElementKinds as readonly string[]).includes(element))
          fail(
            'element',
            'pay-element-known',
            `"${element}" is not a pay element (${payElementKinds.join(', ')})`,
          );
        const description = cell('description');
        if (description === '') fail('description', 'required', 'say what the adjustment is for');
        claim = {
          ...base,
          kind,
          details: { elementKind: element as PayElementKind, amountPence: pounds('amount'), description },
        };
        break;
      }
      default:
        fail(
          'kind',
          'claim-kind',
          kind === 'sickness' || kind === 'maternity'
            ? `${kind} claims need average weekly earnings and day counts: enter them through the API`
            : `"${kind}" is not a claim kind (${CSV_KINDS.join(', ')})`,
        );
    }
    if (issues.length > 0 || !claim) result.rejections.push({ row, raw: cells.join(','), issues });
    else result.claims.push({ row, claim });
  });
  return result;
}
