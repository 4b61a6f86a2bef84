import { describe, expect, it } from 'vitest';
import type { PayElementKind } from '../../reference-data';
import type { Claim } from '../claims';
import { payPeriod } from '../pay-period';
import { sortChanges } from '../pay-record';
import { type PayAward, upliftedPoints } from '../pay-scales';
import { change, nurseRecord, testScales } from '../testing/payslip-inputs';
import { arrearsLines, type PaidPeriod } from './arrears';
import { contractualPay } from './contractual-pay';

const saturdayShift: Claim = {
  id: 'clm_june',
  recordedSeq: 1n,
  employeeId: 'emp_nurse',
  kind: 'unsocial-hours',
  workedOn: '2026-06-13' as never,
  details: { saturdayOrNightCentihours: 750, sundayOrPublicHolidayCentihours: 0 },
};

async function paidAtOldRates(): Promise<PaidPeriod[]> {
  const scales = await testScales();
  const changes = sortChanges([change('2025-01-01', nurseRecord)]);
  return [1, 2, 3, 4, 5, 6, 7].map((month) => {
    const period = payPeriod('monthly', '2026-27', month);
    const claims = month === 3 ? [saturdayShift] : [];
    const pay = contractualPay({
      startDate: '2025-01-01' as never,
      sortedChanges: changes,
      period,
      scales,
      claims,
      sacrifices: [],
      includeContract: true,
    });
    const paidByKind = new Map<PayElementKind, number>();
    for (const line of pay.lines) paidByKind.set(line.kind, (paidByKind.get(line.kind) ?? 0) + line.amount);
    return { period, paidByKind, claims };
  });
}

describe('arrears of a backdated pay award, period by period', () => {
  it('an award agreed in November from April pays each month’s difference, unsocial hours included', async () => {
    const reference = (await testScales()).references.get('2026-27');
    if (!reference) throw new Error('no 2026-27 reference');
    const award: PayAward = {
      id: 'awd_2026',
      payYear: '2026-27',
      effectiveFrom: '2026-04-01' as never,
      description: '2% structural award for bands 2 to 5',
      points: upliftedPoints(reference, 200, ['2', '3', '4', '5']),
      recordedSeq: 10n,
    };
    expect(award.points['5']?.[1]).toBe(3_528_400); // £34,592 × 1.02 = £35,283.84 → £35,284
    const { lines, issues } = arrearsLines({
      startDate: '2025-01-01' as never,
      sortedChanges: sortChanges([change('2025-01-01', nurseRecord)]),
      scales: await testScales([award]),
      paidPeriods: await paidAtOldRates(),
    });
    expect(issues).toEqual([]);
    const monthly = Math.round(3_528_400 / 12) - Math.round(3_459_200 / 12);
    expect(
      lines.filter((line) => line.kind === 'basic-pay').map((line) => [line.arrearsFor, line.amount]),
    ).toEqual([1, 2, 3, 4, 5, 6, 7].map((month) => [`2026-27/M0${month}`, monthly]));
    const unsocial = lines.filter((line) => line.kind === 'unsocial-hours');
    expect(unsocial).toHaveLength(1);
    expect(unsocial[0]).toMatchObject({ arrearsFor: '2026-27/M03', amount: 4_060 - 3_980 });
  });

  it('a period already put right gives nothing, so arrears are never paid twice', async () => {
    const { lines } = arrearsLines({
      startDate: '2025-01-01' as never,
      sortedChanges: sortChanges([change('2025-01-01', nurseRecord)]),
      scales: await testScales(),
      paidPeriods: await paidAtOldRates(),
    });
    expect(lines).toEqual([]);
  });

  it('a backdated change of hours is repriced from its effective date', async () => {
    const { lines } = arrearsLines({
      startDate: '2025-01-01' as never,
      sortedChanges: sortChanges([
        change('2025-01-01', nurseRecord),
        change('2026-09-01', { contractedCentihours: 3000 }),
      ]),
      scales: await testScales(),
      paidPeriods: await paidAtOldRates(),
    });
    expect(lines.map((line) => [line.arrearsFor, line.kind])).toEqual([
      ['2026-27/M06', 'basic-pay'],
      ['2026-27/M07', 'basic-pay'],
    ]);
    expect(lines.every((line) => line.amount < 0)).toBe(true);
  });
});
