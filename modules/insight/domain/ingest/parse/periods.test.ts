import { describe, expect, it } from 'vitest';
import type { FinancialYear } from '../values';
import { financialPeriodMonth, parseFinancialYear, parsePeriod } from './periods';

const plain = { financialYear: null, order: 'day-first', excelSerials: false } as const;
const fy2021 = { ...plain, financialYear: '2020/21' as FinancialYear };

describe('parseFinancialYear', () => {
  it.each([
    ['2020/21', '2020/21'],
    ['2020-2021', '2020/21'],
    ['20/21', '2020/21'],
    ['FY 2020-21', '2020/21'],
    ['2021', '2020/21'],
    ['1999/00', '1999/00'],
  ])('reads %j as %s', (text, label) => {
    expect(parseFinancialYear(text)).toEqual({ ok: true, value: label });
  });

  it.each(['2020/22', 'next year', '20'])('refuses %j', (text) => {
    expect(parseFinancialYear(text).ok).toBe(false);
  });
});

describe('parsePeriod', () => {
  it.each([
    ['2020-04', plain, '2020-04'],
    ['202004', plain, '2020-04'],
    ['04/2020', plain, '2020-04'],
    ['Apr-20', plain, '2020-04'],
    ['April 2020', plain, '2020-04'],
    ['30/04/2020', plain, '2020-04'],
    ['1', fy2021, '2020-04'],
    ['M09', fy2021, '2020-12'],
    ['P10', fy2021, '2021-01'],
    ['Period 12', fy2021, '2021-03'],
  ])('reads %j as %s', (text, options, month) => {
    expect(parsePeriod(text, options)).toEqual({ ok: true, value: month });
  });

  it.each([
    ['1', plain, 'period-needs-financial-year'],
    ['13', fy2021, 'period-format'],
    ['2020-13', plain, 'period-format'],
    ['someday', plain, 'period-format'],
  ])('refuses %j with rule %s', (text, options, rule) => {
    expect(parsePeriod(text, options)).toMatchObject({ ok: false, rule });
  });

  it('maps all twelve financial periods to April–March', () => {
    const months = Array.from({ length: 12 }, (_, index) =>
      financialPeriodMonth('2020/21' as FinancialYear, index + 1),
    );
    expect(months).toEqual([
      '2020-04',
      '2020-05',
      '2020-06',
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
      '2021-01',
      '2021-02',
      '2021-03',
    ]);
  });
});
