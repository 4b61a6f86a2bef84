import { describe, expect, it } from 'vitest';
import { detectDateOrder, parseDate } from './dates';

const dayFirst = { order: 'day-first', excelSerials: false } as const;
const monthFirst = { order: 'month-first', excelSerials: false } as const;
const workbook = { order: 'day-first', excelSerials: true } as const;

describe('parseDate', () => {
  it.each([
    ['30/04/2020', dayFirst, '2020-04-30'],
    ['2/4/2020', dayFirst, '2020-04-02'],
    ['4/30/2020', monthFirst, '2020-04-30'],
    ['05-Apr-20', dayFirst, '2020-04-05'],
    ['01-Dec-19', dayFirst, '2019-12-01'],
    ['5 April 2020', dayFirst, '2020-04-05'],
    ['5th April 2020', dayFirst, '2020-04-05'],
    ['April 5, 2020', dayFirst, '2020-04-05'],
    ['2020-04-30', dayFirst, '2020-04-30'],
    ['2020-04-30T00:00:00', dayFirst, '2020-04-30'],
    ['2020-04-30 13:45:10.123Z', dayFirst, '2020-04-30'],
    ['30/04/2020 00:00', dayFirst, '2020-04-30'],
    ['30.04.2020', dayFirst, '2020-04-30'],
    ['30/04/20', dayFirst, '2020-04-30'],
    ['01/01/45', dayFirst, '1945-01-01'],
    ['20200430', dayFirst, '2020-04-30'],
    [' 30/04/2020 ', dayFirst, '2020-04-30'],
    ['43951', workbook, '2020-04-30'],
    ['43951.5', workbook, '2020-04-30'],
    ['29/02/2020', dayFirst, '2020-02-29'],
  ])('reads %j as %s', (text, options, iso) => {
    expect(parseDate(text, options)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['43951', dayFirst, 'date-format'],
    ['31/04/2020', dayFirst, 'date-invalid'],
    ['29/02/2021', dayFirst, 'date-invalid'],
    ['4/30/2020', dayFirst, 'date-order-conflict'],
    ['30/04/2020', monthFirst, 'date-order-conflict'],
    ['13/13/2020', dayFirst, 'date-invalid'],
    ['30/04/2202x', dayFirst, 'date-format'],
    ['30/04/1850', dayFirst, 'date-range'],
    ['05-Foo-20', dayFirst, 'date-format'],
    ['yesterday', dayFirst, 'date-format'],
    ['12', workbook, 'date-range'],
    ['', dayFirst, 'date-format'],
  ])('refuses %j with rule %s', (text, options, rule) => {
    expect(parseDate(text, options)).toMatchObject({ ok: false, rule });
  });
});

describe('detectDateOrder', () => {
  it.each([
    [['02/04/2020', '30/04/2020'], 'day-first', 'day-above-12'],
    [['4/30/2020', '4/1/2020'], 'month-first', 'month-above-12'],
    [['4/30/2020', '4/29/2020', '30/04/2020'], 'month-first', 'conflicting'],
    [['01/04/2020', '02/04/2020', '03/04/2020'], 'day-first', 'clustering'],
    [['4/1/2020', '4/2/2020', '4/3/2020'], 'month-first', 'clustering'],
    [['01/01/2020'], 'day-first', 'assumed'],
    [['05-Apr-20', '2020-04-30'], 'day-first', 'no-numeric-dates'],
  ])('decides %j is %s (%s)', (values, order, evidence) => {
    expect(detectDateOrder(values)).toMatchObject({ order, evidence });
  });
});
