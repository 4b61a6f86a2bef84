import { describe, expect, it } from 'vitest';
import { FPS_NI_NUMBER_PATTERN } from '../../../standards/hmrc-rti';
import { anytimePayPosition, drawRefusal } from './anytime-pay';
import { readNiNumber } from './ni-number';
import { payPeriod, payPeriodKey, taxMonthOf, taxYearOf } from './pay-period';
import { queryAge, workingHoursBetween } from './query-sla';

describe('NI numbers', () => {
  it.each([
    ['AB123456C', 'AB123456C'],
    ['ab 12 34 56 c', 'AB123456C'],
  ])('reads %s', (raw, value) => expect(readNiNumber(raw)).toEqual({ ok: true, value }));
  it.each([
    ['AB12345C', /form AB123456C/],
    ['DA123456A', /never starts with D/],
    ['AO123456A', /second letter .* never O/],
    ['GB123456A', /GB is not an allocated/],
    ['AB123456E', /A, B, C or D/],
  ])('refuses %s', (raw, reason) => {
    const read = readNiNumber(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
  it('accepts every prefix the FPS schema allows', () => {
    const prefixes = /^\(([A-Z|]+)\)/.exec(FPS_NI_NUMBER_PATTERN)?.[1]?.split('|') ?? [];
    expect(prefixes.length).toBeGreaterThan(100);
    expect(prefixes.filter((prefix) => !readNiNumber(`${prefix}123456A`).ok)).toEqual([]);
  });
});

describe('pay periods', () => {
  it.each([
    ['2026-04-05', '2025-26', 12],
    ['2026-04-06', '2026-27', 1],
    ['2026-11-27', '2026-27', 8],
    ['2027-03-31', '2026-27', 12],
  ])('%s is in tax year %s, tax month %i', (date, year, month) => {
    expect(taxYearOf(date as never)).toBe(year);
    expect(taxMonthOf(date as never)).toBe(month);
  });
  it('November 2026 is paid on its last working day in tax month 8', () => {
    expect(payPeriod('monthly', '2026-27', 8)).toEqual({
      frequency: 'monthly',
      taxYear: '2026-27',
      taxPeriod: 8,
      start: '2026-11-01',
      end: '2026-11-30',
      payDate: '2026-11-30',
      days: 30,
    });
    expect(payPeriod('monthly', '2026-27', 8, 28).payDate).toBe('2026-11-27'); // the 28th is a Saturday
  });
  it('week-based periods run from 6 April', () => {
    expect(payPeriod('weekly', '2026-27', 2)).toMatchObject({
      start: '2026-04-13',
      end: '2026-04-19',
      taxPeriod: 2,
    });
    expect(payPeriodKey(payPeriod('fortnightly', '2026-27', 3))).toBe('2026-27/F03');
  });
  it('refuses a period that does not exist', () => {
    expect(() => payPeriod('monthly', '2026-27', 13)).toThrow(/periods 1 to 12/);
  });
});

describe('anytime pay limits', () => {
  const limits = { maxShareOfEarnedNetBasisPoints: 5000, minimumDrawPence: 2000, maxDrawsPerPeriod: 3 };
  const position = (drawn: number, draws: number) =>
    anytimePayPosition({
      period: payPeriod('monthly', '2026-27', 8),
      today: '2026-11-15' as never,
      startDate: '2020-01-01' as never,
      leavingDate: null,
      expectedNetPay: 240_000,
      drawnThisPeriod: drawn,
      drawsThisPeriod: draws,
      limits,
    });
  it('half of the net earned in 15 of 30 days', () => {
    expect(position(0, 0)).toMatchObject({
      daysWorked: 15,
      daysEmployed: 30,
      earnedNet: 120_000,
      available: 60_000,
      drawsLeft: 3,
    });
  });
  it.each([
    [1_999, 0, 0, 'ANYTIME_PAY_BELOW_MINIMUM'],
    [60_001, 0, 0, 'ANYTIME_PAY_OVER_LIMIT'],
    [20_000, 50_000, 1, 'ANYTIME_PAY_OVER_LIMIT'],
    [2_000, 6_000, 3, 'ANYTIME_PAY_TOO_MANY_DRAWS'],
  ])('refuses %i pence with %i drawn in %i draws: %s', (amount, drawn, draws, code) => {
    expect(drawRefusal(amount, position(drawn, draws))?.code).toBe(code);
  });
  it('allows a draw within every limit', () => {
    expect(drawRefusal(60_000, position(0, 0))).toBeNull();
  });
});

describe('query SLA in working hours', () => {
  it('counts 09:00–17:00 on working days only', () => {
    // Friday 16:00 to Monday 10:00 (London, GMT in November): 1 + 1 hours.
    expect(workingHoursBetween(new Date('2026-11-20T16:00:00Z'), new Date('2026-11-23T10:00:00Z'))).toBe(2);
    // Christmas and Boxing Day (substitute Monday 28th) are not working days.
    expect(workingHoursBetween(new Date('2026-12-24T09:00:00Z'), new Date('2026-12-29T09:00:00Z'))).toBe(8);
  });
  it.each([
    ['2026-11-23T09:00:00Z', 'within-sla'],
    ['2026-11-26T09:00:00Z', 'escalate'],
    ['2026-12-01T09:00:00Z', 'breached'],
  ])('a query raised Monday 09:00, seen %s, is %s', (seen, status) => {
    expect(
      queryAge(new Date('2026-11-23T09:00:00Z'), new Date(seen), { queryResolution: 40, escalateAfter: 24 })
        .status,
    ).toBe(status);
  });
});
