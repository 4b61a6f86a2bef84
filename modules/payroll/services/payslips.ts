import type { TenantTx } from '../../../kernel/tenancy';
import { describePayPeriod } from '../domain/pay-period';
import { type PayslipView, payslipView } from '../domain/payslip-view';
import { payrollError } from '../errors';
import * as sql from '../sql/queries';
import type { PayrollDeps } from './context';
import { calculateBatch } from './engine';
import { renderPayslipPdf } from './payslip-pdf';
import type { RunsService } from './runs';

export type PayslipDocument = PayslipView & {
  run: {
    id: string;
    kind: string;
    taxYear: string;
    taxPeriod: number;
    periodName: string;
    periodStart: string;
    periodEnd: string;
    payDate: string;
  };
  employee: { id: string; payrollNumber: string; name: string; niNumber: string | null; address: string[] };
  employer: string;
  /** False if the rules now give different figures from those paid (the stored figures are shown). */
  explanationsMatch: boolean;
  bankAccount: string | null;
};

/**
 * Payslips: what was paid is stored; why is worked out again from the same
 * inputs (everything recorded by the run's cut-off) with the same rules, and
 * checked against what was stored before it is shown.
 */
export function createPayslipsService(
  _deps: PayrollDeps,
  runs: Pick<RunsService, 'run' | 'periodOf' | 'runCalculation'>,
) {
  const service = {
    /** An employee's committed payslips, newest first, with the period each pays. */
    async employeePayslips(tx: TenantTx, employeeId: string) {
      const payslips = await sql.selectPayslips(tx, { employeeId, committedOnly: true, limit: 60 });
      const runsById = new Map(
        (await sql.selectRuns(tx, { ids: [...new Set(payslips.map((row) => row.runId))], limit: 100 })).map(
          (run) => [run.id, run],
        ),
      );
      return payslips.flatMap((payslip) => {
        const run = runsById.get(payslip.runId);
        return run
          ? [
              {
                runId: run.id,
                kind: run.kind,
                periodName: describePayPeriod(runs.periodOf(run)),
                payDate: run.payDate,
                grossPence: payslip.figures.gross,
                netPence: payslip.figures.netPay,
              },
            ]
          : [];
      });
    },

    /** A committed payslip for its employee: drafts of a run not yet committed are the payroll team's only. */
    async employeePayslip(tx: TenantTx, employeeId: string, runId: string): Promise<PayslipDocument> {
      const run = await runs.run(tx, runId);
      if (run.status !== 'committed')
        throw payrollError('PAYSLIP_NOT_FOUND', `No payslip for you in run ${runId}`);
      return service.payslip(tx, runId, employeeId);
    },

    async payslipPdf(tx: TenantTx, runId: string, employeeId: string): Promise<Buffer> {
      return renderPayslipPdf(await service.payslip(tx, runId, employeeId));
    },

    async payslips(
      tx: TenantTx,
      filter: { runId?: string; employeeId?: string; afterEmployeeId?: string; limit?: number },
    ) {
      if (filter.runId) await runs.run(tx, filter.runId);
      return sql.selectPayslips(tx, { ...filter, limit: Math.min(filter.limit ?? 100, 1000) });
    },

    async payslip(tx: TenantTx, runId: string, employeeId: string): Promise<PayslipDocument> {
      const [stored] = await sql.selectPayslips(tx, { runId, employeeId, limit: 1 });
      if (!stored) throw payrollError('PAYSLIP_NOT_FOUND', `No payslip for ${employeeId} in run ${runId}`);
      const run = await runs.run(tx, runId);
      const [employee] = await sql.selectEmployees(tx, { ids: [employeeId], limit: 1 });
      if (!employee) throw payrollError('EMPLOYEE_NOT_FOUND', `No employee ${employeeId}`);
      const recalculation = await recalculate(tx, run, employeeId);
      const matches =
        recalculation !== null && JSON.stringify(recalculation.figures) === JSON.stringify(stored.figures);
      const view: PayslipView =
        recalculation && matches
          ? payslipView(recalculation)
          : {
              pay: stored.lines
                .filter(
                  (line) =>
                    ![
                      'payroll-giving',
                      'voluntary-deduction',
                      'attachment-of-earnings',
                      'anytime-pay-recovery',
                    ].includes(line.k),
                )
                .map((line, index) => ({
                  ref: `pay-${index + 1}`,
                  kind: line.k,
                  label: line.k,
                  amount: line.a,
                  arrearsFor: line.f ?? null,
                  explanation: null,
                })),
              deductions: [],
              employerCosts: [],
              figures: stored.figures,
              ytd: stored.ytd,
              taxCode: stored.taxCode,
              week1Month1: stored.week1Month1,
              niLetter: stored.niLetter,
              pensionTier: stored.pensionTier,
              costCentreCode: stored.costCentreCode,
            };
      const bank = stored.bankDetailsId
        ? (await sql.selectBankDetails(tx, { ids: [stored.bankDetailsId] }))[0]
        : undefined;
      const period = runs.periodOf(run);
      return {
        ...view,
        run: {
          id: run.id,
          kind: run.kind,
          taxYear: run.taxYear,
          taxPeriod: run.taxPeriod,
          periodName: describePayPeriod(period),
          periodStart: run.periodStart,
          periodEnd: run.periodEnd,
          payDate: run.payDate,
        },
        employee: {
          id: employee.id,
          payrollNumber: employee.payrollNumber,
          name: [employee.title, employee.forenames, employee.surname].filter(Boolean).join(' '),
          niNumber: employee.niNumber,
          address: [...employee.addressLines, ...(employee.postcode ? [employee.postcode] : [])],
        },
        employer: tx.ctx.organisationId,
        explanationsMatch: matches,
        bankAccount: bank
          ? `${bank.sortCode.slice(0, 2)}-${bank.sortCode.slice(2, 4)}-${bank.sortCode.slice(4)} ****${bank.accountNumber.slice(-4)}`
          : null,
      };
    },
  };

  async function recalculate(tx: TenantTx, run: sql.PayRunRow, employeeId: string) {
    if (run.inputsSeq === null) return null;
    const [result] = await calculateBatch(tx, await runs.runCalculation(tx, run), {
      kind: 'ids',
      ids: [employeeId],
    });
    return result?.outcome.ok ? result.outcome.payslip : null;
  }

  return service;
}
