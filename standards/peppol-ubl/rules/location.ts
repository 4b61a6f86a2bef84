import type { XmlElement } from '../xml/tree';

type Position = { readonly position: number; readonly total: number };

/** Positions among same-named siblings, worked out once per parent (a document may have very many siblings). */
const positions = new WeakMap<XmlElement, Map<XmlElement, Position>>();

function positionOf(node: XmlElement, parent: XmlElement): Position {
  let known = positions.get(parent);
  if (known === undefined) {
    known = new Map();
    const totals = new Map<string, number>();
    for (const child of parent.children) totals.set(child.name, (totals.get(child.name) ?? 0) + 1);
    const seen = new Map<string, number>();
    for (const child of parent.children) {
      const position = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, position);
      known.set(child, { position, total: totals.get(child.name) ?? 1 });
    }
    positions.set(parent, known);
  }
  return known.get(node) ?? { position: 1, total: 1 };
}

/**
 * An XPath-like path to the element, e.g. `/Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Name`.
 * A position is given only where the element has same-named siblings.
 */
export function locationOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node !== undefined; node = node.parent) {
    const parent = node.parent;
    if (parent === undefined) {
      steps.push(node.name === 'inv:Invoice' || node.name === 'cn:CreditNote' ? node.localName : node.name);
      continue;
    }
    const { position, total } = positionOf(node, parent);
    steps.push(total > 1 ? `${node.name}[${position}]` : node.name);
  }
  return `/${steps.reverse().join('/')}`;
}
