import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The shared fixtures from the standards' owners live beside the repository
 * (../shared/fixtures) and are never copied in. MAINSTAY_FIXTURES overrides the
 * location; a missing directory fails the test rather than skipping it.
 */
export function fixturesDir(): string {
  const candidates = [
    process.env.MAINSTAY_FIXTURES,
    join(repoRoot, '..', 'shared', 'fixtures'),
    '/work/shared/fixtures',
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error(
    'The shared fixtures were not found: set MAINSTAY_FIXTURES or place them at ../shared/fixtures beside the repository',
  );
}

export function fixturePath(...parts: string[]): string {
  return join(fixturesDir(), ...parts);
}

export { repoRoot };
