import { parse as parseCsv } from 'csv-parse/sync';
import { invalid, type ValidationIssue } from '../../../kernel/errors';
import { isSettingKey, SETTING_KEYS, SETTINGS, type SettingKey } from './catalogue';
import { sameValue } from './values';

export type GapStatus = 'matches' | 'differs' | 'not-supplied' | 'unknown-setting' | 'invalid-value';

export type GapItem = {
  settingKey: string;
  title: string | null;
  module: string | null;
  status: GapStatus;
  standardValue: unknown;
  currentValue: unknown;
  /** What moving this setting to the standard would change for the organisation. */
  affects: string | null;
  localChoice: boolean;
  message: string | null;
};

export type GapSummary = Record<GapStatus, number> & { settings: number };

export type ImportedSettings = {
  format: 'json' | 'csv';
  values: Map<string, unknown>;
  sources: Map<string, string>;
};

/**
 * Reads an organisation's current configuration as exported from its systems:
 * JSON (`{"settings": {...}}` or a flat object) or CSV with `setting,value`
 * columns. In CSV, a setting can be given whole (the value as JSON) or field by
 * field with a dotted path (`payables.matchTolerance.absoluteCapPence`).
 */
export function readImportedSettings(fileName: string, text: string): ImportedSettings {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw invalid('SETTINGS_FILE_EMPTY', `${fileName} is empty`);
  const looksJson = fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('{');
  return looksJson ? readJson(fileName, trimmed) : readCsv(fileName, trimmed);
}

function readJson(fileName: string, text: string): ImportedSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid('SETTINGS_FILE_MALFORMED', `${fileName} is not valid JSON: ${(error as Error).message}`, [
      { path: fileName, rule: 'json-well-formed', message: (error as Error).message },
    ]);
  }
  const root = isRecord(parsed) && isRecord(parsed.settings) ? parsed.settings : parsed;
  if (!isRecord(root)) {
    throw invalid('SETTINGS_FILE_MALFORMED', `${fileName} must hold an object of settings`, [
      {
        path: fileName,
        rule: 'settings-object',
        message: 'Expected {"settings": {"<setting>": <value>, …}}',
      },
    ]);
  }
  const values = new Map<string, unknown>();
  const sources = new Map<string, string>();
  for (const [key, value] of Object.entries(root)) {
    assignSetting(values, sources, key, value, `settings.${key}`);
  }
  return { format: 'json', values, sources };
}

function readCsv(fileName: string, text: string): ImportedSettings {
  let records: string[][];
  try {
    records = parseCsv(text, { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw invalid('SETTINGS_FILE_MALFORMED', `${fileName} is not valid CSV: ${(error as Error).message}`, [
      { path: fileName, rule: 'csv-well-formed', message: (error as Error).message },
    ]);
  }
  const header = (records[0] ?? []).map((cell) => cell.toLowerCase());
  const keyColumn = header.findIndex((cell) => cell === 'setting' || cell === 'key');
  const valueColumn = header.indexOf('value');
  if (keyColumn === -1 || valueColumn === -1) {
    const issues: ValidationIssue[] = [];
    if (keyColumn === -1)
      issues.push({ path: 'header', rule: 'csv-column-required', message: 'No "setting" column' });
    if (valueColumn === -1)
      issues.push({ path: 'header', rule: 'csv-column-required', message: 'No "value" column' });
    throw invalid('SETTINGS_FILE_MALFORMED', `${fileName} needs "setting" and "value" columns`, issues);
  }
  const values = new Map<string, unknown>();
  const sources = new Map<string, string>();
  records.slice(1).forEach((record, index) => {
    const key = record[keyColumn] ?? '';
    if (key === '') return;
    assignSetting(values, sources, key, parseScalar(record[valueColumn] ?? ''), `row ${index + 2}`);
  });
  return { format: 'csv', values, sources };
}

function parseScalar(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Finds the setting a dotted key belongs to (the longest known prefix) and sets the value at the rest of the path. */
function assignSetting(
  values: Map<string, unknown>,
  sources: Map<string, string>,
  key: string,
  value: unknown,
  source: string,
) {
  if (isSettingKey(key)) {
    values.set(key, value);
    sources.set(key, source);
    return;
  }
  const parts = key.split('.');
  for (let cut = parts.length - 1; cut > 0; cut -= 1) {
    const settingKey = parts.slice(0, cut).join('.');
    if (!isSettingKey(settingKey)) continue;
    const existing = values.get(settingKey);
    const target: Record<string, unknown> = isRecord(existing) ? existing : {};
    let cursor = target;
    for (const part of parts.slice(cut, -1)) {
      const next = isRecord(cursor[part]) ? (cursor[part] as Record<string, unknown>) : {};
      cursor[part] = next;
      cursor = next;
    }
    cursor[parts.at(-1)!] = value;
    values.set(settingKey, target);
    sources.set(settingKey, source);
    return;
  }
  values.set(key, value);
  sources.set(key, source);
}

/** Compares an organisation's current settings with the standard, setting by setting. */
export function analyseGaps(
  imported: ImportedSettings,
  standard: Readonly<Record<SettingKey, unknown>>,
): { items: GapItem[]; summary: GapSummary } {
  const items: GapItem[] = SETTING_KEYS.map((key) => {
    const definition = SETTINGS[key];
    const base = {
      settingKey: key,
      title: definition.title,
      module: definition.module,
      standardValue: standard[key],
      affects: definition.affects,
      localChoice: 'localChoice' in definition && definition.localChoice === true,
    };
    if (!imported.values.has(key)) {
      return {
        ...base,
        status: 'not-supplied',
        currentValue: null,
        message: 'The file does not say how this is set today',
      };
    }
    const current = imported.values.get(key);
    const parsed = definition.schema.safeParse(current);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
        .join('; ');
      return {
        ...base,
        status: 'invalid-value',
        currentValue: current,
        message: `${imported.sources.get(key)}: ${detail}`,
      };
    }
    const matches = sameValue(parsed.data, standard[key]);
    return { ...base, status: matches ? 'matches' : 'differs', currentValue: parsed.data, message: null };
  });
  for (const [key, value] of imported.values) {
    if (isSettingKey(key)) continue;
    items.push({
      settingKey: key,
      title: null,
      module: null,
      status: 'unknown-setting',
      standardValue: null,
      currentValue: value,
      affects: null,
      localChoice: false,
      message: `${imported.sources.get(key)}: not a setting in the standard — a local practice to review with the Design Authority`,
    });
  }
  return { items, summary: summariseGaps(items) };
}

export function summariseGaps(items: readonly GapItem[]): GapSummary {
  const summary: GapSummary = {
    settings: items.length,
    matches: 0,
    differs: 0,
    'not-supplied': 0,
    'unknown-setting': 0,
    'invalid-value': 0,
  };
  for (const item of items) summary[item.status] += 1;
  return summary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
