import { describe, expect, it } from 'vitest';
import { readClaimsCsv } from './claims-csv';

const employees = new Map([
  ['N1001', 'emp_a'],
  ['N1002', 'emp_b'],
]);
const lookup = (payrollNumber: string) => employees.get(payrollNumber) ?? null;

describe('claims from a timesheet CSV', () => {
  it('reads every kind of row into claims in hundredths of an hour and pence', () => {
    const read = readClaimsCsv(
      [
        'Payroll Number,Worked On,Kind,Hours,Sunday Hours,Public Holiday,Sessions,Amount,Element,Description',
        'N1001,2026-11-07,unsocial-hours,7.5,,,,,,',
        'N1001,2026-11-08,unsocial-hours,,11.25,,,,,',
        'N1002,2026-11-09,overtime,3,,yes,,,,',
        'N1002,2026-11-10,on-call,1.5,,,2,£25.00,,',
        'N1001,2026-11-11,bank-shift,-7.5,,,,,,',
        'N1002,2026-11-12,adjustment,,,,,-12.34,basic-pay,Overpaid October',
      ].join('\n'),
      lookup,
    );
    expect(read.rejections).toEqual([]);
    expect(read.claims.map(({ claim }) => [claim.kind, claim.details])).toEqual([
      ['unsocial-hours', { saturdayOrNightCentihours: 750, sundayOrPublicHolidayCentihours: 0 }],
      ['unsocial-hours', { saturdayOrNightCentihours: 0, sundayOrPublicHolidayCentihours: 1125 }],
      ['overtime', { extraCentihours: 300, publicHoliday: true }],
      ['on-call', { sessions: 2, amountPerSessionPence: 2500, callOutCentihours: 150 }],
      ['bank-shift', { centihours: -750 }],
      ['adjustment', { elementKind: 'basic-pay', amountPence: -1234, description: 'Overpaid October' }],
    ]);
  });

  it('keeps each unreadable row with every reason, and still imports the good ones', () => {
    const read = readClaimsCsv(
      [
        'payroll_number,worked_on,kind,hours',
        'N9999,2026-11-07,overtime,2',
        'N1001,2026-02-30,overtime,2.125',
        'N1001,2026-11-07,sickness,',
        'N1001,2026-11-07,overtime,2',
      ].join('\n'),
      lookup,
    );
    expect(read.claims).toHaveLength(1);
    expect(
      read.rejections.map((rejection) => [rejection.row, rejection.issues.map((issue) => issue.path)]),
    ).toEqual([
      [2, ['row 2, payroll_number']],
      [3, ['row 3, worked_on', 'row 3, hours']],
      [4, ['row 4, kind']],
    ]);
    expect(read.rejections[2]?.issues[0]?.message).toMatch(/through the API/);
  });

  it('refuses a file without the columns it needs', () => {
    const read = readClaimsCsv('name,date\nx,y', lookup);
    expect(read.rejections[0]?.issues.map((issue) => issue.path)).toEqual([
      'row 1, payroll_number',
      'row 1, worked_on',
      'row 1, kind',
    ]);
  });
});
