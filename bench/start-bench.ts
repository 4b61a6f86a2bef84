import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Benchmark, median, round } from './benchmark';

const entry = process.argv[1]!;

async function pageServed(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/sign-in`);
    return response.status === 200 && (await response.text()).includes('Sign in');
  } catch {
    return false;
  }
}

/** Seconds from launching `mainstay start` to the sign-in page being served. */
async function timeStart(dataDir: string, port: number): Promise<{ seconds: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry, 'start', '--port', String(port), '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mainstay start exited with code ${child.exitCode}`);
    if (await pageServed(port)) return { seconds: (performance.now() - started) / 1000, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export const startBench: Benchmark = {
  name: 'start',
  description:
    'First start of the demo (empty data directory to a served page, embedded database) and later starts',
  async run(_options, progress) {
    const dataDir = mkdtempSync(join(tmpdir(), 'mainstay-start-'));
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    try {
      const first = await timeStart(dataDir, port);
      progress(`  first start: ${round(first.seconds, 1)} s`);
      await stop(first.child);
      const later: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const again = await timeStart(dataDir, port);
        later.push(again.seconds);
        await stop(again.child);
      }
      progress(`  later starts: ${later.map((seconds) => round(seconds, 2)).join(', ')} s`);
      return {
        engine: 'pglite',
        firstStartSeconds: round(first.seconds, 1),
        laterStartSeconds: round(median(later), 2),
        laterStarts: later.length,
      };
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
