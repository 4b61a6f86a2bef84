// Bundles the CLI/server entry into dist/ with esbuild (well under a second), so
// `npm start` and the `mainstay` executable run plain JavaScript with a fast start.
import { build } from 'esbuild';

await build({
  entryPoints: { mainstay: 'apps/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  loader: { '.sql': 'text' },
  logLevel: 'warning',
});
