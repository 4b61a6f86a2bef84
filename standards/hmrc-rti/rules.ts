import { parsePlainDate } from '../bacs18';
import dictionary from './fps-2014-15-rules.json';
import baseTypes from './fps-2014-15-types.json';
import changes from './fps-current-year-changes.json';
import type { TaxYear } from './tax-year';

/** One element's constraints in the FPS we write: the 2014-15 dictionary with the later changes applied. */
export type ElementRule = {
  path: string;
  min: number;
  max: number;
  patterns: RegExp[];
  patternSources: string[];
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  enumeration?: string[];
  decimal: boolean;
  date: boolean;
  /** The numeric bounds in pence (money) or units (whole numbers), read once. */
  lowest?: bigint;
  highest?: bigint;
};

type DictionaryRow = {
  path: string;
  cardinality?: string;
  base_type?: string;
  pattern?: string;
  length?: string;
  min_length?: string;
  max_length?: string;
  min_inclusive?: string;
  max_inclusive?: string;
};

type BaseType = {
  patterns?: string[];
  length?: number;
  min_length?: number;
  max_length?: number;
  min_inclusive?: string;
  enumeration?: string[];
  decimal?: boolean;
  date?: boolean;
};

const types = baseTypes.types as Record<string, BaseType>;
const enumerations = baseTypes.enumerations as Record<string, string[]>;

function cardinality(text: string | undefined): { min: number; max: number } {
  if (!text) return { min: 0, max: 1 };
  const [min, max] = text.split('..');
  return { min: Number(min), max: max === '∞' ? Number.POSITIVE_INFINITY : Number(max) };
}

const anchored = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');
const optionalNumber = (value: string | number | undefined): number | undefined =>
  value === undefined ? undefined : Number(value);

/** Reads "-12.50" as -1250 pence, or "7" as 7 when `decimal` is false; undefined when it is neither. */
function readNumber(text: string, decimal: boolean): bigint | undefined {
  const match = decimal ? /^(-?)(\d+)\.(\d{2})$/.exec(text) : /^(-?)(\d+)$/.exec(text);
  if (!match) return undefined;
  const magnitude = BigInt(`${match[2]}${match[3] ?? ''}`);
  return match[1] === '-' ? -magnitude : magnitude;
}

function ruleFrom(row: DictionaryRow): ElementRule {
  const rule = describeRule(row);
  const bound = (text: string | undefined) =>
    text === undefined || rule.date ? undefined : readNumber(text, rule.decimal);
  return { ...rule, lowest: bound(rule.minInclusive), highest: bound(rule.maxInclusive) };
}

function describeRule(row: DictionaryRow): ElementRule {
  const base = types[row.base_type ?? 'xsd:string'] ?? {};
  const patternSources = [...(base.patterns ?? []), ...(row.pattern ? [row.pattern] : [])];
  return {
    path: row.path,
    ...cardinality(row.cardinality),
    patterns: patternSources.map(anchored),
    patternSources,
    length: optionalNumber(row.length ?? base.length),
    minLength: optionalNumber(row.min_length ?? base.min_length),
    maxLength: optionalNumber(row.max_length ?? base.max_length),
    minInclusive: row.min_inclusive ?? base.min_inclusive,
    maxInclusive: row.max_inclusive,
    enumeration: enumerations[row.path] ?? base.enumeration,
    decimal: base.decimal === true,
    date: base.date === true,
  };
}

function buildRules(): Map<string, ElementRule> {
  const removed = new Set(changes.removed.map((entry) => entry.path));
  const changed = new Map(changes.changed.map((entry) => [entry.path, entry]));
  const rules = new Map<string, ElementRule>();
  for (const row of dictionary.elements as DictionaryRow[]) {
    if (removed.has(row.path)) continue;
    const change = changed.get(row.path);
    const rule = ruleFrom(change && 'pattern' in change ? { ...row, pattern: change.pattern } : row);
    if (change && 'enumeration' in change) rule.enumeration = change.enumeration;
    rules.set(row.path, rule);
    changed.delete(row.path);
  }
  if (changed.size > 0)
    throw new Error(`fps-current-year-changes.json changes unknown elements: ${[...changed.keys()]}`);
  for (const added of changes.added) rules.set(added.path, ruleFrom({ ...added, cardinality: '0..1' }));
  for (const attribute of changes.attributes) {
    rules.set(attribute.path, { ...ruleFrom({ path: attribute.path }), enumeration: attribute.enumeration });
  }
  return rules;
}

export const FPS_RULES: ReadonlyMap<string, ElementRule> = buildRules();

export type ChoiceGroup = { parent: string; elements: string[]; required: boolean };
export const FPS_CHOICES: readonly ChoiceGroup[] = baseTypes.choices;

function isCalendarDate(value: string): boolean {
  try {
    parsePlainDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Money is compared in pence and whole numbers as integers, so no bound is ever met by rounding. */
function rangeProblems(rule: ElementRule, value: string): string[] {
  if (rule.lowest === undefined && rule.highest === undefined) return [];
  const amount = readNumber(value, rule.decimal);
  if (amount === undefined) return [];
  const problems: string[] = [];
  if (rule.lowest !== undefined && amount < rule.lowest)
    problems.push(`must be at least ${rule.minInclusive}`);
  if (rule.highest !== undefined && amount > rule.highest)
    problems.push(`must be at most ${rule.maxInclusive}`);
  return problems;
}

/**
 * Everything wrong with `value` for `rule`, as short phrases. Dates the
 * dictionary bounds to its own tax year (2013-14) are bounded to `taxYear`.
 */
export function problemsWith(rule: ElementRule, value: string, taxYear: TaxYear): string[] {
  const problems: string[] = [];
  rule.patterns.forEach((pattern, index) => {
    if (!pattern.test(value)) problems.push(`does not match the pattern ${rule.patternSources[index]}`);
  });
  if (rule.length !== undefined && value.length !== rule.length)
    problems.push(`must be ${rule.length} characters`);
  if (rule.minLength !== undefined && value.length < rule.minLength)
    problems.push(`must be at least ${rule.minLength} characters`);
  if (rule.maxLength !== undefined && value.length > rule.maxLength)
    problems.push(`must be at most ${rule.maxLength} characters`);
  if (rule.enumeration && !rule.enumeration.includes(value))
    problems.push(`must be one of ${rule.enumeration.join(', ')}`);
  if (rule.date && !isCalendarDate(value)) problems.push('is not a calendar date');
  if (rule.date && rule.minInclusive !== undefined) {
    if (value < taxYear.firstDay || value > taxYear.lastDay) {
      problems.push(`must fall in the ${taxYear.label} tax year (${taxYear.firstDay} to ${taxYear.lastDay})`);
    }
  } else if (!rule.date) {
    problems.push(...rangeProblems(rule, value));
  }
  return problems;
}

/** HMRC's pattern for a National Insurance number in the FPS schema (its allowed two-letter prefixes). */
export const FPS_NI_NUMBER_PATTERN: string =
  baseTypes.types.FullPaymentSubmission_PAYENINOtype.patterns[0] ?? '';
