/**
 * UBL-CR-*: UBL elements and attributes EN 16931 does not use. The 656 rules that forbid a plain
 * path from the document element are a data table (data/ubl-cr-absent-paths.json, generated from
 * the schematron) walked in one pass; the rest, which look anywhere or add a condition, are below.
 */
import absentPaths from '../../data/ubl-cr-absent-paths.json';
import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children } from '../../xpath/nav';
import type { Check, DocumentCheck, RuleContext, RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';

type PathTrie = {
  readonly next: Map<string, PathTrie>;
  readonly rules: string[];
  readonly attributeRules: Map<string, string[]>;
};

const emptyTrie = (): PathTrie => ({ next: new Map(), rules: [], attributeRules: new Map() });

function buildTrie(entries: readonly { id: string; path: string }[]): PathTrie {
  const root = emptyTrie();
  for (const { id, path } of entries) {
    const lineVariants = path.startsWith('(cac:InvoiceLine|cac:CreditNoteLine)/')
      ? ['cac:InvoiceLine', 'cac:CreditNoteLine'].map(
          (line) => `${line}/${path.slice(path.indexOf(')/') + 2)}`,
        )
      : [path];
    for (const variant of lineVariants) {
      let node = root;
      const steps = variant.split('/');
      for (const [index, step] of steps.entries()) {
        if (step.startsWith('@')) {
          const rules = node.attributeRules.get(step.slice(1)) ?? [];
          rules.push(id);
          node.attributeRules.set(step.slice(1), rules);
          break;
        }
        let child = node.next.get(step);
        if (child === undefined) {
          child = emptyTrie();
          node.next.set(step, child);
        }
        node = child;
        if (index === steps.length - 1) node.rules.push(id);
      }
    }
  }
  return root;
}

const trie = buildTrie(absentPaths.rules);

/** Walks only the parts of the document the table mentions; each rule is reported once, at its first offending node. */
const absentPathsCheck: DocumentCheck = (context, report) => {
  const reported = new Set<string>();
  const fire = (rule: string, node: XmlElement) => {
    if (reported.has(rule)) return;
    reported.add(rule);
    report(rule, node);
  };
  const visit = (element: XmlElement, node: PathTrie) => {
    for (const child of element.children) {
      const next = node.next.get(child.name);
      if (next === undefined) continue;
      for (const rule of next.rules) fire(rule, child);
      if (next.attributeRules.size > 0 && child.attributes.length > 0) {
        for (const [name, rules] of next.attributeRules) {
          if (attribute(child, name) !== undefined) for (const rule of rules) fire(rule, child);
        }
      }
      if (next.next.size > 0 && child.children.length > 0) visit(child, next);
    }
  };
  visit(context.root, trie);
};

/** `//A/B/C` (optionally `/@attribute`) exists anywhere in the document. */
function presentAnywhere(context: RuleContext, steps: readonly string[], attributeName?: string): boolean {
  const last = steps[steps.length - 1] ?? '';
  return context.all(last).some((element) => {
    let node: XmlElement | undefined = element;
    for (let index = steps.length - 2; index >= 0; index--) {
      node = node?.parent;
      if (node?.name !== steps[index]) return false;
    }
    return attributeName === undefined || attribute(element, attributeName) !== undefined;
  });
}

const absent =
  (steps: readonly string[], attributeName?: string): Check =>
  (_doc, context) =>
    !presentAnywhere(context, steps, attributeName);

const typeCodes = (reference: XmlElement) => children(reference, 'cbc:DocumentTypeCode').map(stringValue);

/** `//cac:AdditionalDocumentReference[filter]/child` exists. */
const invoicedObjectReferenceHas =
  (childName: string, attributeName?: string): Check =>
  (_doc, context) =>
    !context
      .all('cac:AdditionalDocumentReference')
      .some(
        (reference) =>
          typeCodes(reference).includes('130') &&
          children(reference, childName).some(
            (child) => attributeName === undefined || attribute(child, attributeName) !== undefined,
          ),
      );

export const restrictionRules: RuleSet = {
  documentChecks: [absentPathsCheck],
  documentCheckRules: absentPaths.rules.map((entry) => entry.id),
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'UBL-CR-002': (doc) => {
          const versions = children(doc, 'cbc:UBLVersionID');
          return versions.length === 0 || versions.some((version) => stringValue(version) === '2.1');
        },
        'UBL-CR-412': (doc, context) =>
          context.isCreditNote ||
          !children(doc, 'cac:PaymentMeans').some(
            (means) => children(means, 'cbc:PaymentDueDate').length > 0,
          ),
        'UBL-CR-652': absent(['cac:PartyTaxScheme', 'cbc:CompanyID'], 'schemeID'),
        'UBL-CR-660': absent(['cac:Country', 'cbc:IdentificationCode'], 'listID'),
        'UBL-CR-662': (_doc, context) =>
          !context
            .all('cbc:AllowanceChargeReasonCode')
            .some((code) => attribute(code, 'listID') !== undefined),
        'UBL-CR-663': (_doc, context) => context.attributeCount('unitCodeListID') === 0,
        'UBL-CR-664': (_doc, context) => context.all('cac:FinancialInstitution').length === 0,
        'UBL-CR-665': (_doc, context) =>
          !context.all('cac:AdditionalDocumentReference').some((reference) => {
            const codes = typeCodes(reference);
            const notInvoicedObject = codes.length === 0 || codes.some((code) => code !== '130');
            return (
              notInvoicedObject &&
              children(reference, 'cbc:ID').some((id) => attribute(id, 'schemeID') !== undefined)
            );
          }),
        'UBL-CR-666': invoicedObjectReferenceHas('cac:Attachment'),
        'UBL-CR-667': absent(['cac:BuyersItemIdentification', 'cbc:ID'], 'schemeID'),
        'UBL-CR-668': absent(['cac:SellersItemIdentification', 'cbc:ID'], 'schemeID'),
        'UBL-CR-669': absent(['cac:Price', 'cac:AllowanceCharge', 'cbc:AllowanceChargeReasonCode']),
        'UBL-CR-670': absent(['cac:Price', 'cac:AllowanceCharge', 'cbc:AllowanceChargeReason']),
        'UBL-CR-671': absent(['cac:Price', 'cac:AllowanceCharge', 'cbc:MultiplierFactorNumeric']),
        'UBL-CR-673': invoicedObjectReferenceHas('cbc:DocumentDescription'),
        'UBL-CR-674': absent(['cbc:PrimaryAccountNumberID'], 'schemeID'),
        'UBL-CR-675': absent(['cac:CardAccount', 'cbc:NetworkID'], 'schemeID'),
        'UBL-CR-676': absent(['cac:PaymentMandate', 'cbc:ID'], 'schemeID'),
        'UBL-CR-677': absent(['cac:PaymentMandate', 'cac:PayerFinancialAccount', 'cbc:ID'], 'schemeID'),
        'UBL-CR-678': absent(['cac:TaxCategory', 'cbc:ID'], 'schemeID'),
        'UBL-CR-679': absent(['cac:ClassifiedTaxCategory', 'cbc:ID'], 'schemeID'),
        'UBL-CR-680': absent(['cac:PaymentMeans', 'cac:PayerFinancialAccount']),
      },
    },
  ],
};
