import type { InputRule } from '../input-rules';
import { isNcName, isQualifiedName, NamespaceScope } from './names';
import type { XmlAttribute, XmlDocument } from './tree';

export type XmlLimits = {
  /** Longest document accepted, in characters. */
  readonly maxLength: number;
  readonly maxDepth: number;
  readonly maxElements: number;
};

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxLength: 64 * 1024 * 1024,
  maxDepth: 256,
  maxElements: 1_000_000,
};

export type XmlFailure = { readonly rule: InputRule; readonly message: string; readonly line: number };

export type XmlParseResult = { ok: true; document: XmlDocument } | { ok: false; failure: XmlFailure };

class XmlError extends Error {
  constructor(
    readonly rule: InputRule,
    readonly detail: string,
    readonly offset: number,
  ) {
    super(detail);
  }
}

type MutableElement = {
  name: string;
  localName: string;
  namespace: string;
  attributes: XmlAttribute[];
  children: MutableElement[];
  parent: MutableElement | undefined;
  text: string;
  mixed: (string | MutableElement)[] | undefined;
  /** Where the start tag begins, for messages about an unclosed element. */
  offset: number;
  /** The tag name as written, to match the end tag. */
  rawName: string;
  scope: NamespaceScope;
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML 1.0 forbids
const forbiddenCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const predefinedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const xmlDeclaration =
  /^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/;

/** ASCII character classes for scanning names: what ends a name, what may start or continue one. */
const NOT_NAME = 0;
const END_OF_NAME = 1;
const NAME_START = 2;
const NAME_CHAR = 3;
const COLON = 4;
const nameClass = new Uint8Array(128);
for (const char of ' \t\n\r>/=<"\'') nameClass[char.charCodeAt(0)] = END_OF_NAME;
for (let code = 0x41; code <= 0x5a; code++) {
  nameClass[code] = NAME_START;
  nameClass[code + 0x20] = NAME_START;
}
nameClass[0x5f] = NAME_START;
for (const char of '0123456789-.') nameClass[char.charCodeAt(0)] = NAME_CHAR;
nameClass[0x3a] = COLON;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/**
 * A strict, non-validating XML 1.0 parser with namespaces. It refuses anything that is not
 * well-formed (mismatched tags, bad names, undeclared prefixes, duplicate attributes, stray
 * markup, unknown entities) and refuses DTDs outright, so entity expansion cannot arise.
 * Whitespace-only text between child elements is not kept in order; no rule reads it.
 */
export function parseXml(source: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlParseResult {
  try {
    return { ok: true, document: new Parser(source, limits).parseDocument() };
  } catch (error) {
    if (error instanceof XmlError) {
      return {
        ok: false,
        failure: { rule: error.rule, message: error.detail, line: lineAt(source, error.offset) },
      };
    }
    if (error instanceof RangeError) {
      // Only a pathological input (a string past the engine's own limits) gets here.
      return { ok: false, failure: { rule: 'MAINSTAY-XML-LIMIT', message: error.message, line: 1 } };
    }
    throw error;
  }
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, source.length);
  for (
    let index = source.indexOf('\n');
    index !== -1 && index < end;
    index = source.indexOf('\n', index + 1)
  ) {
    line++;
  }
  return line;
}

class Parser {
  private readonly s: string;
  private pos = 0;
  private readonly elements: MutableElement[] = [];
  private readonly byName = new Map<string, MutableElement[]>();
  private readonly rootScope = new NamespaceScope(undefined);
  /** Whether the start tag just parsed was an empty-element tag (`<x/>`). */
  private selfClosed = false;

  constructor(
    source: string,
    private readonly limits: XmlLimits,
  ) {
    if (source.length > limits.maxLength) {
      throw new XmlError(
        'MAINSTAY-XML-LIMIT',
        `It is ${source.length} characters long; the limit is ${limits.maxLength}.`,
        0,
      );
    }
    let text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    if (text.trim() === '') throw new XmlError('MAINSTAY-XML-EMPTY', '', 0);
    const forbidden = forbiddenCharacters.exec(text);
    if (forbidden !== null) {
      const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      throw new XmlError(
        'MAINSTAY-XML-ENCODING',
        `Character U+${code} is not allowed in XML.`,
        forbidden.index,
      );
    }
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.s = text;
  }

  parseDocument(): XmlDocument {
    const s = this.s;
    if (s.startsWith('<?xml') && isWhitespace(s.charCodeAt(5))) {
      const end = s.indexOf('?>', 5);
      if (end === -1 || !xmlDeclaration.test(s.slice(5, end))) this.fail('The XML declaration is malformed.');
      this.pos = end + 2;
    }
    this.skipMisc();
    if (s.startsWith('<!DOCTYPE', this.pos)) throw new XmlError('MAINSTAY-XML-DOCTYPE', '', this.pos);
    if (s.charCodeAt(this.pos) !== LT) this.fail('Expected the document element to start here.');
    const root = this.parseElements();
    this.skipMisc();
    if (this.pos < s.length) this.fail('Content after the end of the document element.');
    return { root, elements: this.elements, byName: this.byName };
  }

  private fail(detail: string, offset = this.pos): never {
    throw new XmlError('MAINSTAY-XML-WELLFORMED', detail, offset);
  }

  /** Whitespace, comments and processing instructions outside the document element. */
  private skipMisc(): void {
    const s = this.s;
    for (;;) {
      while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
      if (s.startsWith('<!--', this.pos)) this.skipComment();
      else if (s.startsWith('<?', this.pos)) this.skipProcessingInstruction();
      else return;
    }
  }

  private skipComment(): void {
    const end = this.s.indexOf('-->', this.pos + 4);
    if (end === -1) this.fail('A comment is not closed.');
    const dashes = this.s.indexOf('--', this.pos + 4);
    if (dashes < end) this.fail('"--" is not allowed inside a comment.', dashes);
    this.pos = end + 3;
  }

  private skipProcessingInstruction(): void {
    const end = this.s.indexOf('?>', this.pos + 2);
    if (end === -1) this.fail('A processing instruction is not closed.');
    const target = /^[^\s?]+/.exec(this.s.slice(this.pos + 2, end))?.[0] ?? '';
    if (!isNcName(target) || target.toLowerCase() === 'xml') {
      this.fail(`"${target}" is not a valid processing instruction target here.`);
    }
    this.pos = end + 2;
  }

  /** Parses the document element and everything inside it, without recursion. */
  private parseElements(): MutableElement {
    const s = this.s;
    const stack: MutableElement[] = [];
    for (;;) {
      const open = stack.length === 0 ? undefined : stack[stack.length - 1];
      if (s.charCodeAt(this.pos) !== LT) {
        if (open === undefined) this.fail('Text outside the document element.');
        this.parseText(open);
        continue;
      }
      const next = s.charCodeAt(this.pos + 1);
      if (next === SLASH) {
        if (open === undefined) this.fail('An end tag without a start tag.');
        this.parseEndTag(open);
        stack.pop();
        if (stack.length === 0) return open;
      } else if (next === 0x21) {
        if (s.startsWith('<!--', this.pos)) this.skipComment();
        else if (open !== undefined && s.startsWith('<![CDATA[', this.pos)) this.parseCdata(open);
        else this.fail('Unexpected markup declaration.');
      } else if (next === 0x3f) {
        this.skipProcessingInstruction();
      } else {
        if (stack.length >= this.limits.maxDepth) {
          throw new XmlError(
            'MAINSTAY-XML-LIMIT',
            `Elements are nested more than ${this.limits.maxDepth} deep.`,
            this.pos,
          );
        }
        const element = this.parseStartTag(open);
        if (open !== undefined) {
          open.children.push(element);
          if (open.mixed !== undefined) open.mixed.push(element);
        }
        if (!this.selfClosed) stack.push(element);
        else if (open === undefined) return element;
      }
    }
  }

  /** Parses `<name attributes…>` or `<name…/>`, setting `selfClosed` for the second. */
  private parseStartTag(parent: MutableElement | undefined): MutableElement {
    const s = this.s;
    const start = this.pos;
    if (this.elements.length >= this.limits.maxElements) {
      throw new XmlError('MAINSTAY-XML-LIMIT', `More than ${this.limits.maxElements} elements.`, start);
    }
    this.pos++;
    const rawName = this.readName();
    let scope = parent?.scope ?? this.rootScope;
    let rawAttributes: { name: string; value: string }[] | undefined;
    let declarations: string[] | undefined;
    for (;;) {
      const spaceStart = this.pos;
      while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
      const code = s.charCodeAt(this.pos);
      if (code === GT) {
        this.pos++;
        this.selfClosed = false;
        break;
      }
      if (code === SLASH && s.charCodeAt(this.pos + 1) === GT) {
        this.pos += 2;
        this.selfClosed = true;
        break;
      }
      if (Number.isNaN(code)) this.fail(`The start tag <${rawName}> is not closed.`, start);
      if (this.pos === spaceStart) this.fail(`Expected whitespace before an attribute in <${rawName}>.`);
      const name = this.readName();
      while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
      if (s.charCodeAt(this.pos) !== 0x3d) this.fail(`Attribute "${name}" has no value.`);
      this.pos++;
      while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
      const value = this.readAttributeValue(name);
      if (declarations?.includes(name) || rawAttributes?.some((existing) => existing.name === name)) {
        this.fail(`Attribute "${name}" appears twice in <${rawName}>.`);
      }
      if (name === 'xmlns' || name.startsWith('xmlns:')) {
        if (declarations === undefined) {
          declarations = [];
          scope = new NamespaceScope(scope);
        }
        const prefix = name === 'xmlns' ? '' : name.slice(6);
        if (prefix !== '' && value === '')
          this.fail(`The namespace prefix "${prefix}" cannot be undeclared.`);
        declarations.push(name);
        scope.bind(prefix, value);
      } else if (rawAttributes === undefined) rawAttributes = [{ name, value }];
      else rawAttributes.push({ name, value });
    }
    const resolved = scope.resolve(rawName, true);
    if (resolved === undefined) this.fail(`The namespace prefix of <${rawName}> is not declared.`, start);
    const attributes: XmlAttribute[] = [];
    for (const raw of rawAttributes ?? []) {
      const attributeName = scope.resolve(raw.name, false)?.name;
      if (attributeName === undefined)
        this.fail(`The namespace prefix of attribute "${raw.name}" is not declared.`, start);
      if (attributes.some((existing) => existing.name === attributeName)) {
        this.fail(
          `Attribute "${raw.name}" appears twice in <${rawName}> once namespaces are resolved.`,
          start,
        );
      }
      attributes.push({ name: attributeName, value: raw.value });
    }
    const element: MutableElement = {
      name: resolved.name,
      localName: resolved.localName,
      namespace: resolved.namespace,
      attributes,
      children: [],
      parent,
      text: '',
      mixed: undefined,
      offset: start,
      rawName,
      scope,
    };
    this.elements.push(element);
    const named = this.byName.get(element.name);
    if (named === undefined) this.byName.set(element.name, [element]);
    else named.push(element);
    return element;
  }

  private parseEndTag(open: MutableElement): void {
    const s = this.s;
    const start = this.pos;
    const name = open.rawName;
    const nameStart = start + 2;
    let matches = true;
    for (let index = 0; index < name.length && matches; index++) {
      matches = s.charCodeAt(nameStart + index) === name.charCodeAt(index);
    }
    const after = s.charCodeAt(nameStart + name.length);
    if (!matches || !(after === GT || isWhitespace(after))) {
      this.pos = nameStart;
      this.fail(
        `The end tag </${this.readName()}> does not match the start tag <${name}> (line ${lineAt(s, open.offset)}).`,
        start,
      );
    }
    this.pos = nameStart + name.length;
    while (isWhitespace(s.charCodeAt(this.pos))) this.pos++;
    if (s.charCodeAt(this.pos) !== GT) this.fail(`The end tag </${name}> is not closed.`, start);
    this.pos++;
  }

  private parseCdata(open: MutableElement): void {
    const start = this.pos + 9;
    const end = this.s.indexOf(']]>', start);
    if (end === -1) this.fail('A CDATA section is not closed.');
    this.appendText(open, this.s.slice(start, end));
    this.pos = end + 3;
  }

  private parseText(open: MutableElement): void {
    const s = this.s;
    const start = this.pos;
    const end = s.indexOf('<', start);
    if (end === -1)
      this.fail(`The element <${open.rawName}> (line ${lineAt(s, open.offset)}) is not closed.`);
    this.pos = end;
    if (open.children.length > 0 && open.mixed === undefined) {
      let blank = true;
      for (let index = start; index < end && blank; index++) blank = isWhitespace(s.charCodeAt(index));
      if (blank) return;
    }
    const raw = s.slice(start, end);
    const closing = raw.indexOf(']]>');
    if (closing !== -1) this.fail('"]]>" is not allowed in text.', start + closing);
    this.appendText(open, raw.includes('&') ? this.decodeReferences(raw, start) : raw);
  }

  private appendText(open: MutableElement, text: string): void {
    if (text === '') return;
    const before = open.text;
    open.text = before + text;
    if (open.mixed !== undefined) open.mixed.push(text);
    else if (open.children.length > 0 && !isBlank(text)) open.mixed = [before, ...open.children, text];
  }

  private readName(): string {
    const s = this.s;
    const start = this.pos;
    let end = start;
    let asciiValid = true;
    let segmentStart = true;
    let colons = 0;
    for (;;) {
      const code = s.charCodeAt(end);
      if (code < 128) {
        const kind = nameClass[code];
        if (kind === END_OF_NAME) break;
        if (kind === COLON) {
          if (segmentStart) asciiValid = false;
          colons++;
          segmentStart = true;
        } else {
          if (kind === NOT_NAME || (segmentStart && kind !== NAME_START)) asciiValid = false;
          segmentStart = false;
        }
      } else if (Number.isNaN(code)) break;
      else asciiValid = false;
      end++;
    }
    const name = s.slice(start, end);
    if (!(asciiValid && !segmentStart && colons <= 1) && !isQualifiedName(name)) {
      this.fail(name === '' ? 'A name was expected.' : `"${name}" is not a valid XML name.`);
    }
    this.pos = end;
    return name;
  }

  private readAttributeValue(name: string): string {
    const s = this.s;
    const quote = s.charCodeAt(this.pos);
    if (quote !== 0x22 && quote !== 0x27) this.fail(`The value of attribute "${name}" is not quoted.`);
    const start = this.pos + 1;
    const end = s.indexOf(quote === 0x22 ? '"' : "'", start);
    if (end === -1) this.fail(`The value of attribute "${name}" is not closed.`);
    let value = s.slice(start, end);
    if (value.includes('<')) this.fail(`"<" is not allowed in the value of attribute "${name}".`);
    this.pos = end + 1;
    // Attribute-value normalisation: literal whitespace becomes spaces, character references do not.
    if (value.includes('\t') || value.includes('\n')) value = value.replace(/[\t\n]/g, ' ');
    return value.includes('&') ? this.decodeReferences(value, start) : value;
  }

  private decodeReferences(text: string, offset: number): string {
    return text.replace(/&([^;&]*);?/g, (whole, body: string, at: number) => {
      if (!whole.endsWith(';')) this.fail('"&" must start an entity or character reference.', offset + at);
      const predefined = predefinedEntities[body];
      if (predefined !== undefined) return predefined;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(body);
      if (numeric === null) this.fail(`The entity "&${body};" is not defined.`, offset + at);
      const code =
        numeric[1] !== undefined ? Number.parseInt(numeric[1], 16) : Number.parseInt(numeric[2] ?? '', 10);
      if (!isXmlCharacter(code))
        this.fail(`"&${body};" refers to a character XML does not allow.`, offset + at);
      return String.fromCodePoint(code);
    });
  }
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (!isWhitespace(text.charCodeAt(index))) return false;
  return true;
}

function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
