import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/fixtures';

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'mainstay-cli-'));
const dataDir = join(folder, 'data');

async function mainstay(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(repoRoot, 'bin/mainstay.js'), ...args, '--data', dataDir],
      {
        env: { ...process.env, DATABASE_URL: '' },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The command line as a finance team uses it: the built `mainstay` executable on an embedded database. */
describe('mainstay command line', () => {
  beforeAll(async () => {
    await run(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { cwd: repoRoot });
    const seeded = await mainstay('seed', 'demo');
    expect(seeded.code, seeded.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('lists every command in --help', async () => {
    const { stdout } = await run(process.execPath, [join(repoRoot, 'bin/mainstay.js'), '--help']);
    for (const command of [
      'start',
      'migrate',
      'seed',
      'audit',
      'ledger',
      'framework',
      'invoice',
      'payroll',
      'insight',
      'bench',
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('posts journals from a CSV, rejects the bad ones with reasons and a non-zero exit, and never posts twice', async () => {
    const file = join(folder, 'journals.csv');
    writeFileSync(
      file,
      [
        'journal,date,description,reason,account,cost_centre,debit,credit',
        'J1,2026-11-20,Recode drugs,MANUAL,610200,A402,"1,250.00",',
        'J1,2026-11-20,Recode drugs,MANUAL,610100,A402,,"1,250.00"',
        'J2,2026-11-20,Unbalanced,MANUAL,610200,A402,100.00,',
        'J2,2026-11-20,Unbalanced,MANUAL,610100,A402,,99.99',
        'J3,2026-11-20,Bad amount,MANUAL,610200,A402,ten pounds,',
        'J4,2025-04-15,Closed period,MANUAL,610200,A402,5.00,',
        'J4,2025-04-15,Closed period,MANUAL,610100,A402,,5.00',
      ].join('\n'),
    );
    const first = await mainstay('ledger', 'import-journals', file, '--org', 'RN1', '--json');
    expect(first.code).toBe(1);
    const result = JSON.parse(first.stdout.trim()) as {
      posted: number;
      rejected: number;
      rejections: { journal: string; code: string }[];
    };
    expect(result.posted).toBe(1);
    expect(Object.fromEntries(result.rejections.map((r) => [r.journal, r.code]))).toEqual({
      J2: 'JOURNAL_INVALID',
      J3: 'JOURNAL_ROWS_INVALID',
      J4: 'PERIOD_CLOSED',
    });
    const again = await mainstay('ledger', 'import-journals', file, '--org', 'RN1', '--json');
    const journals = await mainstay(
      'ledger',
      'trial-balance',
      '--org',
      'RN1',
      '--period',
      '2026-27/P08',
      '--json',
    );
    expect(JSON.parse(again.stdout.trim()).posted).toBe(1);
    expect(JSON.parse(journals.stdout.trim()).balanced).toBe(true);
  });

  it('explains a malformed file with a specific error and exit code, altering nothing', async () => {
    const file = join(folder, 'wrong.csv');
    writeFileSync(file, 'when,what\n2026-01-01,x\n');
    const result = await mainstay('ledger', 'import-journals', file, '--org', 'RN1');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JOURNAL_FILE_MALFORMED');
    expect(result.stderr).toContain('No "journal" column');
  });

  it('runs a gap analysis for the joining trust and reports conformance with the unjustified variation', async () => {
    const file = join(folder, 'settings.csv');
    writeFileSync(file, 'setting,value\npayables.paymentTermsDays,60\nledger.periodCloseWorkingDay,4\n');
    const gap = await mainstay('framework', 'gap-analysis', file, '--org', 'RN6', '--json');
    expect(gap.code, gap.stderr).toBe(0);
    expect(JSON.parse(gap.stdout.trim()).summary).toMatchObject({ differs: 1, matches: 1 });
    const conformance = await mainstay('framework', 'conformance', '--org', 'RN2');
    expect(conformance.stdout).toContain('NOT JUSTIFIED');
  });

  it('verifies every audit chain, and fails naming the entry after tampering', async () => {
    const clean = await mainstay('audit', 'verify', '--json');
    expect(clean.code).toBe(0);
    const { openPglite } = await import('../../kernel/db/pglite');
    const db = await openPglite(dataDir);
    await db.exec(`alter table kernel.audit_entry disable trigger audit_entry_append_only;
      update kernel.audit_entry set reason = 'tampered' where organisation_id = 'RN3' and seq = 5;`);
    await db.close();
    const tampered = await mainstay('audit', 'verify', '--org', 'RN3');
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/TAMPERED RN3[\s\S]*entry 5 .*altered/);
  });
});
