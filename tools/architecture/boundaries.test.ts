import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../testing/fixtures';

type SourceFile = { path: string; imports: string[]; text: string };

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(folder: string): SourceFile[] {
  const root = join(repoRoot, folder);
  if (!existsSync(root)) return [];
  const files: SourceFile[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const full = join(directory, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) {
        const text = readFileSync(full, 'utf8');
        const imports = [...text.matchAll(IMPORT)]
          .map((match) => match[1] ?? match[2]!)
          .filter((spec) => spec.startsWith('.'));
        files.push({
          path: relative(repoRoot, full),
          imports: imports.map((spec) => relative(repoRoot, resolve(dirname(full), spec))),
          text,
        });
      }
    }
  };
  walk(root);
  return files;
}

/** Tests and the test support beside them (a module's fixtures/ or testing/ folder, *.test-support.ts). */
const isTest = (path: string) =>
  /\.(test|db\.test|api\.test)\.tsx?$/.test(path) ||
  /\.test-support\.ts$/.test(path) ||
  /\/(test|testing|fixtures)\//.test(path);
const moduleOf = (path: string) => /^modules\/([^/]+)\//.exec(`${path}/`)?.[1] ?? null;

function declaredDependencies(): Map<string, string[]> {
  const modules = readdirSync(join(repoRoot, 'modules')).filter((name) =>
    statSync(join(repoRoot, 'modules', name)).isDirectory(),
  );
  return new Map(
    modules.map((name) => {
      const readme = join(repoRoot, 'modules', name, 'README.md');
      const line = existsSync(readme)
        ? (/^Depends on:\s*(.*)$/m.exec(readFileSync(readme, 'utf8'))?.[1] ?? null)
        : null;
      const dependencies =
        line === null
          ? ['<no README "Depends on:" line>']
          : line
              .split(',')
              .map((part) => part.trim())
              .filter((part) => /^[a-z-]+$/.test(part));
      return [name, dependencies];
    }),
  );
}

describe('module boundaries', () => {
  const dependencies = declaredDependencies();

  it('every module declares what it depends on in its README', () => {
    const undeclared = [...dependencies]
      .filter(([, deps]) => deps.some((dep) => dep.startsWith('<')))
      .map(([name]) => name);
    expect(undeclared).toEqual([]);
  });

  it('the kernel depends on nothing else in the repository', () => {
    const offending = sourceFiles('kernel').flatMap((file) =>
      file.imports
        .filter(
          (target) => !target.startsWith('kernel/') && !(isTest(file.path) && target.startsWith('testing/')),
        )
        .map((target) => `${file.path} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('standards are pure codecs: they import only the kernel and other standards through their index', () => {
    const offending = sourceFiles('standards').flatMap((file) =>
      file.imports
        .filter((target) => {
          if (target.startsWith('kernel/')) return false;
          if (target.startsWith('testing/')) return false;
          const own = file.path.split('/').slice(0, 2).join('/');
          if (target.startsWith(`${own}/`) || target === own) return false;
          return !/^standards\/[^/]+(\/index)?$/.test(target);
        })
        .map((target) => `${file.path} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('modules import other modules only through index.ts, and only the modules they declare', () => {
    const offending = sourceFiles('modules').flatMap((file) => {
      const own = moduleOf(file.path)!;
      return file.imports
        .filter((target) => {
          if (
            target.startsWith('kernel/') ||
            target.startsWith(`modules/${own}/`) ||
            target === `modules/${own}`
          )
            return false;
          if (/^standards\/[^/]+(\/index)?$/.test(target)) return false;
          if (target.startsWith('testing/') || (isTest(file.path) && target.startsWith('apps/platform/')))
            return false;
          const other = moduleOf(target);
          if (!other) return true;
          const throughIndex = new RegExp(`^modules/${other}(/index)?$`).test(target);
          return !throughIndex || !dependencies.get(own)?.includes(other);
        })
        .map((target) => `${file.path} → ${target}`);
    });
    expect(offending).toEqual([]);
  });

  it('module dependencies form no cycle', () => {
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' → '));
        return;
      }
      for (const next of dependencies.get(name) ?? []) visit(next, [...path, name]);
    };
    for (const name of dependencies.keys()) visit(name, []);
    expect(cycles).toEqual([]);
  });
});

describe('the product at run time', () => {
  it('never reaches the shared fixtures: the fixture locator is not in the bundle', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [join(repoRoot, 'apps/cli/main.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      loader: { '.sql': 'text' },
      jsx: 'automatic',
      jsxImportSource: 'hono/jsx',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(100);
    expect(inputs.filter((input) => input === 'testing/fixtures.ts' || input.includes('/shared/'))).toEqual(
      [],
    );
  });
});

describe('each module owns its tables', () => {
  const schemas = readdirSync(join(repoRoot, 'modules'));
  const tableReference = new RegExp(
    `\\b(?:from|join|into|update|table|references)\\s+(${['kernel', ...schemas].join('|')})\\.([a-z_]+)`,
    'gi',
  );

  it("no module's SQL names another module's tables (except organisations.organisation for foreign keys)", () => {
    const offending = sourceFiles('modules')
      .filter((file) => !isTest(file.path))
      .flatMap((file) => {
        const own = moduleOf(file.path)!;
        return [...file.text.matchAll(tableReference)]
          .filter(
            ([, schema, table]) =>
              schema !== own && !(schema === 'organisations' && table === 'organisation'),
          )
          .map(([match]) => `${file.path}: ${match}`);
      });
    const migrations = readdirSync(join(repoRoot, 'modules')).flatMap((name) => {
      const folder = join(repoRoot, 'modules', name, 'sql', 'migrations');
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((file) => file.endsWith('.sql'))
        .flatMap((file) =>
          [...readFileSync(join(folder, file), 'utf8').matchAll(tableReference)]
            .filter(
              ([, schema, table]) =>
                schema !== name && !(schema === 'organisations' && table === 'organisation'),
            )
            .map(([match]) => `modules/${name}/sql/migrations/${file}: ${match}`),
        );
    });
    expect([...offending, ...migrations]).toEqual([]);
  });

  it('SQL lives in each module’s sql/ folder, not in services, routes or domain code', () => {
    const offending = sourceFiles('modules')
      .filter((file) => !isTest(file.path) && !/\/sql\//.test(file.path))
      .filter((file) => tableReference.test(file.text))
      .map((file) => file.path);
    tableReference.lastIndex = 0;
    expect(offending).toEqual([]);
  });
});
