/**
 * Pure extraction of the reference data this package ships (code lists, rule messages, the
 * "shall not be used" paths) from the official artefacts' files. Used by the generator script
 * that writes the JSON files under data/, and by the test that checks they still agree.
 */
import { parseXml } from '../xml/parse';
import { attribute, stringValue, type XmlDocument, type XmlElement } from '../xml/tree';

const SCHEMATRON = '{http://purl.oclc.org/dsdl/schematron}';
const VEFA_CODE_LIST = '{urn:fdc:difi.no:2017:vefa:structure:CodeList-1}';

export type Code = { readonly id: string; readonly name: string };
export type PeppolCodeList = { readonly identifier: string; readonly title: string; readonly codes: Code[] };
export type RuleMessage = { readonly flag: 'fatal' | 'warning'; readonly message: string };
export type AbsentPath = { readonly id: string; readonly path: string };

function parseOrThrow(text: string, what: string): XmlDocument {
  const parsed = parseXml(text);
  if (!parsed.ok) throw new Error(`${what} is not well-formed XML: ${parsed.failure.message}`);
  return parsed.document;
}

function normalizeSpace(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}

function childText(element: XmlElement, name: string): string {
  const child = element.children.find((candidate) => candidate.name === name);
  return child === undefined ? '' : normalizeSpace(stringValue(child));
}

/** A PEPPOL (VEFA) code list file: identifier, title and every code with its name. */
export function extractPeppolCodeList(xml: string): PeppolCodeList {
  const document = parseOrThrow(xml, 'code list');
  const root = document.root;
  return {
    identifier: childText(root, `${VEFA_CODE_LIST}Identifier`),
    title: childText(root, `${VEFA_CODE_LIST}Title`),
    codes: (document.byName.get(`${VEFA_CODE_LIST}Code`) ?? []).map((code) => ({
      id: childText(code, `${VEFA_CODE_LIST}Id`),
      name: childText(code, `${VEFA_CODE_LIST}Name`),
    })),
  };
}

function assertions(schematron: string): XmlElement[] {
  return [...(parseOrThrow(schematron, 'schematron').byName.get(`${SCHEMATRON}assert`) ?? [])];
}

/** Every assertion's flag and message text, by assertion id. */
export function extractRuleMessages(schematron: string): Record<string, RuleMessage> {
  const messages: Record<string, RuleMessage> = {};
  for (const assertion of assertions(schematron)) {
    const id = attribute(assertion, 'id');
    const flag = attribute(assertion, 'flag');
    if (id === undefined || (flag !== 'fatal' && flag !== 'warning')) continue;
    messages[id] = { flag, message: normalizeSpace(stringValue(assertion)) };
  }
  return messages;
}

function assertionTest(schematron: string, id: string): string {
  const found = assertions(schematron).find((assertion) => attribute(assertion, 'id') === id);
  const test = found === undefined ? undefined : attribute(found, 'test');
  if (test === undefined) throw new Error(`assertion ${id} not found in the schematron`);
  return test;
}

/** The code lists the CEN schematron embeds in its assertions, keyed by list name. */
export const CEN_EMBEDDED_LISTS = {
  'invoice-type-codes': { rule: 'BR-CL-01', occurrence: 0 },
  'credit-note-type-codes': { rule: 'BR-CL-01', occurrence: 1 },
  'currency-codes': { rule: 'BR-CL-03', occurrence: 0 },
  'invoice-period-description-codes': { rule: 'BR-CL-06', occurrence: 0 },
  'reference-qualifier-codes': { rule: 'BR-CL-07', occurrence: 0 },
  'text-subject-codes': { rule: 'BR-CL-08', occurrence: 0 },
  'identifier-scheme-codes': { rule: 'BR-CL-10', occurrence: 0 },
  'item-classification-codes': { rule: 'BR-CL-13', occurrence: 0 },
  'country-codes': { rule: 'BR-CL-14', occurrence: 0 },
  'payment-means-codes': { rule: 'BR-CL-16', occurrence: 0 },
  'vat-category-codes': { rule: 'BR-CL-17', occurrence: 0 },
  'allowance-reason-codes': { rule: 'BR-CL-19', occurrence: 0 },
  'charge-reason-codes': { rule: 'BR-CL-20', occurrence: 0 },
  'vat-exemption-reason-codes': { rule: 'BR-CL-22', occurrence: 0 },
  'unit-codes': { rule: 'BR-CL-23', occurrence: 0 },
  'electronic-address-scheme-codes': { rule: 'BR-CL-25', occurrence: 0 },
  'vat-identifier-prefixes': { rule: 'BR-CO-09', occurrence: 0 },
} as const;

export type CenListName = keyof typeof CEN_EMBEDDED_LISTS | 'mime-codes';

/** One embedded list: the n-th `contains(' A B C ', …)` literal of the named assertion. */
export function extractCenList(schematron: string, name: CenListName): string[] {
  if (name === 'mime-codes') {
    return [...assertionTest(schematron, 'BR-CL-24').matchAll(/@mimeCode = '([^']+)'/g)].map(
      (match) => match[1] ?? '',
    );
  }
  const { rule, occurrence } = CEN_EMBEDDED_LISTS[name];
  const literals = [...assertionTest(schematron, rule).matchAll(/contains\(\s*'( [^']* )'/g)];
  const literal = literals[occurrence]?.[1];
  if (literal === undefined) throw new Error(`no embedded list #${occurrence} in ${rule}`);
  return literal.trim().split(/\s+/);
}

/**
 * The UBL-CR "shall not be used" rules that test a plain path from the document element,
 * `not(cac:A/cbc:B)` or `not((cac:InvoiceLine|cac:CreditNoteLine)/…)`. The handful with other
 * shapes are written out in rules/cen/restrictions.ts.
 */
export function extractAbsentPaths(schematron: string): AbsentPath[] {
  const step = '[a-z]+:[A-Za-z][A-Za-z0-9]*';
  const plainPath = new RegExp(
    `^not\\(((?:\\(cac:InvoiceLine\\|cac:CreditNoteLine\\)/)?${step}(?:/${step})*(?:/@[A-Za-z]+)?)\\)$`,
  );
  const paths: AbsentPath[] = [];
  for (const assertion of assertions(schematron)) {
    const id = attribute(assertion, 'id') ?? '';
    const match = plainPath.exec(attribute(assertion, 'test') ?? '');
    if (id.startsWith('UBL-CR-') && attribute(assertion, 'flag') === 'warning' && match?.[1] !== undefined) {
      paths.push({ id, path: match[1] });
    }
  }
  return paths;
}
