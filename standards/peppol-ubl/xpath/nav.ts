/**
 * Path navigation over the element tree with XPath child-step semantics: a path yields every
 * matching element in document order; "the value" of a path is its first element's text.
 */

import { stringValue, type XmlElement } from '../xml/tree';
import { type Decimal, parseDecimal } from './decimal';
import { normalizeSpace } from './values';

const EMPTY: readonly XmlElement[] = [];

/** All children of `element` named `name`. */
export function children(element: XmlElement, name: string): readonly XmlElement[] {
  let found: XmlElement[] | undefined;
  for (const child of element.children) {
    if (child.name !== name) continue;
    if (found === undefined) found = [child];
    else found.push(child);
  }
  return found ?? EMPTY;
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  for (const candidate of element.children) if (candidate.name === name) return candidate;
  return undefined;
}

/** Every element reached from `element` by the child steps `names` (an XPath relative path). */
export function path(element: XmlElement, ...names: string[]): readonly XmlElement[] {
  let current: readonly XmlElement[] = [element];
  for (const name of names) {
    const next: XmlElement[] = [];
    for (const node of current)
      for (const candidate of node.children) if (candidate.name === name) next.push(candidate);
    if (next.length === 0) return EMPTY;
    current = next;
  }
  return current;
}

/** The first element reached by the child steps, depth first in document order. */
export function first(element: XmlElement, ...names: string[]): XmlElement | undefined {
  return firstFrom(element, names, 0);
}

function firstFrom(element: XmlElement, names: readonly string[], depth: number): XmlElement | undefined {
  if (depth === names.length) return element;
  const name = names[depth];
  for (const candidate of element.children) {
    if (candidate.name !== name) continue;
    const found = firstFrom(candidate, names, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function exists(element: XmlElement, ...names: string[]): boolean {
  return first(element, ...names) !== undefined;
}

export function count(element: XmlElement, ...names: string[]): number {
  return countFrom(element, names, 0);
}

function countFrom(element: XmlElement, names: readonly string[], depth: number): number {
  if (depth === names.length) return 1;
  const name = names[depth];
  let total = 0;
  for (const candidate of element.children)
    if (candidate.name === name) total += countFrom(candidate, names, depth + 1);
  return total;
}

/** XPath string of an optional node: '' for none. */
export function text(element: XmlElement | undefined): string {
  return element === undefined ? '' : stringValue(element);
}

/** normalize-space() of an optional node. */
export function normalized(element: XmlElement | undefined): string {
  return element === undefined ? '' : normalizeSpace(stringValue(element));
}

/** normalize-space of the first element at the path ('' when absent). */
export function valueAt(element: XmlElement, ...names: string[]): string {
  return normalized(first(element, ...names));
}

/** xs:decimal(node): undefined when the node is absent or its text is not a decimal. */
export function decimalOf(element: XmlElement | undefined): Decimal | undefined {
  return element === undefined ? undefined : parseDecimal(stringValue(element));
}

export function hasAncestor(element: XmlElement, name: string): boolean {
  for (let node = element.parent; node !== undefined; node = node.parent) if (node.name === name) return true;
  return false;
}
