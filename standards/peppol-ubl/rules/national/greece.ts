/** Greek national rules (GR-R-001…010, GR-S-008, GR-S-011): invoice number structure, TINs, myDATA mark. */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, normalized, path, text } from '../../xpath/nav';
import { isNaNNumber, normalizeSpace, stringLength, substring, xpathNumber } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { greekTinValid } from '../peppol/checksums';
import { customerCountry, supplierCountry } from '../peppol/variables';
import { companyIds, taxSchemesNamed, vatSchemesExact } from './shared';

const isGreek = (country: string) => country === 'GR' || country === 'EL';
const greekSender = (context: RuleContext) => isGreek(supplierCountry(context));
const greekSenderAndReceiver = (context: RuleContext) =>
  greekSender(context) && isGreek(customerCountry(context));

/** $accountingSupplierCountry: the seller's VAT prefix, else its postal country, else XX (no tax representative step). */
function accountingSupplierCountry(context: RuleContext): string {
  return context.memo('gr:accountingSupplierCountry', () => {
    const parties = children(context.root, 'cac:AccountingSupplierParty').flatMap((role) =>
      children(role, 'cac:Party'),
    );
    const prefix = substring(text(companyIds(parties.flatMap(vatSchemesExact))[0]), 1, 2);
    if (prefix !== '') return normalizeSpace(prefix).toUpperCase();
    const country = parties.flatMap((party) =>
      path(party, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode'),
    )[0];
    return country === undefined ? 'XX' : normalizeSpace(stringValue(country)).toUpperCase();
  });
}

const sellerPostalCountryIsGreece = (context: RuleContext) =>
  path(
    context.root,
    'cac:AccountingSupplierParty',
    'cac:Party',
    'cac:PostalAddress',
    'cac:Country',
    'cbc:IdentificationCode',
  ).some((code) => stringValue(code) === 'GR');

const DOCUMENT_TYPES = ['1.1', '1.6', '2.1', '2.4', '5.1', '5.2'];
const ID_DATE = /^(0?[1-9]|[12][0-9]|3[01])[-\\/ ]?(0?[1-9]|1[0-2])[-\\/ ]?(19|20)[0-9]{2}/;

/** The seller's (or tax representative's) VAT number without its country prefix. */
function vatNumbersWithoutPrefix(context: RuleContext): string[] {
  const parties = [
    ...path(context.root, 'cac:AccountingSupplierParty', 'cac:Party'),
    ...children(context.root, 'cac:TaxRepresentativeParty'),
  ];
  return companyIds(parties.flatMap(vatSchemesExact)).map((id) => substring(stringValue(id), 3, 9));
}

const segments = (id: XmlElement) => stringValue(id).split('|');
const segment = (id: XmlElement, index: number) => segments(id)[index];

/** A Greek TIN given as EL + nine digits under the VAT scheme, exactly once. */
function singleGreekVatId(party: XmlElement): boolean {
  const ids = companyIds(taxSchemesNamed(party, 'VAT'));
  const id = text(ids[0]);
  return ids.length === 1 && substring(id, 1, 2) === 'EL' && greekTinValid(substring(id, 3));
}

const descriptionIs = (reference: XmlElement, description: string) =>
  children(reference, 'cbc:DocumentDescription').some((node) => stringValue(node) === description);
const referencesDescribed = (doc: XmlElement, description: string) =>
  children(doc, 'cac:AdditionalDocumentReference').filter((reference) =>
    descriptionIs(reference, description),
  ).length;

const partyUnder = (role: string) => (party: XmlElement) => party.parent?.name === role;

export const greeceRules: RuleSet = {
  rules: [
    {
      on: ['cbc:ID'],
      parents: ['inv:Invoice', 'cn:CreditNote'],
      where: (id, context) =>
        id.parent !== undefined && id.parent.parent === undefined && greekSender(context),
      assert: {
        'GR-R-001-1': (id) => segments(id).length === 6,
        'GR-R-001-2': (id, context) => {
          const tin = segment(id, 0) ?? '';
          return (
            stringLength(normalizeSpace(tin)) === 9 &&
            greekTinValid(tin) &&
            vatNumbersWithoutPrefix(context).includes(tin)
          );
        },
        'GR-R-001-3': (id, context) => {
          const date = segment(id, 1) ?? '';
          if (stringLength(normalizeSpace(date)) === 0 || !ID_DATE.test(date)) return false;
          const [day, month, year] = date.split('/');
          const issue = text(children(context.root, 'cbc:IssueDate')[0]).split('-');
          return day === issue[2] && month === issue[1] && year === issue[0];
        },
        'GR-R-001-4': (id) => {
          const serial = segment(id, 2) ?? '';
          return (
            stringLength(normalizeSpace(serial)) > 0 &&
            !isNaNNumber(xpathNumber(serial)) &&
            /^\s*\+?[0-9]+\s*$|^\s*-0+\s*$/.test(serial)
          );
        },
        'GR-R-001-5': (id) => {
          const type = segment(id, 3) ?? '';
          return stringLength(normalizeSpace(type)) > 0 && DOCUMENT_TYPES.includes(type);
        },
        'GR-R-001-6': (id) => stringLength(segment(id, 4) ?? '') > 0,
        'GR-R-001-7': (id) => stringLength(segment(id, 5) ?? '') > 0,
      },
    },
    {
      on: ['cac:Party'],
      where: (party, context) => partyUnder('cac:AccountingSupplierParty')(party) && greekSender(context),
      assert: {
        'GR-R-002': (party) => stringLength(text(path(party, 'cac:PartyName', 'cbc:Name')[0])) > 0,
        'GR-S-011': singleGreekVatId,
      },
    },
    {
      on: ['cbc:CompanyID'],
      parents: ['cac:PartyTaxScheme'],
      where: (id, context) => {
        const party = id.parent?.parent;
        return (
          party?.name === 'cac:Party' &&
          party.parent?.name === 'cac:AccountingSupplierParty' &&
          id.parent !== undefined &&
          taxSchemesNamed(party, 'VAT').includes(id.parent) &&
          greekSender(context)
        );
      },
      assert: {
        'GR-R-003': (id) =>
          substring(stringValue(id), 1, 2) === 'EL' && greekTinValid(substring(stringValue(id), 3)),
      },
    },
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: (_doc, context) => greekSender(context) && sellerPostalCountryIsGreece(context),
      assert: {
        'GR-R-004-1': (doc) => referencesDescribed(doc, '##M.AR.K##') === 1,
        'GR-S-008-1': (doc) => referencesDescribed(doc, '##INVOICE|URL##') === 1,
        'GR-R-008-2': (doc) => referencesDescribed(doc, '##INVOICE|URL##') <= 1,
      },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:AdditionalDocumentReference'],
      where: (id, context) =>
        id.parent?.name === 'cac:AdditionalDocumentReference' &&
        greekSender(context) &&
        sellerPostalCountryIsGreece(context) &&
        descriptionIs(id.parent, '##M.AR.K##'),
      assert: { 'GR-R-004-2': (id) => /^[1-9]([0-9]*)/.test(stringValue(id)) },
    },
    {
      on: ['cac:AdditionalDocumentReference'],
      where: (reference, context) => greekSender(context) && descriptionIs(reference, '##INVOICE|URL##'),
      assert: {
        'GR-R-008-3': (reference) =>
          stringLength(normalized(path(reference, 'cac:Attachment', 'cac:ExternalReference', 'cbc:URI')[0])) >
          0,
      },
    },
    {
      on: ['cac:Party'],
      where: (party, context) => partyUnder('cac:AccountingCustomerParty')(party) && greekSender(context),
      assert: { 'GR-R-005': (party) => stringLength(text(path(party, 'cac:PartyName', 'cbc:Name')[0])) > 0 },
    },
    {
      on: ['cbc:EndpointID'],
      where: (endpoint, context) =>
        endpoint.parent?.name === 'cac:Party' &&
        endpoint.parent.parent?.name === 'cac:AccountingSupplierParty' &&
        isGreek(accountingSupplierCountry(context)),
      assert: {
        'GR-R-009': (endpoint) =>
          attribute(endpoint, 'schemeID') === '9933' && greekTinValid(stringValue(endpoint)),
      },
    },
    {
      on: ['cac:Party'],
      where: (party, context) =>
        partyUnder('cac:AccountingCustomerParty')(party) && greekSenderAndReceiver(context),
      assert: { 'GR-R-006': singleGreekVatId },
    },
    {
      on: ['cbc:EndpointID'],
      where: (endpoint, context) =>
        endpoint.parent?.name === 'cac:Party' &&
        endpoint.parent.parent?.name === 'cac:AccountingCustomerParty' &&
        greekSenderAndReceiver(context),
      assert: {
        'GR-R-010': (endpoint) =>
          attribute(endpoint, 'schemeID') === '9933' && greekTinValid(stringValue(endpoint)),
      },
    },
  ],
};
