/** A small, ordered XML tree: enough to build a message, check it, then write it. */
export type XmlNode = {
  name: string;
  attributes?: Record<string, string>;
  text?: string;
  children?: XmlNode[];
  /** Where the value came from in the caller's input, for error messages. */
  source?: string;
  /** The caller's value before transliteration, when it differs. */
  original?: string;
};

export function element(
  name: string,
  children: (XmlNode | undefined | false)[],
  extra: { attributes?: Record<string, string>; source?: string } = {},
): XmlNode {
  return { name, children: children.filter((child): child is XmlNode => Boolean(child)), ...extra };
}

export function leaf(
  name: string,
  text: string,
  source?: string,
  extra: { attributes?: Record<string, string>; original?: string } = {},
): XmlNode {
  return {
    name,
    text,
    ...(source ? { source } : {}),
    ...(extra.attributes ? { attributes: extra.attributes } : {}),
    ...(extra.original !== undefined && extra.original !== text ? { original: extra.original } : {}),
  };
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function attributesOf(node: XmlNode): string {
  return Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
}

/** Writes the tree indented by two spaces per level, one element per line. */
export function serialise(node: XmlNode, depth = 0): string {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${attributesOf(node)}`;
  if (node.children && node.children.length > 0) {
    const inner = node.children.map((child) => serialise(child, depth + 1)).join('');
    return `${open}>\n${inner}${indent}</${node.name}>\n`;
  }
  if (node.text === undefined || node.text === '') return `${open}/>\n`;
  return `${open}>${escapeText(node.text)}</${node.name}>\n`;
}
