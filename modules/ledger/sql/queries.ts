import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { Account, AccountType } from '../domain/chart';
import type { JournalLineInput, PostedJournal, ReasonCode, Side } from '../domain/journal';

export async function insertAccounts(
  q: Queryable,
  chartVersion: string,
  accounts: readonly Account[],
): Promise<number> {
  const result = await q.query(
    `insert into ledger.account (code, name, account_type, category, chart_version)
     select code, name, account_type, category, $1 from unnest($2::text[], $3::text[], $4::text[], $5::text[])
       as a(code, name, account_type, category)
     on conflict (code) do nothing`,
    [
      chartVersion,
      accounts.map((a) => a.code),
      accounts.map((a) => a.name),
      accounts.map((a) => a.type),
      accounts.map((a) => a.category),
    ],
  );
  return result.rowCount;
}

export async function selectAccounts(q: Queryable): Promise<(Account & { postable: boolean })[]> {
  const result = await q.query<{
    code: string;
    name: string;
    account_type: AccountType;
    category: string;
    postable: boolean;
  }>('select code, name, account_type, category, postable from ledger.account order by code');
  return result.rows.map((row) => ({
    code: row.code,
    name: row.name,
    type: row.account_type,
    category: row.category,
    postable: row.postable,
  }));
}

export type CostCentre = { code: string; name: string; division: string; active: boolean };

export async function upsertCostCentre(
  q: Queryable,
  organisationId: string,
  centre: CostCentre,
): Promise<CostCentre | null> {
  const before = await q.query<CostCentre>(
    'select code, name, division, active from ledger.cost_centre where organisation_id = $1 and code = $2',
    [organisationId, centre.code],
  );
  await q.query(
    `insert into ledger.cost_centre (organisation_id, code, name, division, active) values ($1, $2, $3, $4, $5)
     on conflict (organisation_id, code) do update set name = excluded.name, division = excluded.division, active = excluded.active`,
    [organisationId, centre.code, centre.name, centre.division, centre.active],
  );
  return before.rows[0] ?? null;
}

export async function selectCostCentres(q: Queryable, codes?: readonly string[]): Promise<CostCentre[]> {
  const result = await q.query<CostCentre>(
    `select code, name, division, active from ledger.cost_centre
     where ($1::text[] is null or code = any ($1)) order by code`,
    [codes ?? null],
  );
  return result.rows;
}

export async function upsertLegacyAccounts(
  q: Queryable,
  organisationId: string,
  importId: string,
  at: Date,
  accounts: readonly { code: string; name: string }[],
): Promise<{ inserted: number; updated: number }> {
  const result = await q.query<{ inserted: boolean }>(
    `insert into ledger.legacy_account (organisation_id, code, name, import_id, imported_at)
     select $1, code, name, $2, $3 from unnest($4::text[], $5::text[]) as a(code, name)
     on conflict (organisation_id, code) do update set name = excluded.name, import_id = excluded.import_id,
       imported_at = excluded.imported_at
     returning (xmax = 0) as inserted`,
    [organisationId, importId, at, accounts.map((a) => a.code), accounts.map((a) => a.name)],
  );
  const inserted = result.rows.filter((row) => row.inserted).length;
  return { inserted, updated: result.rows.length - inserted };
}

export async function upsertMapping(
  q: Queryable,
  organisationId: string,
  mapping: {
    legacyCode: string;
    accountCode: string;
    method: 'import' | 'manual' | 'suggested';
    by: string;
    at: Date;
  },
): Promise<string | null> {
  const before = await q.query<{ account_code: string }>(
    'select account_code from ledger.account_mapping where organisation_id = $1 and legacy_code = $2',
    [organisationId, mapping.legacyCode],
  );
  await q.query(
    `insert into ledger.account_mapping (organisation_id, legacy_code, account_code, method, mapped_by, mapped_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (organisation_id, legacy_code) do update set account_code = excluded.account_code,
       method = excluded.method, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at`,
    [organisationId, mapping.legacyCode, mapping.accountCode, mapping.method, mapping.by, mapping.at],
  );
  return before.rows[0]?.account_code ?? null;
}

export type LegacyMappingRow = {
  legacyCode: string;
  legacyName: string;
  accountCode: string | null;
  method: string | null;
  mappedBy: string | null;
};

export async function selectLegacyMappings(q: Queryable): Promise<LegacyMappingRow[]> {
  const result = await q.query<{
    code: string;
    name: string;
    account_code: string | null;
    method: string | null;
    mapped_by: string | null;
  }>(
    `select la.code, la.name, m.account_code, m.method, m.mapped_by
     from ledger.legacy_account la
     left join ledger.account_mapping m on m.organisation_id = la.organisation_id and m.legacy_code = la.code
     order by la.code`,
  );
  return result.rows.map((row) => ({
    legacyCode: row.code,
    legacyName: row.name,
    accountCode: row.account_code,
    method: row.method,
    mappedBy: row.mapped_by,
  }));
}

export type PeriodRow = {
  periodKey: string;
  financialYear: string;
  period: number;
  startDate: LocalDate;
  endDate: LocalDate;
  status: 'open' | 'closed';
  closedBy: string | null;
  closedAt: string | null;
};

export async function selectPeriods(q: Queryable, keys?: readonly string[]): Promise<PeriodRow[]> {
  const result = await q.query<{
    period_key: string;
    financial_year: string;
    period: number;
    start_date: LocalDate;
    end_date: LocalDate;
    status: 'open' | 'closed';
    closed_by: string | null;
    closed_at: Date | null;
  }>(
    `select period_key, financial_year, period, start_date, end_date, status, closed_by, closed_at
     from ledger.accounting_period where ($1::text[] is null or period_key = any ($1)) order by start_date`,
    [keys ?? null],
  );
  return result.rows.map((row) => ({
    periodKey: row.period_key,
    financialYear: row.financial_year,
    period: row.period,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    closedBy: row.closed_by,
    closedAt: row.closed_at?.toISOString() ?? null,
  }));
}

export async function insertPeriods(
  q: Queryable,
  organisationId: string,
  periods: readonly {
    key: string;
    financialYear: string;
    period: number;
    start: LocalDate;
    end: LocalDate;
  }[],
): Promise<number> {
  const result = await q.query(
    `insert into ledger.accounting_period (organisation_id, period_key, financial_year, period, start_date, end_date, status)
     select $1, k, fy, p, s, e, 'open' from unnest($2::text[], $3::text[], $4::int[], $5::date[], $6::date[]) as x(k, fy, p, s, e)
     on conflict do nothing`,
    [
      organisationId,
      periods.map((p) => p.key),
      periods.map((p) => p.financialYear),
      periods.map((p) => p.period),
      periods.map((p) => p.start),
      periods.map((p) => p.end),
    ],
  );
  return result.rowCount;
}

export async function updatePeriodStatus(
  q: Queryable,
  periodKey: string,
  status: 'open' | 'closed',
  by: string | null,
  at: Date | null,
): Promise<void> {
  await q.query(
    'update ledger.accounting_period set status = $2, closed_by = $3, closed_at = $4 where period_key = $1',
    [periodKey, status, by, at],
  );
}

export async function selectJournalKeys(
  q: Queryable,
  keys: readonly string[],
): Promise<Map<string, { id: string; contentHash: string }>> {
  const result = await q.query<{ idempotency_key: string; id: string; content_hash: string }>(
    'select idempotency_key, id, content_hash from ledger.journal where idempotency_key = any ($1)',
    [keys],
  );
  return new Map(
    result.rows.map((row) => [row.idempotency_key, { id: row.id, contentHash: row.content_hash }]),
  );
}

/** Reserves `count` consecutive journal numbers; returns the first. Gapless because it commits or rolls back with the journals. */
export async function reserveJournalNumbers(
  q: Queryable,
  organisationId: string,
  count: number,
): Promise<bigint> {
  const result = await q.query<{ last_number: bigint }>(
    `insert into ledger.journal_counter as c (organisation_id, last_number) values ($1, $2)
     on conflict (organisation_id) do update set last_number = c.last_number + $2
     returning last_number`,
    [organisationId, count],
  );
  return result.rows[0]!.last_number - BigInt(count) + 1n;
}

export type JournalRowInput = {
  id: string;
  journalNumber: bigint;
  accountingDate: LocalDate;
  periodKey: string;
  sourceModule: string;
  sourceId: string;
  reasonCode: ReasonCode;
  description: string;
  reversesJournalId: string | null;
  idempotencyKey: string;
  contentHash: string;
  totalPence: Pence;
  lines: readonly JournalLineInput[];
};

/**
 * Inserts journals and their lines in ONE statement, so the database's balance
 * trigger sees each journal complete (see the migration).
 */
export async function insertJournals(
  q: Queryable,
  organisationId: string,
  postedBy: string,
  postedAt: Date,
  journals: readonly JournalRowInput[],
): Promise<void> {
  const lines = journals.flatMap((journal) =>
    journal.lines.map((line, index) => ({ journal, line, lineNo: index + 1 })),
  );
  await q.query(
    `with journals as (
       insert into ledger.journal (organisation_id, id, journal_number, accounting_date, period_key, source_module,
         source_id, reason_code, description, reverses_journal_id, idempotency_key, content_hash, total_pence,
         line_count, posted_by, posted_at)
       select $1, j.*, $2, $3 from unnest($4::text[], $5::int8[], $6::date[], $7::text[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int8[], $16::int[]) as j
     )
     insert into ledger.journal_line (organisation_id, journal_id, line_no, accounting_date, period_key, account_code,
       cost_centre_code, side, amount_pence, description, counterparty_organisation_id)
     select $1, l.* from unnest($17::text[], $18::int[], $19::date[], $20::text[], $21::text[], $22::text[],
       $23::text[], $24::int8[], $25::text[], $26::text[]) as l`,
    [
      organisationId,
      postedBy,
      postedAt,
      journals.map((j) => j.id),
      journals.map((j) => j.journalNumber),
      journals.map((j) => j.accountingDate),
      journals.map((j) => j.periodKey),
      journals.map((j) => j.sourceModule),
      journals.map((j) => j.sourceId),
      journals.map((j) => j.reasonCode),
      journals.map((j) => j.description),
      journals.map((j) => j.reversesJournalId),
      journals.map((j) => j.idempotencyKey),
      journals.map((j) => j.contentHash),
      journals.map((j) => j.totalPence),
      journals.map((j) => j.lines.length),
      lines.map((l) => l.journal.id),
      lines.map((l) => l.lineNo),
      lines.map((l) => l.journal.accountingDate),
      lines.map((l) => l.journal.periodKey),
      lines.map((l) => l.line.accountCode),
      lines.map((l) => l.line.costCentreCode ?? null),
      lines.map((l) => l.line.side),
      lines.map((l) => l.line.amountPence),
      lines.map((l) => l.line.description ?? null),
      lines.map((l) => l.line.counterpartyOrganisationId ?? null),
    ],
  );
}

type JournalRow = {
  organisation_id: string;
  id: string;
  journal_number: bigint;
  accounting_date: LocalDate;
  period_key: string;
  source_module: string;
  source_id: string;
  reason_code: ReasonCode;
  description: string;
  reverses_journal_id: string | null;
  reversed_by: string | null;
  total_pence: bigint;
  posted_by: string;
  posted_at: Date;
  lines: {
    lineNo: number;
    accountCode: string;
    costCentreCode: string | null;
    side: Side;
    amountPence: string;
    description: string | null;
    counterpartyOrganisationId: string | null;
  }[];
};

/** Journals with their lines in one round trip (lines as JSON, amounts as text so no pence is lost). */
export async function selectJournals(
  q: Queryable,
  filter: {
    ids?: readonly string[];
    periodKey?: string;
    sourceModule?: string;
    sourceId?: string;
    beforeNumber?: bigint;
    limit?: number;
  },
): Promise<PostedJournal[]> {
  const result = await q.query<JournalRow>(
    `select j.organisation_id, j.id, j.journal_number, j.accounting_date, j.period_key, j.source_module, j.source_id,
       j.reason_code, j.description, j.reverses_journal_id, r.id as reversed_by, j.total_pence, j.posted_by, j.posted_at,
       (select json_agg(json_build_object('lineNo', l.line_no, 'accountCode', l.account_code, 'costCentreCode', l.cost_centre_code,
          'side', l.side, 'amountPence', l.amount_pence::text, 'description', l.description,
          'counterpartyOrganisationId', l.counterparty_organisation_id) order by l.line_no)
        from ledger.journal_line l where l.organisation_id = j.organisation_id and l.journal_id = j.id) as lines
     from ledger.journal j
     left join ledger.journal r on r.organisation_id = j.organisation_id and r.reverses_journal_id = j.id
     where ($1::text[] is null or j.id = any ($1)) and ($2::text is null or j.period_key = $2)
       and ($3::text is null or j.source_module = $3) and ($4::text is null or j.source_id = $4)
       and ($5::int8 is null or j.journal_number < $5)
     order by j.journal_number desc limit $6`,
    [
      filter.ids ?? null,
      filter.periodKey ?? null,
      filter.sourceModule ?? null,
      filter.sourceId ?? null,
      filter.beforeNumber ?? null,
      filter.limit ?? 1000,
    ],
  );
  return result.rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    journalNumber: row.journal_number,
    accountingDate: row.accounting_date,
    periodKey: row.period_key,
    sourceModule: row.source_module,
    sourceId: row.source_id,
    reasonCode: row.reason_code,
    description: row.description,
    reversesJournalId: row.reverses_journal_id,
    reversedByJournalId: row.reversed_by,
    totalPence: row.total_pence as Pence,
    postedBy: row.posted_by,
    postedAt: row.posted_at.toISOString(),
    lines: (row.lines ?? []).map((line) => ({ ...line, amountPence: BigInt(line.amountPence) as Pence })),
  }));
}

export type BalanceRow = {
  organisationId: string;
  accountCode: string;
  openingPence: bigint;
  debitsPence: bigint;
  creditsPence: bigint;
};

/** Opening balance before `from`, and debits and credits from `from` to `to`, per organisation and account (debit positive). */
export async function selectBalances(q: Queryable, from: LocalDate, to: LocalDate): Promise<BalanceRow[]> {
  const result = await q.query<{
    organisation_id: string;
    account_code: string;
    opening: bigint;
    debits: bigint;
    credits: bigint;
  }>(
    `select organisation_id, account_code,
       coalesce(sum(case when side = 'debit' then amount_pence else -amount_pence end)
         filter (where accounting_date < $1), 0)::int8 as opening,
       coalesce(sum(amount_pence) filter (where side = 'debit' and accounting_date >= $1), 0)::int8 as debits,
       coalesce(sum(amount_pence) filter (where side = 'credit' and accounting_date >= $1), 0)::int8 as credits
     from ledger.journal_line where accounting_date <= $2
     group by organisation_id, account_code order by organisation_id, account_code`,
    [from, to],
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    accountCode: row.account_code,
    openingPence: row.opening,
    debitsPence: row.debits,
    creditsPence: row.credits,
  }));
}

export type CostCentreActualRow = {
  costCentreCode: string;
  accountCode: string;
  periodPence: bigint;
  yearToDatePence: bigint;
};

/** Income and expenditure by cost centre: the period's net movement and the year to date (debit positive). */
export async function selectCostCentreActuals(
  q: Queryable,
  yearStart: LocalDate,
  periodStart: LocalDate,
  periodEnd: LocalDate,
): Promise<CostCentreActualRow[]> {
  const result = await q.query<{
    cost_centre_code: string;
    account_code: string;
    period: bigint;
    ytd: bigint;
  }>(
    `select cost_centre_code, account_code,
       coalesce(sum(case when side = 'debit' then amount_pence else -amount_pence end)
         filter (where accounting_date >= $2), 0)::int8 as period,
       sum(case when side = 'debit' then amount_pence else -amount_pence end)::int8 as ytd
     from ledger.journal_line
     where cost_centre_code is not null and accounting_date between $1 and $3
     group by cost_centre_code, account_code order by cost_centre_code, account_code`,
    [yearStart, periodStart, periodEnd],
  );
  return result.rows.map((row) => ({
    costCentreCode: row.cost_centre_code,
    accountCode: row.account_code,
    periodPence: row.period,
    yearToDatePence: row.ytd,
  }));
}

export async function upsertBudget(
  q: Queryable,
  organisationId: string,
  budget: { financialYear: string; costCentreCode: string; amountPence: Pence; by: string; at: Date },
): Promise<bigint | null> {
  const before = await q.query<{ amount_pence: bigint }>(
    'select amount_pence from ledger.budget where organisation_id = $1 and financial_year = $2 and cost_centre_code = $3',
    [organisationId, budget.financialYear, budget.costCentreCode],
  );
  await q.query(
    `insert into ledger.budget (organisation_id, financial_year, cost_centre_code, amount_pence, set_by, set_at)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (organisation_id, financial_year, cost_centre_code) do update
       set amount_pence = excluded.amount_pence, set_by = excluded.set_by, set_at = excluded.set_at`,
    [organisationId, budget.financialYear, budget.costCentreCode, budget.amountPence, budget.by, budget.at],
  );
  return before.rows[0]?.amount_pence ?? null;
}

export async function selectBudgets(q: Queryable, financialYear: string): Promise<Map<string, bigint>> {
  const result = await q.query<{ cost_centre_code: string; amount_pence: bigint }>(
    'select cost_centre_code, amount_pence from ledger.budget where financial_year = $1',
    [financialYear],
  );
  return new Map(result.rows.map((row) => [row.cost_centre_code, row.amount_pence]));
}

/**
 * Net expenditure (debits less credits on expenditure accounts) by cost
 * centre over a financial year's periods: what a budget check counts as spent.
 */
export async function selectExpenditureByCostCentre(
  q: Queryable,
  financialYear: string,
  costCentreCodes: readonly string[],
): Promise<Map<string, bigint>> {
  const result = await q.query<{ cost_centre_code: string; net: bigint }>(
    `select l.cost_centre_code,
       sum(case when l.side = 'debit' then l.amount_pence else -l.amount_pence end)::int8 as net
     from ledger.journal_line l
     join ledger.account a on a.code = l.account_code and a.account_type = 'expenditure'
     where l.cost_centre_code = any ($1) and l.period_key between $2 and $3
     group by l.cost_centre_code`,
    [costCentreCodes, `${financialYear}/P01`, `${financialYear}/P12`],
  );
  return new Map(result.rows.map((row) => [row.cost_centre_code, row.net]));
}
