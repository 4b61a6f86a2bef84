import { describe, expect, it } from 'vitest';
import { loadTaxYearReference } from '../../reference-data';
import type { Claim } from '../claims';
import { calculateEmployeePeriod } from '../employee-period';
import { parseTaxCode } from '../tax-code';
import { change, nurseInput, nurseRecord } from '../testing/payslip-inputs';
import { calculatePayslip } from './calculate-payslip';
import type { CalculatedPayslip, DeductionOrder, PayslipInput, PayslipOutcome } from './types';

const BAND_5_POINT_2_MONTH = 288267; // £34,592 ÷ 12

function payslipOf(outcome: PayslipOutcome): CalculatedPayslip {
  if (!outcome.ok) throw new Error(`expected a payslip, got ${JSON.stringify(outcome.issues)}`);
  return outcome.payslip;
}

function issuesOf(outcome: PayslipOutcome) {
  if (outcome.ok) throw new Error('expected issues');
  return outcome.issues;
}

const claim = (id: string, fields: Omit<Claim, 'id' | 'recordedSeq' | 'employeeId'>): Claim =>
  ({ id, recordedSeq: 1n, employeeId: 'emp_nurse', ...fields }) as Claim;

describe('a month of pay for a band 5 nurse', () => {
  it('pays basic pay and agrees with the statutory engine on tax, NI and pension', async () => {
    const input = await nurseInput(8);
    const payslip = payslipOf(calculatePayslip(input));
    expect(payslip.lines.map((line) => [line.kind, line.amount])).toEqual([
      ['basic-pay', BAND_5_POINT_2_MONTH],
    ]);
    const code = parseTaxCode('1257L');
    if (!code.ok) throw new Error(code.reason);
    const engine = calculateEmployeePeriod(
      {
        frequency: 'monthly',
        period: 8,
        taxCode: code.code,
        week1Month1: false,
        taxablePay: BAND_5_POINT_2_MONTH,
        previousTaxablePay: 0,
        previousTax: 0,
        niCategory: 'A',
        niablePay: BAND_5_POINT_2_MONTH,
        studentLoanPlans: [],
        postgraduateLoan: false,
        pensionablePay: BAND_5_POINT_2_MONTH,
        annualPensionablePay: 3_459_200,
      },
      input.reference,
    );
    expect(payslip.figures).toMatchObject({
      gross: BAND_5_POINT_2_MONTH,
      incomeTax: engine.incomeTax.tax,
      employeeNi: engine.nationalInsurance.employee,
      employerNi: engine.nationalInsurance.employer,
      pensionEmployee: engine.pension.employee,
    });
    expect(payslip.figures.netPay).toBe(
      BAND_5_POINT_2_MONTH -
        engine.incomeTax.tax -
        engine.nationalInsurance.employee -
        engine.pension.employee,
    );
    expect(payslip.ytd.taxable).toBe(BAND_5_POINT_2_MONTH);
  });

  it('carries the year to date from the previous payslip into cumulative PAYE', async () => {
    const first = payslipOf(calculatePayslip(await nurseInput(1)));
    const second = payslipOf(
      calculatePayslip(
        await nurseInput(2, {
          previous: {
            runSequence: 1n,
            taxYear: '2026-27',
            taxPeriod: 1,
            netPay: first.figures.netPay,
            taxCode: first.taxCode,
            week1Month1: false,
            ytd: first.ytd,
            attachments: {},
          },
        }),
      ),
    );
    expect(second.ytd.taxable).toBe(2 * BAND_5_POINT_2_MONTH);
    expect(second.ytd.tax).toBe(first.figures.incomeTax + second.figures.incomeTax);
    expect(second.firstPay).toBe(false);
  });

  it.each([
    ['a starter on the 15th of a 30-day month', { start: '2026-11-15' }, 153_742],
    ['a leaver on the 10th', { leave: '2026-11-10' }, 96_089],
    ['part-time 22.5 of 37.5 hours', { hours: 2250 }, 172_960],
  ])(
    '%s is paid pro rata',
    async (_name, options: { start?: string; leave?: string; hours?: number }, expected) => {
      const input = await nurseInput(8, {
        employee: {
          id: 'emp_nurse',
          startDate: (options.start ?? '2025-01-01') as PayslipInput['employee']['startDate'],
          starter: { basis: 'A', previousPay: null },
        },
        changes: [
          change(options.start ?? '2025-01-01', {
            ...nurseRecord,
            contractedCentihours: options.hours ?? 3750,
            leavingDate: (options.leave ?? null) as PayslipInput['employee']['startDate'] | null,
          }),
        ],
      });
      expect(payslipOf(calculatePayslip(input)).figures.gross).toBe(expected);
    },
  );

  it('splits the month where a change takes effect mid-period', async () => {
    const input = await nurseInput(8, {
      changes: [change('2025-01-01', nurseRecord), change('2026-11-16', { contractedCentihours: 1875 })],
    });
    const payslip = payslipOf(calculatePayslip(input));
    expect(payslip.lines.map((line) => line.amount)).toEqual([
      Math.round((3_459_200 * 15) / (12 * 30)),
      Math.round((3_459_200 * 1875 * 15) / (3750 * 12 * 30)),
    ]);
  });

  it('steps to the next pay point on the pay-step date, automatically', async () => {
    const input = await nurseInput(8, {
      changes: [change('2024-11-16', { ...nurseRecord, payPoint: 1, pointSince: '2024-11-16' as never })],
    });
    // Point 1 (2 years) → point 2 from 16 November 2026.
    const payslip = payslipOf(calculatePayslip(input));
    expect(payslip.lines.map((line) => line.amount)).toEqual([
      Math.round((3_207_400 * 15) / (12 * 30)),
      Math.round((3_459_200 * 15) / (12 * 30)),
    ]);
  });

  it('adds HCAS, claims, salary sacrifice and payroll giving with their treatments', async () => {
    const orders: DeductionOrder[] = [
      {
        id: 'ord_bike',
        kind: 'salary-sacrifice',
        description: 'Cycle to work',
        payee: 'Cyclescheme',
        amountPerPeriod: 5000,
        attachment: null,
        startsOn: '2026-04-01' as never,
        endsOn: null,
      },
      {
        id: 'ord_give',
        kind: 'payroll-giving',
        description: 'Payroll giving',
        payee: 'Charities Trust',
        amountPerPeriod: 1000,
        attachment: null,
        startsOn: '2026-04-01' as never,
        endsOn: null,
      },
    ];
    const input = await nurseInput(8, {
      changes: [change('2025-01-01', { ...nurseRecord, hcasZone: 'fringe' })],
      claims: [
        claim('clm_sat', {
          kind: 'unsocial-hours',
          workedOn: '2026-11-07' as never,
          details: { saturdayOrNightCentihours: 750, sundayOrPublicHolidayCentihours: 0 },
        }),
        claim('clm_bank', {
          kind: 'bank-shift',
          workedOn: '2026-11-12' as never,
          details: { centihours: 750 },
        }),
      ],
      orders,
    });
    const payslip = payslipOf(calculatePayslip(input));
    expect(payslip.lines.map((line) => [line.kind, line.amount, line.ref])).toEqual([
      ['basic-pay', BAND_5_POINT_2_MONTH, null],
      ['hcas', 14_413, null], // 5% of £34,592 = £1,729.60 → ÷ 12
      ['unsocial-hours', 3_980, 'clm_sat'],
      ['bank-shift', 13_268, 'clm_bank'],
      ['salary-sacrifice', -5_000, 'ord_bike'],
    ]);
    const gross = BAND_5_POINT_2_MONTH + 14_413 + 3_980 + 13_268 - 5_000;
    expect(payslip.figures.gross).toBe(gross);
    expect(payslip.figures.taxable).toBe(gross - 1_000);
    expect(payslip.figures.niable).toBe(gross);
    expect(payslip.deductions.map((line) => [line.kind, line.amount])).toEqual([['payroll-giving', 1_000]]);
    expect(payslip.claimIds).toEqual(['clm_sat', 'clm_bank']);
  });
});

describe('bad input is named, never thrown', () => {
  it.each([
    ['an invalid tax code for the year', { taxCode: 'D2' }, 'taxCode', 'tax-code-in-year'],
    ['an unknown NI letter', { niLetter: 'Q' }, 'niLetter', 'ni-category-known'],
    ['a pay point not in the year’s scale', { payPoint: 4 }, 'payPoint', 'pay-point-in-scale'],
    [
      'more hours than whole-time',
      { contractedCentihours: 4000 },
      'contractedWeeklyCentihours',
      'whole-number-in-range',
    ],
  ])('%s', async (_name, fields, path, rule) => {
    const input = await nurseInput(8, { changes: [change('2025-01-01', { ...nurseRecord, ...fields })] });
    expect(issuesOf(calculatePayslip(input))).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('negative hours on a claim name the claim and the field', async () => {
    const input = await nurseInput(8, {
      claims: [
        claim('clm_neg', {
          kind: 'unsocial-hours',
          workedOn: '2026-11-07' as never,
          details: { saturdayOrNightCentihours: -750, sundayOrPublicHolidayCentihours: 0 },
        }),
      ],
    });
    expect(issuesOf(calculatePayslip(input))).toEqual([
      expect.objectContaining({
        path: 'claims[clm_neg].saturdayOrNightCentihours',
        rule: 'whole-number-in-range',
      }),
    ]);
  });

  it('skips someone not employed in the period without an issue', async () => {
    const input = await nurseInput(8, {
      employee: {
        id: 'emp_nurse',
        startDate: '2026-12-01' as never,
        starter: { basis: 'A', previousPay: null },
      },
      changes: [change('2026-12-01', nurseRecord)],
    });
    expect(calculatePayslip(input)).toEqual({ ok: false, issues: [], skip: true });
  });
});

describe('deductions from net pay', () => {
  const attachment = (
    id: string,
    priority: boolean,
    normal: number,
    protectedEarnings: number,
    orderDate: string,
    totalDebt: number | null = null,
  ): DeductionOrder => ({
    id,
    kind: 'attachment-of-earnings',
    description: priority ? 'Maintenance order' : 'County court judgment',
    payee: priority ? 'Child Maintenance Service' : 'Northshire County Court',
    amountPerPeriod: 0,
    attachment: {
      priority,
      normalDeduction: normal,
      protectedEarnings,
      totalDebt,
      orderDate: orderDate as never,
    },
    startsOn: '2026-01-01' as never,
    endsOn: null,
  });

  it('takes priority orders first and keeps protected earnings; a priority shortfall is carried, a non-priority one is not', async () => {
    const input = await nurseInput(8, {
      orders: [
        attachment('ord_ccj', false, 30_000, 150_000, '2025-01-01'),
        attachment('ord_cms', true, 60_000, 150_000, '2026-02-01'),
      ],
    });
    const payslip = payslipOf(calculatePayslip(input));
    const attachable =
      payslip.figures.gross -
      payslip.figures.incomeTax -
      payslip.figures.employeeNi -
      payslip.figures.pensionEmployee;
    const [first, second] = payslip.deductions;
    expect(first).toMatchObject({
      ref: 'ord_cms',
      amount: 60_000,
      carry: { shortfall: 0, paidToDate: 60_000 },
    });
    const leftForCcj = Math.max(0, attachable - 60_000 - 150_000);
    expect(second).toMatchObject({
      ref: 'ord_ccj',
      amount: Math.min(30_000, leftForCcj),
      carry: { shortfall: 0 },
    });
  });

  it('carries a priority shortfall and collects it next time, and stops at the debt', async () => {
    const order = attachment('ord_cms', true, 60_000, 200_000, '2026-02-01', 100_000);
    const payslip = payslipOf(calculatePayslip(await nurseInput(8, { orders: [order] })));
    const attachable =
      payslip.figures.gross -
      payslip.figures.incomeTax -
      payslip.figures.employeeNi -
      payslip.figures.pensionEmployee;
    const taken = Math.min(60_000, attachable - 200_000);
    expect(payslip.deductions[0]).toMatchObject({
      amount: taken,
      carry: { shortfall: 60_000 - taken, paidToDate: taken },
    });
    const next = payslipOf(
      calculatePayslip(
        await nurseInput(9, {
          orders: [
            { ...order, attachment: order.attachment && { ...order.attachment, protectedEarnings: 0 } },
          ],
          previous: {
            runSequence: 1n,
            taxYear: '2026-27',
            taxPeriod: 8,
            netPay: payslip.figures.netPay,
            taxCode: '1257L',
            week1Month1: false,
            ytd: payslip.ytd,
            attachments: { ord_cms: { shortfall: 60_000 - taken, paidToDate: taken } },
          },
        }),
      ),
    );
    expect(next.deductions[0]?.amount).toBe(Math.min(60_000 + (60_000 - taken), 100_000 - taken));
  });

  it('recovers anytime pay before voluntary deductions and skips a voluntary deduction net pay cannot cover', async () => {
    const union: DeductionOrder = {
      id: 'ord_union',
      kind: 'voluntary-deduction',
      description: 'Union subscription',
      payee: 'UNISON',
      amountPerPeriod: 1_500,
      attachment: null,
      startsOn: '2026-01-01' as never,
      endsOn: null,
    };
    const plenty = payslipOf(
      calculatePayslip(await nurseInput(8, { orders: [union], anytimePayOutstanding: 25_000 })),
    );
    expect(plenty.deductions.map((line) => [line.kind, line.amount])).toEqual([
      ['anytime-pay-recovery', 25_000],
      ['voluntary-deduction', 1_500],
    ]);
    expect(plenty.figures.anytimePayRecovered).toBe(25_000);
    const huge = payslipOf(
      calculatePayslip(await nurseInput(8, { orders: [union], anytimePayOutstanding: 10_000_000 })),
    );
    expect(huge.figures.netPay).toBe(0);
    expect(huge.deductions.map((line) => line.explanation.rule)).toEqual([
      'anytime-pay.recovery',
      'voluntary-deduction.not-covered',
    ]);
  });
});

describe('a second payment in the same period (supplementary run)', () => {
  it('charges NI on the period’s total earnings less the NI already taken', async () => {
    const reference = await loadTaxYearReference('2026-27');
    const main = payslipOf(calculatePayslip(await nurseInput(8)));
    const supplementary = payslipOf(
      calculatePayslip(
        await nurseInput(8, {
          kind: 'supplementary',
          claims: [
            claim('clm_late', {
              kind: 'adjustment',
              workedOn: '2026-10-20' as never,
              details: { elementKind: 'overtime', amountPence: 50_000, description: 'Late overtime claim' },
            }),
          ],
          previous: {
            runSequence: 1n,
            taxYear: '2026-27',
            taxPeriod: 8,
            netPay: main.figures.netPay,
            taxCode: main.taxCode,
            week1Month1: false,
            ytd: main.ytd,
            attachments: {},
          },
          samePeriod: {
            niable: main.figures.niable,
            employeeNi: main.figures.employeeNi,
            employerNi: main.figures.employerNi,
            studentLoanEarnings: main.figures.niable,
            studentLoan: 0,
            postgraduateLoan: 0,
          },
        }),
      ),
    );
    expect(supplementary.figures.gross).toBe(50_000);
    // Above the primary threshold, the whole 500.00 is charged at the main rate.
    expect(supplementary.figures.employeeNi).toBe(
      Math.round((50_000 * reference.nationalInsurance.categories.A!.employeeMainBps) / 10_000),
    );
  });
});

describe('a payment after leaving', () => {
  const lateClaimFor = async (taxCode: string) =>
    nurseInput(9, {
      kind: 'supplementary',
      changes: [change('2025-01-01', { ...nurseRecord, taxCode, leavingDate: '2026-10-31' as never })],
      claims: [
        claim('clm_after', {
          kind: 'adjustment',
          workedOn: '2026-10-20' as never,
          details: {
            elementKind: 'overtime',
            amountPence: 100_000,
            description: 'Overtime claimed after leaving',
          },
        }),
      ],
    });

  it('is taxed on 0T month 1, ignoring the code and the year to date, as HMRC requires after a P45', async () => {
    const input = await lateClaimFor('1257L');
    const payslip = payslipOf(calculatePayslip(input));
    expect(payslip.taxCode).toBe('0T M1');
    expect(payslip.week1Month1).toBe(true);
    // No allowance on a month 1 basis: the whole £1,000 falls in the 20% band.
    expect(payslip.figures.incomeTax).toBe(20_000);
  });

  it('keeps a Scottish leaver on Scottish rates', async () => {
    const payslip = payslipOf(calculatePayslip(await lateClaimFor('S1257L')));
    expect(payslip.taxCode).toBe('S0T M1');
    // Scotland's 19% starter band comes before its 20% basic band.
    expect(payslip.figures.incomeTax).toBeGreaterThan(19_000);
    expect(payslip.figures.incomeTax).toBeLessThan(20_000);
  });
});
