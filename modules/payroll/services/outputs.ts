import { createHash } from 'node:crypto';
import { type Pence, pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { addDays, type LocalDate, londonDate } from '../../../kernel/time';
import {
  addBacsWorkingDays,
  nextBacsWorkingDay,
  type Standard18Payment,
  writeStandard18,
} from '../../../standards/bacs18';
import {
  bacsHashCode,
  type FpsEmployee,
  type FpsInput,
  type HoursWorkedBand,
  rtiRandomString,
  writeFullPaymentSubmission,
} from '../../../standards/hmrc-rti';
import { frequencyRules } from '../domain/pay-frequency';
import { describePayPeriod, laterDate, taxYearOf } from '../domain/pay-period';
import { isPaymentAfterLeaving, payRecordOn, sortChanges } from '../domain/pay-record';
import type { RunPostings } from '../domain/run-postings';
import { payrollError } from '../errors';
import * as sql from '../sql/queries';
import type { PayrollDeps } from './context';
import type { RunsService } from './runs';

const p = (value: number): Pence => pence(value);

/**
 * The RTI random string of a payment: derived from the run and employee so
 * that the Bacs file and the FPS written at any time carry the same string and
 * so the same hash. The hash input is published (standards/hmrc-rti); the
 * string only needs to differ between payments.
 */
function rtiStringFor(runId: string, employeeId: string): string {
  let counter = 0;
  return rtiRandomString((size) => {
    const bytes = createHash('sha256').update(`${runId}|${employeeId}|${counter++}`).digest();
    return bytes.subarray(0, size);
  });
}

function hoursBand(centihours: number): HoursWorkedBand {
  if (centihours < 1600) return 'A';
  if (centihours < 2400) return 'B';
  if (centihours < 3000) return 'C';
  return 'D';
}

const FPS_FREQUENCY = { weekly: 'W1', fortnightly: 'W2', 'four-weekly': 'W4', monthly: 'M1' } as const;
const FPS_LOAN_PLAN = { '1': '01', '2': '02', '4': '04', '5': '05' } as const;

export type BacsPayment = Standard18Payment & { employeeId: string; bacsHash: string };

export type ThirdPartyPayment = { payee: string; what: string; amountPence: number; dueDate: LocalDate };

/** Day-of-month `day` in the month after the tax month containing `payDate` (tax months end on the 5th). */
function dueAfterTaxMonth(payDate: LocalDate, day: number): LocalDate {
  const [year, month, dayOfMonth] = payDate.split('-').map(Number) as [number, number, number];
  const taxMonthEnd =
    dayOfMonth >= 6 ? new Date(Date.UTC(year, month, 5)) : new Date(Date.UTC(year, month - 1, 5));
  return new Date(Date.UTC(taxMonthEnd.getUTCFullYear(), taxMonthEnd.getUTCMonth(), day))
    .toISOString()
    .slice(0, 10) as LocalDate;
}

export function createOutputsService(_deps: PayrollDeps, runs: Pick<RunsService, 'run' | 'periodOf'>) {
  async function committedRun(tx: TenantTx, runId: string): Promise<sql.PayRunRow> {
    const run = await runs.run(tx, runId);
    if (run.status !== 'committed') {
      throw payrollError(
        'PAY_RUN_WRONG_STATUS',
        `Pay run ${runId} is ${run.status}: outputs come from committed runs only`,
      );
    }
    return run;
  }

  async function requireEmployer(tx: TenantTx): Promise<sql.EmployerRow> {
    const employer = await sql.selectEmployer(tx);
    if (!employer)
      throw payrollError('EMPLOYER_NOT_SET_UP', 'Set up the employer’s PAYE and Bacs details first');
    return employer;
  }

  async function runPayments(tx: TenantTx, run: sql.PayRunRow) {
    const payslips = await sql.selectPayslips(tx, { runId: run.id, limit: 10_000_000 });
    const employees = new Map(
      (
        await sql.selectEmployees(tx, { ids: payslips.map((row) => row.employeeId), limit: payslips.length })
      ).map((row) => [row.id, row]),
    );
    const bankIds = payslips.flatMap((row) => (row.bankDetailsId ? [row.bankDetailsId] : []));
    const banks = new Map((await sql.selectBankDetails(tx, { ids: bankIds })).map((row) => [row.id, row]));
    // Money arrives on pay day when the file is processed the working day before; a run committed later goes on the next day Bacs can take.
    const committedOn = londonDate(new Date(run.committedAt ?? run.createdAt));
    const processingDate = laterDate(
      addBacsWorkingDays(run.payDate, -1) as LocalDate,
      nextBacsWorkingDay(addDays(committedOn, 1)) as LocalDate,
    );
    const payments = new Map<string, BacsPayment>();
    for (const payslip of payslips) {
      const bank = payslip.bankDetailsId ? banks.get(payslip.bankDetailsId) : undefined;
      const employee = employees.get(payslip.employeeId);
      if (!bank || !employee || payslip.figures.netPay <= 0 || bank.status !== 'verified') continue;
      const rtiString = rtiStringFor(run.id, payslip.employeeId);
      const payment = {
        sortCode: bank.sortCode,
        accountNumber: bank.accountNumber,
        accountName: bank.accountName,
        amount: p(payslip.figures.netPay),
        reference: employee.payrollNumber,
        rtiString,
      };
      payments.set(payslip.employeeId, {
        ...payment,
        employeeId: payslip.employeeId,
        bacsHash: bacsHashCode({ ...payment, processingDate }),
      });
    }
    return { payslips, employees, payments, processingDate, committedOn };
  }

  return {
    /** The net pay Bacs Standard 18 file: one credit per employee paid, to verified bank details only. */
    async bacsFile(tx: TenantTx, runId: string) {
      const run = await committedRun(tx, runId);
      const employer = await requireEmployer(tx);
      const { payments, processingDate, committedOn } = await runPayments(tx, run);
      const file = writeStandard18({
        form: 'DAILY',
        serviceUserNumber: employer.bacsServiceUserNumber,
        originator: {
          sortCode: employer.bankSortCode,
          accountNumber: employer.bankAccountNumber,
          name: employer.bankAccountName,
        },
        processingDate,
        creationDate: committedOn,
        submissionSerial: run.sequence.toString(36).toUpperCase().padStart(6, '0').slice(-6),
        fileNumber: 1,
        payments: [...payments.values()].map(
          ({ employeeId: _employeeId, bacsHash: _hash, ...payment }) => payment,
        ),
      });
      return {
        fileName: `net-pay-${run.taxYear}-${run.kind}-${run.period}-${run.id}.bacs`,
        text: file.text,
        payments: payments.size,
        totals: file.totals,
        processingDate,
      };
    },

    /** The HMRC RTI Full Payment Submission for the run, each payment carrying the hash of its Bacs credit. */
    async fullPaymentSubmission(tx: TenantTx, runId: string, options: { gatewayTest?: boolean } = {}) {
      const run = await committedRun(tx, runId);
      const employer = await requireEmployer(tx);
      const { payslips, employees, payments } = await runPayments(tx, run);
      const changes = await sql.selectChanges(
        tx,
        payslips.map((row) => row.employeeId),
        run.inputsSeq,
      );
      const recordAtEnd = (employeeId: string) =>
        payRecordOn(sortChanges(changes.filter((change) => change.employeeId === employeeId)), run.periodEnd);
      const fpsEmployees: FpsEmployee[] = [];
      for (const payslip of payslips) {
        const employee = employees.get(payslip.employeeId);
        if (!employee) continue;
        const [firstForename = employee.forenames, ...otherForenames] = employee.forenames.split(/\s+/);
        const record = recordAtEnd(payslip.employeeId);
        const leaving =
          record?.leavingDate && record.leavingDate <= run.periodEnd ? record.leavingDate : undefined;
        const { figures, ytd } = payslip;
        const plan = record?.studentLoanPlans[0];
        fpsEmployees.push({
          nino: employee.niNumber ?? undefined,
          name: {
            title: employee.title ?? undefined,
            forenames: [firstForename, ...otherForenames.slice(0, 1)],
            surname: employee.surname,
          },
          address: { lines: employee.addressLines.slice(0, 4), postcode: employee.postcode ?? undefined },
          birthDate: employee.dateOfBirth,
          gender: employee.gender,
          employments: [
            {
              payrollId: employee.payrollNumber,
              // Staff who started in an earlier tax year were reported by the payroll before Mainstay.
              starter:
                payslip.firstPay && taxYearOf(employee.startDate) === run.taxYear
                  ? {
                      startDate: employee.startDate,
                      ...(employee.starterBasis === 'p45' ? {} : { declaration: employee.starterBasis }),
                    }
                  : undefined,
              leavingDate: leaving,
              figuresToDate: {
                taxablePay: p(ytd.taxable),
                totalTax: p(ytd.tax),
                ...(ytd.studentLoan > 0 ? { studentLoans: p(ytd.studentLoan) } : {}),
                ...(ytd.postgraduateLoan > 0 ? { postgraduateLoans: p(ytd.postgraduateLoan) } : {}),
                ...(ytd.pensionEmployee > 0
                  ? { employeePensionContributionsPaid: p(ytd.pensionEmployee) }
                  : {}),
              },
              payment: {
                bacsHashCode: payments.get(payslip.employeeId)?.bacsHash,
                frequency: FPS_FREQUENCY[run.payFrequency],
                paymentDate: run.payDate,
                period:
                  run.payFrequency === 'monthly'
                    ? { month: run.taxPeriod }
                    : { week: run.taxPeriod * frequencyRules[run.payFrequency].weeksPerPeriod },
                periodsCovered: 1,
                ...(isPaymentAfterLeaving(leaving ?? null, run.periodStart)
                  ? { paymentAfterLeaving: true }
                  : {}),
                hoursWorked: hoursBand(payslip.contractedCentihours),
                taxCode: payslip.taxCode.replace(/\s*(W1|M1|X)$/, ''),
                week1Month1: payslip.week1Month1,
                taxablePay: p(figures.taxable),
                payAfterStatutoryDeductions: p(figures.netPay + figures.otherDeductions),
                ...(figures.otherDeductions > 0 ? { deductionsFromNetPay: p(figures.otherDeductions) } : {}),
                ...(figures.pensionEmployee > 0
                  ? { employeePensionContributionsPaid: p(figures.pensionEmployee) }
                  : {}),
                ...(figures.studentLoan > 0 && plan
                  ? { studentLoanRecovered: { amount: p(figures.studentLoan), plan: FPS_LOAN_PLAN[plan] } }
                  : {}),
                ...(figures.postgraduateLoan > 0
                  ? { postgraduateLoanRecovered: p(figures.postgraduateLoan) }
                  : {}),
                taxDeductedOrRefunded: p(figures.incomeTax),
              },
              niLettersAndValues: [
                {
                  letter: payslip.niLetter,
                  grossEarningsInPeriod: p(figures.niable),
                  grossEarningsYtd: p(ytd.niable),
                  atLelYtd: p(ytd.atLel),
                  lelToPtYtd: p(ytd.lelToPt),
                  ptToUelYtd: p(ytd.ptToUel),
                  employerNicInPeriod: p(figures.employerNi),
                  employerNicYtd: p(ytd.employerNi),
                  employeeNicInPeriod: p(figures.employeeNi),
                  employeeNicYtd: p(ytd.employeeNi),
                },
              ],
            },
          ],
        });
      }
      const input: FpsInput = {
        taxYear: run.taxYear,
        employer: {
          officeNumber: employer.payeOfficeNumber,
          payeReference: employer.payeReference,
          accountsOfficeReference: employer.accountsOfficeReference,
        },
        channel: { vendorId: '9999', product: 'Mainstay', version: '0.1.0' },
        timestamp: (run.committedAt ?? run.createdAt).slice(0, 19),
        gatewayTest: options.gatewayTest ?? false,
        employees: fpsEmployees,
      };
      return {
        fileName: `fps-${run.taxYear}-${run.kind}-${run.period}-${run.id}.xml`,
        xml: writeFullPaymentSubmission(input),
        employees: fpsEmployees.length,
      };
    },

    /**
     * What the run owes others and when: HMRC (PAYE, NI, loans) by the 22nd
     * after the tax month, NHS Pensions by the 19th of the following month,
     * and each third party named on a deduction.
     */
    async thirdPartyPayments(
      tx: TenantTx,
      runId: string,
    ): Promise<{ run: string; payments: ThirdPartyPayment[] }> {
      const run = await committedRun(tx, runId);
      const totals = (run.totals ?? {}) as Partial<RunPostings>;
      const hmrc =
        (totals.incomeTax ?? 0) +
        (totals.employeeNi ?? 0) +
        (totals.employerNi ?? 0) +
        (totals.studentLoan ?? 0) +
        (totals.postgraduateLoan ?? 0);
      const nextMonth19 = (() => {
        const [year, month] = run.payDate.split('-').map(Number) as [number, number];
        return new Date(Date.UTC(year, month, 19)).toISOString().slice(0, 10) as LocalDate;
      })();
      const payments: ThirdPartyPayment[] = [
        {
          payee: 'HM Revenue & Customs',
          what: 'PAYE income tax, Class 1 NI, student and postgraduate loans',
          amountPence: hmrc,
          dueDate: dueAfterTaxMonth(run.payDate, 22),
        },
        {
          payee: 'NHS Pensions',
          what: 'member and employer contributions',
          amountPence: (totals.pensionEmployee ?? 0) + (totals.pensionEmployer ?? 0),
          dueDate: nextMonth19,
        },
        ...Object.entries(totals.payees ?? {})
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([payee, amount]) => ({
            payee,
            what: 'deductions from pay',
            amountPence: amount,
            dueDate: nextMonth19,
          })),
      ];
      return {
        run: describePayPeriod(runs.periodOf(run)),
        payments: payments.filter((payment) => payment.amountPence !== 0),
      };
    },
  };
}
