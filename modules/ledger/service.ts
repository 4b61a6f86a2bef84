import { createHash } from 'node:crypto';
import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import { canonicalJson } from '../../kernel/json';
import type { Pence } from '../../kernel/money';
import type { ScopedReadTx, TenantRunner, TenantTx } from '../../kernel/tenancy';
import {
  accountingPeriod,
  accountingPeriodOf,
  isLocalDate,
  type LocalDate,
  londonDate,
} from '../../kernel/time';
import { type Account, COMMON_CHART } from './domain/chart';
import {
  defaultIdempotencyKey,
  type JournalInput,
  journalIssues,
  journalTotal,
  type PostedJournal,
  reversedLines,
} from './domain/journal';
import { readLegacyChart, suggestAccount } from './domain/legacy-chart';
import * as sql from './sql/queries';

export type LedgerErrorCode =
  | 'JOURNAL_INVALID'
  | 'JOURNAL_NOT_FOUND'
  | 'JOURNAL_ALREADY_REVERSED'
  | 'JOURNAL_KEY_REUSED'
  | 'PERIOD_CLOSED'
  | 'PERIOD_NOT_OPEN'
  | 'PERIOD_NOT_FOUND'
  | 'FINANCIAL_YEAR_INVALID'
  | 'COST_CENTRE_INVALID'
  | 'ACCOUNT_UNKNOWN'
  | 'LEGACY_ACCOUNT_UNKNOWN'
  | 'BUDGET_INVALID';

const KIND: Record<LedgerErrorCode, ErrorKind> = {
  JOURNAL_INVALID: 'invalid',
  JOURNAL_NOT_FOUND: 'not-found',
  JOURNAL_ALREADY_REVERSED: 'conflict',
  JOURNAL_KEY_REUSED: 'conflict',
  PERIOD_CLOSED: 'conflict',
  PERIOD_NOT_OPEN: 'conflict',
  PERIOD_NOT_FOUND: 'not-found',
  FINANCIAL_YEAR_INVALID: 'invalid',
  COST_CENTRE_INVALID: 'invalid',
  ACCOUNT_UNKNOWN: 'invalid',
  LEGACY_ACCOUNT_UNKNOWN: 'not-found',
  BUDGET_INVALID: 'invalid',
};

type JournalProblem = {
  code: Extract<LedgerErrorCode, 'JOURNAL_INVALID' | 'PERIOD_NOT_OPEN' | 'PERIOD_CLOSED'>;
  message: string;
  issues: ValidationIssue[];
};

const ledgerError = (code: LedgerErrorCode, message: string, issues: readonly ValidationIssue[] = []) =>
  new DomainError(code, KIND[code], message, issues);

export type TrialBalanceLine = {
  organisationId: string;
  accountCode: string;
  accountName: string;
  accountType: Account['type'];
  openingPence: bigint;
  debitsPence: bigint;
  creditsPence: bigint;
  /** Debit positive, credit negative. */
  closingPence: bigint;
};

export type TrialBalance = {
  organisationIds: string[];
  periodKey: string;
  from: LocalDate;
  to: LocalDate;
  lines: TrialBalanceLine[];
  totals: {
    debitsPence: bigint;
    creditsPence: bigint;
    closingDebitPence: bigint;
    closingCreditPence: bigint;
  };
  balanced: boolean;
};

export type CostCentreReport = {
  periodKey: string;
  financialYear: string;
  centres: {
    code: string;
    name: string;
    division: string;
    incomePence: bigint;
    expenditurePence: bigint;
    yearToDateExpenditurePence: bigint;
    annualBudgetPence: bigint | null;
    /** Budget for the year so far (pro rata by periods) less year-to-date net expenditure. */
    varianceToDatePence: bigint | null;
    byAccount: { accountCode: string; accountName: string; periodPence: bigint; yearToDatePence: bigint }[];
  }[];
};

export type LegacyChartImport = {
  importId: string;
  inserted: number;
  updated: number;
  mapped: number;
  unmapped: {
    code: string;
    name: string;
    suggestion: { accountCode: string; accountName: string; score: number } | null;
  }[];
  rejections: { line: number; raw: string; issues: ValidationIssue[] }[];
};

const contentHash = (input: JournalInput, reversesJournalId: string | null): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        accountingDate: input.accountingDate,
        reasonCode: input.reasonCode,
        description: input.description,
        sourceModule: input.sourceModule,
        sourceId: input.sourceId,
        reversesJournalId,
        lines: input.lines.map((line) => ({
          accountCode: line.accountCode,
          costCentreCode: line.costCentreCode ?? null,
          side: line.side,
          amountPence: line.amountPence,
          description: line.description ?? null,
          counterpartyOrganisationId: line.counterpartyOrganisationId ?? null,
        })),
      }),
    )
    .digest('hex');

/** Journals bigger than this are audited by their totals and content hash; the journal rows hold the lines. */
const AUDIT_LINES_MAX = 50;

export function createLedgerService({ runner }: { runner: TenantRunner }) {
  let accountCache: Map<string, Account & { postable: boolean }> | null = null;

  async function accounts(tx: {
    query: TenantTx['query'];
  }): Promise<Map<string, Account & { postable: boolean }>> {
    if (!accountCache)
      accountCache = new Map((await sql.selectAccounts(tx)).map((account) => [account.code, account]));
    return accountCache;
  }

  /**
   * Everything that would stop each journal posting — bad fields, an unopened
   * or closed period — without posting anything: one problem (or null) per journal.
   */
  async function checkBatch(
    tx: TenantTx,
    inputs: readonly JournalInput[],
  ): Promise<{ problems: (JournalProblem | null)[]; periodKeys: string[] }> {
    const chart = await accounts(tx);
    const costCentreCodes = [
      ...new Set(inputs.flatMap((input) => input.lines.flatMap((line) => line.costCentreCode ?? []))),
    ];
    const activeCentres = new Set(
      (await sql.selectCostCentres(tx, costCentreCodes))
        .filter((centre) => centre.active)
        .map((centre) => centre.code),
    );
    const periodKeys = inputs.map((input) =>
      isLocalDate(input.accountingDate) ? accountingPeriodOf(input.accountingDate).key : '',
    );
    const periods = new Map(
      (await sql.selectPeriods(tx, [...new Set(periodKeys.filter(Boolean))])).map((p) => [p.periodKey, p]),
    );
    const problems = inputs.map((input, index): JournalProblem | null => {
      const issues: ValidationIssue[] = isLocalDate(input.accountingDate)
        ? []
        : [{ path: 'accountingDate', rule: 'date-format', message: 'Use the form YYYY-MM-DD' }];
      issues.push(...journalIssues(input, chart, activeCentres));
      if (issues.length > 0) {
        return {
          code: 'JOURNAL_INVALID',
          message: issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the journal`,
          issues,
        };
      }
      const key = periodKeys[index]!;
      const period = periods.get(key);
      if (!period) {
        return {
          code: 'PERIOD_NOT_OPEN',
          message: `There is no accounting period ${key} for ${tx.ctx.organisationId}: open the financial year first`,
          issues: [
            {
              path: 'accountingDate',
              rule: 'period-exists',
              message: `${input.accountingDate} falls in ${key}, which has not been opened`,
            },
          ],
        };
      }
      if (period.status === 'closed') {
        return {
          code: 'PERIOD_CLOSED',
          message: `Accounting period ${key} is closed: post into an open period, referencing the original`,
          issues: [
            {
              path: 'accountingDate',
              rule: 'period-open',
              message: `${key} was closed by ${period.closedBy} at ${period.closedAt}`,
            },
          ],
        };
      }
      return null;
    });
    return { problems, periodKeys };
  }

  async function postBatch(
    tx: TenantTx,
    inputs: readonly (JournalInput & { reversesJournalId?: string | null })[],
  ): Promise<PostedJournal[]> {
    if (inputs.length === 0) return [];
    const { problems, periodKeys } = await checkBatch(tx, inputs);
    const located = problems.flatMap((problem, index) =>
      problem
        ? [
            {
              ...problem,
              issues: problem.issues.map((issue) => ({
                ...issue,
                path: inputs.length === 1 ? issue.path : `journals[${index}].${issue.path}`,
              })),
            },
          ]
        : [],
    );
    const invalid = located.filter((problem) => problem.code === 'JOURNAL_INVALID');
    if (invalid.length > 0) {
      const issues = invalid.flatMap((problem) => problem.issues);
      throw ledgerError(
        'JOURNAL_INVALID',
        issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the journal`,
        issues,
      );
    }
    if (located[0]) throw ledgerError(located[0].code, located[0].message, located[0].issues);

    const keyed = inputs.map((input, index) => {
      const reversesJournalId = input.reversesJournalId ?? null;
      return {
        input,
        index,
        reversesJournalId,
        key: input.idempotencyKey ?? defaultIdempotencyKey(input),
        hash: contentHash(input, reversesJournalId),
      };
    });
    const existing = await sql.selectJournalKeys(
      tx,
      keyed.map((entry) => entry.key),
    );
    const seenInBatch = new Map<string, string>();
    const fresh = keyed.filter((entry) => {
      const earlier =
        existing.get(entry.key) ??
        (seenInBatch.has(entry.key) ? { id: '', contentHash: seenInBatch.get(entry.key)! } : null);
      if (earlier && earlier.contentHash !== entry.hash) {
        throw ledgerError(
          'JOURNAL_KEY_REUSED',
          `A different journal was already posted with key ${entry.key}`,
          [
            {
              path: 'idempotencyKey',
              rule: 'journal-key-unique',
              message: 'Each key names one journal; use a new key for a new journal',
            },
          ],
        );
      }
      seenInBatch.set(entry.key, entry.hash);
      return !earlier;
    });

    const posted = new Map<string, PostedJournal>();
    const earlierIds = keyed.flatMap((entry) => existing.get(entry.key)?.id ?? []);
    for (const journal of earlierIds.length
      ? await sql.selectJournals(tx, { ids: earlierIds, limit: earlierIds.length })
      : []) {
      posted.set(journal.id, journal);
    }
    const postedByKey = new Map<string, PostedJournal>();
    for (const entry of keyed) {
      const earlier = existing.get(entry.key);
      if (earlier) postedByKey.set(entry.key, posted.get(earlier.id)!);
    }
    if (fresh.length > 0) {
      const firstNumber = await sql.reserveJournalNumbers(tx, tx.ctx.organisationId, fresh.length);
      const rows = fresh.map((entry, offset) => ({
        id: newId('jnl'),
        journalNumber: firstNumber + BigInt(offset),
        accountingDate: entry.input.accountingDate,
        periodKey: periodKeys[entry.index]!,
        sourceModule: entry.input.sourceModule,
        sourceId: entry.input.sourceId,
        reasonCode: entry.input.reasonCode,
        description: entry.input.description,
        reversesJournalId: entry.reversesJournalId,
        idempotencyKey: entry.key,
        contentHash: entry.hash,
        totalPence: journalTotal(entry.input.lines),
        lines: entry.input.lines,
      }));
      try {
        await sql.insertJournals(tx, tx.ctx.organisationId, tx.ctx.actor.id, tx.now, rows);
      } catch (error) {
        if ((error as { constraint?: string }).constraint === 'journal_reverses_key') {
          throw ledgerError('JOURNAL_ALREADY_REVERSED', 'That journal has already been reversed');
        }
        throw error;
      }
      for (const row of rows) {
        postedByKey.set(row.idempotencyKey, {
          id: row.id,
          organisationId: tx.ctx.organisationId,
          journalNumber: row.journalNumber,
          accountingDate: row.accountingDate,
          periodKey: row.periodKey,
          sourceModule: row.sourceModule,
          sourceId: row.sourceId,
          reasonCode: row.reasonCode,
          description: row.description,
          reversesJournalId: row.reversesJournalId,
          reversedByJournalId: null,
          totalPence: row.totalPence,
          postedBy: tx.ctx.actor.id,
          postedAt: tx.now.toISOString(),
          lines: row.lines.map((line, index) => ({
            lineNo: index + 1,
            accountCode: line.accountCode,
            costCentreCode: line.costCentreCode ?? null,
            side: line.side,
            amountPence: line.amountPence,
            description: line.description ?? null,
            counterpartyOrganisationId: line.counterpartyOrganisationId ?? null,
          })),
        });
        tx.audit({
          action: row.reversesJournalId ? 'ledger.journal.reversed' : 'ledger.journal.posted',
          entityType: 'journal',
          entityId: row.id,
          after: {
            journalNumber: row.journalNumber,
            accountingDate: row.accountingDate,
            reasonCode: row.reasonCode,
            source: `${row.sourceModule}/${row.sourceId}`,
            reversesJournalId: row.reversesJournalId,
            totalPence: row.totalPence,
            contentHash: row.contentHash,
            lines: row.lines.length <= AUDIT_LINES_MAX ? row.lines : `${row.lines.length} lines`,
          },
          reason: row.description,
        });
      }
    }
    return keyed.map((entry) => postedByKey.get(entry.key)!);
  }

  const service = {
    /** Installs the common chart of accounts shipped with this version (idempotent). */
    async installCommonChart(): Promise<number> {
      const inserted = await runner.withPlatform((tx) =>
        sql.insertAccounts(tx, COMMON_CHART.version, COMMON_CHART.accounts),
      );
      accountCache = null;
      return inserted;
    },

    async chart(tx: { query: TenantTx['query'] }): Promise<(Account & { postable: boolean })[]> {
      return [...(await accounts(tx)).values()];
    },

    chartVersion(): string {
      return COMMON_CHART.version;
    },

    async saveCostCentre(
      tx: TenantTx,
      centre: { code: string; name: string; division: string; active?: boolean },
    ) {
      if (!/^[A-Z0-9][A-Z0-9-]{1,15}$/.test(centre.code)) {
        throw ledgerError('COST_CENTRE_INVALID', `"${centre.code}" is not a valid cost centre code`, [
          {
            path: 'code',
            rule: 'cost-centre-code-format',
            message: '2–16 upper-case letters, digits or hyphens',
          },
        ]);
      }
      const saved = { ...centre, active: centre.active ?? true };
      const before = await sql.upsertCostCentre(tx, tx.ctx.organisationId, saved);
      tx.audit({
        action: 'ledger.cost-centre.saved',
        entityType: 'cost-centre',
        entityId: centre.code,
        before,
        after: saved,
      });
      return saved;
    },

    async costCentres(tx: TenantTx | ScopedReadTx): Promise<sql.CostCentre[]> {
      return sql.selectCostCentres(tx);
    },

    /** Imports a legacy chart and any mappings it carries; reports every code left unmapped with a suggestion. */
    async importLegacyChart(
      tx: TenantTx,
      input: { fileName: string; text: string },
    ): Promise<LegacyChartImport> {
      const file = readLegacyChart(input.fileName, input.text);
      const chart = await accounts(tx);
      const importId = newId('lci');
      const counts = await sql.upsertLegacyAccounts(
        tx,
        tx.ctx.organisationId,
        importId,
        tx.now,
        file.accounts,
      );
      const rejections = [...file.rejections];
      let mapped = 0;
      for (const row of file.accounts) {
        if (!row.mapsTo) continue;
        if (!chart.has(row.mapsTo)) {
          rejections.push({
            line: row.line,
            raw: `${row.code},${row.name},${row.mapsTo}`,
            issues: [
              {
                path: `line ${row.line}, maps to`,
                rule: 'account-known',
                message: `${row.mapsTo} is not in the common chart; the account was imported unmapped`,
              },
            ],
          });
          continue;
        }
        await sql.upsertMapping(tx, tx.ctx.organisationId, {
          legacyCode: row.code,
          accountCode: row.mapsTo,
          method: 'import',
          by: tx.ctx.actor.id,
          at: tx.now,
        });
        mapped += 1;
      }
      const mappings = await sql.selectLegacyMappings(tx);
      const commonAccounts = [...chart.values()];
      const unmapped = mappings
        .filter((mapping) => mapping.accountCode === null)
        .map((mapping) => {
          const suggestion = suggestAccount(mapping.legacyName, commonAccounts);
          return {
            code: mapping.legacyCode,
            name: mapping.legacyName,
            suggestion: suggestion
              ? {
                  accountCode: suggestion.account.code,
                  accountName: suggestion.account.name,
                  score: suggestion.score,
                }
              : null,
          };
        });
      tx.audit({
        action: 'ledger.legacy-chart.imported',
        entityType: 'legacy-chart-import',
        entityId: importId,
        after: {
          fileName: input.fileName,
          ...counts,
          mapped,
          unmapped: unmapped.length,
          rejected: rejections.length,
        },
      });
      return { importId, ...counts, mapped, unmapped, rejections };
    },

    async mapLegacyAccount(
      tx: TenantTx,
      legacyCode: string,
      accountCode: string,
      method: 'manual' | 'suggested' = 'manual',
    ) {
      const chart = await accounts(tx);
      if (!chart.has(accountCode)) {
        throw ledgerError('ACCOUNT_UNKNOWN', `${accountCode} is not in the common chart of accounts`, [
          { path: 'accountCode', rule: 'account-known', message: 'Map to an account of the common chart' },
        ]);
      }
      const legacy = (await sql.selectLegacyMappings(tx)).find((row) => row.legacyCode === legacyCode);
      if (!legacy)
        throw ledgerError(
          'LEGACY_ACCOUNT_UNKNOWN',
          `No legacy account ${legacyCode}: import the legacy chart first`,
        );
      const before = await sql.upsertMapping(tx, tx.ctx.organisationId, {
        legacyCode,
        accountCode,
        method,
        by: tx.ctx.actor.id,
        at: tx.now,
      });
      tx.audit({
        action: 'ledger.legacy-account.mapped',
        entityType: 'legacy-account',
        entityId: legacyCode,
        before: before ? { accountCode: before } : null,
        after: { accountCode, method },
      });
    },

    async legacyMappings(tx: TenantTx) {
      return sql.selectLegacyMappings(tx);
    },

    /** The common account a legacy code maps to, or null while it is unmapped. */
    async translateLegacyCode(tx: TenantTx, legacyCode: string): Promise<string | null> {
      const row = (await sql.selectLegacyMappings(tx)).find((mapping) => mapping.legacyCode === legacyCode);
      return row?.accountCode ?? null;
    },

    /** Opens the twelve periods of a financial year (April–March); already-open periods are left as they are. */
    async openFinancialYear(tx: TenantTx, financialYear: string): Promise<number> {
      if (
        !/^\d{4}-\d{2}$/.test(financialYear) ||
        (Number(financialYear.slice(0, 4)) + 1) % 100 !== Number(financialYear.slice(5))
      ) {
        throw ledgerError(
          'FINANCIAL_YEAR_INVALID',
          `"${financialYear}" is not a financial year such as 2026-27`,
          [
            {
              path: 'financialYear',
              rule: 'financial-year-format',
              message: 'Write the year as YYYY-YY, e.g. 2026-27',
            },
          ],
        );
      }
      const periods = Array.from({ length: 12 }, (_, index) => accountingPeriod(financialYear, index + 1));
      const opened = await sql.insertPeriods(tx, tx.ctx.organisationId, periods);
      if (opened > 0) {
        tx.audit({
          action: 'ledger.financial-year.opened',
          entityType: 'financial-year',
          entityId: financialYear,
          after: { periodsOpened: opened },
        });
      }
      return opened;
    },

    async periods(tx: TenantTx) {
      return sql.selectPeriods(tx);
    },

    async setPeriodStatus(tx: TenantTx, periodKey: string, status: 'open' | 'closed', reason: string) {
      const [period] = await sql.selectPeriods(tx, [periodKey]);
      if (!period) throw ledgerError('PERIOD_NOT_FOUND', `No accounting period ${periodKey}`);
      if (period.status === status) return period;
      await sql.updatePeriodStatus(
        tx,
        periodKey,
        status,
        status === 'closed' ? tx.ctx.actor.id : null,
        status === 'closed' ? tx.now : null,
      );
      tx.audit({
        action: status === 'closed' ? 'ledger.period.closed' : 'ledger.period.reopened',
        entityType: 'accounting-period',
        entityId: periodKey,
        before: { status: period.status },
        after: { status },
        reason,
      });
      return (await sql.selectPeriods(tx, [periodKey]))[0]!;
    },

    /** Posts one balanced journal. The same idempotency key and content returns the journal already posted. */
    async postJournal(tx: TenantTx, input: JournalInput): Promise<PostedJournal> {
      return (await postBatch(tx, [input]))[0]!;
    },

    /** What would stop each journal posting (null when it would post), without posting anything. */
    async checkJournals(tx: TenantTx, inputs: readonly JournalInput[]): Promise<(JournalProblem | null)[]> {
      return (await checkBatch(tx, inputs)).problems;
    },

    /** Posts many journals in one set of statements (pay runs, invoice batches). All or none. */
    async postJournals(tx: TenantTx, inputs: readonly JournalInput[]): Promise<PostedJournal[]> {
      return postBatch(tx, inputs);
    },

    /**
     * Reverses a journal once, by posting its mirror. It is dated like the
     * original when that period is still open, otherwise today (a late
     * correction in the open period, pointing back at the original).
     */
    async reverseJournal(
      tx: TenantTx,
      journalId: string,
      options: { reason: string; accountingDate?: LocalDate },
    ): Promise<PostedJournal> {
      const [original] = await sql.selectJournals(tx, { ids: [journalId], limit: 1 });
      if (!original) throw ledgerError('JOURNAL_NOT_FOUND', `No journal ${journalId}`);
      if (original.reversedByJournalId) {
        throw ledgerError(
          'JOURNAL_ALREADY_REVERSED',
          `Journal ${original.journalNumber} was already reversed by ${original.reversedByJournalId}`,
        );
      }
      let accountingDate = options.accountingDate;
      if (!accountingDate) {
        const [period] = await sql.selectPeriods(tx, [original.periodKey]);
        accountingDate = period?.status === 'open' ? original.accountingDate : londonDate(tx.now);
      }
      return (
        await postBatch(tx, [
          {
            accountingDate,
            sourceModule: original.sourceModule,
            sourceId: original.sourceId,
            reasonCode: 'REVERSAL',
            description: `Reversal of journal ${original.journalNumber}: ${options.reason}`,
            idempotencyKey: `reversal:${original.id}`,
            lines: reversedLines(original.lines),
            reversesJournalId: original.id,
          },
        ])
      )[0]!;
    },

    async journal(tx: TenantTx, journalId: string): Promise<PostedJournal> {
      const [journal] = await sql.selectJournals(tx, { ids: [journalId], limit: 1 });
      if (!journal) throw ledgerError('JOURNAL_NOT_FOUND', `No journal ${journalId}`);
      return journal;
    },

    async journals(
      tx: TenantTx,
      filter: {
        periodKey?: string;
        sourceModule?: string;
        sourceId?: string;
        beforeNumber?: bigint;
        limit?: number;
      } = {},
    ): Promise<PostedJournal[]> {
      return sql.selectJournals(tx, { ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    },

    /** Trial balance for one organisation (or, in a read scope, each organisation of a system) for a period. */
    async trialBalance(tx: TenantTx | ScopedReadTx, periodKey: string): Promise<TrialBalance> {
      const period = parsePeriodKey(periodKey);
      const chart = await accounts(tx);
      const rows = await sql.selectBalances(tx, period.start, period.end);
      const lines = rows.map((row) => {
        const account = chart.get(row.accountCode)!;
        return {
          organisationId: row.organisationId,
          accountCode: row.accountCode,
          accountName: account.name,
          accountType: account.type,
          openingPence: row.openingPence,
          debitsPence: row.debitsPence,
          creditsPence: row.creditsPence,
          closingPence: row.openingPence + row.debitsPence - row.creditsPence,
        };
      });
      return summariseTrialBalance([...new Set(rows.map((row) => row.organisationId))], period, lines);
    },

    /** One trial balance for a whole integrated care system: every member's balances added account by account. */
    async consolidatedTrialBalance(tx: ScopedReadTx, periodKey: string): Promise<TrialBalance> {
      const byOrganisation = await service.trialBalance(tx, periodKey);
      const merged = new Map<string, TrialBalanceLine>();
      for (const line of byOrganisation.lines) {
        const current = merged.get(line.accountCode);
        merged.set(
          line.accountCode,
          current
            ? {
                ...current,
                openingPence: current.openingPence + line.openingPence,
                debitsPence: current.debitsPence + line.debitsPence,
                creditsPence: current.creditsPence + line.creditsPence,
                closingPence: current.closingPence + line.closingPence,
              }
            : { ...line, organisationId: 'consolidated' },
        );
      }
      return summariseTrialBalance(
        [...tx.scope.organisationIds],
        parsePeriodKey(periodKey),
        [...merged.values()].sort((a, b) => a.accountCode.localeCompare(b.accountCode)),
      );
    },

    async setBudget(
      tx: TenantTx,
      input: { financialYear: string; costCentreCode: string; amountPence: Pence },
    ) {
      if (input.amountPence < 0n) {
        throw ledgerError('BUDGET_INVALID', 'A budget cannot be negative', [
          { path: 'amountPence', rule: 'budget-non-negative', message: 'Give a budget of zero or more' },
        ]);
      }
      const centres = await sql.selectCostCentres(tx, [input.costCentreCode]);
      if (centres.length === 0) {
        throw ledgerError('COST_CENTRE_INVALID', `No cost centre ${input.costCentreCode}`, [
          { path: 'costCentreCode', rule: 'cost-centre-known', message: 'Create the cost centre first' },
        ]);
      }
      const before = await sql.upsertBudget(tx, tx.ctx.organisationId, {
        ...input,
        by: tx.ctx.actor.id,
        at: tx.now,
      });
      tx.audit({
        action: 'ledger.budget.set',
        entityType: 'budget',
        entityId: `${input.financialYear}/${input.costCentreCode}`,
        before: before === null ? null : { amountPence: before },
        after: { amountPence: input.amountPence },
      });
    },

    async budgets(tx: TenantTx, financialYear: string): Promise<Map<string, bigint>> {
      return sql.selectBudgets(tx, financialYear);
    },

    /** Net expenditure posted to each of these cost centres in a financial year (debit positive); centres with none are absent. */
    async expenditureByCostCentre(
      tx: TenantTx,
      financialYear: string,
      costCentreCodes: readonly string[],
    ): Promise<Map<string, bigint>> {
      return sql.selectExpenditureByCostCentre(tx, financialYear, costCentreCodes);
    },

    /** Management accounts: income and expenditure by cost centre for a period and the year to date, against budget. */
    async costCentreReport(tx: TenantTx, periodKey: string): Promise<CostCentreReport> {
      const period = parsePeriodKey(periodKey);
      const yearStart = accountingPeriod(period.financialYear, 1).start;
      const chart = await accounts(tx);
      const actuals = await sql.selectCostCentreActuals(tx, yearStart, period.start, period.end);
      const centres = await sql.selectCostCentres(tx);
      const budgets = await sql.selectBudgets(tx, period.financialYear);
      return {
        periodKey,
        financialYear: period.financialYear,
        centres: centres.map((centre) => {
          const rows = actuals.filter((row) => row.costCentreCode === centre.code);
          const sumBy = (type: Account['type'], pick: (row: sql.CostCentreActualRow) => bigint) =>
            rows
              .filter((row) => chart.get(row.accountCode)?.type === type)
              .reduce((sum, row) => sum + pick(row), 0n);
          const budget = budgets.get(centre.code) ?? null;
          const ytdExpenditure = sumBy('expenditure', (row) => row.yearToDatePence);
          return {
            code: centre.code,
            name: centre.name,
            division: centre.division,
            incomePence: -sumBy('income', (row) => row.periodPence),
            expenditurePence: sumBy('expenditure', (row) => row.periodPence),
            yearToDateExpenditurePence: ytdExpenditure,
            annualBudgetPence: budget,
            varianceToDatePence:
              budget === null ? null : (budget * BigInt(period.period)) / 12n - ytdExpenditure,
            byAccount: rows.map((row) => ({
              accountCode: row.accountCode,
              accountName: chart.get(row.accountCode)?.name ?? row.accountCode,
              periodPence: row.periodPence,
              yearToDatePence: row.yearToDatePence,
            })),
          };
        }),
      };
    },
  };
  return service;
}

function parsePeriodKey(periodKey: string) {
  const match = /^(\d{4}-\d{2})\/P(\d{2})$/.exec(periodKey);
  if (!match) {
    throw ledgerError('PERIOD_NOT_FOUND', `"${periodKey}" is not a period such as 2026-27/P03`, [
      {
        path: 'period',
        rule: 'period-key-format',
        message: 'Write the period as YYYY-YY/Pnn, e.g. 2026-27/P03',
      },
    ]);
  }
  return accountingPeriod(match[1]!, Number(match[2]));
}

function summariseTrialBalance(
  organisationIds: string[],
  period: { key: string; start: LocalDate; end: LocalDate },
  lines: TrialBalanceLine[],
): TrialBalance {
  const totals = lines.reduce(
    (sum, line) => ({
      debitsPence: sum.debitsPence + line.debitsPence,
      creditsPence: sum.creditsPence + line.creditsPence,
      closingDebitPence: sum.closingDebitPence + (line.closingPence > 0n ? line.closingPence : 0n),
      closingCreditPence: sum.closingCreditPence + (line.closingPence < 0n ? -line.closingPence : 0n),
    }),
    { debitsPence: 0n, creditsPence: 0n, closingDebitPence: 0n, closingCreditPence: 0n },
  );
  return {
    organisationIds,
    periodKey: period.key,
    from: period.start,
    to: period.end,
    lines,
    totals,
    balanced:
      totals.debitsPence === totals.creditsPence && totals.closingDebitPence === totals.closingCreditPence,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
