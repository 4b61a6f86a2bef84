#!/usr/bin/env node
// The `mainstay` executable: runs the bundle built by `npm run build` (also run by npm install).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bundle = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'mainstay.js');
if (!existsSync(bundle)) {
  process.stderr.write('mainstay is not built yet: run `npm run build` in the project folder\n');
  process.exit(2);
}
await import(bundle);
