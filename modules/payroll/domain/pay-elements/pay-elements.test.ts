import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../../../kernel/errors';
import { loadTaxYearReference, type TaxYearReference } from '../../reference-data';
import { afcPayPoint, type PeriodShare } from './agenda-for-change';
import { basicPay, hcasPayment } from './basic-pay';
import { extraHoursPayments, onCallPayments, unsocialHoursPayments } from './hours-payments';
import { summarisePayElements } from './pay-element';
import { salarySacrifice } from './salary-sacrifice';
import { statutoryMaternityPay, statutorySickPay } from './statutory-pay';

let reference: TaxYearReference;
let previous: TaxYearReference;
beforeAll(async () => {
  reference = await loadTaxYearReference('2026-27');
  previous = await loadTaxYearReference('2025-26');
});

const BAND_5_POINT_2 = 3459200; // £34,592 in the 2026/27 data
const fullMonth: PeriodShare = {
  frequency: 'monthly',
  contractedWeeklyCentihours: 3750,
  periodDays: 30,
  payableDays: 30,
};

function domainErrorOf(action: () => unknown): { path: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isDomainError(error))
      return { path: error.issues[0]?.path ?? '', message: error.issues[0]?.message ?? '' };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('Agenda for Change pay points', () => {
  it('reads a point of the year’s scale', () => {
    expect(afcPayPoint('5', 2, reference)).toEqual({ annual: BAND_5_POINT_2, yearsToNext: 2 });
    expect(afcPayPoint('8a', 2, reference).yearsToNext).toBeNull();
  });

  it.each([
    ['5', 4, 'payPoint', /band 5 has pay points 1 to 3 in 2026-27, not 4/],
    ['10', 1, 'band', /10 is not a band/],
    ['constructor', 1, 'band', /not a band/],
  ])('refuses band %s point %i naming %s', (band, point, path, message) => {
    const error = domainErrorOf(() => afcPayPoint(band, point, reference));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });
});

describe('basic pay: pro rata for hours (WTE) and for part months by calendar days', () => {
  it.each([
    ['whole-time month', fullMonth, 288267], // 34,592 ÷ 12 = 2,882.666… → £2,882.67
    ['22.5 of 37.5 hours', { ...fullMonth, contractedWeeklyCentihours: 2250 }, 172960],
    ['started on the 15th of a 30-day month (16 days)', { ...fullMonth, payableDays: 16 }, 153742],
    ['a week', { ...fullMonth, frequency: 'weekly', periodDays: 7, payableDays: 7 }, 66341], // ÷ 52.143
    [
      'a part-time fortnight',
      { frequency: 'fortnightly', contractedWeeklyCentihours: 2250, periodDays: 14, payableDays: 14 },
      79609,
    ],
  ] as const)('%s', (_name, share, expected) => {
    const line = basicPay({ ...share, annualSalary: BAND_5_POINT_2 }, reference);
    expect(line.amount).toBe(expected);
    expect(line.treatment).toEqual({ taxable: true, niable: true, pensionable: true });
    expect(line.explanation.rule).toBe('basic-pay.calendar-days');
  });

  it('refuses more hours than whole-time and more days than the period', () => {
    expect(
      domainErrorOf(() =>
        basicPay({ ...fullMonth, contractedWeeklyCentihours: 4000, annualSalary: 1 }, reference),
      ).path,
    ).toBe('contractedWeeklyCentihours');
    expect(
      domainErrorOf(() => basicPay({ ...fullMonth, payableDays: 31, annualSalary: 1 }, reference)).path,
    ).toBe('payableDays');
  });
});

describe('High Cost Area Supplements with minimum and maximum', () => {
  it.each([
    ['inside the limits', 'inner-london', BAND_5_POINT_2, fullMonth, 57653], // 20% = 6,918.40 → ÷ 12
    ['raised to the minimum', 'inner-london', 2527200, fullMonth, 46617], // 5,054.40 < 5,594
    ['capped at the maximum', 'inner-london', 7950500, fullMonth, 72867], // 15,901 > 8,744
    [
      'minimum pro rata for part-time',
      'inner-london',
      2527200,
      { ...fullMonth, contractedWeeklyCentihours: 2250 },
      27970,
    ],
    ['outer London maximum', 'outer-london', 7950500, fullMonth, 51142], // 6,137 ÷ 12 = 511.4166…
    ['fringe minimum', 'fringe', 2527200, fullMonth, 10833], // 1,300 ÷ 12 = 108.33…
  ] as const)('%s', (_name, zone, annualBasic, share, expected) => {
    const line = hcasPayment({ ...share, zone, annualBasic }, reference);
    expect(line.amount).toBe(expected);
    expect(line.treatment.pensionable).toBe(true);
  });

  it('says when the minimum applied', () => {
    expect(
      hcasPayment({ ...fullMonth, zone: 'inner-london', annualBasic: 2527200 }, reference).explanation.text,
    ).toContain('raised to the minimum');
  });
});

describe('unsocial hours by band', () => {
  it('band 5: 7.5 Saturday hours at time + 30% of £17.69/h is £39.80', () => {
    const [line] = unsocialHoursPayments(
      {
        band: '5',
        annualBasic: BAND_5_POINT_2,
        saturdayOrNightCentihours: 750,
        sundayOrPublicHolidayCentihours: 0,
      },
      reference,
    );
    expect(line?.amount).toBe(3980);
  });

  it('band 2: 8 Sunday hours at time + 83% of £12.92/h is £85.82', () => {
    const lines = unsocialHoursPayments(
      { band: '2', annualBasic: 2527200, saturdayOrNightCentihours: 0, sundayOrPublicHolidayCentihours: 800 },
      reference,
    );
    expect(lines.map((line) => line.amount)).toEqual([8582]);
  });

  it('refuses negative hours, naming the field', () => {
    expect(
      domainErrorOf(() =>
        unsocialHoursPayments(
          {
            band: '5',
            annualBasic: BAND_5_POINT_2,
            saturdayOrNightCentihours: -100,
            sundayOrPublicHolidayCentihours: 0,
          },
          reference,
        ),
      ).path,
    ).toBe('saturdayOrNightCentihours');
  });
});

describe('extra hours and overtime (AfC section 3)', () => {
  it('a 30-hour part-timer working 10 extra hours: 7.5 at plain time (pensionable), 2.5 at time and a half', () => {
    const lines = extraHoursPayments(
      {
        band: '5',
        annualBasic: BAND_5_POINT_2,
        contractedWeeklyCentihours: 3000,
        extraCentihours: 1000,
        publicHoliday: false,
      },
      reference,
    );
    expect(lines.map((line) => [line.kind, line.amount, line.treatment.pensionable])).toEqual([
      ['additional-hours', 13268, true],
      ['overtime', 6634, false],
    ]);
  });

  it('double time on a general public holiday', () => {
    const lines = extraHoursPayments(
      {
        band: '5',
        annualBasic: BAND_5_POINT_2,
        contractedWeeklyCentihours: 3750,
        extraCentihours: 250,
        publicHoliday: true,
      },
      reference,
    );
    expect(lines.map((line) => line.amount)).toEqual([8845]);
  });

  it('bands 8a–9 are not paid overtime', () => {
    const error = domainErrorOf(() =>
      extraHoursPayments(
        {
          band: '8a',
          annualBasic: 5752800,
          contractedWeeklyCentihours: 3750,
          extraCentihours: 100,
          publicHoliday: false,
        },
        reference,
      ),
    );
    expect(error).toMatchObject({ path: 'band' });
    expect(error.message).toMatch(/time off in lieu/);
  });

  it('a band 8a part-timer is still paid plain time up to whole-time', () => {
    const lines = extraHoursPayments(
      {
        band: '8a',
        annualBasic: 5752800,
        contractedWeeklyCentihours: 3000,
        extraCentihours: 750,
        publicHoliday: false,
      },
      reference,
    );
    expect(lines.map((line) => line.kind)).toEqual(['additional-hours']);
  });
});

describe('on-call (locally agreed availability, call-out work as overtime)', () => {
  it('per-session availability plus call-out hours', () => {
    const lines = onCallPayments(
      {
        band: '5',
        annualBasic: BAND_5_POINT_2,
        availability: { kind: 'per-session', amountPerSession: 2500, sessions: 3 },
        callOutCentihours: 200,
      },
      reference,
    );
    expect(lines.map((line) => [line.kind, line.amount])).toEqual([
      ['on-call-availability', 7500],
      ['on-call-work', 5307],
    ]);
  });

  it('availability as a percentage of basic pay', () => {
    const [line] = onCallPayments(
      {
        band: '5',
        annualBasic: BAND_5_POINT_2,
        availability: { kind: 'percentage-of-basic', rateBps: 500, periodBasicPay: 288267 },
        callOutCentihours: 0,
      },
      reference,
    );
    expect(line?.amount).toBe(14413); // 5% of £2,882.67 = 144.1335
  });
});

describe('statutory sick pay', () => {
  const sick = {
    qualifyingDaysPerWeek: 5,
    qualifyingDaysSick: 5,
    waitingDaysServed: 0,
    qualifyingDaysAlreadyPaid: 0,
  };

  it('2026/27: from the first day at the lower of £123.25 and 80% of average weekly earnings', () => {
    expect(statutorySickPay({ ...sick, averageWeeklyEarnings: 50000 }, reference).amount).toBe(12325);
    expect(statutorySickPay({ ...sick, averageWeeklyEarnings: 10000 }, reference).amount).toBe(8000);
  });

  it('2025/26: three waiting days and the lower earnings limit', () => {
    expect(statutorySickPay({ ...sick, averageWeeklyEarnings: 50000 }, previous).amount).toBe(4750); // 2 × 118.75 ÷ 5
    const below = statutorySickPay({ ...sick, averageWeeklyEarnings: 12000 }, previous);
    expect(below.amount).toBe(0);
    expect(below.explanation.text).toMatch(/below the lower earnings limit/);
  });

  it('rounds the daily amount up to the penny (7 qualifying days, 1 day: 118.75 ÷ 7 = 16.964 → £16.97)', () => {
    const line = statutorySickPay(
      {
        qualifyingDaysPerWeek: 7,
        qualifyingDaysSick: 1,
        waitingDaysServed: 3,
        qualifyingDaysAlreadyPaid: 0,
        averageWeeklyEarnings: 50000,
      },
      previous,
    );
    expect(line.amount).toBe(1697);
  });

  it('stops after 28 weeks', () => {
    const line = statutorySickPay(
      { ...sick, averageWeeklyEarnings: 50000, qualifyingDaysAlreadyPaid: 138 },
      reference,
    );
    expect(line.amount).toBe(4930); // 2 days left × 123.25 ÷ 5
  });
});

describe('statutory maternity pay', () => {
  it('six weeks at 90% of earnings, then the lower of £194.32 and 90%', () => {
    expect(
      statutoryMaternityPay({ averageWeeklyEarnings: 60000, firstDay: 1, days: 28 }, reference).amount,
    ).toBe(216000);
    expect(
      statutoryMaternityPay({ averageWeeklyEarnings: 60000, firstDay: 36, days: 14 }, reference).amount,
    ).toBe(54000 + 19432);
    expect(
      statutoryMaternityPay({ averageWeeklyEarnings: 60000, firstDay: 43, days: 3 }, reference).amount,
    ).toBe(8328);
  });

  it('is not due below the lower earnings limit', () => {
    expect(
      statutoryMaternityPay({ averageWeeklyEarnings: 12800, firstDay: 1, days: 7 }, reference).amount,
    ).toBe(0);
  });
});

describe('salary sacrifice and totals', () => {
  it('a sacrifice reduces taxable, NI-able and pensionable pay; overtime is not pensionable', () => {
    const lines = [
      basicPay({ ...fullMonth, annualSalary: BAND_5_POINT_2 }, reference),
      hcasPayment({ ...fullMonth, zone: 'inner-london', annualBasic: BAND_5_POINT_2 }, reference),
      ...extraHoursPayments(
        {
          band: '5',
          annualBasic: BAND_5_POINT_2,
          contractedWeeklyCentihours: 3750,
          extraCentihours: 250,
          publicHoliday: false,
        },
        reference,
      ),
      salarySacrifice({ scheme: 'cycle to work', amount: 5000 }, reference),
    ];
    expect(summarisePayElements(lines)).toEqual({
      grossPay: 288267 + 57653 + 6634 - 5000,
      taxablePay: 288267 + 57653 + 6634 - 5000,
      niablePay: 288267 + 57653 + 6634 - 5000,
      pensionablePay: 288267 + 57653 - 5000,
    });
  });
});
