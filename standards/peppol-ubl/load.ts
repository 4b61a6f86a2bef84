import type { Finding } from './finding';
import { inputFinding } from './input-rules';
import { decodeXmlBytes } from './xml/decode';
import { DEFAULT_XML_LIMITS, parseXml, type XmlLimits } from './xml/parse';
import { UBL_NAMESPACES, type XmlDocument } from './xml/tree';

export type UblDocumentType = 'Invoice' | 'CreditNote';

export type LoadedDocument =
  | { readonly ok: true; readonly document: XmlDocument; readonly documentType: UblDocumentType }
  | { readonly ok: false; readonly finding: Finding };

/**
 * Turns raw input into a UBL Invoice or CreditNote element tree, or one fatal MAINSTAY-* finding
 * saying why it cannot be read: empty, undecodable, not well-formed, over a limit, not an
 * invoice, or in the wrong namespace.
 */
export function loadUblDocument(input: Uint8Array | string, limits: Partial<XmlLimits> = {}): LoadedDocument {
  const effective: XmlLimits = { ...DEFAULT_XML_LIMITS, ...limits };
  if (input.length === 0) return { ok: false, finding: inputFinding('MAINSTAY-XML-EMPTY', '') };
  if (typeof input !== 'string' && input.length > effective.maxLength * 4) {
    return {
      ok: false,
      finding: inputFinding(
        'MAINSTAY-XML-LIMIT',
        `It is ${input.length} bytes; the limit is ${effective.maxLength} characters.`,
      ),
    };
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeXmlBytes(input);
    if (!decoded.ok) return { ok: false, finding: inputFinding('MAINSTAY-XML-ENCODING', decoded.reason) };
    text = decoded.text;
  }
  const parsed = parseXml(text, effective);
  if (!parsed.ok) {
    const { rule, message, line } = parsed.failure;
    return { ok: false, finding: inputFinding(rule, message === '' ? '' : `${message} (line ${line})`) };
  }
  const root = parsed.document.root;
  const expected =
    root.localName === 'Invoice'
      ? UBL_NAMESPACES.inv
      : root.localName === 'CreditNote'
        ? UBL_NAMESPACES.cn
        : undefined;
  if (expected === undefined) {
    const found = root.namespace === '' ? root.localName : `${root.localName} in namespace ${root.namespace}`;
    return { ok: false, finding: inputFinding('MAINSTAY-UBL-ROOT', `Found ${found}.`, `/${root.localName}`) };
  }
  if (root.namespace !== expected) {
    const found = root.namespace === '' ? 'no namespace' : `namespace ${root.namespace}`;
    return {
      ok: false,
      finding: inputFinding(
        'MAINSTAY-UBL-NAMESPACE',
        `Found ${found}; expected ${expected}.`,
        `/${root.localName}`,
      ),
    };
  }
  return {
    ok: true,
    document: parsed.document,
    documentType: root.localName === 'Invoice' ? 'Invoice' : 'CreditNote',
  };
}
