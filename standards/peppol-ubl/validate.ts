import { type Finding, hasFatal } from './finding';
import { inputFinding } from './input-rules';
import { loadUblDocument, type UblDocumentType } from './load';
import { cenRuleSets } from './rules/cen';
import { type CompiledRules, compileRules, createContext, runRules } from './rules/engine';
import { peppolRuleSets } from './rules/peppol';
import type { XmlLimits } from './xml/parse';
import { stringValue, type XmlDocument } from './xml/tree';
import { normalizeSpace } from './xpath/values';

/**
 * `peppol`: PEPPOL BIS Billing 3.0.19 = the CEN EN 16931 rules (1.3.16) plus the PEPPOL rules,
 * national ones included. `en16931`: the CEN rules alone. `auto` (the default) follows the
 * specification the document declares (BT-24), as PEPPOL validators choose their rule set: a
 * document declaring only the EN 16931 core gets the CEN rules; every other document — PEPPOL
 * BIS, another CIUS, or none declared — gets the PEPPOL rules, which reject a foreign CIUS
 * (PEPPOL-EN16931-R004).
 */
export type ValidationProfile = 'auto' | 'peppol' | 'en16931';

const EN16931_CORE = 'urn:cen.eu:en16931:2017';

export type ValidationOptions = {
  readonly profile?: ValidationProfile;
  readonly limits?: Partial<XmlLimits>;
};

export type ValidationReport = {
  /** No fatal finding. */
  readonly valid: boolean;
  /** The rule set applied; undefined when the input could not be read as UBL. */
  readonly profile: 'peppol' | 'en16931' | undefined;
  readonly documentType: UblDocumentType | undefined;
  readonly findings: readonly Finding[];
};

const compiled = new Map<'peppol' | 'en16931', CompiledRules>();

function rulesFor(profile: 'peppol' | 'en16931'): CompiledRules {
  let rules = compiled.get(profile);
  if (rules === undefined) {
    rules = compileRules(profile === 'peppol' ? [...cenRuleSets, ...peppolRuleSets] : cenRuleSets);
    compiled.set(profile, rules);
  }
  return rules;
}

/** The rule set for a document under the requested profile. */
export function resolveProfile(
  document: XmlDocument,
  profile: ValidationProfile = 'auto',
): 'peppol' | 'en16931' {
  if (profile !== 'auto') return profile;
  const customization = document.root.children.find((child) => child.name === 'cbc:CustomizationID');
  return customization !== undefined && normalizeSpace(stringValue(customization)) === EN16931_CORE
    ? 'en16931'
    : 'peppol';
}

/** Every official finding for an already loaded UBL Invoice or CreditNote element tree. */
export function validateUblDocument(document: XmlDocument, profile: ValidationProfile = 'auto'): Finding[] {
  return runRules(rulesFor(resolveProfile(document, profile)), createContext(document));
}

/**
 * Validates raw input (bytes or text) as a UBL Invoice or CreditNote. Never throws: input that
 * cannot be read yields one fatal MAINSTAY-* finding instead.
 */
export function validateInvoiceXml(
  input: Uint8Array | string,
  options: ValidationOptions = {},
): ValidationReport {
  try {
    const loaded = loadUblDocument(input, options.limits);
    if (!loaded.ok)
      return { valid: false, profile: undefined, documentType: undefined, findings: [loaded.finding] };
    const profile = resolveProfile(loaded.document, options.profile);
    const findings = validateUblDocument(loaded.document, profile);
    return { valid: !hasFatal(findings), profile, documentType: loaded.documentType, findings };
  } catch (error) {
    return {
      valid: false,
      profile: undefined,
      documentType: undefined,
      findings: [unexpectedFailure(error)],
    };
  }
}

/** A defect in the validator itself must still produce a verdict, never a crash of the caller. */
export function unexpectedFailure(error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return inputFinding('MAINSTAY-VALIDATOR-ERROR', detail);
}
