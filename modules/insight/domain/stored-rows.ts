import type { NormalisedRecord, SourceKind } from './ingest';

/** The SQL type of a stored column; values travel to the database as arrays of this type. */
export type StoredType = 'text' | 'date' | 'int4' | 'int8' | 'numeric' | 'bool';

export type StoredColumn = { column: string; field: string; type: StoredType };

const text = (column: string, field = column): StoredColumn => ({ column, field, type: 'text' });
const date = (column: string, field: string): StoredColumn => ({ column, field, type: 'date' });
const numeric = (column: string, field: string): StoredColumn => ({ column, field, type: 'numeric' });
const money = (column: string, field: string): StoredColumn => ({ column, field, type: 'int8' });

const workforceCommon = [
  text('employee_id', 'employeeId'),
  text('staff_group', 'staffGroup'),
  text('band'),
  text('team'),
];

/**
 * Which canonical fields each kind of extract keeps in typed columns (what the
 * analytics filter and add up). Every other field, the file's unmapped columns
 * and any unreadable optional value go into the row's `detail`, so nothing in
 * a row is lost.
 */
export const STORED_COLUMNS: Record<SourceKind, readonly StoredColumn[]> = {
  spend: [
    date('payment_date', 'date'),
    text('supplier'),
    money('amount_pence', 'amount'),
    text('expense_type', 'expenseType'),
    text('expense_area', 'expenseArea'),
    text('transaction_number', 'transactionNumber'),
    text('vat_number', 'vatRegistration'),
    text('company_number', 'companiesHouseNumber'),
    text('entity'),
    text('department_family', 'departmentFamily'),
    text('description'),
    text('their_reference', 'theirReference'),
    text('supplier_postcode', 'supplierPostcode'),
    text('supplier_type', 'supplierType'),
    text('financial_year', 'financialYear'),
    { column: 'financial_period', field: 'financialPeriod', type: 'int4' },
  ],
  'po-lines': [
    date('order_date', 'orderDate'),
    text('po_number', 'poNumber'),
    { column: 'line_number', field: 'lineNumber', type: 'int4' },
    text('supplier'),
    text('supplier_code', 'supplierCode'),
    text('item_description', 'itemDescription'),
    text('supplier_item_code', 'supplierItemCode'),
    text('manufacturer_code', 'manufacturerCode'),
    text('manufacturer'),
    text('gtin'),
    text('unit_of_measure', 'unitOfMeasure'),
    numeric('pack_size', 'packSize'),
    numeric('quantity', 'quantity'),
    numeric('unit_price', 'unitPrice'),
    money('line_value_pence', 'lineValue'),
    text('category'),
    text('contract_reference', 'contractReference'),
    text('cost_centre', 'costCentre'),
  ],
  gl: [
    text('account_code', 'accountCode'),
    text('account_name', 'accountName'),
    text('cost_centre', 'costCentre'),
    text('cost_centre_name', 'costCentreName'),
    text('period'),
    date('posting_date', 'postingDate'),
    money('amount_pence', 'amount'),
    text('journal_reference', 'journalReference'),
    text('description'),
  ],
  'staff-in-post': [
    ...workforceCommon,
    date('record_date', 'snapshotDate'),
    text('directorate'),
    text('job_role', 'jobRole'),
    numeric('contracted_fte', 'contractedFte'),
    date('start_date', 'startDate'),
  ],
  starters: [
    ...workforceCommon,
    date('record_date', 'startDate'),
    date('start_date', 'startDate'),
    text('directorate'),
    text('job_role', 'jobRole'),
    numeric('contracted_fte', 'contractedFte'),
    text('reason', 'recruitmentSource'),
  ],
  leavers: [
    ...workforceCommon,
    date('record_date', 'leavingDate'),
    text('reason', 'leavingReason'),
    text('directorate'),
    text('job_role', 'jobRole'),
    numeric('contracted_fte', 'contractedFte'),
    date('start_date', 'startDate'),
  ],
  sickness: [
    ...workforceCommon,
    date('record_date', 'absenceStartDate'),
    date('end_date', 'absenceEndDate'),
    numeric('days_lost', 'calendarDaysLost'),
    numeric('fte_days_lost', 'fteDaysLost'),
    text('reason'),
    numeric('contracted_fte', 'contractedFte'),
  ],
  vacancies: [
    text('period'),
    text('team'),
    text('staff_group', 'staffGroup'),
    text('band'),
    numeric('establishment_fte', 'establishmentFte'),
    numeric('staff_in_post_fte', 'staffInPostFte'),
    numeric('vacancy_fte', 'vacancyFte'),
  ],
  'temporary-staffing': [
    text('period'),
    date('record_date', 'shiftDate'),
    text('staffing_type', 'staffingType'),
    text('team'),
    text('staff_group', 'staffGroup'),
    text('band'),
    numeric('hours', 'hours'),
    money('cost_pence', 'cost'),
    text('agency_name', 'agencyName'),
    { column: 'on_framework', field: 'onFramework', type: 'bool' },
  ],
};

/** A batch of records as one array per column, ready for a set-based insert. */
export type ColumnArrays = {
  fingerprints: string[];
  lines: number[];
  columns: (string | number | boolean | null)[][];
  /** Whether any row has a value in each column: a column empty in the whole batch is left out of the insert. */
  present: boolean[];
  /** JSON text of each row's other fields, extras and warnings; null when there is nothing else. */
  details: (string | null)[];
  /** Whether any row has a detail document. */
  anyDetail: boolean;
};

type StoredValue = string | number | boolean | null;

const storedValue = (value: unknown): StoredValue =>
  value === null || value === undefined
    ? null
    : typeof value === 'bigint'
      ? value.toString()
      : (value as string | number | boolean);

/** Whether an object has any key, without building the list of keys (called for every row). */
function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

/** Compiles, per kind, the split of a record into typed columns and detail (done once, used per row). */
export function columnArrayBuilder(kind: SourceKind): (records: readonly NormalisedRecord[]) => ColumnArrays {
  const stored = STORED_COLUMNS[kind];
  const storedFields = new Set(stored.map((column) => column.field));
  return (records) => {
    const columns: StoredValue[][] = stored.map(() => new Array<StoredValue>(records.length));
    const fingerprints = new Array<string>(records.length);
    const lines = new Array<number>(records.length);
    const details = new Array<string | null>(records.length);
    const present = stored.map(() => false);
    let anyDetail = false;
    for (let row = 0; row < records.length; row += 1) {
      const record = records[row] as NormalisedRecord;
      const values = record.values as Readonly<Record<string, unknown>>;
      fingerprints[row] = record.fingerprint;
      lines[row] = record.line;
      for (let index = 0; index < stored.length; index += 1) {
        const value = storedValue(values[(stored[index] as StoredColumn).field]);
        (columns[index] as StoredValue[])[row] = value;
        if (value !== null) present[index] = true;
      }
      let detail: Record<string, unknown> | null = null;
      for (const field in values) {
        if (storedFields.has(field)) continue;
        const value = values[field];
        if (value === null || value === undefined) continue;
        detail ??= {};
        detail[field] = storedValue(value);
      }
      if (hasKeys(record.extras)) {
        detail ??= {};
        detail.extras = record.extras;
      }
      if (record.warnings.length > 0) {
        detail ??= {};
        detail.warnings = record.warnings;
      }
      details[row] = detail === null ? null : JSON.stringify(detail);
      if (detail !== null) anyDetail = true;
    }
    return { fingerprints, lines, columns, present, details, anyDetail };
  };
}
