import { parse as parseCsv } from 'csv-parse/sync';
import { invalid, type ValidationIssue } from '../../../kernel/errors';
import type { Account } from './chart';

export type LegacyAccountRow = { code: string; name: string; mapsTo: string | null; line: number };

export type LegacyChartRejection = { line: number; raw: string; issues: ValidationIssue[] };

export type LegacyChartFile = { accounts: LegacyAccountRow[]; rejections: LegacyChartRejection[] };

const CODE_HEADERS = [
  'code',
  'account code',
  'account',
  'subjective',
  'subjective code',
  'gl code',
  'nominal',
];
const NAME_HEADERS = ['name', 'account name', 'description', 'subjective name', 'title'];
const MAP_HEADERS = ['maps to', 'maps_to', 'mapsto', 'common code', 'nhs code', 'standard code'];

/**
 * Reads a legacy chart of accounts exported from an organisation's own ledger
 * (CSV with a header, or JSON `[{code, name, mapsTo?}]`). Rows that cannot be
 * read are returned as rejections with their reasons, never dropped.
 */
export function readLegacyChart(fileName: string, text: string): LegacyChartFile {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') throw invalid('LEGACY_CHART_EMPTY', `${fileName} is empty`);
  if (body.startsWith('[') || body.startsWith('{')) return readJson(fileName, body);
  return readCsv(fileName, body);
}

function readCsv(fileName: string, text: string): LegacyChartFile {
  let records: string[][];
  try {
    records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw invalid('LEGACY_CHART_MALFORMED', `${fileName} is not valid CSV: ${(error as Error).message}`);
  }
  const header = (records[0] ?? []).map((cell) => cell.toLowerCase().trim());
  const codeColumn = header.findIndex((cell) => CODE_HEADERS.includes(cell));
  const nameColumn = header.findIndex((cell) => NAME_HEADERS.includes(cell));
  const mapColumn = header.findIndex((cell) => MAP_HEADERS.includes(cell));
  if (codeColumn === -1 || nameColumn === -1) {
    throw invalid('LEGACY_CHART_MALFORMED', `${fileName} needs a code column and a name column`, [
      ...(codeColumn === -1
        ? [
            {
              path: 'header',
              rule: 'csv-column-required',
              message: `No code column (looked for: ${CODE_HEADERS.join(', ')})`,
            },
          ]
        : []),
      ...(nameColumn === -1
        ? [
            {
              path: 'header',
              rule: 'csv-column-required',
              message: `No name column (looked for: ${NAME_HEADERS.join(', ')})`,
            },
          ]
        : []),
    ]);
  }
  return collect(
    records.slice(1).map((record, index) => ({
      line: index + 2,
      raw: record.join(','),
      code: record[codeColumn] ?? '',
      name: record[nameColumn] ?? '',
      mapsTo: mapColumn === -1 ? '' : (record[mapColumn] ?? ''),
    })),
  );
}

function readJson(fileName: string, text: string): LegacyChartFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid('LEGACY_CHART_MALFORMED', `${fileName} is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { accounts?: unknown }).accounts;
  if (!Array.isArray(list))
    throw invalid('LEGACY_CHART_MALFORMED', `${fileName} must hold a list of accounts`);
  return collect(
    list.map((entry, index) => {
      const item = (entry ?? {}) as Record<string, unknown>;
      return {
        line: index + 1,
        raw: JSON.stringify(entry),
        code: String(item.code ?? ''),
        name: String(item.name ?? ''),
        mapsTo: item.mapsTo == null ? '' : String(item.mapsTo),
      };
    }),
  );
}

function collect(
  rows: { line: number; raw: string; code: string; name: string; mapsTo: string }[],
): LegacyChartFile {
  const accounts: LegacyAccountRow[] = [];
  const rejections: LegacyChartRejection[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const issues: ValidationIssue[] = [];
    const code = row.code.trim();
    if (code === '')
      issues.push({
        path: `line ${row.line}, code`,
        rule: 'legacy-code-required',
        message: 'The account code is empty',
      });
    if (row.name.trim() === '')
      issues.push({
        path: `line ${row.line}, name`,
        rule: 'legacy-name-required',
        message: 'The account name is empty',
      });
    const firstLine = seen.get(code);
    if (code !== '' && firstLine !== undefined) {
      issues.push({
        path: `line ${row.line}, code`,
        rule: 'legacy-code-unique',
        message: `Code ${code} already appears on line ${firstLine}`,
      });
    }
    if (issues.length > 0) {
      rejections.push({ line: row.line, raw: row.raw, issues });
      continue;
    }
    seen.set(code, row.line);
    accounts.push({ code, name: row.name.trim(), mapsTo: row.mapsTo.trim() || null, line: row.line });
  }
  return { accounts, rejections };
}

const STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'to', 'a', 'other', 'misc', 'miscellaneous']);

const tokens = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
      .map((word) => word.replace(/(ies|es|s)$/, '')),
  );

/**
 * Suggests the common account a legacy account most likely maps to, by the
 * overlap of the words in their names. A suggestion is only a starting point:
 * a finance controller confirms every mapping.
 */
export function suggestAccount(
  legacyName: string,
  chart: readonly Account[],
): { account: Account; score: number } | null {
  const legacy = tokens(legacyName);
  if (legacy.size === 0) return null;
  let best: { account: Account; score: number } | null = null;
  for (const account of chart) {
    const candidate = tokens(account.name);
    let shared = 0;
    for (const word of legacy) if (candidate.has(word)) shared += 1;
    const score = shared / Math.max(legacy.size, candidate.size);
    if (score > (best?.score ?? 0)) best = { account, score };
  }
  return best && best.score >= 0.25 ? best : null;
}
