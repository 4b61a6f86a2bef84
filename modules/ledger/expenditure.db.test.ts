import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { pence } from '../../kernel/money';
import type { TenantTx } from '../../kernel/tenancy';
import { localDate } from '../../kernel/time';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../testing/platform';
import type { JournalInput } from './index';

const journal = (sourceId: string, accountingDate: string, lines: JournalInput['lines']): JournalInput => ({
  accountingDate: localDate(accountingDate),
  sourceModule: 'ledger',
  sourceId,
  reasonCode: 'MANUAL',
  description: 'Expenditure test',
  lines,
});

describe.each(testEngines())('ledger expenditure by cost centre on %s', (engine) => {
  let platform: Platform;
  let ids: Awaited<ReturnType<typeof seedTestSystem>>;
  const asA = <T>(work: (tx: TenantTx) => Promise<T>) =>
    platform.runner.withTenant(contextFor(ids.trustA, 'usr_controller'), work);

  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    ids = await seedTestSystem(platform, 'X');
    await asA(async (tx) => {
      await platform.ledger.openFinancialYear(tx, '2027-28');
      await platform.ledger.postJournals(tx, [
        journal('spend', '2026-06-10', [
          { accountCode: '610100', costCentreCode: 'WARD1', side: 'debit', amountPence: pence(10_000) },
          { accountCode: '610200', costCentreCode: 'WARD1', side: 'debit', amountPence: pence(2_500) },
          { accountCode: '210200', side: 'credit', amountPence: pence(12_500) },
        ]),
        journal('credit', '2026-07-01', [
          { accountCode: '210200', side: 'debit', amountPence: pence(1_000) },
          { accountCode: '610100', costCentreCode: 'WARD1', side: 'credit', amountPence: pence(1_000) },
        ]),
        journal('income', '2026-07-02', [
          { accountCode: '130100', side: 'debit', amountPence: pence(50_000) },
          { accountCode: '410100', costCentreCode: 'WARD1', side: 'credit', amountPence: pence(50_000) },
        ]),
        journal('next-year', '2027-04-15', [
          { accountCode: '610100', costCentreCode: 'WARD1', side: 'debit', amountPence: pence(700) },
          { accountCode: '210200', side: 'credit', amountPence: pence(700) },
        ]),
        journal('finance', '2026-08-01', [
          { accountCode: '680100', costCentreCode: 'FIN01', side: 'debit', amountPence: pence(300) },
          { accountCode: '210200', side: 'credit', amountPence: pence(300) },
        ]),
      ]);
    });
  });
  afterAll(async () => platform.db.close());

  it('nets debits and credits on expenditure accounts within the financial year, ignoring income', async () => {
    const spend = await asA((tx) =>
      platform.ledger.expenditureByCostCentre(tx, '2026-27', ['WARD1', 'FIN01']),
    );
    expect(spend).toEqual(
      new Map([
        ['WARD1', 11_500n],
        ['FIN01', 300n],
      ]),
    );
  });

  it('counts only the year asked for and only the centres named', async () => {
    expect(await asA((tx) => platform.ledger.expenditureByCostCentre(tx, '2027-28', ['WARD1']))).toEqual(
      new Map([['WARD1', 700n]]),
    );
    expect(await asA((tx) => platform.ledger.expenditureByCostCentre(tx, '2026-27', ['NONE']))).toEqual(
      new Map(),
    );
  });

  it("never sees another organisation's spend", async () => {
    const spend = await platform.runner.withTenant(contextFor(ids.trustB), (tx) =>
      platform.ledger.expenditureByCostCentre(tx, '2026-27', ['WARD1']),
    );
    expect(spend.size).toBe(0);
  });
});
