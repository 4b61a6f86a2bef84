import { describe, expect, it } from 'vitest';
import { calculatePayslip } from '../../domain/payslip/calculate-payslip';
import type { DeductionOrder } from '../../domain/payslip/types';
import { change, nurseInput, nurseRecord } from '../../domain/testing/payslip-inputs';
import { storedLines, storedLinesJson } from './payslips';

describe('stored payslip lines', () => {
  it('writes the same JSON by hand as from the line objects, overrides and payees included', async () => {
    const union: DeductionOrder = {
      id: 'ord_u',
      kind: 'voluntary-deduction',
      description: 'Union "subs"',
      payee: 'UNISON \\ North',
      amountPerPeriod: 1_500,
      attachment: null,
      startsOn: '2026-01-01' as never,
      endsOn: null,
    };
    const input = await nurseInput(8, {
      changes: [
        change('2025-01-01', { ...nurseRecord, hcasZone: 'fringe' }),
        change('2026-11-16', { costCentreCode: 'FIN01' }),
      ],
      claims: [
        {
          id: 'clm_1',
          recordedSeq: 1n,
          employeeId: 'emp_nurse',
          kind: 'bank-shift',
          workedOn: '2026-11-03' as never,
          details: { centihours: 750 },
        },
      ],
      orders: [union],
      anytimePayOutstanding: 5_000,
    });
    const outcome = calculatePayslip(input);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const withArrears = {
      ...outcome.payslip,
      lines: [
        ...outcome.payslip.lines,
        { ...outcome.payslip.lines[0]!, arrearsFor: '2026-27/M03', amount: -12 },
      ],
    };
    expect(storedLinesJson(withArrears)).toBe(JSON.stringify(storedLines(withArrears)));
    expect(
      JSON.parse(storedLinesJson(withArrears)).some((line: { cc?: string }) => line.cc === 'WARD1'),
    ).toBe(true);
  });
});
