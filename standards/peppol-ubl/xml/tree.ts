/**
 * A read-only XML element tree with namespaces resolved. Element and attribute
 * names are canonical: UBL namespaces get their conventional prefixes (`cac:`,
 * `cbc:`, `ext:`, `inv:` for the Invoice-2 document namespace, `cn:` for CreditNote-2)
 * whatever prefixes the sender used, so rules can compare names as plain strings.
 */
export type XmlAttribute = {
  /** Canonical name: the local name for unqualified attributes, `{uri}local` otherwise. */
  readonly name: string;
  readonly value: string;
};

export type XmlElement = {
  /** Canonical qualified name, e.g. `cbc:ID`; `{uri}local` for namespaces without a canonical prefix. */
  readonly name: string;
  readonly localName: string;
  /** Namespace URI, '' when the element is in no namespace. */
  readonly namespace: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  readonly parent: XmlElement | undefined;
  /** Direct text content (character data and CDATA of this element only, in order). */
  readonly text: string;
  /** Text and child elements in document order; present only for mixed content (text beside elements). */
  readonly mixed: readonly (string | XmlElement)[] | undefined;
};

export type XmlDocument = {
  readonly root: XmlElement;
  /** Every element in document order. */
  readonly elements: readonly XmlElement[];
  /** Elements by canonical name, each list in document order. */
  readonly byName: ReadonlyMap<string, readonly XmlElement[]>;
};

export const UBL_NAMESPACES = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  ext: 'urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2',
  inv: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  cn: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  order: 'urn:oasis:names:specification:ubl:schema:xsd:Order-2',
} as const;

const canonicalPrefixByUri = new Map<string, string>(
  Object.entries(UBL_NAMESPACES).map(([prefix, uri]) => [uri, prefix]),
);

export function canonicalName(namespace: string, localName: string): string {
  if (namespace === '') return localName;
  const prefix = canonicalPrefixByUri.get(namespace);
  return prefix === undefined ? `{${namespace}}${localName}` : `${prefix}:${localName}`;
}

export function attribute(element: XmlElement, name: string): string | undefined {
  for (const candidate of element.attributes) if (candidate.name === name) return candidate.value;
  return undefined;
}

export function hasAttribute(element: XmlElement, name: string): boolean {
  return attribute(element, name) !== undefined;
}

/** XPath string value: the concatenated text of the element and all its descendants. */
export function stringValue(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  if (element.mixed !== undefined) {
    let value = '';
    for (const part of element.mixed) value += typeof part === 'string' ? part : stringValue(part);
    return value;
  }
  let value = '';
  for (const child of element.children) value += stringValue(child);
  return value;
}
