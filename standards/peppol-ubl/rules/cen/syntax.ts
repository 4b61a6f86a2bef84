/**
 * UBL syntax binding rules of EN 16931: UBL-SR-* (a business term repeated more often than the
 * model allows) and UBL-DT-* (data type restrictions: two-decimal amounts, attachment
 * attributes, and warnings for attributes the model does not use).
 */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, count, exists, path } from '../../xpath/nav';
import { fractionDigits } from '../../xpath/values';
import type { Check, RuleContext, RuleSet } from '../engine';
import { chargeIndicatorIs, isDocumentElement } from '../helpers';

const atMost =
  (limit: number, ...names: string[]): Check =>
  (node) =>
    count(node, ...names) <= limit;

const noAttribute =
  (name: string): Check =>
  (_doc, context) =>
    context.attributeCount(name) === 0;

/** `count(//X[not(preceding::X/. = .)])`: how many different values the element carries. */
const distinctValues = (context: RuleContext, name: string) =>
  new Set(context.all(name).map(stringValue)).size;

/** `(cac:PartyName/cbc:Name) != (../cac:AccountingSupplierParty/…/cbc:RegistrationName)` as a general comparison. */
function payeeNameDiffersFromSellerName(payee: XmlElement): boolean {
  const payeeNames = path(payee, 'cac:PartyName', 'cbc:Name').map(stringValue);
  const sellerNames = (payee.parent?.children ?? [])
    .filter((sibling) => sibling.name === 'cac:AccountingSupplierParty')
    .flatMap((supplier) => path(supplier, 'cac:Party', 'cac:PartyLegalEntity', 'cbc:RegistrationName'))
    .map(stringValue);
  return payeeNames.some((name) => sellerNames.some((seller) => seller !== name));
}

const upperSchemeIs = (scheme: XmlElement, vat: boolean) =>
  children(scheme, 'cac:TaxScheme').some((taxScheme) =>
    children(taxScheme, 'cbc:ID').some((id) => (stringValue(id).toUpperCase() === 'VAT') === vat),
  );

/** Seller tax identifiers under a VAT (`vat`) or other tax scheme, by UBL-SR-12/13's upper-cased test. */
const sellerTaxIds = (doc: XmlElement, vat: boolean) =>
  path(doc, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyTaxScheme')
    .filter((scheme) => upperSchemeIs(scheme, vat))
    .flatMap((scheme) => children(scheme, 'cbc:CompanyID')).length;

const typeCodeIs = (reference: XmlElement, code: string) =>
  children(reference, 'cbc:DocumentTypeCode').some((type) => stringValue(type) === code);

/** UBL-DT-01 applies to every element named …Amount except prices and anything inside a price allowance. */
function outsidePriceAllowance(node: XmlElement): boolean {
  for (let ancestor = node.parent; ancestor !== undefined; ancestor = ancestor.parent) {
    if (ancestor.name === 'cac:Price' && exists(ancestor, 'cac:AllowanceCharge')) return false;
  }
  return true;
}

export const syntaxRules: RuleSet = {
  rules: [
    {
      on: ['cac:PostalAddress', 'cac:Address'],
      assert: { 'UBL-SR-51': atMost(1, 'cac:AddressLine') },
    },
    {
      on: ['cac:Party'],
      where: (party) => party.parent?.name === 'cac:AccountingSupplierParty',
      assert: { 'UBL-SR-42': atMost(2, 'cac:PartyTaxScheme') },
    },
    {
      on: ['cac:AdditionalDocumentReference'],
      assert: {
        'UBL-SR-33': atMost(1, 'cbc:DocumentDescription'),
        'UBL-SR-43': (reference, context) =>
          typeCodeIs(reference, '130') ||
          (context.root.localName === 'CreditNote' && typeCodeIs(reference, '50')) ||
          (!path(reference, 'cbc:ID').some((id) => attribute(id, 'schemeID') !== undefined) &&
            !exists(reference, 'cbc:DocumentTypeCode')),
      },
    },
    {
      on: (_name, localName) => localName.endsWith('Amount') && !localName.endsWith('PriceAmount'),
      where: outsidePriceAllowance,
      assert: { 'UBL-DT-01': (amount) => fractionDigits(stringValue(amount)) <= 2 },
    },
    {
      on: (_name, localName) => localName.endsWith('BinaryObject'),
      assert: {
        'UBL-DT-06': (object) => attribute(object, 'mimeCode') !== undefined,
        'UBL-DT-07': (object) => attribute(object, 'filename') !== undefined,
      },
    },
    {
      on: ['cac:Delivery'],
      assert: { 'UBL-SR-25': atMost(1, 'cac:DeliveryParty', 'cac:PartyName', 'cbc:Name') },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: (entry) => chargeIndicatorIs(entry, false),
      assert: { 'UBL-SR-30': atMost(1, 'cbc:AllowanceChargeReason') },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: (entry) => chargeIndicatorIs(entry, true),
      assert: { 'UBL-SR-31': atMost(1, 'cbc:AllowanceChargeReason') },
    },
    {
      on: ['cac:PartyTaxScheme'],
      assert: {
        'UBL-SR-53': (scheme) => exists(scheme, 'cac:TaxScheme', 'cbc:ID') && exists(scheme, 'cbc:CompanyID'),
      },
    },
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'UBL-DT-08': noAttribute('schemeName'),
        'UBL-DT-09': noAttribute('schemeAgencyName'),
        'UBL-DT-10': noAttribute('schemeDataURI'),
        'UBL-DT-11': noAttribute('schemeURI'),
        'UBL-DT-12': noAttribute('format'),
        'UBL-DT-13': noAttribute('unitCodeListIdentifier'),
        'UBL-DT-14': noAttribute('unitCodeListAgencyIdentifier'),
        'UBL-DT-15': noAttribute('unitCodeListAgencyName'),
        'UBL-DT-16': noAttribute('listAgencyName'),
        'UBL-DT-17': noAttribute('listName'),
        // A payment means code may carry a name (BT-82); no other element may.
        'UBL-DT-18': (_doc, context) =>
          context.attributeCount('name') -
            context.all('cbc:PaymentMeansCode').filter((code) => attribute(code, 'name') !== undefined)
              .length <=
          0,
        'UBL-DT-19': noAttribute('languageID'),
        'UBL-DT-20': noAttribute('listURI'),
        'UBL-DT-21': noAttribute('listSchemeURI'),
        'UBL-DT-22': noAttribute('languageLocaleID'),
        'UBL-DT-23': noAttribute('uri'),
        'UBL-DT-24': noAttribute('currencyCodeListVersionID'),
        'UBL-DT-25': noAttribute('characterSetCode'),
        'UBL-DT-26': noAttribute('encodingCode'),
        'UBL-DT-27': noAttribute('schemeAgencyID'),
        'UBL-DT-28': noAttribute('listAgencyID'),
        'UBL-SR-01': atMost(1, 'cac:ContractDocumentReference', 'cbc:ID'),
        'UBL-SR-02': atMost(1, 'cac:ReceiptDocumentReference', 'cbc:ID'),
        'UBL-SR-03': atMost(1, 'cac:DespatchDocumentReference', 'cbc:ID'),
        'UBL-SR-04': (doc) =>
          children(doc, 'cac:AdditionalDocumentReference')
            .filter((reference) => typeCodeIs(reference, '130'))
            .flatMap((reference) => children(reference, 'cbc:ID')).length <= 1,
        'UBL-SR-05': atMost(1, 'cac:PaymentTerms', 'cbc:Note'),
        'UBL-SR-08': atMost(1, 'cac:InvoicePeriod'),
        'UBL-SR-09': atMost(
          1,
          'cac:AccountingSupplierParty',
          'cac:Party',
          'cac:PartyLegalEntity',
          'cbc:RegistrationName',
        ),
        'UBL-SR-10': atMost(1, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyName', 'cbc:Name'),
        'UBL-SR-11': atMost(
          1,
          'cac:AccountingSupplierParty',
          'cac:Party',
          'cac:PartyLegalEntity',
          'cbc:CompanyID',
        ),
        'UBL-SR-12': (doc) => sellerTaxIds(doc, true) <= 1,
        'UBL-SR-13': (doc) => sellerTaxIds(doc, false) <= 1,
        'UBL-SR-14': atMost(
          1,
          'cac:AccountingSupplierParty',
          'cac:Party',
          'cac:PartyLegalEntity',
          'cbc:CompanyLegalForm',
        ),
        'UBL-SR-15': atMost(
          1,
          'cac:AccountingCustomerParty',
          'cac:Party',
          'cac:PartyLegalEntity',
          'cbc:RegistrationName',
        ),
        'UBL-SR-16': atMost(
          1,
          'cac:AccountingCustomerParty',
          'cac:Party',
          'cac:PartyIdentification',
          'cbc:ID',
        ),
        'UBL-SR-17': atMost(
          1,
          'cac:AccountingCustomerParty',
          'cac:Party',
          'cac:PartyLegalEntity',
          'cbc:CompanyID',
        ),
        'UBL-SR-18': (doc) =>
          path(doc, 'cac:AccountingCustomerParty', 'cac:Party', 'cac:PartyTaxScheme')
            .filter((scheme) => upperSchemeIs(scheme, true))
            .flatMap((scheme) => children(scheme, 'cbc:CompanyID')).length <= 1,
        'UBL-SR-24': atMost(1, 'cac:Delivery'),
        'UBL-SR-29': (_doc, context) =>
          context
            .all('cbc:ID')
            .filter(
              (id) =>
                id.parent?.name === 'cac:PartyIdentification' &&
                (attribute(id, 'schemeID') ?? '').toUpperCase() === 'SEPA',
            ).length <= 1,
        'UBL-SR-39': atMost(1, 'cac:ProjectReference', 'cbc:ID'),
        'UBL-SR-40': atMost(1, 'cac:AccountingCustomerParty', 'cac:Party', 'cac:PartyName', 'cbc:Name'),
        'UBL-SR-44': (_doc, context) => distinctValues(context, 'cbc:PaymentID') <= 1,
        'UBL-SR-45': atMost(1, 'cac:PaymentMeans', 'cbc:PaymentDueDate'),
        'UBL-SR-46': (doc) =>
          path(doc, 'cac:PaymentMeans', 'cbc:PaymentMeansCode').filter(
            (code) => attribute(code, 'name') !== undefined,
          ).length <= 1,
        'UBL-SR-47': (_doc, context) => distinctValues(context, 'cbc:PaymentMeansCode') <= 1,
        'UBL-SR-49': atMost(1, 'cac:InvoicePeriod', 'cbc:DescriptionCode'),
        'UBL-SR-54': atMost(1, 'cac:PaymentMeans', 'cac:CardAccount'),
        'UBL-SR-55': atMost(1, 'cac:PaymentMeans', 'cac:PaymentMandate'),
        'UBL-SR-56': atMost(1, 'cac:OriginatorDocumentReference', 'cbc:ID'),
      },
    },
    {
      on: ['cac:InvoiceLine', 'cac:CreditNoteLine'],
      assert: {
        'UBL-SR-34': atMost(1, 'cbc:Note'),
        'UBL-SR-35': atMost(1, 'cac:OrderLineReference', 'cbc:LineID'),
        'UBL-SR-36': atMost(1, 'cac:InvoicePeriod'),
        'UBL-SR-37': atMost(1, 'cac:Price', 'cac:AllowanceCharge', 'cbc:Amount'),
        'UBL-SR-48': (line) => count(line, 'cac:Item', 'cac:ClassifiedTaxCategory') === 1,
        'UBL-SR-50': atMost(1, 'cac:Item', 'cbc:Description'),
        'UBL-SR-52': atMost(1, 'cac:DocumentReference'),
      },
    },
    {
      on: ['cac:PayeeParty'],
      assert: {
        'UBL-SR-19': (payee) =>
          count(payee, 'cac:PartyName', 'cbc:Name') <= 1 && payeeNameDiffersFromSellerName(payee),
        'UBL-SR-20': (payee) =>
          path(payee, 'cac:PartyIdentification', 'cbc:ID').filter(
            (id) => (attribute(id, 'schemeID') ?? '').toUpperCase() !== 'SEPA',
          ).length <= 1 && payeeNameDiffersFromSellerName(payee),
        'UBL-SR-21': (payee) =>
          count(payee, 'cac:PartyLegalEntity', 'cbc:CompanyID') <= 1 && payeeNameDiffersFromSellerName(payee),
      },
    },
    {
      on: ['cac:PaymentMeans'],
      assert: {
        'UBL-SR-26': atMost(1, 'cbc:PaymentID'),
        'UBL-SR-27': atMost(1, 'cbc:PaymentMeansCode'),
        'UBL-SR-28': atMost(1, 'cac:PaymentMandate', 'cbc:ID'),
      },
    },
    {
      on: ['cac:BillingReference'],
      assert: {
        'UBL-SR-06': atMost(1, 'cac:InvoiceDocumentReference'),
        'UBL-SR-07': (reference) => exists(reference, 'cac:InvoiceDocumentReference', 'cbc:ID'),
      },
    },
    {
      on: ['cac:TaxRepresentativeParty'],
      assert: {
        'UBL-SR-22': atMost(1, 'cac:PartyName', 'cbc:Name'),
        'UBL-SR-23': atMost(1, 'cac:PartyTaxScheme', 'cbc:CompanyID'),
      },
    },
    {
      on: ['cac:TaxSubtotal'],
      assert: { 'UBL-SR-32': atMost(1, 'cac:TaxCategory', 'cbc:TaxExemptionReason') },
    },
  ],
};
