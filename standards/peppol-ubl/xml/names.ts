import { canonicalName } from './tree';

export type ResolvedName = { readonly namespace: string; readonly localName: string; readonly name: string };

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/**
 * Resolved names shared across documents by the set of namespace bindings in force: invoices
 * from one sender declare the same prefixes, so after the first document each element name is a
 * single lookup. Bounded so that hostile input cannot grow it without limit.
 */
const sharedResolutions = new Map<string, Map<string, ResolvedName>>();
const SHARED_SIGNATURE_LIMIT = 1_000;
const SHARED_NAME_LIMIT = 10_000;

/** The namespace bindings in force at an element. */
export class NamespaceScope {
  private readonly bindings = new Map<string, string>();
  private resolved: Map<string, ResolvedName> | undefined;
  private signature: string | undefined;

  constructor(private readonly parent: NamespaceScope | undefined) {}

  bind(prefix: string, uri: string): void {
    this.bindings.set(prefix, uri);
  }

  /** The namespace bound to a prefix ('' for the default namespace); undefined when not declared. */
  lookup(prefix: string): string | undefined {
    for (let scope: NamespaceScope | undefined = this; scope !== undefined; scope = scope.parent) {
      const uri = scope.bindings.get(prefix);
      if (uri !== undefined) return uri;
    }
    if (prefix === 'xml') return XML_NAMESPACE;
    return prefix === '' ? '' : undefined;
  }

  private bindingSignature(): string {
    if (this.signature === undefined) {
      const own = [...this.bindings].map(([prefix, uri]) => `${prefix}=${uri}`).join(' ');
      this.signature = `${this.parent?.bindingSignature() ?? ''}|${own}`;
    }
    return this.signature;
  }

  private cache(): Map<string, ResolvedName> {
    if (this.resolved === undefined) {
      const signature = this.bindingSignature();
      let shared = sharedResolutions.get(signature);
      if (shared === undefined) {
        if (sharedResolutions.size >= SHARED_SIGNATURE_LIMIT) sharedResolutions.clear();
        shared = new Map();
        sharedResolutions.set(signature, shared);
      }
      this.resolved = shared;
    }
    return this.resolved;
  }

  /**
   * Resolves an element (or, with `isElement` false, an attribute) name; undefined when its
   * prefix is not declared. Unprefixed attributes are in no namespace.
   */
  resolve(rawName: string, isElement: boolean): ResolvedName | undefined {
    const cache = isElement ? this.cache() : undefined;
    const cached = cache?.get(rawName);
    if (cached !== undefined) return cached;
    const colon = rawName.indexOf(':');
    const prefix = colon === -1 ? '' : rawName.slice(0, colon);
    const localName = colon === -1 ? rawName : rawName.slice(colon + 1);
    const namespace = colon === -1 && !isElement ? '' : this.lookup(prefix);
    if (namespace === undefined || (colon !== -1 && namespace === '')) return undefined;
    const name = { namespace, localName, name: canonicalName(namespace, localName) };
    if (cache !== undefined && cache.size < SHARED_NAME_LIMIT) cache.set(rawName, name);
    return name;
  }
}

const nameCharacters = /^[A-Za-z_\u00C0-\uFFEF][A-Za-z0-9_.\-\u00B7\u00C0-\uFFEF]*$/;
/** Names already checked; bounded so hostile input cannot grow it without limit. */
const knownGood = new Set<string>();
const KNOWN_GOOD_LIMIT = 10_000;

/** Whether a raw tag or attribute name is a valid XML qualified name (NCName or prefix:NCName). */
export function isQualifiedName(name: string): boolean {
  if (knownGood.has(name)) return true;
  const colon = name.indexOf(':');
  const valid =
    colon === -1
      ? nameCharacters.test(name)
      : nameCharacters.test(name.slice(0, colon)) && nameCharacters.test(name.slice(colon + 1));
  if (valid) {
    if (knownGood.size >= KNOWN_GOOD_LIMIT) knownGood.clear();
    knownGood.add(name);
  }
  return valid;
}

export function isNcName(name: string): boolean {
  return nameCharacters.test(name);
}
