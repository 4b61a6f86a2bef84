import { describe, expect, it } from 'vitest';
import { parseXml } from './parse';
import { attribute, stringValue } from './tree';

const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

function parsed(xml: string) {
  const result = parseXml(xml);
  if (!result.ok) throw new Error(`expected well-formed XML: ${result.failure.message}`);
  return result.document;
}

describe('parseXml: well-formed documents', () => {
  it('resolves prefixes to canonical UBL names whatever prefix the sender chose', () => {
    const document = parsed(
      `<x:Invoice xmlns:x="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:b="${CBC}"><b:ID>1</b:ID></x:Invoice>`,
    );
    expect(document.root.name).toBe('inv:Invoice');
    expect(document.root.children[0]?.name).toBe('cbc:ID');
  });

  it('keeps unknown namespaces distinct from UBL ones', () => {
    const document = parsed('<a xmlns="urn:other"><b/></a>');
    expect(document.root.name).toBe('{urn:other}a');
    expect(document.root.children[0]?.name).toBe('{urn:other}b');
  });

  it('decodes entity and character references in text and attributes', () => {
    const document = parsed('<a t="x &amp; y &#x41;">&lt;1&gt; &quot;&apos; &#169;</a>');
    expect(stringValue(document.root)).toBe('<1> "\' ©');
    expect(attribute(document.root, 't')).toBe('x & y A');
  });

  it('keeps CDATA as text and normalises line ends', () => {
    expect(stringValue(parsed('<a><![CDATA[<not markup> & ]]>x\r\ny</a>').root)).toBe('<not markup> & x\ny');
  });

  it('gives the XPath string value of mixed content in document order', () => {
    expect(stringValue(parsed('<a>x<b>y</b>z</a>').root)).toBe('xyz');
  });

  it('indexes elements by name in document order', () => {
    const document = parsed(`<r xmlns:c="${CBC}"><c:ID>1</c:ID><s><c:ID>2</c:ID></s></r>`);
    expect(document.byName.get('cbc:ID')?.map(stringValue)).toEqual(['1', '2']);
  });

  it('accepts a declaration, comments and processing instructions around the document element', () => {
    expect(parseXml('<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><?pi x?><a/><!-- after -->').ok).toBe(
      true,
    );
  });
});

describe('parseXml: refuses what is not well-formed, naming the rule', () => {
  it.each([
    ['', 'MAINSTAY-XML-EMPTY'],
    ['   \n', 'MAINSTAY-XML-EMPTY'],
    ['<a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a></b>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a><b></a></b>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a/><b/>', 'MAINSTAY-XML-WELLFORMED'],
    ['text', 'MAINSTAY-XML-WELLFORMED'],
    ['<a x="1" x="2"/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a x=1/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a x="<"/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a>&nbsp;</a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a>AT&T</a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a>&#0;</a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<p:a/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a xmlns:p=""/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<1a/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<:a/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a::b/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a:b:c/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a><!-- a -- b --></a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<a>]]></a>', 'MAINSTAY-XML-WELLFORMED'],
    ['<?xml version="1.0"?><?xml version="1.0"?><a/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<?xml encoding="UTF-8"?><a/>', 'MAINSTAY-XML-WELLFORMED'],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'MAINSTAY-XML-DOCTYPE'],
    ['<a>\u0001</a>', 'MAINSTAY-XML-ENCODING'],
  ])('%j → %s', (xml, rule) => {
    const result = parseXml(xml);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.rule).toBe(rule);
  });

  it('reports the line of the problem', () => {
    const result = parseXml('<a>\n<b>\n</c>\n</a>');
    expect(result.ok ? undefined : result.failure.line).toBe(3);
  });

  it.each([
    ['size', { maxLength: 100, maxDepth: 256, maxElements: 1000 }, `<a>${'x'.repeat(200)}</a>`],
    ['depth', { maxLength: 1e6, maxDepth: 50, maxElements: 1000 }, `${'<a>'.repeat(60)}${'</a>'.repeat(60)}`],
    ['element count', { maxLength: 1e6, maxDepth: 256, maxElements: 10 }, `<a>${'<b/>'.repeat(20)}</a>`],
  ])('stops at the %s limit with MAINSTAY-XML-LIMIT', (_limit, limits, xml) => {
    const result = parseXml(xml, limits);
    expect(result.ok ? undefined : result.failure.rule).toBe('MAINSTAY-XML-LIMIT');
  });

  it('handles deep nesting within the limit without recursion', () => {
    expect(parseXml(`${'<a>'.repeat(250)}${'</a>'.repeat(250)}`).ok).toBe(true);
  });
});
