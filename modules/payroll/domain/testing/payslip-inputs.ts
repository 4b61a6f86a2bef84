import type { LocalDate } from '../../../../kernel/time';
import { loadTaxYearReference } from '../../reference-data';
import { payPeriod } from '../pay-period';
import type { PayRecord, PayRecordChange } from '../pay-record';
import type { PayAward, PayScales } from '../pay-scales';
import type { PayslipInput } from '../payslip/types';

/** Test support: a band 5 nurse on the standard record, and the scales of both tax years on file. */
export const nurseRecord: PayRecord = {
  band: '5',
  payPoint: 2,
  pointSince: '2025-01-01' as LocalDate,
  spotSalaryPence: null,
  contractedCentihours: 3750,
  hcasZone: null,
  costCentreCode: 'WARD1',
  accountCode: '510100',
  taxCode: '1257L',
  week1Month1: false,
  taxCodeSource: 'hmrc',
  niLetter: 'A',
  pensionMember: true,
  studentLoanPlans: [],
  postgraduateLoan: false,
  leavingDate: null,
};

let seq = 0n;
export function change(effectiveFrom: string, fields: Partial<PayRecord>, reason = 'test'): PayRecordChange {
  seq += 1n;
  return {
    changeNo: Number(seq),
    effectiveFrom: effectiveFrom as LocalDate,
    fields,
    recordedSeq: seq,
    reason,
  };
}

export async function testScales(awards: PayAward[] = []): Promise<PayScales> {
  return {
    references: new Map([
      ['2025-26', await loadTaxYearReference('2025-26')],
      ['2026-27', await loadTaxYearReference('2026-27')],
    ]),
    awards,
  };
}

/** A monthly payslip input for the nurse in pay period `month` of 2026-27 (1 = April). */
export async function nurseInput(
  month: number,
  overrides: Partial<PayslipInput> = {},
): Promise<PayslipInput> {
  return {
    employee: {
      id: 'emp_nurse',
      startDate: '2025-01-01' as LocalDate,
      starter: { basis: 'A', previousPay: null },
    },
    changes: [change('2025-01-01', nurseRecord)],
    period: payPeriod('monthly', '2026-27', month),
    kind: 'main',
    reference: await loadTaxYearReference('2026-27'),
    scales: await testScales(),
    claims: [],
    orders: [],
    previous: null,
    samePeriod: null,
    anytimePayOutstanding: 0,
    arrears: [],
    employerPensionFunding: 'central-funding',
    ...overrides,
  };
}
