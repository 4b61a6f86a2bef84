import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../testing/fixtures';

const here = dirname(fileURLToPath(import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const schemaFiles = readdirSync(join(here, 'schema-1.1.5'));
const extensionDirs = readdirSync(join(here, 'extensions'));

describe('the OCDS data kept in the repository', () => {
  it('holds the four 1.1.5 package and release schemas', () => {
    expect(schemaFiles.sort()).toEqual([
      'record-package-schema.json',
      'release-package-schema.json',
      'release-schema.json',
      'versioned-release-validation-schema.json',
    ]);
  });

  it.each(schemaFiles)('schema-1.1.5/%s equals the fixture standard-1.1.5/schema copy', (file) => {
    expect(read(join(here, 'schema-1.1.5', file))).toEqual(
      read(fixturePath('ocds', 'standard-1.1.5', 'schema', file)),
    );
  });

  it.each(
    extensionDirs.flatMap((dir) =>
      readdirSync(join(here, 'extensions', dir)).map((file) => [dir, file] as const),
    ),
  )('extensions/%s/%s equals the fixture copy', (dir, file) => {
    const source =
      dir === 'ocds_uk_extension'
        ? fixturePath('ocds', 'uk-extension', file)
        : fixturePath('ocds', 'uk-extension-dependencies', dir, file);
    expect(read(join(here, 'extensions', dir, file))).toEqual(read(source));
  });

  it('carries the release schema of every extension the UK extension depends on', () => {
    const manifest = read(fixturePath('ocds', 'uk-extension', 'extension.json')) as {
      dependencies: string[];
    };
    const names = manifest.dependencies.map((url) => /open-contracting-extensions\/([^/]+)\//.exec(url)?.[1]);
    expect(extensionDirs.filter((dir) => dir !== 'ocds_uk_extension').sort()).toEqual([...names].sort());
  });
});
