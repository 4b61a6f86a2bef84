/**
 * Runs hand-written rules the way a schematron processor runs the official assertions: every
 * element is offered to every rule whose context names it; the rule's `where` narrows the
 * context (the schematron predicates); each assertion that returns false becomes a finding with
 * the official id, severity and message. Rules are indexed by element name, so one pass over
 * the document evaluates everything.
 *
 * The official patterns apply only the first matching rule per element; the few places where
 * two contexts of one pattern overlap say so explicitly in their `where`.
 */
import { catalogueEntry } from '../data/rule-catalogue';
import type { Finding, Severity } from '../finding';
import type { XmlDocument, XmlElement } from '../xml/tree';
import { locationOf } from './location';

export type RuleContext = {
  readonly document: XmlDocument;
  readonly root: XmlElement;
  readonly isInvoice: boolean;
  readonly isCreditNote: boolean;
  /** Every element of the document with this name (XPath `//name`), in document order. */
  all(name: string): readonly XmlElement[];
  /** How many attributes with this (unqualified) name the document carries (XPath `count(//@name)`). */
  attributeCount(name: string): number;
  /** A document-wide value computed once (e.g. the seller's country). */
  memo<T>(key: string, compute: () => T): T;
};

export type Check = (node: XmlElement, context: RuleContext) => boolean;

/** Which element names a context can match, for contexts such as `//*[ends-with(name(), 'Amount')]`. */
export type NameFilter = (name: string, localName: string) => boolean;

export type Rule = {
  /** Element names the context can match (its last step), or a filter on the name. */
  readonly on: readonly string[] | NameFilter;
  /** Names the element's parent must have (the step before the last), when the context fixes it. */
  readonly parents?: readonly string[];
  /** The rest of the context: ancestors and predicates. */
  readonly where?: Check;
  /** Official assertion id → test; false means the assertion fails. */
  readonly assert: Readonly<Record<string, Check>>;
};

/** A check over the whole document that reports assertion ids directly (used for large path tables). */
export type DocumentCheck = (context: RuleContext, report: (rule: string, node: XmlElement) => void) => void;

export type RuleSet = {
  readonly rules: readonly Rule[];
  readonly documentChecks?: readonly DocumentCheck[];
  /** Every assertion id the document checks can report. */
  readonly documentCheckRules?: readonly string[];
};

/** Every official assertion id a collection of rule sets implements. */
export function implementedRuleIds(sets: readonly RuleSet[]): Set<string> {
  const ids = new Set<string>();
  for (const set of sets) {
    for (const rule of set.rules) for (const id of Object.keys(rule.assert)) ids.add(id);
    for (const id of set.documentCheckRules ?? []) ids.add(id);
  }
  return ids;
}

type CompiledAssertion = {
  readonly id: string;
  readonly test: Check;
  readonly severity: Severity;
  readonly message: string;
};
type CompiledRule = {
  readonly parents: readonly string[] | undefined;
  readonly where: Check | undefined;
  readonly assertions: readonly CompiledAssertion[];
};

/** The rules for one element name: those for any parent, and those for a particular parent. */
type RulesForName = {
  readonly anyParent: readonly CompiledRule[];
  readonly byParent: ReadonlyMap<string, readonly CompiledRule[]>;
};

const NO_RULES: readonly CompiledRule[] = [];

export type CompiledRules = {
  readonly byName: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly filtered: readonly { readonly filter: NameFilter; readonly rule: CompiledRule }[];
  /** Rules per element name, including the filtered ones, filled in as names are met. */
  readonly forName: Map<string, RulesForName>;
  readonly documentChecks: readonly DocumentCheck[];
};

/** Distinct element names remembered per compiled rule set; beyond this, lists are built per element. */
const NAME_CACHE_LIMIT = 5_000;

export function compileRules(sets: readonly RuleSet[]): CompiledRules {
  const byName = new Map<string, CompiledRule[]>();
  const filtered: { filter: NameFilter; rule: CompiledRule }[] = [];
  const documentChecks: DocumentCheck[] = [];
  for (const set of sets) {
    documentChecks.push(...(set.documentChecks ?? []));
    for (const rule of set.rules) {
      const compiled: CompiledRule = {
        parents: rule.parents,
        where: rule.where,
        assertions: Object.entries(rule.assert).map(([id, test]) => ({ id, test, ...officialEntry(id) })),
      };
      if (typeof rule.on === 'function') filtered.push({ filter: rule.on, rule: compiled });
      else {
        for (const name of rule.on) {
          const list = byName.get(name);
          if (list === undefined) byName.set(name, [compiled]);
          else list.push(compiled);
        }
      }
    }
  }
  return { byName, filtered, forName: new Map(), documentChecks };
}

function rulesForName(rules: CompiledRules, node: XmlElement): RulesForName {
  const known = rules.forName.get(node.name);
  if (known !== undefined) return known;
  const all = [
    ...(rules.byName.get(node.name) ?? []),
    ...rules.filtered.filter(({ filter }) => filter(node.name, node.localName)).map(({ rule }) => rule),
  ];
  const byParent = new Map<string, CompiledRule[]>();
  for (const rule of all) {
    for (const parent of rule.parents ?? []) {
      const list = byParent.get(parent);
      if (list === undefined) byParent.set(parent, [rule]);
      else list.push(rule);
    }
  }
  const entry = { anyParent: all.filter((rule) => rule.parents === undefined), byParent };
  if (rules.forName.size < NAME_CACHE_LIMIT) rules.forName.set(node.name, entry);
  return entry;
}

function officialEntry(id: string): { severity: Severity; message: string } {
  const entry = catalogueEntry(id);
  if (entry === undefined) throw new Error(`rule ${id} is not in the official rule catalogue`);
  return entry;
}

export function createContext(document: XmlDocument): RuleContext {
  const memory = new Map<string, unknown>();
  const root = document.root;
  let attributeCounts: Map<string, number> | undefined;
  return {
    document,
    root,
    isInvoice: root.name === 'inv:Invoice',
    isCreditNote: root.name === 'cn:CreditNote',
    all: (name) => document.byName.get(name) ?? [],
    attributeCount(name: string): number {
      if (attributeCounts === undefined) {
        attributeCounts = new Map();
        for (const element of document.elements) {
          for (const { name: attributeName } of element.attributes) {
            attributeCounts.set(attributeName, (attributeCounts.get(attributeName) ?? 0) + 1);
          }
        }
      }
      return attributeCounts.get(name) ?? 0;
    },
    memo<T>(key: string, compute: () => T): T {
      const known = memory.get(key);
      if (known !== undefined || memory.has(key)) return known as T;
      const value = compute();
      memory.set(key, value);
      return value;
    },
  };
}

function applyRules(
  list: readonly CompiledRule[],
  node: XmlElement,
  context: RuleContext,
  findings: Finding[],
): void {
  for (let index = 0; index < list.length; index++) {
    const rule = list[index] as CompiledRule;
    if (rule.where !== undefined && !rule.where(node, context)) continue;
    for (const assertion of rule.assertions) {
      if (assertion.test(node, context)) continue;
      findings.push({
        rule: assertion.id,
        severity: assertion.severity,
        message: assertion.message,
        location: locationOf(node),
      });
    }
  }
}

/** Occurrences of one rule reported per document; beyond this they are counted, not listed. */
export const FINDINGS_PER_RULE = 1_000;

/** Keeps at most FINDINGS_PER_RULE findings of each rule and says how many more there were. */
function capped(findings: Finding[]): Finding[] {
  if (findings.length <= FINDINGS_PER_RULE) return findings;
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const count = (counts.get(finding.rule) ?? 0) + 1;
    counts.set(finding.rule, count);
    if (count <= FINDINGS_PER_RULE) kept.push(finding);
  }
  for (const [rule, count] of counts) {
    if (count > FINDINGS_PER_RULE) kept.push(omitted(rule, count - FINDINGS_PER_RULE));
  }
  return kept;
}

function omitted(rule: string, count: number): Finding {
  const entry = officialEntry(rule);
  return {
    rule,
    severity: entry.severity,
    message: `${entry.message} (and ${count} further occurrences not listed)`,
    location: '/',
  };
}

export function runRules(rules: CompiledRules, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const elements = context.document.elements;
  for (let index = 0; index < elements.length; index++) {
    const node = elements[index] as XmlElement;
    const forName = rulesForName(rules, node);
    applyRules(forName.anyParent, node, context, findings);
    if (forName.byParent.size > 0 && node.parent !== undefined) {
      applyRules(forName.byParent.get(node.parent.name) ?? NO_RULES, node, context, findings);
    }
  }
  const report = (id: string, node: XmlElement) => {
    const entry = officialEntry(id);
    findings.push({ rule: id, severity: entry.severity, message: entry.message, location: locationOf(node) });
  };
  for (const check of rules.documentChecks) check(context, report);
  return capped(findings);
}
