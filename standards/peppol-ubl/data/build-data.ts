import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAbsentPaths, extractCenList, extractPeppolCodeList, extractRuleMessages } from './extract';
import {
  CEN_LIST_NAMES,
  CEN_SCHEMATRON,
  PEPPOL_CODE_LIST_FILES,
  PEPPOL_CODE_LIST_FOLDER,
  PEPPOL_SCHEMATRON,
} from './sources';

/** Every data file this package ships, as path (relative to data/) → JSON value, built from the fixtures. */
export function buildDataFiles(fixturesDir: string): Map<string, unknown> {
  const read = (relative: string) => readFileSync(join(fixturesDir, relative), 'utf8');
  const cen = read(CEN_SCHEMATRON);
  const peppol = read(PEPPOL_SCHEMATRON);
  const files = new Map<string, unknown>();
  for (const name of CEN_LIST_NAMES) {
    files.set(`cen/${name}.json`, {
      source: `${CEN_SCHEMATRON} (CEN EN 16931 validation release 1.3.16)`,
      codes: extractCenList(cen, name),
    });
  }
  for (const [file, name] of Object.entries(PEPPOL_CODE_LIST_FILES)) {
    const list = extractPeppolCodeList(read(join(PEPPOL_CODE_LIST_FOLDER, file)));
    files.set(`peppol/${name}.json`, {
      source: `${PEPPOL_CODE_LIST_FOLDER}/${file} (PEPPOL BIS Billing 3.0.19)`,
      ...list,
    });
  }
  files.set('rule-messages.json', {
    source: `${CEN_SCHEMATRON} and ${PEPPOL_SCHEMATRON}`,
    rules: { ...extractRuleMessages(cen), ...extractRuleMessages(peppol) },
  });
  files.set('ubl-cr-absent-paths.json', { source: CEN_SCHEMATRON, rules: extractAbsentPaths(cen) });
  return files;
}

export function serialise(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
