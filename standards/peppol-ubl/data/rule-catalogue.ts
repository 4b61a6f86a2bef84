import type { Severity } from '../finding';
import messages from './rule-messages.json';

export type CatalogueEntry = { readonly severity: Severity; readonly message: string };

const entries = messages.rules as Record<string, { flag: string; message: string }>;

/** The official severity and message of an EN 16931 or PEPPOL assertion id; undefined when unknown. */
export function catalogueEntry(rule: string): CatalogueEntry | undefined {
  const entry = entries[rule];
  if (entry === undefined) return undefined;
  return { severity: entry.flag === 'warning' ? 'warning' : 'fatal', message: entry.message };
}

/** Every official assertion id the package knows, CEN and PEPPOL. */
export function catalogueRuleIds(): string[] {
  return Object.keys(entries);
}
