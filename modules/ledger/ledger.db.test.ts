import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { verifyAuditChain } from '../../kernel/audit';
import { type Pence, pence } from '../../kernel/money';
import type { TenantTx } from '../../kernel/tenancy';
import { type LocalDate, localDate } from '../../kernel/time';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../testing/platform';
import type { JournalInput } from './index';

const supplies = (amount: number, overrides: Partial<JournalInput> = {}): JournalInput => ({
  accountingDate: localDate('2026-06-10'),
  sourceModule: 'ledger',
  sourceId: `test-${amount}`,
  reasonCode: 'MANUAL',
  description: 'Ward supplies',
  lines: [
    { accountCode: '610100', costCentreCode: 'WARD1', side: 'debit', amountPence: pence(amount) },
    { accountCode: '210200', side: 'credit', amountPence: pence(amount) },
  ],
  ...overrides,
});

describe.each(testEngines())('ledger on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const asA = <T>(work: (tx: TenantTx) => Promise<T>) =>
    platform.runner.withTenant(contextFor(ids.trustA, 'usr_controller'), work);

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform);
  });
  afterAll(async () => platform.db.close());

  it('installs the common chart with its control accounts', async () => {
    const chart = await asA((tx) => platform.ledger.chart(tx));
    expect(chart.find((account) => account.code === '210300')?.name).toMatch(/Goods received not invoiced/);
    expect(chart.every((account) => /^\d{6}$/.test(account.code))).toBe(true);
  });

  it('posts a balanced journal with a gapless number, its source and reason, and an audit entry', async () => {
    const first = await asA((tx) => platform.ledger.postJournal(tx, supplies(12_345)));
    const second = await asA((tx) => platform.ledger.postJournal(tx, supplies(500)));
    expect(second.journalNumber).toBe(first.journalNumber + 1n);
    expect(first).toMatchObject({
      sourceModule: 'ledger',
      reasonCode: 'MANUAL',
      totalPence: 12_345n,
      periodKey: '2026-27/P03',
    });
    const audit = await asA((tx) => verifyAuditChain(tx, ids.trustA));
    expect(audit.ok).toBe(true);
    const entries = await asA(
      async (tx) =>
        (
          await tx.query<{ action: string }>(`select action from kernel.audit_entry where entity_id = $1`, [
            first.id,
          ])
        ).rows,
    );
    expect(entries.map((entry) => entry.action)).toEqual(['ledger.journal.posted']);
  });

  it('refuses an unbalanced journal, naming the rule and the difference', async () => {
    const unbalanced = supplies(1_000, {
      lines: [
        { accountCode: '610100', costCentreCode: 'WARD1', side: 'debit', amountPence: pence(1_000) },
        { accountCode: '210200', side: 'credit', amountPence: pence(999) },
      ],
    });
    await expect(asA((tx) => platform.ledger.postJournal(tx, unbalanced))).rejects.toMatchObject({
      code: 'JOURNAL_INVALID',
      issues: [
        expect.objectContaining({
          rule: 'journal-balanced',
          message: expect.stringContaining('difference is 1p'),
        }),
      ],
    });
  });

  it('names each bad line: unknown account, missing cost centre, non-positive amount', async () => {
    const bad = supplies(1_000, {
      lines: [
        { accountCode: '999999', side: 'debit', amountPence: pence(500) },
        { accountCode: '610100', side: 'debit', amountPence: pence(500) },
        { accountCode: '210200', side: 'credit', amountPence: pence(0) },
      ],
    });
    const error = await asA((tx) => platform.ledger.postJournal(tx, bad)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'JOURNAL_INVALID' });
    const rules = (error as { issues: { path: string; rule: string }[] }).issues.map(
      (issue) => `${issue.path}:${issue.rule}`,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'lines[0].accountCode:account-known',
        'lines[1].costCentreCode:cost-centre-required',
        'lines[2].amountPence:line-amount-positive',
      ]),
    );
  });

  it('is enforced by the database too: an unbalanced insert that skips the service fails at the database', async () => {
    const attempt = asA((tx) =>
      tx.query(
        `with j as (
           insert into ledger.journal (organisation_id, id, journal_number, accounting_date, period_key, source_module, source_id,
             reason_code, description, idempotency_key, content_hash, total_pence, line_count, posted_by, posted_at)
           values ($1, 'jnl_rogue', 999999, '2026-06-10', '2026-27/P03', 'rogue', 'x', 'MANUAL', 'rogue', 'rogue', 'x', 100, 2, 'x', now())
         )
         insert into ledger.journal_line (organisation_id, journal_id, line_no, accounting_date, period_key, account_code, side, amount_pence)
         values ($1, 'jnl_rogue', 1, '2026-06-10', '2026-27/P03', '140100', 'debit', 100),
                ($1, 'jnl_rogue', 2, '2026-06-10', '2026-27/P03', '210200', 'credit', 99)`,
        [ids.trustA],
      ),
    );
    await expect(attempt).rejects.toThrow(/does not balance/);
    const headerOnly = asA((tx) =>
      tx.query(
        `insert into ledger.journal (organisation_id, id, journal_number, accounting_date, period_key, source_module, source_id,
           reason_code, description, idempotency_key, content_hash, total_pence, line_count, posted_by, posted_at)
         values ($1, 'jnl_empty', 999998, '2026-06-10', '2026-27/P03', 'rogue', 'x', 'MANUAL', 'rogue', 'rogue2', 'x', 100, 2, 'x', now())`,
        [ids.trustA],
      ),
    );
    await expect(headerOnly).rejects.toThrow(/does not balance/);
  });

  it('never lets a posted journal change: update and delete are refused', async () => {
    const journal = await asA((tx) => platform.ledger.postJournal(tx, supplies(777)));
    await expect(
      asA((tx) =>
        tx.query(`update ledger.journal_line set amount_pence = 1 where journal_id = $1`, [journal.id]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asA((tx) => tx.query(`delete from ledger.journal where id = $1`, [journal.id])),
    ).rejects.toThrow(/permission denied/);
  });

  it('reverses a journal once with its mirror, and refuses a second reversal', async () => {
    const journal = await asA((tx) => platform.ledger.postJournal(tx, supplies(4_200)));
    const reversal = await asA((tx) =>
      platform.ledger.reverseJournal(tx, journal.id, { reason: 'coded to the wrong ward' }),
    );
    expect(reversal).toMatchObject({
      reasonCode: 'REVERSAL',
      reversesJournalId: journal.id,
      totalPence: 4_200n,
    });
    expect(reversal.lines.map((line) => line.side)).toEqual(['credit', 'debit']);
    expect((await asA((tx) => platform.ledger.journal(tx, journal.id))).reversedByJournalId).toBe(
      reversal.id,
    );
    await expect(
      asA((tx) => platform.ledger.reverseJournal(tx, journal.id, { reason: 'again' })),
    ).rejects.toMatchObject({
      code: 'JOURNAL_ALREADY_REVERSED',
    });
  });

  it('posts the same idempotency key once, and refuses the key for a different journal', async () => {
    const key = 'payables:inv_1:AP_INVOICE';
    const first = await asA((tx) =>
      platform.ledger.postJournal(tx, supplies(2_500, { idempotencyKey: key })),
    );
    const replay = await asA((tx) =>
      platform.ledger.postJournal(tx, supplies(2_500, { idempotencyKey: key })),
    );
    expect(replay.id).toBe(first.id);
    await expect(
      asA((tx) => platform.ledger.postJournal(tx, supplies(2_600, { idempotencyKey: key }))),
    ).rejects.toMatchObject({
      code: 'JOURNAL_KEY_REUSED',
    });
  });

  it('refuses to post into a closed period and names it; a period never opened is named too', async () => {
    await asA((tx) => platform.ledger.setPeriodStatus(tx, '2026-27/P01', 'closed', 'April closed'));
    await expect(
      asA((tx) =>
        platform.ledger.postJournal(
          tx,
          supplies(100, { accountingDate: localDate('2026-04-30'), sourceId: 'late' }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'PERIOD_CLOSED', message: expect.stringContaining('2026-27/P01') });
    await expect(
      asA((tx) =>
        platform.ledger.postJournal(
          tx,
          supplies(100, { accountingDate: localDate('2030-01-10'), sourceId: 'future' }),
        ),
      ),
    ).rejects.toMatchObject({ code: 'PERIOD_NOT_OPEN', message: expect.stringContaining('2029-30/P10') });
  });

  it('imports a legacy chart: maps what it can, reports the unmapped with suggestions, keeps bad rows with reasons', async () => {
    const csv = [
      'Account Code,Account Name,Maps To',
      'S100,Medical & Surgical Consumables,610100',
      'S200,Agency Nursing Staff,',
      'S300,,',
      'S100,Duplicate of S100,',
      'S400,Postage stamps,999999',
    ].join('\n');
    const result = await asA((tx) =>
      platform.ledger.importLegacyChart(tx, { fileName: 'legacy.csv', text: csv }),
    );
    expect(result.mapped).toBe(1);
    expect(result.unmapped.map((row) => row.code).sort()).toEqual(['S200', 'S400']);
    expect(result.unmapped.find((row) => row.code === 'S200')?.suggestion?.accountCode).toBe('512200');
    expect(result.rejections.map((row) => row.issues[0]!.rule)).toEqual([
      'legacy-name-required',
      'legacy-code-unique',
      'account-known',
    ]);
    await asA((tx) => platform.ledger.mapLegacyAccount(tx, 'S200', '512200'));
    expect(await asA((tx) => platform.ledger.translateLegacyCode(tx, 'S200'))).toBe('512200');
  });

  it('keeps each trust in its own books, and consolidates the system through an explicit read scope', async () => {
    await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      platform.ledger.postJournal(tx, supplies(90_000)),
    );
    const trustA = await asA((tx) => platform.ledger.trialBalance(tx, '2026-27/P03'));
    expect(trustA.organisationIds).toEqual([ids.trustA]);
    expect(trustA.balanced).toBe(true);
    const consolidated = await platform.runner.withReadScope(
      { organisationIds: [ids.icb, ids.trustA, ids.trustB], actor: { kind: 'user', id: 'usr_leader' } },
      (tx) => platform.ledger.consolidatedTrialBalance(tx, '2026-27/P03'),
    );
    expect(consolidated.balanced).toBe(true);
    const supplyLine = (tb: typeof trustA) =>
      tb.lines.find((line) => line.accountCode === '610100')!.closingPence;
    const trustB = await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      platform.ledger.trialBalance(tx, '2026-27/P03'),
    );
    expect(supplyLine(consolidated)).toBe(supplyLine(trustA) + supplyLine(trustB));
  });

  it('reports management accounts by cost centre against budget', async () => {
    await asA((tx) =>
      platform.ledger.setBudget(tx, {
        financialYear: '2026-27',
        costCentreCode: 'WARD1',
        amountPence: pence(12_000_000),
      }),
    );
    const report = await asA((tx) => platform.ledger.costCentreReport(tx, '2026-27/P03'));
    const ward = report.centres.find((centre) => centre.code === 'WARD1')!;
    expect(ward.annualBudgetPence).toBe(12_000_000n);
    expect(ward.varianceToDatePence).toBe(3_000_000n - ward.yearToDateExpenditurePence);
    expect(ward.byAccount.some((row) => row.accountCode === '610100')).toBe(true);
  });

  it('stays balanced for every organisation after any sequence of postings and reversals', async () => {
    const amount = fc.integer({ min: 1, max: 10_000_000 });
    const posting = fc.record({
      organisation: fc.constantFrom('A', 'B'),
      debitAccount: fc.constantFrom('610100', '510100', '140100', '620100'),
      creditAccount: fc.constantFrom('210200', '140100', '430100'),
      amounts: fc.array(amount, { minLength: 1, maxLength: 4 }),
      day: fc.integer({ min: 1, max: 30 }),
      reverse: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(posting, { minLength: 1, maxLength: 6 }), async (postings) => {
        for (const p of postings) {
          run += 1;
          const organisation = p.organisation === 'A' ? ids.trustA : ids.trustB;
          const total = p.amounts.reduce((sum, value) => sum + value, 0);
          const withCentre = (code: string) =>
            ['610100', '510100', '620100', '430100'].includes(code) ? 'WARD1' : null;
          const input: JournalInput = {
            accountingDate: `2026-06-${String(p.day).padStart(2, '0')}` as LocalDate,
            sourceModule: 'property',
            sourceId: `run-${run}`,
            reasonCode: 'MANUAL',
            description: 'random posting',
            lines: [
              ...p.amounts.map((value) => ({
                accountCode: p.debitAccount,
                costCentreCode: withCentre(p.debitAccount),
                side: 'debit' as const,
                amountPence: pence(value) as Pence,
              })),
              {
                accountCode: p.creditAccount,
                costCentreCode: withCentre(p.creditAccount),
                side: 'credit',
                amountPence: pence(total),
              },
            ],
          };
          await platform.runner.withTenant(contextFor(organisation), async (tx) => {
            const journal = await platform.ledger.postJournal(tx, input);
            if (p.reverse) await platform.ledger.reverseJournal(tx, journal.id, { reason: 'property test' });
          });
        }
        for (const organisation of [ids.trustA, ids.trustB]) {
          const tb = await platform.runner.withTenant(contextFor(organisation), (tx) =>
            platform.ledger.trialBalance(tx, '2026-27/P03'),
          );
          expect(tb.balanced).toBe(true);
          expect(tb.lines.reduce((sum, line) => sum + line.closingPence, 0n)).toBe(0n);
        }
      }),
      { numRuns: 15 },
    );
  });
});
