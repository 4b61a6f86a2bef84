import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import type { TenantTx } from '../../../kernel/tenancy';
import { type LocalDate, londonDate } from '../../../kernel/time';
import {
  type BankDetailsInput,
  bankDetailsSchema,
  type DeductionOrderInput,
  deductionOrderSchema,
  type NewEmployee,
  type NewEmployeeRead,
  newEmployeeSchema,
  type PayAwardInput,
  payAwardSchema,
  personSchema,
  type RecordChange,
  recordChangeSchema,
} from '../domain/employee-input';
import { taxYearOf } from '../domain/pay-period';
import { type PayRecord, type PayRecordChangeFields, payRecordOn, sortChanges } from '../domain/pay-record';
import { upliftedPoints } from '../domain/pay-scales';
import type { DeductionOrder } from '../domain/payslip/types';
import { issuesFromZod, payrollError } from '../errors';
import { loadTaxYearReference } from '../reference-data';
import * as sql from '../sql/queries';
import type { PayrollDeps } from './context';

export type EmployeeDetail = sql.EmployeeRow & {
  /** The pay record today (or on the date asked for). */
  record: PayRecord | null;
  changes: sql.StoredChange[];
  bankDetails: sql.BankDetailsRow[];
  orders: sql.StoredOrder[];
};

export type EmployerInput = Omit<sql.EmployerRow, 'updatedAt' | 'updatedBy'>;

/** The tax code a starter gets without one from HMRC (GOV.UK starter checklist). */
async function starterTaxCode(
  input: NewEmployeeRead,
): Promise<Pick<PayRecord, 'taxCode' | 'week1Month1' | 'taxCodeSource'>> {
  if (input.tax) return { ...input.tax, taxCodeSource: 'hmrc' };
  const { starter } = input;
  if (starter.basis === 'p45' && starter.p45)
    return { taxCode: starter.p45.taxCode, week1Month1: starter.p45.week1Month1, taxCodeSource: 'p45' };
  const emergency = (await loadTaxYearReference(taxYearOf(input.startDate))).incomeTax.emergencyCode;
  switch (starter.basis) {
    case 'A':
      return { taxCode: emergency, week1Month1: false, taxCodeSource: 'starter-declaration' };
    case 'B':
      return { taxCode: emergency, week1Month1: true, taxCodeSource: 'starter-declaration' };
    default:
      return { taxCode: 'BR', week1Month1: false, taxCodeSource: 'starter-declaration' };
  }
}

function firstRecord(
  input: NewEmployeeRead,
  tax: Pick<PayRecord, 'taxCode' | 'week1Month1' | 'taxCodeSource'>,
): PayRecord {
  const { contract } = input;
  return {
    band: contract.band ?? null,
    payPoint: contract.band ? (contract.payPoint ?? null) : null,
    pointSince: contract.band ? (contract.pointSince ?? input.startDate) : null,
    spotSalaryPence: contract.band ? null : (contract.spotSalaryPence ?? null),
    contractedCentihours: contract.contractedCentihours,
    hcasZone: contract.hcasZone ?? null,
    costCentreCode: contract.costCentreCode,
    accountCode: contract.accountCode ?? '510100',
    ...tax,
    niLetter: input.niLetter,
    pensionMember: input.pensionMember,
    studentLoanPlans: input.studentLoanPlans,
    postgraduateLoan: input.postgraduateLoan,
    leavingDate: null,
  };
}

export function createRecordsService(deps: PayrollDeps) {
  async function activeCostCentres(tx: TenantTx): Promise<Set<string>> {
    return new Set(
      (await deps.ledger.costCentres(tx)).filter((centre) => centre.active).map((centre) => centre.code),
    );
  }

  async function requireEmployee(tx: TenantTx, employeeId: string): Promise<sql.EmployeeRow> {
    const [employee] = await sql.selectEmployees(tx, { ids: [employeeId], limit: 1 });
    if (!employee) throw payrollError('EMPLOYEE_NOT_FOUND', `No employee ${employeeId}`);
    return employee;
  }

  /** The end of the last period this employee was paid for: a change effective on or before it needs arrears. */
  async function lastPaidPeriodEnd(tx: TenantTx, employeeId: string): Promise<LocalDate | null> {
    const result = await sql.selectPaidHistory(
      tx,
      [employeeId],
      '1900-01-01' as LocalDate,
      BigInt(Number.MAX_SAFE_INTEGER),
    );
    return result.reduce<LocalDate | null>(
      (latest, row) => (latest === null || row.runPeriodEnd > latest ? row.runPeriodEnd : latest),
      null,
    );
  }

  async function markIfBackdated(
    tx: TenantTx,
    employeeId: string,
    effectiveFrom: LocalDate,
    reason: string,
  ): Promise<boolean> {
    const paidTo = await lastPaidPeriodEnd(tx, employeeId);
    if (paidTo === null || effectiveFrom > paidTo) return false;
    await sql.insertRecalculations(tx, tx.ctx.organisationId, [
      { id: newId('rcl'), employeeId, fromDate: effectiveFrom, reason },
    ]);
    return true;
  }

  const service = {
    async saveEmployer(tx: TenantTx, input: EmployerInput): Promise<sql.EmployerRow> {
      const issues: ValidationIssue[] = [];
      const check = (ok: boolean, path: string, message: string) => {
        if (!ok) issues.push({ path, rule: path, message });
      };
      check(
        /^\d{3}$/.test(input.payeOfficeNumber),
        'payeOfficeNumber',
        'the three-digit HMRC office number, e.g. 120',
      );
      check(
        /^[A-Z0-9]{1,10}$/.test(input.payeReference),
        'payeReference',
        'the part of the PAYE reference after the slash',
      );
      check(
        /^\d{3}P[A-Z]\d{8}$/.test(input.accountsOfficeReference),
        'accountsOfficeReference',
        'e.g. 120PA00012345',
      );
      check(/^\d{6}$/.test(input.bacsServiceUserNumber), 'bacsServiceUserNumber', 'six digits');
      check(/^\d{6}$/.test(input.bankSortCode), 'bankSortCode', 'six digits');
      check(/^\d{8}$/.test(input.bankAccountNumber), 'bankAccountNumber', 'eight digits');
      check(input.bankAccountName.trim().length > 0, 'bankAccountName', 'the name on the paying account');
      if (issues.length > 0)
        throw payrollError('EMPLOYER_INVALID', 'The employer details are not valid', issues);
      const before = await sql.selectEmployer(tx);
      await sql.upsertEmployer(tx, tx.ctx.organisationId, { ...input, updatedBy: tx.ctx.actor.id }, tx.now);
      tx.audit({
        action: 'payroll.employer.saved',
        entityType: 'payroll-employer',
        entityId: tx.ctx.organisationId,
        before,
        after: input,
      });
      return { ...input, updatedBy: tx.ctx.actor.id, updatedAt: tx.now.toISOString() };
    },

    async employer(tx: TenantTx): Promise<sql.EmployerRow | null> {
      return sql.selectEmployer(tx);
    },

    /** A new starter: the person, the employment, the first pay record and its tax code from the starter rules. */
    async registerEmployee(tx: TenantTx, raw: NewEmployee): Promise<EmployeeDetail> {
      const parsed = newEmployeeSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError(
          'EMPLOYEE_INVALID',
          'The employee details are not valid',
          issuesFromZod(parsed.error),
        );
      const input = parsed.data;
      if (!(await activeCostCentres(tx)).has(input.contract.costCentreCode)) {
        throw payrollError('EMPLOYEE_INVALID', `No active cost centre ${input.contract.costCentreCode}`, [
          {
            path: 'contract.costCentreCode',
            rule: 'cost-centre-known',
            message: 'choose a cost centre of this organisation',
          },
        ]);
      }
      const [taken] = await sql.selectEmployees(tx, { payrollNumbers: [input.payrollNumber], limit: 1 });
      if (taken) {
        throw payrollError('PAYROLL_NUMBER_TAKEN', `Payroll number ${input.payrollNumber} is already used`, [
          {
            path: 'payrollNumber',
            rule: 'payroll-number-unique',
            message: `${taken.forenames} ${taken.surname} has it`,
          },
        ]);
      }
      const id = newId('emp');
      const p45 = input.starter.p45;
      await sql.insertEmployee(
        tx,
        tx.ctx.organisationId,
        {
          id,
          payrollNumber: input.payrollNumber,
          userId: input.person.userId ?? null,
          title: input.person.title ?? null,
          forenames: input.person.forenames,
          surname: input.person.surname,
          niNumber: input.person.niNumber ?? null,
          dateOfBirth: input.person.dateOfBirth,
          gender: input.person.gender,
          addressLines: input.person.address.lines,
          postcode: input.person.address.postcode ?? null,
          payFrequency: input.payFrequency,
          startDate: input.startDate,
          starterBasis: input.starter.basis,
          p45: p45 ? { taxYear: p45.taxYear, taxablePay: p45.taxablePayPence, tax: p45.taxPence } : null,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      const record = firstRecord(input, await starterTaxCode(input));
      await sql.insertChange(
        tx,
        tx.ctx.organisationId,
        {
          employeeId: id,
          effectiveFrom: input.startDate,
          fields: record,
          reason: `starter (${input.starter.basis === 'p45' ? 'P45' : `declaration ${input.starter.basis}`})`,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.employee.registered',
        entityType: 'employee',
        entityId: id,
        after: {
          payrollNumber: input.payrollNumber,
          startDate: input.startDate,
          starter: input.starter.basis,
          record,
        },
      });
      return service.employee(tx, id);
    },

    /** Loads many starters at once for the demo and the benchmark: one statement per table, first records only. */
    async registerEmployees(
      tx: TenantTx,
      employees: readonly (Omit<sql.EmployeeRow, 'createdAt' | 'leavingDate' | 'p45'> & {
        record: PayRecord;
      })[],
    ): Promise<number> {
      await sql.insertEmployees(tx, tx.ctx.organisationId, employees, tx.ctx.actor.id, tx.now);
      await sql.insertFirstChanges(
        tx,
        tx.ctx.organisationId,
        employees.map((employee) => ({
          employeeId: employee.id,
          effectiveFrom: employee.startDate,
          fields: employee.record,
        })),
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.employees.loaded',
        entityType: 'employee-load',
        entityId: employees[0]?.id ?? 'none',
        after: {
          employees: employees.length,
          first: employees[0]?.payrollNumber,
          last: employees.at(-1)?.payrollNumber,
        },
      });
      return employees.length;
    },

    async updatePerson(tx: TenantTx, employeeId: string, raw: unknown): Promise<EmployeeDetail> {
      const parsed = personSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError(
          'EMPLOYEE_INVALID',
          'The personal details are not valid',
          issuesFromZod(parsed.error),
        );
      const before = await requireEmployee(tx, employeeId);
      const person = parsed.data;
      await sql.updatePerson(tx, employeeId, {
        title: person.title ?? null,
        forenames: person.forenames,
        surname: person.surname,
        niNumber: person.niNumber ?? null,
        dateOfBirth: person.dateOfBirth,
        gender: person.gender,
        addressLines: person.address.lines,
        postcode: person.address.postcode ?? null,
        userId: person.userId === undefined ? before.userId : person.userId,
      });
      tx.audit({
        action: 'payroll.employee.person-updated',
        entityType: 'employee',
        entityId: employeeId,
        before,
        after: person,
      });
      return service.employee(tx, employeeId);
    },

    /**
     * An effective-dated change to the pay record. A change effective on or
     * before the end of a period already paid marks the employee for arrears:
     * the next run prices those periods again and pays (or recovers) the difference.
     */
    async recordChange(
      tx: TenantTx,
      employeeId: string,
      raw: RecordChange,
    ): Promise<EmployeeDetail & { arrearsFrom: LocalDate | null }> {
      const parsed = recordChangeSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError(
          'PAY_RECORD_CHANGE_INVALID',
          'The change is not valid',
          issuesFromZod(parsed.error),
        );
      const change = parsed.data;
      if (Object.keys(change.fields).length === 0) {
        throw payrollError('PAY_RECORD_CHANGE_INVALID', 'The change changes nothing', [
          { path: 'fields', rule: 'fields-present', message: 'give at least one field to change' },
        ]);
      }
      const employee = await requireEmployee(tx, employeeId);
      if (change.effectiveFrom < employee.startDate) {
        throw payrollError(
          'PAY_RECORD_CHANGE_INVALID',
          `The change cannot take effect before the start date ${employee.startDate}`,
          [{ path: 'effectiveFrom', rule: 'after-start', message: `on or after ${employee.startDate}` }],
        );
      }
      if (change.fields.costCentreCode && !(await activeCostCentres(tx)).has(change.fields.costCentreCode)) {
        throw payrollError(
          'PAY_RECORD_CHANGE_INVALID',
          `No active cost centre ${change.fields.costCentreCode}`,
          [
            {
              path: 'fields.costCentreCode',
              rule: 'cost-centre-known',
              message: 'choose a cost centre of this organisation',
            },
          ],
        );
      }
      const stored = await sql.insertChange(
        tx,
        tx.ctx.organisationId,
        {
          employeeId,
          effectiveFrom: change.effectiveFrom,
          fields: change.fields as PayRecordChangeFields,
          reason: change.reason,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      const backdated = await markIfBackdated(tx, employeeId, change.effectiveFrom, change.reason);
      tx.audit({
        action: 'payroll.pay-record.changed',
        entityType: 'employee',
        entityId: employeeId,
        after: {
          changeNo: stored.changeNo,
          effectiveFrom: change.effectiveFrom,
          fields: change.fields,
          backdated,
        },
        reason: change.reason,
      });
      return {
        ...(await service.employee(tx, employeeId)),
        arrearsFrom: backdated ? change.effectiveFrom : null,
      };
    },

    /** A leaver: the leaving date ends pay (pro rata in the last period) and goes on the FPS; the P45 figures are the last payslip's year to date. */
    async recordLeaver(
      tx: TenantTx,
      employeeId: string,
      input: { leavingDate: string; reason: string },
    ): Promise<EmployeeDetail> {
      const employee = await requireEmployee(tx, employeeId);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(input.leavingDate) || input.leavingDate < employee.startDate) {
        throw payrollError('PAY_RECORD_CHANGE_INVALID', 'The leaving date is not valid', [
          {
            path: 'leavingDate',
            rule: 'after-start',
            message: `a date on or after the start date ${employee.startDate}`,
          },
        ]);
      }
      if (input.reason.trim() === '') {
        throw payrollError('PAY_RECORD_CHANGE_INVALID', 'Say why the employee is leaving', [
          {
            path: 'reason',
            rule: 'reason-required',
            message: 'e.g. resigned, retired, end of fixed-term contract',
          },
        ]);
      }
      const leavingDate = input.leavingDate as LocalDate;
      await sql.insertChange(
        tx,
        tx.ctx.organisationId,
        { employeeId, effectiveFrom: leavingDate, fields: { leavingDate }, reason: input.reason },
        tx.ctx.actor.id,
        tx.now,
      );
      await sql.updateLeavingDate(tx, employeeId, leavingDate);
      await markIfBackdated(tx, employeeId, leavingDate, `leaver: ${input.reason}`);
      tx.audit({
        action: 'payroll.employee.leaver',
        entityType: 'employee',
        entityId: employeeId,
        after: { leavingDate },
        reason: input.reason,
      });
      return service.employee(tx, employeeId);
    },

    async employee(tx: TenantTx, employeeId: string, on?: LocalDate): Promise<EmployeeDetail> {
      const employee = await requireEmployee(tx, employeeId);
      const changes = await sql.selectChanges(tx, [employeeId], null);
      return {
        ...employee,
        record:
          payRecordOn(sortChanges(changes), on ?? londonDate(tx.now)) ??
          payRecordOn(sortChanges(changes), employee.startDate),
        changes,
        bankDetails: await sql.selectBankDetails(tx, { employeeIds: [employeeId] }),
        orders: await sql.selectOrders(tx, [employeeId], null),
      };
    },

    /**
     * The P45 figures of a leaver: leaving date, the tax code in use, and pay
     * and tax in this employment for the tax year of leaving, from the last
     * committed payslip (parts 1A–3 of the form; the form itself is HMRC's).
     */
    async leaverP45(tx: TenantTx, employeeId: string) {
      const detail = await service.employee(tx, employeeId);
      const leavingDate =
        detail.changes
          .map((change) => change.fields.leavingDate)
          .filter((date) => date !== undefined && date !== null)
          .at(-1) ?? null;
      if (!leavingDate) {
        throw payrollError('EMPLOYEE_INVALID', `${detail.forenames} ${detail.surname} has not left`, [
          { path: 'leavingDate', rule: 'leaver', message: 'record the leaving date first' },
        ]);
      }
      const [last] = await sql.selectPayslips(tx, { employeeId, committedOnly: true, limit: 1 });
      const record = payRecordOn(sortChanges(detail.changes), leavingDate);
      const sameYear = last !== undefined && last.taxYear === taxYearOf(leavingDate);
      return {
        employeeId,
        payrollNumber: detail.payrollNumber,
        niNumber: detail.niNumber,
        name: `${detail.forenames} ${detail.surname}`,
        leavingDate,
        taxYear: taxYearOf(leavingDate),
        taxCode: record?.taxCode ?? null,
        week1Month1: record?.week1Month1 ?? false,
        lastPayPeriod: last
          ? { taxYear: last.taxYear, taxPeriod: last.taxPeriod, payDate: last.payDate }
          : null,
        payToDatePence: sameYear ? last.ytd.taxable : 0,
        taxToDatePence: sameYear ? last.ytd.tax : 0,
        studentLoanToContinue: (record?.studentLoanPlans.length ?? 0) > 0,
        postgraduateLoanToContinue: record?.postgraduateLoan ?? false,
      };
    },

    async employeeForUser(tx: TenantTx, userId: string): Promise<sql.EmployeeRow> {
      const [employee] = await sql.selectEmployees(tx, { userId, limit: 1 });
      if (!employee)
        throw payrollError('NOT_AN_EMPLOYEE', `You have no pay record at ${tx.ctx.organisationId}`);
      return employee;
    },

    /** A page of employees with today's record summary, for the officer's list. */
    async employees(
      tx: TenantTx,
      filter: { search?: string; afterId?: string; limit?: number } = {},
    ): Promise<(sql.EmployeeRow & { record: PayRecord | null })[]> {
      const rows = await sql.selectEmployees(tx, {
        search: filter.search,
        afterId: filter.afterId,
        limit: Math.min(filter.limit ?? 50, 500),
      });
      const changes = await sql.selectChanges(
        tx,
        rows.map((row) => row.id),
        null,
      );
      const today = londonDate(tx.now);
      return rows.map((row) => ({
        ...row,
        record: payRecordOn(sortChanges(changes.filter((change) => change.employeeId === row.id)), today),
      }));
    },

    async employeeCount(tx: TenantTx): Promise<number> {
      return sql.countEmployees(tx);
    },

    /** New bank details wait for a second person; until then net pay goes to the last verified account. */
    async enterBankDetails(
      tx: TenantTx,
      employeeId: string,
      raw: BankDetailsInput,
    ): Promise<sql.BankDetailsRow> {
      const parsed = bankDetailsSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError(
          'BANK_DETAILS_INVALID',
          'The bank details are not valid',
          issuesFromZod(parsed.error),
        );
      await requireEmployee(tx, employeeId);
      const id = newId('bnk');
      const details = {
        id,
        employeeId,
        ...parsed.data,
        buildingSocietyReference: parsed.data.buildingSocietyReference ?? null,
      };
      await sql.insertBankDetails(tx, tx.ctx.organisationId, details, tx.ctx.actor.id, tx.now);
      tx.audit({
        action: 'payroll.bank-details.entered',
        entityType: 'bank-details',
        entityId: id,
        after: {
          employeeId,
          sortCode: details.sortCode,
          accountNumber: `****${details.accountNumber.slice(-4)}`,
        },
      });
      const [stored] = await sql.selectBankDetails(tx, { ids: [id] });
      return stored!;
    },

    async decideBankDetails(
      tx: TenantTx,
      id: string,
      decision: { approve: boolean; note?: string | null },
    ): Promise<sql.BankDetailsRow> {
      const [details] = await sql.selectBankDetails(tx, { ids: [id] });
      if (!details) throw payrollError('BANK_DETAILS_NOT_FOUND', `No bank details ${id}`);
      if (details.status !== 'pending')
        throw payrollError(
          'BANK_DETAILS_ALREADY_DECIDED',
          `These bank details were already ${details.status}`,
        );
      if (details.enteredBy === tx.ctx.actor.id) {
        throw payrollError(
          'BANK_DETAILS_SAME_PERSON',
          'Bank details must be verified by someone other than the person who entered them',
        );
      }
      await sql.decideBankDetails(tx, id, {
        status: decision.approve ? 'verified' : 'rejected',
        by: tx.ctx.actor.id,
        at: tx.now,
        note: decision.note ?? null,
      });
      tx.audit({
        action: decision.approve ? 'payroll.bank-details.verified' : 'payroll.bank-details.rejected',
        entityType: 'bank-details',
        entityId: id,
        before: { status: 'pending' },
        after: { status: decision.approve ? 'verified' : 'rejected' },
        reason: decision.note ?? undefined,
      });
      const [decided] = await sql.selectBankDetails(tx, { ids: [id] });
      return decided!;
    },

    /**
     * Bank details already verified by the payroll Mainstay replaces (a
     * migration, and the demo and benchmark loaders): stored as verified, with
     * the verifying person recorded, and audited as one load.
     */
    async migrateVerifiedBankDetails(
      tx: TenantTx,
      rows: readonly { employeeId: string; sortCode: string; accountNumber: string; accountName: string }[],
      verifiedBy: string,
    ): Promise<number> {
      if (verifiedBy === tx.ctx.actor.id)
        throw payrollError(
          'BANK_DETAILS_SAME_PERSON',
          'The verifier must be someone other than the person loading',
        );
      await sql.insertVerifiedBankDetails(
        tx,
        tx.ctx.organisationId,
        rows.map((row) => ({ ...row, id: newId('bnk') })),
        tx.ctx.actor.id,
        verifiedBy,
        tx.now,
      );
      tx.audit({
        action: 'payroll.bank-details.migrated',
        entityType: 'bank-details',
        entityId: 'load',
        after: { count: rows.length, verifiedBy },
      });
      return rows.length;
    },

    async pendingBankDetails(tx: TenantTx): Promise<sql.BankDetailsRow[]> {
      return sql.selectBankDetails(tx, { status: 'pending' });
    },

    async addDeductionOrder(
      tx: TenantTx,
      employeeId: string,
      raw: DeductionOrderInput,
    ): Promise<sql.StoredOrder> {
      const parsed = deductionOrderSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError(
          'DEDUCTION_ORDER_INVALID',
          'The deduction is not valid',
          issuesFromZod(parsed.error),
        );
      await requireEmployee(tx, employeeId);
      const input = parsed.data;
      const order: DeductionOrder & { employeeId: string } = {
        id: newId('ord'),
        employeeId,
        kind: input.kind,
        description: input.description,
        payee: input.payee,
        amountPerPeriod: input.kind === 'attachment-of-earnings' ? 0 : input.amountPerPeriodPence,
        attachment:
          input.kind === 'attachment-of-earnings'
            ? {
                priority: input.priority,
                normalDeduction: input.normalDeductionPence,
                protectedEarnings: input.protectedEarningsPence,
                totalDebt: input.totalDebtPence ?? null,
                orderDate: input.orderDate,
              }
            : null,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
      };
      await sql.insertOrder(tx, tx.ctx.organisationId, order, tx.ctx.actor.id, tx.now);
      tx.audit({
        action: 'payroll.deduction-order.added',
        entityType: 'deduction-order',
        entityId: order.id,
        after: order,
      });
      const [stored] = await sql.selectOrders(tx, null, null, [order.id]);
      return stored!;
    },

    async stopDeductionOrder(tx: TenantTx, orderId: string, reason: string): Promise<void> {
      const stopped = await sql.stopOrder(tx, orderId, tx.ctx.actor.id, tx.now);
      if (stopped === 0) throw payrollError('DEDUCTION_ORDER_NOT_FOUND', `No deduction ${orderId} in force`);
      tx.audit({
        action: 'payroll.deduction-order.stopped',
        entityType: 'deduction-order',
        entityId: orderId,
        reason,
      });
    },

    /**
     * A pay award, as a uniform uplift (by bands) or explicit pay point values.
     * Everyone on the bands it reaches who has been paid since it took effect
     * is marked for arrears.
     */
    async recordPayAward(tx: TenantTx, raw: PayAwardInput) {
      const parsed = payAwardSchema.safeParse(raw);
      if (!parsed.success)
        throw payrollError('PAY_AWARD_INVALID', 'The pay award is not valid', issuesFromZod(parsed.error));
      const input = parsed.data;
      const payYear = `${input.effectiveFrom.slice(5) >= '04-01' ? Number(input.effectiveFrom.slice(0, 4)) : Number(input.effectiveFrom.slice(0, 4)) - 1}`;
      const yearLabel = `${payYear}-${String((Number(payYear) + 1) % 100).padStart(2, '0')}`;
      const reference = await loadTaxYearReference(yearLabel);
      const points =
        input.points ?? upliftedPoints(reference, input.upliftBasisPoints ?? 0, input.bands ?? null);
      for (const [band, values] of Object.entries(points)) {
        const published = reference.agendaForChange.payPoints[band];
        if (!published || published.length !== values.length) {
          throw payrollError(
            'PAY_AWARD_INVALID',
            `Band ${band} needs ${published?.length ?? 0} pay point values in ${yearLabel}`,
            [
              {
                path: `points.${band}`,
                rule: 'points-match-scale',
                message: `give one value per pay point (${published?.length ?? 0})`,
              },
            ],
          );
        }
      }
      const id = newId('awd');
      await sql.insertAward(
        tx,
        tx.ctx.organisationId,
        {
          id,
          payYear: yearLabel,
          effectiveFrom: input.effectiveFrom,
          description: input.description,
          points,
        },
        tx.ctx.actor.id,
        tx.now,
      );
      const reached = await sql.selectEmployeesPaidOnBands(tx, Object.keys(points), input.effectiveFrom);
      await sql.insertRecalculations(
        tx,
        tx.ctx.organisationId,
        reached.map((employeeId) => ({
          id: newId('rcl'),
          employeeId,
          fromDate: input.effectiveFrom,
          reason: `pay award: ${input.description}`,
        })),
      );
      tx.audit({
        action: 'payroll.pay-award.recorded',
        entityType: 'pay-award',
        entityId: id,
        after: {
          payYear: yearLabel,
          effectiveFrom: input.effectiveFrom,
          bands: Object.keys(points),
          employeesForArrears: reached.length,
        },
        reason: input.description,
      });
      return {
        id,
        payYear: yearLabel,
        effectiveFrom: input.effectiveFrom,
        description: input.description,
        points,
        employeesForArrears: reached.length,
      };
    },

    async payAwards(tx: TenantTx) {
      return sql.selectAwards(tx, null);
    },

    async recordAbsences(
      tx: TenantTx,
      absences: readonly {
        employeeId: string;
        kind: 'sickness' | 'maternity' | 'other';
        firstDay: string;
        lastDay: string;
      }[],
    ): Promise<number> {
      const issues: ValidationIssue[] = [];
      absences.forEach((absence, index) => {
        if (
          !/^\d{4}-\d{2}-\d{2}$/.test(absence.firstDay) ||
          !/^\d{4}-\d{2}-\d{2}$/.test(absence.lastDay) ||
          absence.lastDay < absence.firstDay
        )
          issues.push({
            path: `absences[${index}]`,
            rule: 'absence-dates',
            message: 'first and last day as YYYY-MM-DD, last not before first',
          });
      });
      if (issues.length > 0) throw payrollError('ABSENCE_INVALID', 'Some absences are not valid', issues);
      await sql.insertAbsences(
        tx,
        tx.ctx.organisationId,
        absences.map((absence) => ({
          ...absence,
          id: newId('abs'),
          firstDay: absence.firstDay as LocalDate,
          lastDay: absence.lastDay as LocalDate,
        })),
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.absences.recorded',
        entityType: 'absence',
        entityId: 'batch',
        after: { count: absences.length },
      });
      return absences.length;
    },
  };
  return service;
}

export type RecordsService = ReturnType<typeof createRecordsService>;
