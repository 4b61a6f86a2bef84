import type { Queryable } from '../../../../kernel/db';
import type { LocalDate } from '../../../../kernel/time';
import type { PayFrequency } from '../../domain/pay-frequency';
import type { PayRecordChange, PayRecordChangeFields } from '../../domain/pay-record';

export type EmployerRow = {
  payeOfficeNumber: string;
  payeReference: string;
  accountsOfficeReference: string;
  bacsServiceUserNumber: string;
  bankSortCode: string;
  bankAccountNumber: string;
  bankAccountName: string;
  pensionFunding: 'central-funding' | 'full-rate';
  updatedBy: string;
  updatedAt: string;
};

export async function selectEmployer(q: Queryable): Promise<EmployerRow | null> {
  const result = await q.query<{
    paye_office_number: string;
    paye_reference: string;
    accounts_office_reference: string;
    bacs_service_user_number: string;
    bank_sort_code: string;
    bank_account_number: string;
    bank_account_name: string;
    pension_funding: EmployerRow['pensionFunding'];
    updated_by: string;
    updated_at: Date;
  }>('select * from payroll.employer');
  const row = result.rows[0];
  return row
    ? {
        payeOfficeNumber: row.paye_office_number,
        payeReference: row.paye_reference,
        accountsOfficeReference: row.accounts_office_reference,
        bacsServiceUserNumber: row.bacs_service_user_number,
        bankSortCode: row.bank_sort_code,
        bankAccountNumber: row.bank_account_number,
        bankAccountName: row.bank_account_name,
        pensionFunding: row.pension_funding,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at.toISOString(),
      }
    : null;
}

export async function upsertEmployer(
  q: Queryable,
  organisationId: string,
  employer: Omit<EmployerRow, 'updatedAt'>,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.employer (organisation_id, paye_office_number, paye_reference, accounts_office_reference,
       bacs_service_user_number, bank_sort_code, bank_account_number, bank_account_name, pension_funding, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (organisation_id) do update set paye_office_number = excluded.paye_office_number,
       paye_reference = excluded.paye_reference, accounts_office_reference = excluded.accounts_office_reference,
       bacs_service_user_number = excluded.bacs_service_user_number, bank_sort_code = excluded.bank_sort_code,
       bank_account_number = excluded.bank_account_number, bank_account_name = excluded.bank_account_name,
       pension_funding = excluded.pension_funding, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [
      organisationId,
      employer.payeOfficeNumber,
      employer.payeReference,
      employer.accountsOfficeReference,
      employer.bacsServiceUserNumber,
      employer.bankSortCode,
      employer.bankAccountNumber,
      employer.bankAccountName,
      employer.pensionFunding,
      employer.updatedBy,
      at,
    ],
  );
}

export type EmployeeRow = {
  id: string;
  payrollNumber: string;
  userId: string | null;
  title: string | null;
  forenames: string;
  surname: string;
  niNumber: string | null;
  dateOfBirth: LocalDate;
  gender: 'M' | 'F';
  addressLines: string[];
  postcode: string | null;
  payFrequency: PayFrequency;
  startDate: LocalDate;
  starterBasis: 'p45' | 'A' | 'B' | 'C';
  p45: { taxYear: string; taxablePay: number; tax: number } | null;
  leavingDate: LocalDate | null;
  createdAt: string;
};

type EmployeeDbRow = {
  id: string;
  payroll_number: string;
  user_id: string | null;
  title: string | null;
  forenames: string;
  surname: string;
  ni_number: string | null;
  date_of_birth: LocalDate;
  gender: 'M' | 'F';
  address_lines: string[];
  postcode: string | null;
  pay_frequency: PayFrequency;
  start_date: LocalDate;
  starter_basis: EmployeeRow['starterBasis'];
  p45_tax_year: string | null;
  p45_taxable_pence: bigint | null;
  p45_tax_pence: bigint | null;
  leaving_date: LocalDate | null;
  created_at: Date;
};

const EMPLOYEE_COLUMNS = `id, payroll_number, user_id, title, forenames, surname, ni_number, date_of_birth, gender,
  address_lines, postcode, pay_frequency, start_date, starter_basis, p45_tax_year, p45_taxable_pence, p45_tax_pence,
  leaving_date, created_at`;

function employeeFrom(row: EmployeeDbRow): EmployeeRow {
  return {
    id: row.id,
    payrollNumber: row.payroll_number,
    userId: row.user_id,
    title: row.title,
    forenames: row.forenames,
    surname: row.surname,
    niNumber: row.ni_number,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    addressLines: row.address_lines,
    postcode: row.postcode,
    payFrequency: row.pay_frequency,
    startDate: row.start_date,
    starterBasis: row.starter_basis,
    p45:
      row.p45_tax_year === null
        ? null
        : {
            taxYear: row.p45_tax_year,
            taxablePay: Number(row.p45_taxable_pence),
            tax: Number(row.p45_tax_pence),
          },
    leavingDate: row.leaving_date,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertEmployee(
  q: Queryable,
  organisationId: string,
  employee: Omit<EmployeeRow, 'createdAt' | 'leavingDate'>,
  by: string,
  at: Date,
): Promise<void> {
  await q.query(
    `insert into payroll.employee (organisation_id, id, payroll_number, user_id, title, forenames, surname, ni_number,
       date_of_birth, gender, address_lines, postcode, pay_frequency, start_date, starter_basis, p45_tax_year,
       p45_taxable_pence, p45_tax_pence, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)`,
    [
      organisationId,
      employee.id,
      employee.payrollNumber,
      employee.userId,
      employee.title,
      employee.forenames,
      employee.surname,
      employee.niNumber,
      employee.dateOfBirth,
      employee.gender,
      employee.addressLines,
      employee.postcode,
      employee.payFrequency,
      employee.startDate,
      employee.starterBasis,
      employee.p45?.taxYear ?? null,
      employee.p45?.taxablePay ?? null,
      employee.p45?.tax ?? null,
      by,
      at,
    ],
  );
}

/** Many new employees in one statement (the demo and the benchmark load thousands). */
export async function insertEmployees(
  q: Queryable,
  organisationId: string,
  employees: readonly Omit<EmployeeRow, 'createdAt' | 'leavingDate' | 'p45'>[],
  by: string,
  at: Date,
): Promise<void> {
  if (employees.length === 0) return;
  await q.query(
    `insert into payroll.employee (organisation_id, id, payroll_number, user_id, title, forenames, surname, ni_number,
       date_of_birth, gender, address_lines, postcode, pay_frequency, start_date, starter_basis, created_by, created_at)
     select $1, e.id, e.payroll_number, e.user_id, e.title, e.forenames, e.surname, e.ni_number, e.date_of_birth,
       e.gender, string_to_array(e.address, '|'), e.postcode, e.pay_frequency, e.start_date, e.starter_basis, $2, $3
     from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::date[],
       $12::text[], $13::text[], $14::text[], $15::text[], $16::date[], $17::text[])
       as e(id, payroll_number, user_id, title, forenames, surname, ni_number, date_of_birth, gender, address, postcode,
         pay_frequency, start_date, starter_basis)`,
    [
      organisationId,
      by,
      at,
      employees.map((e) => e.id),
      employees.map((e) => e.payrollNumber),
      employees.map((e) => e.userId),
      employees.map((e) => e.title),
      employees.map((e) => e.forenames),
      employees.map((e) => e.surname),
      employees.map((e) => e.niNumber),
      employees.map((e) => e.dateOfBirth),
      employees.map((e) => e.gender),
      employees.map((e) => e.addressLines.join('|')),
      employees.map((e) => e.postcode),
      employees.map((e) => e.payFrequency),
      employees.map((e) => e.startDate),
      employees.map((e) => e.starterBasis),
    ],
  );
}

export async function updatePerson(
  q: Queryable,
  employeeId: string,
  person: Pick<
    EmployeeRow,
    | 'title'
    | 'forenames'
    | 'surname'
    | 'niNumber'
    | 'dateOfBirth'
    | 'gender'
    | 'addressLines'
    | 'postcode'
    | 'userId'
  >,
): Promise<void> {
  await q.query(
    `update payroll.employee set title = $2, forenames = $3, surname = $4, ni_number = $5, date_of_birth = $6,
       gender = $7, address_lines = $8, postcode = $9, user_id = $10 where id = $1`,
    [
      employeeId,
      person.title,
      person.forenames,
      person.surname,
      person.niNumber,
      person.dateOfBirth,
      person.gender,
      person.addressLines,
      person.postcode,
      person.userId,
    ],
  );
}

export async function updateLeavingDate(
  q: Queryable,
  employeeId: string,
  leavingDate: LocalDate | null,
): Promise<void> {
  await q.query('update payroll.employee set leaving_date = $2 where id = $1', [employeeId, leavingDate]);
}

export async function selectEmployees(
  q: Queryable,
  filter: {
    ids?: readonly string[];
    search?: string;
    userId?: string;
    payrollNumbers?: readonly string[];
    afterId?: string;
    limit?: number;
  },
): Promise<EmployeeRow[]> {
  const result = await q.query<EmployeeDbRow>(
    `select ${EMPLOYEE_COLUMNS} from payroll.employee
     where ($1::text[] is null or id = any ($1))
       and ($2::text is null or surname ilike $2 || '%' or forenames ilike $2 || '%' or payroll_number = $2
            or ni_number = upper(replace($2, ' ', '')))
       and ($3::text is null or user_id = $3)
       and ($4::text[] is null or payroll_number = any ($4))
       and ($5::text is null or id > $5)
     order by id limit $6`,
    [
      filter.ids ?? null,
      filter.search?.trim() || null,
      filter.userId ?? null,
      filter.payrollNumbers ?? null,
      filter.afterId ?? null,
      filter.limit ?? 100,
    ],
  );
  return result.rows.map(employeeFrom);
}

export async function countEmployees(q: Queryable): Promise<number> {
  const result = await q.query<{ count: bigint }>('select count(*)::int8 as count from payroll.employee');
  return Number(result.rows[0]?.count ?? 0n);
}

type ChangeDbRow = {
  employee_id: string;
  change_no: number;
  effective_from: LocalDate;
  fields: PayRecordChangeFields;
  reason: string;
  recorded_seq: bigint;
  recorded_by: string;
  recorded_at: Date;
};

export type StoredChange = PayRecordChange & { employeeId: string; recordedBy: string; recordedAt: string };

const changeFrom = (row: ChangeDbRow): StoredChange => ({
  employeeId: row.employee_id,
  changeNo: row.change_no,
  effectiveFrom: row.effective_from,
  fields: row.fields,
  reason: row.reason,
  recordedSeq: row.recorded_seq,
  recordedBy: row.recorded_by,
  recordedAt: row.recorded_at.toISOString(),
});

/** Appends a change, numbering it after the employee's last; returns its recording order. */
export async function insertChange(
  q: Queryable,
  organisationId: string,
  change: { employeeId: string; effectiveFrom: LocalDate; fields: PayRecordChangeFields; reason: string },
  by: string,
  at: Date,
): Promise<StoredChange> {
  const result = await q.query<ChangeDbRow>(
    `insert into payroll.pay_record_change (organisation_id, employee_id, change_no, effective_from, fields, reason,
       recorded_by, recorded_at)
     select $1, $2, coalesce(max(change_no), 0) + 1, $3, $4, $5, $6, $7
     from payroll.pay_record_change where organisation_id = $1 and employee_id = $2
     returning employee_id, change_no, effective_from, fields, reason, recorded_seq, recorded_by, recorded_at`,
    [
      organisationId,
      change.employeeId,
      change.effectiveFrom,
      JSON.stringify(change.fields),
      change.reason,
      by,
      at,
    ],
  );
  return changeFrom(result.rows[0]!);
}

/** The first record of many employees at once (change 1 each). */
export async function insertFirstChanges(
  q: Queryable,
  organisationId: string,
  changes: readonly { employeeId: string; effectiveFrom: LocalDate; fields: PayRecordChangeFields }[],
  by: string,
  at: Date,
): Promise<void> {
  if (changes.length === 0) return;
  await q.query(
    `insert into payroll.pay_record_change (organisation_id, employee_id, change_no, effective_from, fields, reason,
       recorded_by, recorded_at)
     select $1, c.employee_id, 1, c.effective_from, c.fields::jsonb, 'starter', $2, $3
     from unnest($4::text[], $5::date[], $6::text[]) as c(employee_id, effective_from, fields)`,
    [
      organisationId,
      by,
      at,
      changes.map((c) => c.employeeId),
      changes.map((c) => c.effectiveFrom),
      changes.map((c) => JSON.stringify(c.fields)),
    ],
  );
}

export async function selectChanges(
  q: Queryable,
  employeeIds: readonly string[],
  throughSeq: bigint | null,
): Promise<StoredChange[]> {
  const result = await q.query<ChangeDbRow>(
    `select employee_id, change_no, effective_from, fields, reason, recorded_seq, recorded_by, recorded_at
     from payroll.pay_record_change
     where employee_id = any ($1) and ($2::int8 is null or recorded_seq <= $2)
     order by employee_id, change_no`,
    [employeeIds, throughSeq],
  );
  return result.rows.map(changeFrom);
}

export async function nextRecordSeq(q: Queryable): Promise<bigint> {
  const result = await q.query<{ seq: bigint }>("select nextval('payroll.record_seq')::int8 as seq");
  return result.rows[0]!.seq;
}
