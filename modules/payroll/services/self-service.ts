import { newId } from '../../../kernel/ids';
import { pence } from '../../../kernel/money';
import type { ScopedReadTx, TenantTx } from '../../../kernel/tenancy';
import { accountingPeriodOf, type LocalDate, londonDate } from '../../../kernel/time';
import { CONTROL_ACCOUNTS } from '../../ledger';
import { type AnytimePayPosition, anytimePayPosition, drawRefusal } from '../domain/anytime-pay';
import { frequencyRules } from '../domain/pay-frequency';
import { type PayPeriod, payPeriod, taxYearOf, taxYearStart } from '../domain/pay-period';
import { payRecordOn, sortChanges } from '../domain/pay-record';
import { calculatePayslip } from '../domain/payslip/calculate-payslip';
import { lineOf } from '../domain/payslip-view';
import { queryAge } from '../domain/query-sla';
import { type WorkforceMonth, workforceHistory, workforceSeries } from '../domain/workforce-history';
import { payrollError } from '../errors';
import { loadTaxYearReference } from '../reference-data';
import * as sql from '../sql/queries';
import { monthlyPayDay, type PayrollDeps, payScales, yearsAround } from './context';
import type { PayslipDocument } from './payslips';

export type AnytimePayStatus =
  | { enabled: false; reason: string }
  | ({
      enabled: true;
      open: boolean;
      closedReason: string | null;
      draws: sql.DrawRow[];
    } & AnytimePayPosition);

export const QUERY_ROOT_CAUSES = ['explained', 'input-error', 'rule-error', 'late-change'] as const;
export type QueryRootCause = (typeof QUERY_ROOT_CAUSES)[number];

/** The pay period of the employee's frequency that contains a day. */
async function periodContaining(
  deps: PayrollDeps,
  tx: TenantTx,
  frequency: PayPeriod['frequency'],
  day: LocalDate,
): Promise<PayPeriod> {
  const payDay = await monthlyPayDay(deps, tx);
  if (frequency === 'monthly') {
    const { financialYear, period } = accountingPeriodOf(day);
    return payPeriod('monthly', financialYear, period, payDay);
  }
  const taxYear = taxYearOf(day);
  const days = frequencyRules[frequency].weeksPerPeriod * 7;
  const index = Math.floor((Date.parse(day) - Date.parse(taxYearStart(taxYear))) / (days * 86_400_000)) + 1;
  return payPeriod(frequency, taxYear, index, payDay);
}

export function createSelfServiceService(
  deps: PayrollDeps,
  payslips: { payslip(tx: TenantTx, runId: string, employeeId: string): Promise<PayslipDocument> },
) {
  async function requireEmployee(tx: TenantTx, employeeId: string) {
    const [employee] = await sql.selectEmployees(tx, { ids: [employeeId], limit: 1 });
    if (!employee) throw payrollError('EMPLOYEE_NOT_FOUND', `No employee ${employeeId}`);
    return employee;
  }

  /** Net pay the contract would give this period (no claims): the base of the earned-to-date estimate. */
  async function expectedNetPay(tx: TenantTx, employeeId: string, period: PayPeriod): Promise<number | null> {
    const employee = await requireEmployee(tx, employeeId);
    const changes = await sql.selectChanges(tx, [employeeId], null);
    const previous = await sql.selectPreviousPayslips(
      tx,
      tx.ctx.organisationId,
      [employeeId],
      BigInt(Number.MAX_SAFE_INTEGER),
    );
    const employer = await sql.selectEmployer(tx);
    let reference: Awaited<ReturnType<typeof loadTaxYearReference>>;
    try {
      reference = await loadTaxYearReference(period.taxYear);
    } catch {
      return null;
    }
    const outcome = calculatePayslip({
      employee: {
        id: employeeId,
        startDate: employee.startDate,
        starter: { basis: employee.starterBasis, previousPay: employee.p45 },
      },
      changes,
      period,
      kind: 'main',
      reference,
      scales: await payScales(tx, yearsAround(period.taxYear), null),
      claims: [],
      orders: await sql.selectOrders(tx, [employeeId], await sql.nextRecordSeq(tx)),
      previous: previous.get(employeeId) ?? null,
      samePeriod: null,
      anytimePayOutstanding: 0,
      arrears: [],
      employerPensionFunding: employer?.pensionFunding ?? 'central-funding',
    });
    return outcome.ok ? outcome.payslip.figures.netPay : null;
  }

  const service = {
    /** What an employee can draw now, or why anytime pay is not open to them. */
    async anytimePay(
      tx: TenantTx,
      employeeId: string,
      today: LocalDate = londonDate(tx.now),
    ): Promise<AnytimePayStatus> {
      if (!(await deps.framework.resolve(tx, 'payroll.anytimePayEnabled')).value)
        return { enabled: false, reason: `${tx.ctx.organisationId} has not switched anytime pay on` };
      const limits = (await deps.framework.resolve(tx, 'payroll.anytimePay')).value;
      const employee = await requireEmployee(tx, employeeId);
      const period = await periodContaining(deps, tx, employee.payFrequency, today);
      const record = payRecordOn(sortChanges(await sql.selectChanges(tx, [employeeId], null)), today);
      const runs = (await sql.selectRuns(tx, { limit: 50 })).filter(
        (run) =>
          run.kind === 'main' &&
          run.payFrequency === employee.payFrequency &&
          run.periodStart === period.start &&
          run.status !== 'cancelled',
      );
      const closing = runs.find((run) => run.inputsSeq !== null || run.status !== 'draft');
      const outstanding =
        (
          await sql.selectAnytimePayOutstanding(
            tx,
            [employeeId],
            BigInt(Number.MAX_SAFE_INTEGER),
            BigInt(Number.MAX_SAFE_INTEGER),
          )
        ).get(employeeId) ?? 0;
      const draws = await sql.selectDraws(tx, { employeeId, periodStart: period.start });
      const expected = await expectedNetPay(tx, employeeId, period);
      const position = anytimePayPosition({
        period,
        today,
        startDate: employee.startDate,
        leavingDate: record?.leavingDate ?? null,
        expectedNetPay: expected ?? 0,
        drawnThisPeriod: outstanding,
        drawsThisPeriod: draws.length,
        limits,
      });
      const closedReason = closing
        ? `Pay for ${period.start.slice(0, 7)} is being prepared (run ${closing.status}): anytime pay reopens after pay day`
        : expected === null
          ? 'Your pay this month cannot be estimated yet: ask payroll'
          : record === null || position.daysWorked === 0
            ? 'You have not worked any days of this pay period yet'
            : null;
      return { enabled: true, open: closedReason === null, closedReason, draws, ...position };
    },

    /** Pays a draw of earned net pay to the employee's verified account and posts it: Dr salary advances, Cr cash. */
    async drawAnytimePay(
      tx: TenantTx,
      employeeId: string,
      amountPence: number,
      options: { today?: LocalDate } = {},
    ) {
      if (!Number.isInteger(amountPence) || amountPence <= 0) {
        throw payrollError('ANYTIME_PAY_BELOW_MINIMUM', 'Give the amount in whole pence', [
          { path: 'amountPence', rule: 'positive-pence', message: 'a positive whole number of pence' },
        ]);
      }
      const today = options.today ?? londonDate(tx.now);
      const status = await service.anytimePay(tx, employeeId, today);
      if (!status.enabled) throw payrollError('ANYTIME_PAY_DISABLED', status.reason);
      if (!status.open)
        throw payrollError('ANYTIME_PAY_NOT_AVAILABLE', status.closedReason ?? 'Anytime pay is closed');
      const bank = (
        await sql.selectPayableBankDetails(tx, [employeeId], BigInt(Number.MAX_SAFE_INTEGER))
      ).get(employeeId);
      if (!bank?.verifiedId) {
        throw payrollError(
          'ANYTIME_PAY_NOT_AVAILABLE',
          'There are no verified bank details to pay a draw into',
          [
            {
              path: 'bankDetails',
              rule: 'bank-details-verified',
              message: 'ask payroll to verify your bank details',
            },
          ],
        );
      }
      const refusal = drawRefusal(amountPence, status);
      if (refusal) throw payrollError(refusal.code, refusal.message, [refusal.issue]);
      const id = newId('atp');
      const journal = await deps.ledger.postJournal(tx, {
        accountingDate: today,
        sourceModule: 'payroll',
        sourceId: id,
        reasonCode: 'ANYTIME_PAY',
        description: `Anytime pay draw for ${employeeId}`,
        idempotencyKey: `payroll:anytime:${id}`,
        lines: [
          { accountCode: CONTROL_ACCOUNTS.salaryAdvances, side: 'debit', amountPence: pence(amountPence) },
          { accountCode: CONTROL_ACCOUNTS.cashGbs, side: 'credit', amountPence: pence(amountPence) },
        ],
      });
      await sql.insertDraw(
        tx,
        tx.ctx.organisationId,
        {
          id,
          employeeId,
          amountPence,
          periodStart: status.periodStart,
          earnedNetPence: status.earnedNet,
          availablePence: status.available,
          journalId: journal.id,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.anytime-pay.drawn',
        entityType: 'anytime-pay-draw',
        entityId: id,
        after: {
          employeeId,
          amountPence,
          earnedNet: status.earnedNet,
          available: status.available,
          journalId: journal.id,
        },
      });
      return {
        id,
        amountPence,
        journalId: journal.id,
        position: await service.anytimePay(tx, employeeId, today),
      };
    },

    async anytimePayDraws(tx: TenantTx, filter: { employeeId?: string; limit?: number } = {}) {
      return sql.selectDraws(tx, filter);
    },

    /** A query raised from one payslip line, with the calculation behind it attached for the payroll team. */
    async raiseQuery(
      tx: TenantTx,
      input: { runId: string; employeeId: string; lineRef: string; message: string },
    ) {
      if (input.message.trim().length < 5) {
        throw payrollError('QUERY_INVALID', 'Say what you would like us to check', [
          { path: 'message', rule: 'message-required', message: 'a few words about what looks wrong' },
        ]);
      }
      const payslip = await payslips.payslip(tx, input.runId, input.employeeId);
      const line = lineOf(payslip, input.lineRef);
      if (!line) {
        throw payrollError('QUERY_INVALID', `The payslip has no line ${input.lineRef}`, [
          { path: 'lineRef', rule: 'payslip-line', message: 'choose a line of the payslip' },
        ]);
      }
      const id = newId('qry');
      const calculation = {
        period: payslip.run.periodName,
        line: { ref: line.ref, label: line.label, amountPence: line.amount, arrearsFor: line.arrearsFor },
        explanation: line.explanation,
        taxCode: payslip.taxCode,
        niLetter: payslip.niLetter,
        figures: payslip.figures,
        ytd: payslip.ytd,
      };
      await sql.insertQuery(
        tx,
        tx.ctx.organisationId,
        {
          id,
          runId: input.runId,
          employeeId: input.employeeId,
          lineRef: line.ref,
          queryType: line.kind,
          rule: line.explanation?.rule ?? null,
          message: input.message.trim(),
          calculation,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.query.raised',
        entityType: 'payslip-query',
        entityId: id,
        after: { runId: input.runId, employeeId: input.employeeId, line: line.ref },
      });
      return (await service.queries(tx, { ids: [id] }))[0]!;
    },

    /** The payroll team's queue: each query aged in working hours against the framework's SLA. */
    async queries(
      tx: TenantTx,
      filter: { status?: 'open' | 'resolved'; employeeId?: string; ids?: string[] } = {},
    ) {
      const sla = (await deps.framework.resolve(tx, 'servicedesk.slaHours')).value;
      const rows = await sql.selectQueries(tx, filter);
      const employees = new Map(
        (
          await sql.selectEmployees(tx, {
            ids: [...new Set(rows.map((row) => row.employeeId))],
            limit: 10_000,
          })
        ).map((row) => [row.id, row]),
      );
      return rows.map((row) => {
        const employee = employees.get(row.employeeId);
        return {
          ...row,
          name: employee ? `${employee.forenames} ${employee.surname}` : row.employeeId,
          payrollNumber: employee?.payrollNumber ?? '',
          age: queryAge(new Date(row.raisedAt), row.resolvedAt ? new Date(row.resolvedAt) : tx.now, sla),
        };
      });
    },

    async resolveQuery(tx: TenantTx, queryId: string, input: { resolution: string; rootCause: string }) {
      if (!(QUERY_ROOT_CAUSES as readonly string[]).includes(input.rootCause)) {
        throw payrollError('QUERY_INVALID', `"${input.rootCause}" is not a root cause`, [
          { path: 'rootCause', rule: 'root-cause', message: QUERY_ROOT_CAUSES.join(', ') },
        ]);
      }
      if (input.resolution.trim().length < 5) {
        throw payrollError('QUERY_INVALID', 'Say how the query was resolved', [
          { path: 'resolution', rule: 'resolution-required', message: 'what the employee is told' },
        ]);
      }
      const [query] = await sql.selectQueries(tx, { ids: [queryId] });
      if (!query) throw payrollError('QUERY_NOT_FOUND', `No query ${queryId}`);
      if (
        (await sql.resolveQuery(tx, queryId, {
          resolution: input.resolution.trim(),
          rootCause: input.rootCause,
          by: tx.ctx.actor.id,
          at: tx.now,
        })) === 0
      )
        throw payrollError('QUERY_ALREADY_RESOLVED', `Query ${queryId} is already resolved`);
      tx.audit({
        action: 'payroll.query.resolved',
        entityType: 'payslip-query',
        entityId: queryId,
        before: { status: 'open' },
        after: { status: 'resolved', rootCause: input.rootCause },
        reason: input.resolution,
      });
      return (await service.queries(tx, { ids: [queryId] }))[0]!;
    },

    /** Query types that keep coming back, so the team can fix the rule or input at its source. */
    async repeatedQueries(tx: TenantTx, sinceDays = 90) {
      return sql.selectRepeatedQueries(tx, new Date(tx.now.getTime() - sinceDays * 86_400_000));
    },

    /** Monthly headcount, starters, leavers and sickness by team, for the insight module (one organisation, or a whole system in a read scope). */
    async workforceHistory(
      tx: TenantTx | ScopedReadTx,
      range: { from: string; to: string },
    ): Promise<WorkforceMonth[]> {
      if (!/^\d{4}-\d{2}$/.test(range.from) || !/^\d{4}-\d{2}$/.test(range.to) || range.from > range.to) {
        throw payrollError('PAY_RUN_INVALID', 'Give months as YYYY-MM, from no later than to', [
          { path: 'from', rule: 'month-range', message: 'e.g. from 2025-12 to 2026-11' },
        ]);
      }
      const from = `${range.from}-01` as LocalDate;
      const [year, month] = range.to.split('-').map(Number) as [number, number];
      const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) as LocalDate;
      const facts = await sql.selectWorkforceFacts(tx, from, to);
      const sickness = await sql.selectSicknessAbsences(tx, from, to);
      return workforceHistory(facts, sickness, range.from, range.to);
    },

    async workforceSeries(tx: TenantTx | ScopedReadTx, range: { from: string; to: string }) {
      return workforceSeries(await service.workforceHistory(tx, range));
    },
  };
  return service;
}
