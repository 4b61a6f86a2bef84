import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatform, type Platform, preparePlatform } from '../../apps/platform/platform';
import { type DatabaseConfig, type Engine, openDatabase } from '../../kernel/db';
import { mulberry32 } from '../../kernel/random';
import type { LocalDate } from '../../kernel/time';
import { testEngines } from '../../testing/database';
import { repoRoot } from '../../testing/fixtures';
import { contextFor, seedTestSystem } from '../../testing/platform';
import { calculateBatch } from './services/engine';
import { EMPLOYER } from './testing/payroll-setup';
import { syntheticStaff } from './testing/synthetic-staff';

const EMPLOYEES = 240;
const BATCH = 20;
const OFFICER = { organisationId: 'KRA1', actor: { kind: 'user' as const, id: 'usr_officer' } };
const APPROVER = { organisationId: 'KRA1', actor: { kind: 'user' as const, id: 'usr_approver' } };

/** The command line as a bundle the test can start and kill (the same entry point as `mainstay`). */
async function buildCli(): Promise<string> {
  const outdir = join(repoRoot, 'node_modules', '.cache', 'mainstay-crash-test');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, 'mainstay.mjs');
  await build({
    entryPoints: [join(repoRoot, 'apps/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    loader: { '.sql': 'text' },
    logLevel: 'warning',
  });
  return outfile;
}

type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Runs a CLI command; with `killAfter`, sends SIGKILL once that many batches are reported done, or after that long. */
function cli(
  cliPath: string,
  config: DatabaseConfig,
  args: string[],
  killAfter?: { batches: number } | { milliseconds: number },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [cliPath, ...args, ...(config.engine === 'pglite' ? ['--data', config.dataDir ?? ''] : [])],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: config.engine === 'postgres' ? config.url : '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const done = [...stderr.matchAll(/calculated batch (\d+) of/g)].length;
      if (killAfter && 'batches' in killAfter && done >= killAfter.batches && child.exitCode === null)
        child.kill('SIGKILL');
    });
    if (killAfter && 'milliseconds' in killAfter)
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), killAfter.milliseconds);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function scratchConfig(engine: Engine): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'mainstay-crash-'));
    return {
      config: { engine: 'pglite', dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const server = process.env.DATABASE_URL ?? '';
  const name = `mainstay_crash_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    config: { engine: 'postgres', url: url.toString() },
    drop: async () => {
      const dropper = new pg.Client({ connectionString: server });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function withPlatform<T>(config: DatabaseConfig, work: (platform: Platform) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    const platform = createPlatform(db);
    await preparePlatform(platform);
    return await work(platform);
  } finally {
    await db.close();
  }
}

describe.each(testEngines())('a pay run killed part way on %s', (engine) => {
  let cliPath: string;
  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  let runId: string;

  beforeAll(async () => {
    cliPath = await buildCli();
    ({ config, drop } = await scratchConfig(engine));
    runId = await withPlatform(config, async (platform) => {
      await seedTestSystem(platform, 'K');
      await platform.runner.withTenant(OFFICER, async (tx) => {
        await platform.payroll.saveEmployer(tx, EMPLOYER);
        const staff = syntheticStaff({
          count: EMPLOYEES,
          prefix: 'K',
          costCentres: ['WARD1', 'FIN01'],
          random: mulberry32(11),
          startBefore: '2026-04-01' as LocalDate,
        });
        await platform.payroll.registerEmployees(tx, staff);
        await platform.payroll.migrateVerifiedBankDetails(
          tx,
          staff.map((person) => ({ employeeId: person.id, ...person.bank })),
          'usr_checker',
        );
      });
      const run = await platform.runner.withTenant(contextFor('KRA1'), (tx) =>
        platform.payroll.createRun(tx, { payFrequency: 'monthly', taxYear: '2026-27', period: 3 }),
      );
      return run.id;
    });
  }, 120_000);
  afterAll(async () => drop());

  it('resumes a calculation killed between batches to the same payslips, none doubled or half written', async () => {
    const killed = await cli(
      cliPath,
      config,
      ['payroll', 'run', 'calculate', runId, '--org', 'KRA1', '--batch-size', String(BATCH)],
      { batches: 3 },
    );
    expect(killed.signal).toBe('SIGKILL');
    const partial = await withPlatform(config, (platform) =>
      platform.runner.withTenant(OFFICER, async (tx) => ({
        run: await platform.payroll.run(tx, runId),
        batches: await tx.query<{ batches: bigint; payslips: bigint }>(
          'select count(*)::int8 as batches, coalesce(sum(payslips), 0)::int8 as payslips from payroll.pay_run_batch',
        ),
        payslips: await tx.query<{ count: bigint }>('select count(*)::int8 as count from payroll.payslip'),
      })),
    );
    const batchesDone = Number(partial.batches.rows[0]?.batches);
    expect(partial.run.preview).toBeNull();
    expect(batchesDone).toBeGreaterThanOrEqual(3);
    expect(batchesDone).toBeLessThan(EMPLOYEES / BATCH);
    // Every payslip written belongs to a batch that is wholly there.
    expect(partial.payslips.rows[0]?.count).toBe(partial.batches.rows[0]?.payslips);

    const resumed = await cli(cliPath, config, [
      'payroll',
      'run',
      'calculate',
      runId,
      '--org',
      'KRA1',
      '--batch-size',
      '7',
    ]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      complete: true,
      payslips: EMPLOYEES,
      batches: EMPLOYEES / BATCH,
    });

    await withPlatform(config, async (platform) => {
      const stored = await platform.runner.withTenant(OFFICER, (tx) =>
        platform.payroll.payslips(tx, { runId, limit: 1000 }),
      );
      expect(new Set(stored.map((payslip) => payslip.employeeId)).size).toBe(EMPLOYEES);
      expect(stored).toHaveLength(EMPLOYEES);
      const again = await platform.runner.withTenant(OFFICER, async (tx) =>
        calculateBatch(tx, await platform.payroll.runCalculation(tx, await platform.payroll.run(tx, runId)), {
          kind: 'range',
          from: '',
          before: null,
        }),
      );
      const expected = new Map(
        again.flatMap((result) =>
          result.outcome.ok ? [[result.employeeId, result.outcome.payslip.figures]] : [],
        ),
      );
      for (const payslip of stored) expect(payslip.figures).toEqual(expected.get(payslip.employeeId));
    });
  }, 240_000);

  it('commits once however often the commit is started or stopped', async () => {
    await withPlatform(config, (platform) =>
      platform.runner.withTenant(APPROVER, (tx) => platform.payroll.approveRun(tx, runId)),
    );
    // Killed as it starts, part way, or after it finished: the commit is one transaction, so whichever happened, nothing is half done.
    for (const milliseconds of [300, 900, 1_500])
      await cli(cliPath, config, ['payroll', 'run', 'commit', runId, '--org', 'KRA1'], {
        milliseconds,
      });
    const first = await cli(cliPath, config, ['payroll', 'run', 'commit', runId, '--org', 'KRA1']);
    const second = await cli(cliPath, config, ['payroll', 'run', 'commit', runId, '--org', 'KRA1']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      status: 'committed',
      journalId: JSON.parse(first.stdout).journalId,
    });
    await withPlatform(config, async (platform) => {
      const { journals, payslips } = await platform.runner.withTenant(OFFICER, async (tx) => ({
        journals: await platform.ledger.journals(tx, { sourceModule: 'payroll', sourceId: runId }),
        payslips: await platform.payroll.payslips(tx, { runId, limit: 1000 }),
      }));
      expect(journals).toHaveLength(1);
      expect(journals[0]?.lines.find((line) => line.accountCode === '230500')?.amountPence).toBe(
        BigInt(payslips.reduce((sum, payslip) => sum + payslip.figures.netPay, 0)),
      );
    });
  }, 240_000);
});
