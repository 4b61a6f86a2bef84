import type { Queryable } from '../../../../kernel/db';
import type { LocalDate } from '../../../../kernel/time';
import type {
  AttachmentCarry,
  CalculatedPayslip,
  PayslipFigures,
  PreviousPayslip,
  SamePeriodFigures,
  YtdFigures,
} from '../../domain/payslip/types';
import type { DeductionKind, PayElementKind } from '../../reference-data';

/**
 * A payslip line as stored: kind and amount, plus only what differs from the
 * payslip (cost centre, account) or identifies its source (claim, order,
 * arrears period, payee). Explanations are not stored: they are worked out
 * again from the same inputs when someone asks.
 */
export type StoredLine = {
  k: PayElementKind | DeductionKind;
  a: number;
  cc?: string;
  ac?: string;
  r?: string;
  f?: string;
  p?: string;
};

export type StoredPayslip = {
  runId: string;
  employeeId: string;
  runSequence: bigint;
  taxYear: string;
  taxPeriod: number;
  payDate: LocalDate;
  costCentreCode: string;
  accountCode: string;
  taxCode: string;
  week1Month1: boolean;
  niLetter: string;
  pensionTier: number;
  contractedCentihours: number;
  figures: PayslipFigures;
  ytd: YtdFigures;
  bankDetailsId: string | null;
  firstPay: boolean;
  lines: StoredLine[];
  carried: Record<string, AttachmentCarry> | null;
};

export function storedLines(payslip: CalculatedPayslip): StoredLine[] {
  const lines: StoredLine[] = [];
  for (const line of payslip.lines) {
    const stored: StoredLine = { k: line.kind, a: line.amount };
    if (line.costCentreCode !== payslip.costCentreCode) stored.cc = line.costCentreCode;
    if (line.accountCode !== payslip.accountCode) stored.ac = line.accountCode;
    if (line.ref !== null) stored.r = line.ref;
    if (line.arrearsFor !== null) stored.f = line.arrearsFor;
    lines.push(stored);
  }
  for (const line of payslip.deductions) {
    const stored: StoredLine = { k: line.kind, a: line.amount };
    if (line.ref !== null) stored.r = line.ref;
    if (line.payee !== null) stored.p = line.payee;
    lines.push(stored);
  }
  return lines;
}

const DEDUCTION_LINE_KINDS = new Set<string>([
  'payroll-giving',
  'voluntary-deduction',
  'attachment-of-earnings',
  'anytime-pay-recovery',
]);

/** A stored payslip in the shape the run's postings are summed from. */
export function postableOf(payslip: StoredPayslip) {
  return {
    costCentreCode: payslip.costCentreCode,
    figures: payslip.figures,
    lines: payslip.lines
      .filter((line) => !DEDUCTION_LINE_KINDS.has(line.k))
      .map((line) => ({
        kind: line.k as PayElementKind,
        amount: line.a,
        costCentreCode: line.cc ?? payslip.costCentreCode,
        accountCode: line.ac ?? payslip.accountCode,
      })),
    deductions: payslip.lines
      .filter((line) => DEDUCTION_LINE_KINDS.has(line.k))
      .map((line) => ({ kind: line.k as DeductionKind, amount: line.a, payee: line.p ?? null })),
  };
}

/**
 * The stored lines as JSON text, written directly: the same document as
 * JSON.stringify(storedLines(payslip)) without building an object per line
 * (a national pay run writes millions). Every string in it is a code, an id
 * or a payee name, so JSON.stringify is used only for the free-text ones.
 */
export function storedLinesJson(payslip: CalculatedPayslip): string {
  let json = '[';
  let first = true;
  for (const line of payslip.lines) {
    json += `${first ? '' : ','}{"k":"${line.kind}","a":${line.amount}`;
    if (line.costCentreCode !== payslip.costCentreCode)
      json += `,"cc":${JSON.stringify(line.costCentreCode)}`;
    if (line.accountCode !== payslip.accountCode) json += `,"ac":${JSON.stringify(line.accountCode)}`;
    if (line.ref !== null) json += `,"r":${JSON.stringify(line.ref)}`;
    if (line.arrearsFor !== null) json += `,"f":${JSON.stringify(line.arrearsFor)}`;
    json += '}';
    first = false;
  }
  for (const line of payslip.deductions) {
    json += `${first ? '' : ','}{"k":"${line.kind}","a":${line.amount}`;
    if (line.ref !== null) json += `,"r":${JSON.stringify(line.ref)}`;
    if (line.payee !== null) json += `,"p":${JSON.stringify(line.payee)}`;
    json += '}';
    first = false;
  }
  return `${json}]`;
}

function carriedOf(payslip: CalculatedPayslip): Record<string, AttachmentCarry> | null {
  let carried: Record<string, AttachmentCarry> | null = null;
  for (const line of payslip.deductions) {
    if (line.carry && line.ref) {
      carried ??= {};
      carried[line.ref] = line.carry;
    }
  }
  return carried;
}

const FIGURE_COLUMNS = [
  ['gross', 'gross_pence'],
  ['taxable', 'taxable_pence'],
  ['niable', 'niable_pence'],
  ['pensionable', 'pensionable_pence'],
  ['incomeTax', 'income_tax_pence'],
  ['employeeNi', 'employee_ni_pence'],
  ['employerNi', 'employer_ni_pence'],
  ['pensionEmployee', 'pension_employee_pence'],
  ['pensionEmployer', 'pension_employer_pence'],
  ['studentLoan', 'student_loan_pence'],
  ['postgraduateLoan', 'postgraduate_loan_pence'],
  ['otherDeductions', 'other_deductions_pence'],
  ['anytimePayRecovered', 'anytime_pay_recovered_pence'],
  ['netPay', 'net_pence'],
] as const satisfies readonly (readonly [keyof PayslipFigures, string])[];

const YTD_COLUMNS = [
  ['gross', 'ytd_gross_pence'],
  ['taxable', 'ytd_taxable_pence'],
  ['tax', 'ytd_tax_pence'],
  ['niable', 'ytd_niable_pence'],
  ['employeeNi', 'ytd_employee_ni_pence'],
  ['employerNi', 'ytd_employer_ni_pence'],
  ['pensionEmployee', 'ytd_pension_employee_pence'],
  ['pensionEmployer', 'ytd_pension_employer_pence'],
  ['studentLoan', 'ytd_student_loan_pence'],
  ['postgraduateLoan', 'ytd_postgraduate_loan_pence'],
  ['atLel', 'ytd_at_lel_pence'],
  ['lelToPt', 'ytd_lel_to_pt_pence'],
  ['ptToUel', 'ytd_pt_to_uel_pence'],
] as const satisfies readonly (readonly [keyof YtdFigures, string])[];

const TEXT_COLUMNS = [
  'employee_id',
  'cost_centre_code',
  'account_code',
  'tax_code',
  'ni_letter',
  'bank_details_id',
  'lines',
  'carried',
] as const;
const MONEY_COLUMNS = [
  ...FIGURE_COLUMNS.map(([, column]) => column),
  ...YTD_COLUMNS.map(([, column]) => column),
];

/**
 * Payslips of one batch as column arrays, filled as they are calculated and
 * inserted by one statement: no per-row objects are kept beyond the calculation.
 */
export class PayslipBatch {
  private readonly text: Record<(typeof TEXT_COLUMNS)[number], (string | null)[]> = {
    employee_id: [],
    cost_centre_code: [],
    account_code: [],
    tax_code: [],
    ni_letter: [],
    bank_details_id: [],
    lines: [],
    carried: [],
  };
  private readonly money: number[][] = MONEY_COLUMNS.map(() => []);
  private readonly week1Month1: boolean[] = [];
  private readonly firstPay: boolean[] = [];
  private readonly pensionTier: number[] = [];
  private readonly hours: number[] = [];

  get size(): number {
    return this.week1Month1.length;
  }

  add(payslip: CalculatedPayslip, bankDetailsId: string | null): void {
    const text = this.text;
    text.employee_id.push(payslip.employeeId);
    text.cost_centre_code.push(payslip.costCentreCode);
    text.account_code.push(payslip.accountCode);
    text.tax_code.push(payslip.taxCode);
    text.ni_letter.push(payslip.niLetter);
    text.bank_details_id.push(bankDetailsId);
    text.lines.push(storedLinesJson(payslip));
    const carried = carriedOf(payslip);
    text.carried.push(carried === null ? null : JSON.stringify(carried));
    let column = 0;
    for (const [field] of FIGURE_COLUMNS) this.money[column++]!.push(payslip.figures[field]);
    for (const [field] of YTD_COLUMNS) this.money[column++]!.push(payslip.ytd[field]);
    this.week1Month1.push(payslip.week1Month1);
    this.firstPay.push(payslip.firstPay);
    this.pensionTier.push(payslip.pensionTier);
    this.hours.push(payslip.contractedCentihours);
  }

  async insert(
    q: Queryable,
    organisationId: string,
    run: { id: string; sequence: bigint; taxYear: string; taxPeriod: number; payDate: LocalDate },
  ): Promise<void> {
    if (this.size === 0) return;
    const fixed = 6;
    const textParams = TEXT_COLUMNS.map((_, index) => `$${fixed + 1 + index}::text[]`);
    const moneyParams = MONEY_COLUMNS.map(
      (_, index) => `$${fixed + 1 + TEXT_COLUMNS.length + index}::int8[]`,
    );
    const tail = fixed + TEXT_COLUMNS.length + MONEY_COLUMNS.length;
    const names = [
      ...TEXT_COLUMNS,
      ...MONEY_COLUMNS,
      'week1_month1',
      'first_pay',
      'pension_tier',
      'contracted_centihours',
    ];
    await q.query(
      `insert into payroll.payslip (organisation_id, run_id, run_sequence, tax_year, tax_period, pay_date,
         ${names.join(', ')})
       select $1, $2, $3, $4, $5, $6, ${names.map((name) => (name === 'lines' || name === 'carried' ? `u.${name}::json` : `u.${name}`)).join(', ')}
       from unnest(${[...textParams, ...moneyParams, `$${tail + 1}::bool[]`, `$${tail + 2}::bool[]`, `$${tail + 3}::int[]`, `$${tail + 4}::int[]`].join(', ')})
         as u(${names.join(', ')})`,
      [
        organisationId,
        run.id,
        run.sequence,
        run.taxYear,
        run.taxPeriod,
        run.payDate,
        ...TEXT_COLUMNS.map((name) => this.text[name]),
        ...this.money,
        this.week1Month1,
        this.firstPay,
        this.pensionTier,
        this.hours,
      ],
    );
  }
}

type PayslipDbRow = Record<string, unknown> & {
  run_id: string;
  employee_id: string;
  run_sequence: bigint;
  tax_year: string;
  tax_period: number;
  pay_date: LocalDate;
  cost_centre_code: string;
  account_code: string;
  tax_code: string;
  week1_month1: boolean;
  ni_letter: string;
  pension_tier: number;
  contracted_centihours: number;
  bank_details_id: string | null;
  first_pay: boolean;
  lines: StoredLine[];
  carried: Record<string, AttachmentCarry> | null;
};

function payslipFrom(row: PayslipDbRow): StoredPayslip {
  const figures = {} as PayslipFigures;
  for (const [field, column] of FIGURE_COLUMNS) figures[field] = Number(row[column] as bigint);
  const ytd = {} as YtdFigures;
  for (const [field, column] of YTD_COLUMNS) ytd[field] = Number(row[column] as bigint);
  return {
    runId: row.run_id,
    employeeId: row.employee_id,
    runSequence: row.run_sequence,
    taxYear: row.tax_year,
    taxPeriod: row.tax_period,
    payDate: row.pay_date,
    costCentreCode: row.cost_centre_code,
    accountCode: row.account_code,
    taxCode: row.tax_code,
    week1Month1: row.week1_month1,
    niLetter: row.ni_letter,
    pensionTier: row.pension_tier,
    contractedCentihours: row.contracted_centihours,
    figures,
    ytd,
    bankDetailsId: row.bank_details_id,
    firstPay: row.first_pay,
    lines: row.lines,
    carried: row.carried,
  };
}

type PreviousDbRow = {
  employee_id: string;
  run_sequence: bigint;
  tax_year: string;
  tax_period: number;
  net_pence: bigint;
  tax_code: string;
  week1_month1: boolean;
  carried: Record<string, AttachmentCarry> | null;
  [column: string]: unknown;
};

function previousFrom(row: PreviousDbRow): PreviousPayslip {
  const ytd = {} as YtdFigures;
  for (const [field, column] of YTD_COLUMNS) ytd[field] = Number(row[column] as bigint);
  return {
    runSequence: row.run_sequence,
    taxYear: row.tax_year,
    taxPeriod: row.tax_period,
    netPay: Number(row.net_pence),
    taxCode: row.tax_code,
    week1Month1: row.week1_month1,
    ytd,
    attachments: row.carried ?? {},
  };
}

/** Each employee's latest payslip before this run (runs commit in order, so these are all committed). */
export async function selectPreviousPayslips(
  q: Queryable,
  organisationId: string,
  employeeIds: readonly string[],
  beforeSequence: bigint,
): Promise<Map<string, PreviousPayslip>> {
  const result = await q.query<PreviousDbRow>(
    `select e.employee_id, p.run_sequence, p.tax_year, p.tax_period, p.net_pence, p.tax_code, p.week1_month1, p.carried,
       ${YTD_COLUMNS.map(([, column]) => `p.${column}`).join(', ')}
     from unnest($1::text[]) as e(employee_id)
     cross join lateral (
       select s.* from payroll.payslip s
       join payroll.pay_run r on r.organisation_id = s.organisation_id and r.id = s.run_id and r.status = 'committed'
       where s.organisation_id = $3 and s.employee_id = e.employee_id and s.run_sequence < $2
       order by s.run_sequence desc limit 1
     ) p`,
    [employeeIds, beforeSequence, organisationId],
  );
  return new Map(result.rows.map((row) => [row.employee_id, previousFrom(row)]));
}

/** The previous-payslip figures of the employees of one run within an id range (a primary key range scan). */
export async function selectRunPayslipsAsPrevious(
  q: Queryable,
  organisationId: string,
  runId: string,
  range: { from: string; before: string | null },
): Promise<Map<string, PreviousPayslip>> {
  const result = await q.query<PreviousDbRow>(
    `select employee_id, run_sequence, tax_year, tax_period, net_pence, tax_code, week1_month1, carried,
       ${YTD_COLUMNS.map(([, column]) => column).join(', ')}
     from payroll.payslip where organisation_id = $1 and run_id = $2 and employee_id >= $3
       ${range.before === null ? '' : 'and employee_id < $4'}`,
    range.before === null
      ? [organisationId, runId, range.from]
      : [organisationId, runId, range.from, range.before],
  );
  return new Map(result.rows.map((row) => [row.employee_id, previousFrom(row)]));
}

/** What earlier runs already paid each employee in the same tax period (a supplementary run adds to it). */
export async function selectSamePeriodFigures(
  q: Queryable,
  employeeIds: readonly string[],
  period: { taxYear: string; taxPeriod: number; frequency: string },
  beforeSequence: bigint,
): Promise<Map<string, SamePeriodFigures>> {
  const result = await q.query<{
    employee_id: string;
    niable: bigint;
    employee_ni: bigint;
    employer_ni: bigint;
    student_loan: bigint;
    postgraduate_loan: bigint;
  }>(
    `select p.employee_id, sum(p.niable_pence)::int8 as niable, sum(p.employee_ni_pence)::int8 as employee_ni,
       sum(p.employer_ni_pence)::int8 as employer_ni, sum(p.student_loan_pence)::int8 as student_loan,
       sum(p.postgraduate_loan_pence)::int8 as postgraduate_loan
     from payroll.payslip p join payroll.pay_run r on r.organisation_id = p.organisation_id and r.id = p.run_id
     where p.employee_id = any ($1) and p.tax_year = $2 and p.tax_period = $3 and r.pay_frequency = $4
       and p.run_sequence < $5
     group by p.employee_id`,
    [employeeIds, period.taxYear, period.taxPeriod, period.frequency, beforeSequence],
  );
  return new Map(
    result.rows.map((row) => [
      row.employee_id,
      {
        niable: Number(row.niable),
        employeeNi: Number(row.employee_ni),
        employerNi: Number(row.employer_ni),
        studentLoanEarnings: Number(row.niable),
        studentLoan: Number(row.student_loan),
        postgraduateLoan: Number(row.postgraduate_loan),
      },
    ]),
  );
}

/** Payslips of one employee in committed runs from `since`, with their run's period, for pricing those periods again. */
export async function selectPaidHistory(
  q: Queryable,
  employeeIds: readonly string[],
  since: LocalDate,
  beforeSequence: bigint,
): Promise<(StoredPayslip & { runPeriod: number; runFrequency: string; runPeriodEnd: LocalDate })[]> {
  const result = await q.query<
    PayslipDbRow & { period: number; pay_frequency: string; period_end: LocalDate }
  >(
    `select p.*, r.period, r.pay_frequency, r.period_end from payroll.payslip p
     join payroll.pay_run r on r.organisation_id = p.organisation_id and r.id = p.run_id
     where p.employee_id = any ($1) and r.period_end >= $2 and p.run_sequence < $3 and r.status = 'committed'
     order by p.employee_id, p.run_sequence`,
    [employeeIds, since, beforeSequence],
  );
  return result.rows.map((row) => ({
    ...payslipFrom(row),
    runPeriod: row.period,
    runFrequency: row.pay_frequency,
    runPeriodEnd: row.period_end,
  }));
}

/** Payslips of a run (drafts included, for the preview) or of an employee (committed runs only, unless asked). */
export async function selectPayslips(
  q: Queryable,
  filter: {
    runId?: string;
    employeeId?: string;
    afterEmployeeId?: string;
    limit?: number;
    committedOnly?: boolean;
  },
): Promise<StoredPayslip[]> {
  const result = await q.query<PayslipDbRow>(
    `select p.* from payroll.payslip p
     where ($1::text is null or p.run_id = $1) and ($2::text is null or p.employee_id = $2)
       and ($3::text is null or p.employee_id > $3)
       and (not $5 or exists (select 1 from payroll.pay_run r where r.organisation_id = p.organisation_id
                              and r.id = p.run_id and r.status = 'committed'))
     order by ${filter.runId ? 'p.employee_id' : 'p.run_sequence desc'} limit $4`,
    [
      filter.runId ?? null,
      filter.employeeId ?? null,
      filter.afterEmployeeId ?? null,
      filter.limit ?? 1000,
      filter.committedOnly ?? false,
    ],
  );
  return result.rows.map(payslipFrom);
}

/** Removes the draft payslips of employees left out of a run at commit, returning them so their sums come off the run's. */
export async function deleteExcludedPayslips(q: Queryable, runId: string): Promise<StoredPayslip[]> {
  const result = await q.query<PayslipDbRow>(
    `delete from payroll.payslip p using payroll.pay_run_exclusion x
     where p.run_id = $1 and x.organisation_id = p.organisation_id and x.run_id = p.run_id and x.employee_id = p.employee_id
     returning p.*`,
    [runId],
  );
  return result.rows.map(payslipFrom);
}

/** Anytime pay each employee has drawn by the cut-off and not yet had recovered by a committed run. */
export async function selectAnytimePayOutstanding(
  q: Queryable,
  employeeIds: readonly string[],
  throughSeq: bigint,
  beforeSequence: bigint,
): Promise<Map<string, number>> {
  const result = await q.query<{ employee_id: string; outstanding: bigint }>(
    `select d.employee_id,
       (sum(d.amount_pence) - coalesce((select sum(p.anytime_pay_recovered_pence) from payroll.payslip p
          join payroll.pay_run r on r.organisation_id = p.organisation_id and r.id = p.run_id and r.status = 'committed'
          where p.organisation_id = d.organisation_id and p.employee_id = d.employee_id and p.run_sequence < $3), 0))::int8
         as outstanding
     from payroll.anytime_pay_draw d
     where d.employee_id = any ($1) and d.recorded_seq <= $2
     group by d.organisation_id, d.employee_id`,
    [employeeIds, throughSeq, beforeSequence],
  );
  return new Map(
    result.rows
      .filter((row) => row.outstanding > 0n)
      .map((row) => [row.employee_id, Number(row.outstanding)]),
  );
}
