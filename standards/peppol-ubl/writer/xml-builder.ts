/**
 * A tiny XML writer: elements as plain data, serialised with proper escaping and indentation.
 * Absent or empty values drop their element entirely, because PEPPOL forbids empty elements
 * (PEPPOL-EN16931-R008).
 */
import { invalid } from '../../../kernel/errors';

export type XmlNode = {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | undefined>>;
  readonly text?: string;
  readonly children?: readonly (XmlNode | undefined)[];
};

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text or attribute content; characters XML cannot carry at all are refused. */
export function escapeXml(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(value)) {
    const message = 'text contains a control character that XML cannot represent';
    throw invalid('xml-control-character', message, [
      { path: value.slice(0, 40), rule: 'xml-character', message },
    ]);
  }
  return value.replace(/[&<>"']|\r/g, (char) => (char === '\r' ? '&#13;' : (escapes[char] ?? char)));
}

/** An element with text; undefined (so omitted) when the value is absent or blank. */
export function leaf(
  name: string,
  value: string | undefined,
  attributes?: Readonly<Record<string, string | undefined>>,
): XmlNode | undefined {
  return value === undefined || value.trim() === '' ? undefined : { name, text: value, attributes };
}

/** An element with children; undefined (so omitted) when none of the children is present. */
export function group(name: string, ...children: (XmlNode | undefined)[]): XmlNode | undefined {
  return children.some((child) => child !== undefined) ? { name, children } : undefined;
}

function serialiseNode(node: XmlNode, indent: string, out: string[]): void {
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const present = (node.children ?? []).filter((child): child is XmlNode => child !== undefined);
  if (present.length > 0) {
    out.push(`${indent}<${node.name}${attributes}>`);
    for (const child of present) serialiseNode(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  } else {
    out.push(`${indent}<${node.name}${attributes}>${escapeXml(node.text ?? '')}</${node.name}>`);
  }
}

/** A complete document with the XML declaration; `namespaces` become xmlns declarations on the root. */
export function serialiseDocument(root: XmlNode, namespaces: Readonly<Record<string, string>>): string {
  const declarations = Object.fromEntries(
    Object.entries(namespaces).map(([prefix, uri]) => [prefix === '' ? 'xmlns' : `xmlns:${prefix}`, uri]),
  );
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialiseNode({ ...root, attributes: { ...declarations, ...root.attributes } }, '', out);
  return `${out.join('\n')}\n`;
}
