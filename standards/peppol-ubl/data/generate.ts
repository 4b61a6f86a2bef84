/**
 * Regenerates the JSON data files in this folder from the official artefacts in the shared
 * fixtures: `npx tsx standards/peppol-ubl/data/generate.ts`. data.test.ts fails when they drift.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixturesDir } from '../../../testing/fixtures';
import { buildDataFiles, serialise } from './build-data';

const here = dirname(fileURLToPath(import.meta.url));
for (const [relative, value] of buildDataFiles(fixturesDir())) {
  const target = join(here, relative);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serialise(value));
  process.stdout.write(`wrote ${relative}\n`);
}
