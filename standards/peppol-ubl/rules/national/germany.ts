/** German national rules (DE-R-001…031), applied when both seller and buyer are in Germany. */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { decimal } from '../../xpath/decimal';
import { child, children, exists, first, normalized, path, text } from '../../xpath/nav';
import { castDouble, compareNumbers, normalizeSpace } from '../../xpath/values';
import type { Check, RuleContext, RuleSet } from '../engine';
import { bothInGermany } from '../peppol/variables';

const SUPPORTED_VAT_CODES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'L', 'M'];
const SUPPORTED_TYPE_CODES = ['326', '380', '384', '389', '381', '875', '876', '877'];
const SKONTO = /^#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\.[0-9]{2})(#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$/;
/**
 * The official tests use regular expressions that backtrack badly on long input (a telephone
 * "number" of many thousand characters would take hours). These functions accept exactly the
 * same strings in linear time.
 */

/** `matches(., '.*([0-9].*){3,}.*')` on space-normalised text: at least three digits. */
function hasThreeDigits(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length && digits < 3; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x30 && code <= 0x39) digits++;
  }
  return digits >= 3;
}

const EMAIL_LOCAL_ATOM = /^[a-zA-Z0-9!#$%&"*+/=?^_`{|}~-]+$/;
const EMAIL_DOMAIN_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

/** The XRechnung e-mail pattern: dot-separated atoms, one @, at least two dot-separated host labels. */
function emailWellFormed(text: string): boolean {
  const parts = text.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  const labels = domain.split('.');
  return (
    local.split('.').every((atom) => EMAIL_LOCAL_ATOM.test(atom)) &&
    labels.length >= 2 &&
    labels.every((label) => EMAIL_DOMAIN_LABEL.test(label))
  );
}

/**
 * The last piece of `tokenize(note, '#.+#')`: within a line the pattern spans from a '#' to the
 * last '#' of that line, so what follows the final such span is what remains.
 */
function afterLastHashSegment(note: string): string {
  let rest = note;
  let offset = 0;
  for (;;) {
    const start = note.indexOf('#', offset);
    if (start === -1) return rest;
    const lineEnd = note.indexOf('\n', start);
    const end = note.lastIndexOf('#', lineEnd === -1 ? note.length : lineEnd - 1);
    if (end <= start + 1) {
      offset = start + 1;
      continue;
    }
    rest = note.slice(end + 1);
    offset = end + 1;
  }
}

const isDocument = (node: XmlElement | undefined) =>
  node !== undefined &&
  node.parent === undefined &&
  (node.name === 'inv:Invoice' || node.name === 'cn:CreditNote');
/** `x[boolean(normalize-space(.))]` exists: the element is present with some text. */
const hasText = (node: XmlElement, name: string) =>
  children(node, name).some((value) => normalized(value) !== '');
const german = (context: RuleContext) => bothInGermany(context);

/** `(/Invoice/a/b/…)[$supplierCountryIsDE and $customerCountryIsDE]`: the element at that path from the document element. */
const atPath =
  (...names: string[]) =>
  (node: XmlElement, context: RuleContext) => {
    let current: XmlElement | undefined = node;
    for (const name of [...names].reverse()) {
      if (current?.name !== name) return false;
      current = current.parent;
    }
    return isDocument(current) && german(context);
  };

/** `cbc:PaymentMeansCode = (30, 58)`: the code read as a number is one of these. */
const meansCodeIsOneOf = (codes: readonly number[]) => (means: XmlElement) =>
  children(means, 'cbc:PaymentMeansCode').some((code) => {
    const value = castDouble(stringValue(code));
    return value !== undefined && codes.some((candidate) => compareNumbers(value, decimal(candidate)) === 0);
  });

/** DE-R-016: VAT codes on allowances, charges or lines need the seller's VAT/tax number or a tax representative. */
function sellerTaxNumberGiven(doc: XmlElement): boolean {
  const allowanceCodes = children(doc, 'cac:AllowanceCharge')
    .filter((entry) =>
      children(entry, 'cbc:ChargeIndicator').some((indicator) => stringValue(indicator) === 'false'),
    )
    .flatMap((entry) => path(entry, 'cac:TaxCategory', 'cbc:ID'));
  const chargeCodes = children(doc, 'cac:AllowanceCharge')
    .filter((entry) =>
      children(entry, 'cbc:ChargeIndicator').some((indicator) => stringValue(indicator) === 'true'),
    )
    .flatMap((entry) => path(entry, 'cac:TaxCategory', 'cbc:ID'));
  const lineCodes = [...children(doc, 'cac:InvoiceLine'), ...children(doc, 'cac:CreditNoteLine')].flatMap(
    (line) => path(line, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:ID'),
  );
  const supported = [...allowanceCodes, ...chargeCodes, ...lineCodes].some((code) =>
    SUPPORTED_VAT_CODES.includes(stringValue(code)),
  );
  if (!supported) return true;
  return (
    exists(doc, 'cac:TaxRepresentativeParty') ||
    path(doc, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyTaxScheme', 'cbc:CompanyID').some(
      (id) => normalized(id) !== '',
    )
  );
}

/** DE-R-018: cash discount lines in the first payment terms note follow the #SKONTO# syntax and end with a line break. */
function cashDiscountTermsWellFormed(doc: XmlElement): boolean {
  const notes = children(doc, 'cac:PaymentTerms')
    .map((terms) => children(terms, 'cbc:Note')[0])
    .filter((note): note is XmlElement => note !== undefined);
  const discountLines = notes.flatMap((note) =>
    stringValue(note)
      .split(/\r?\n/)
      .filter((line) => normalizeSpace(line).startsWith('#')),
  );
  if (discountLines.length === 0) return true;
  const tails = notes.map((note) => afterLastHashSegment(stringValue(note)));
  const endsWithLineBreak = tails.length === 1 && /^\s*\n/.test(tails[0] ?? '');
  return discountLines.every((line) => SKONTO.test(normalizeSpace(line))) && endsWithLineBreak;
}

/** DE-R-022: attachments in additional supporting documents have distinct file names. */
function attachmentNamesUnique(doc: XmlElement): boolean {
  const seen = new Set<string>();
  for (const reference of children(doc, 'cac:AdditionalDocumentReference')) {
    const names = path(reference, 'cac:Attachment', 'cbc:EmbeddedDocumentBinaryObject')
      .map((object) => attribute(object, 'filename'))
      .filter((name): name is string => name !== undefined);
    if (names.some((name) => seen.has(name))) return false;
    for (const name of names) seen.add(name);
  }
  return true;
}

/** DE-R-019/020: an IBAN with a valid ISO 13616 check (mod 97 = 1), as the official test computes it. */
function ibanValid(raw: string | undefined): boolean {
  const iban = normalizeSpace((raw ?? '').replace(/[ \n\r\t\s]/g, ''));
  if (!/^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{0,30}$/.test(iban)) return false;
  const rearranged = `${iban.slice(4)}${iban.slice(0, 2).toUpperCase()}${iban.slice(2, 4)}`;
  let digits = '';
  for (const char of rearranged) {
    const code = char.codePointAt(0) ?? 0;
    digits += String(code > 64 ? code - 55 : code - 48);
  }
  return digits !== '' && /^-?[0-9]+$/.test(digits) && BigInt(digits) % 97n === 1n;
}

const noneOf =
  (...names: string[]): Check =>
  (means) =>
    names.every((name) => !exists(means, name));

export const germanyRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: (doc, context) => isDocument(doc) && german(context),
      assert: {
        'DE-R-001': (doc) => exists(doc, 'cac:PaymentMeans'),
        'DE-R-015': (doc) => hasText(doc, 'cbc:BuyerReference'),
        'DE-R-016': sellerTaxNumberGiven,
        'DE-R-017': (doc) =>
          [...children(doc, 'cbc:InvoiceTypeCode'), ...children(doc, 'cbc:CreditNoteTypeCode')].some((code) =>
            SUPPORTED_TYPE_CODES.includes(stringValue(code)),
          ),
        'DE-R-018': cashDiscountTermsWellFormed,
        'DE-R-022': attachmentNamesUnique,
        // A corrected invoice (384) refers to the invoice it corrects (BG-3).
        'DE-R-026': (doc) => {
          const corrective = [
            ...children(doc, 'cbc:InvoiceTypeCode'),
            ...children(doc, 'cbc:CreditNoteTypeCode'),
          ].some((code) => {
            const value = castDouble(stringValue(code));
            return value !== undefined && compareNumbers(value, decimal(384)) === 0;
          });
          return !corrective || exists(doc, 'cac:BillingReference', 'cac:InvoiceDocumentReference');
        },
        'DE-R-030': (doc) =>
          !exists(doc, 'cac:PaymentMeans', 'cac:PaymentMandate') ||
          [
            ...path(doc, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyIdentification', 'cbc:ID'),
            ...path(doc, 'cac:PayeeParty', 'cac:PartyIdentification', 'cbc:ID'),
          ].some((id) => attribute(id, 'schemeID') === 'SEPA'),
        'DE-R-031': (doc) =>
          !exists(doc, 'cac:PaymentMeans', 'cac:PaymentMandate') ||
          exists(doc, 'cac:PaymentMeans', 'cac:PaymentMandate', 'cac:PayerFinancialAccount', 'cbc:ID'),
      },
    },
    {
      on: ['cac:AccountingSupplierParty'],
      where: atPath('cac:AccountingSupplierParty'),
      assert: { 'DE-R-002': (role) => exists(role, 'cac:Party', 'cac:Contact') },
    },
    {
      on: ['cac:PostalAddress'],
      where: atPath('cac:AccountingSupplierParty', 'cac:Party', 'cac:PostalAddress'),
      assert: {
        'DE-R-003': (address) => hasText(address, 'cbc:CityName'),
        'DE-R-004': (address) => hasText(address, 'cbc:PostalZone'),
      },
    },
    {
      on: ['cac:Contact'],
      where: atPath('cac:AccountingSupplierParty', 'cac:Party', 'cac:Contact'),
      assert: {
        'DE-R-005': (contact) => hasText(contact, 'cbc:Name'),
        'DE-R-006': (contact) => hasText(contact, 'cbc:Telephone'),
        'DE-R-007': (contact) => hasText(contact, 'cbc:ElectronicMail'),
        'DE-R-027': (contact) => hasThreeDigits(normalized(child(contact, 'cbc:Telephone'))),
        'DE-R-028': (contact) => emailWellFormed(normalized(child(contact, 'cbc:ElectronicMail'))),
      },
    },
    {
      on: ['cac:PostalAddress'],
      where: atPath('cac:AccountingCustomerParty', 'cac:Party', 'cac:PostalAddress'),
      assert: {
        'DE-R-008': (address) => hasText(address, 'cbc:CityName'),
        'DE-R-009': (address) => hasText(address, 'cbc:PostalZone'),
      },
    },
    {
      on: ['cac:Address'],
      where: atPath('cac:Delivery', 'cac:DeliveryLocation', 'cac:Address'),
      assert: {
        'DE-R-010': (address) => hasText(address, 'cbc:CityName'),
        'DE-R-011': (address) => hasText(address, 'cbc:PostalZone'),
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) =>
        atPath('cac:PaymentMeans')(means, context) && meansCodeIsOneOf([30, 58])(means),
      assert: {
        'DE-R-019': (means) =>
          !children(means, 'cbc:PaymentMeansCode').some((code) => stringValue(code) === '58') ||
          ibanValid(text(first(means, 'cac:PayeeFinancialAccount', 'cbc:ID'))),
        'DE-R-023-1': (means) => exists(means, 'cac:PayeeFinancialAccount'),
        'DE-R-023-2': noneOf('cac:CardAccount', 'cac:PaymentMandate'),
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) =>
        atPath('cac:PaymentMeans')(means, context) && meansCodeIsOneOf([48, 54, 55])(means),
      assert: {
        'DE-R-024-1': (means) => exists(means, 'cac:CardAccount'),
        'DE-R-024-2': noneOf('cac:PayeeFinancialAccount', 'cac:PaymentMandate'),
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) => atPath('cac:PaymentMeans')(means, context) && meansCodeIsOneOf([59])(means),
      assert: {
        'DE-R-020': (means) =>
          !children(means, 'cbc:PaymentMeansCode').some((code) => stringValue(code) === '59') ||
          ibanValid(text(first(means, 'cac:PaymentMandate', 'cac:PayerFinancialAccount', 'cbc:ID'))),
        'DE-R-025-1': (means) => exists(means, 'cac:PaymentMandate'),
        'DE-R-025-2': noneOf('cac:PayeeFinancialAccount', 'cac:CardAccount'),
      },
    },
    {
      on: ['cac:TaxSubtotal'],
      where: atPath('cac:TaxTotal', 'cac:TaxSubtotal'),
      assert: {
        'DE-R-014': (subtotal) =>
          path(subtotal, 'cac:TaxCategory', 'cbc:Percent').some((p) => normalized(p) !== ''),
      },
    },
  ],
};
