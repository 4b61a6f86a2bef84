/**
 * EN 16931 code list rules BR-CL-*: each coded value must come from the list the CEN
 * schematron embeds (release 1.3.16). A value counts only when, space-normalised, it is a
 * single token on the list.
 */
import { cenCodes } from '../../data/code-lists';
import { attribute, hasAttribute, stringValue, type XmlElement } from '../../xml/tree';
import { hasAncestor, normalized } from '../../xpath/nav';
import { normalizeSpace, stringLength, substringAfter, substringBefore } from '../../xpath/values';
import type { RuleSet } from '../engine';
import { chargeIndicatorIs } from '../helpers';

function onList(list: ReadonlySet<string>, raw: string | undefined): boolean {
  const value = normalizeSpace(raw ?? '');
  return value !== '' && !value.includes(' ') && list.has(value);
}

const valueOnList = (list: ReadonlySet<string>) => (node: XmlElement) => onList(list, stringValue(node));
const attributeOnList = (list: ReadonlySet<string>, name: string) => (node: XmlElement) =>
  onList(list, attribute(node, name));
const withAttribute = (name: string) => (node: XmlElement) => hasAttribute(node, name);

export const AMOUNT_ELEMENTS = [
  'cbc:Amount',
  'cbc:BaseAmount',
  'cbc:PriceAmount',
  'cbc:TaxAmount',
  'cbc:TaxableAmount',
  'cbc:LineExtensionAmount',
  'cbc:TaxExclusiveAmount',
  'cbc:TaxInclusiveAmount',
  'cbc:AllowanceTotalAmount',
  'cbc:ChargeTotalAmount',
  'cbc:PrepaidAmount',
  'cbc:PayableRoundingAmount',
  'cbc:PayableAmount',
];

/** BR-CL-08: a note may start with a subject code between hashes, `#AAI#…`, from UNCL 4451. */
function noteSubjectCodeKnown(note: XmlElement): boolean {
  const text = stringValue(note);
  const code = substringBefore(substringAfter(text, '#'), '#');
  if (!text.includes('#') || stringLength(code) !== 3) return true;
  return cenCodes.textSubjectsJoined.includes(code);
}

function referencedDocumentWithSchemeIsInvoicedObject(node: XmlElement): boolean {
  const reference = node.parent;
  if (reference === undefined || !hasAttribute(node, 'schemeID')) return false;
  if (reference.name !== 'cac:AdditionalDocumentReference' && reference.name !== 'cac:DocumentReference')
    return false;
  return reference.children.some(
    (child) => child.name === 'cbc:DocumentTypeCode' && stringValue(child) === '130',
  );
}

export const codeListRules: RuleSet = {
  rules: [
    {
      on: ['cbc:InvoiceTypeCode', 'cbc:CreditNoteTypeCode'],
      assert: {
        'BR-CL-01': (node) =>
          onList(
            node.name === 'cbc:InvoiceTypeCode' ? cenCodes.invoiceTypes : cenCodes.creditNoteTypes,
            stringValue(node),
          ),
      },
    },
    { on: AMOUNT_ELEMENTS, assert: { 'BR-CL-03': attributeOnList(cenCodes.currencies, 'currencyID') } },
    { on: ['cbc:DocumentCurrencyCode'], assert: { 'BR-CL-04': valueOnList(cenCodes.currencies) } },
    { on: ['cbc:TaxCurrencyCode'], assert: { 'BR-CL-05': valueOnList(cenCodes.currencies) } },
    {
      on: ['cbc:DescriptionCode'],
      parents: ['cac:InvoicePeriod'],
      assert: { 'BR-CL-06': valueOnList(cenCodes.invoicePeriodDescriptions) },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:AdditionalDocumentReference', 'cac:DocumentReference'],
      where: referencedDocumentWithSchemeIsInvoicedObject,
      assert: { 'BR-CL-07': attributeOnList(cenCodes.referenceQualifiers, 'schemeID') },
    },
    {
      on: ['cbc:Note'],
      where: (node) => node.parent !== undefined && node.parent.parent === undefined,
      assert: { 'BR-CL-08': noteSubjectCodeKnown },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:PartyIdentification'],
      where: withAttribute('schemeID'),
      assert: {
        'BR-CL-10': (node) =>
          onList(cenCodes.identifierSchemes, attribute(node, 'schemeID')) ||
          (normalizeSpace(attribute(node, 'schemeID') ?? '') === 'SEPA' &&
            (hasAncestor(node, 'cac:AccountingSupplierParty') || hasAncestor(node, 'cac:PayeeParty'))),
      },
    },
    {
      on: ['cbc:CompanyID'],
      where: (node) => node.parent?.name === 'cac:PartyLegalEntity' && hasAttribute(node, 'schemeID'),
      assert: { 'BR-CL-11': attributeOnList(cenCodes.identifierSchemes, 'schemeID') },
    },
    {
      on: ['cbc:ItemClassificationCode'],
      where: (node) => node.parent?.name === 'cac:CommodityClassification' && hasAttribute(node, 'listID'),
      assert: { 'BR-CL-13': attributeOnList(cenCodes.itemClassifications, 'listID') },
    },
    {
      on: ['cbc:IdentificationCode'],
      parents: ['cac:Country'],
      assert: { 'BR-CL-14': valueOnList(cenCodes.countries) },
    },
    {
      on: ['cbc:IdentificationCode'],
      parents: ['cac:OriginCountry'],
      assert: { 'BR-CL-15': valueOnList(cenCodes.countries) },
    },
    {
      on: ['cbc:PaymentMeansCode'],
      parents: ['cac:PaymentMeans'],
      assert: { 'BR-CL-16': valueOnList(cenCodes.paymentMeans) },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:TaxCategory'],
      assert: { 'BR-CL-17': valueOnList(cenCodes.vatCategories) },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:ClassifiedTaxCategory'],
      assert: { 'BR-CL-18': valueOnList(cenCodes.vatCategories) },
    },
    {
      on: ['cbc:AllowanceChargeReasonCode'],
      where: (node) => node.parent?.name === 'cac:AllowanceCharge' && chargeIndicatorIs(node.parent, false),
      assert: { 'BR-CL-19': valueOnList(cenCodes.allowanceReasons) },
    },
    {
      on: ['cbc:AllowanceChargeReasonCode'],
      where: (node) => node.parent?.name === 'cac:AllowanceCharge' && chargeIndicatorIs(node.parent, true),
      assert: { 'BR-CL-20': valueOnList(cenCodes.chargeReasons) },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:StandardItemIdentification'],
      where: withAttribute('schemeID'),
      assert: { 'BR-CL-21': attributeOnList(cenCodes.identifierSchemes, 'schemeID') },
    },
    {
      on: ['cbc:TaxExemptionReasonCode'],
      assert: {
        'BR-CL-22': (node) =>
          !normalized(node).includes(' ') &&
          onList(cenCodes.vatExemptionReasons, stringValue(node).toUpperCase()),
      },
    },
    {
      on: ['cbc:InvoicedQuantity', 'cbc:BaseQuantity', 'cbc:CreditedQuantity'],
      where: withAttribute('unitCode'),
      assert: { 'BR-CL-23': attributeOnList(cenCodes.units, 'unitCode') },
    },
    {
      on: ['cbc:EmbeddedDocumentBinaryObject'],
      where: withAttribute('mimeCode'),
      assert: { 'BR-CL-24': (node) => cenCodes.mimeCodes.has(attribute(node, 'mimeCode') ?? '') },
    },
    {
      on: ['cbc:EndpointID'],
      where: withAttribute('schemeID'),
      assert: { 'BR-CL-25': attributeOnList(cenCodes.electronicAddressSchemes, 'schemeID') },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:DeliveryLocation'],
      where: withAttribute('schemeID'),
      assert: { 'BR-CL-26': attributeOnList(cenCodes.identifierSchemes, 'schemeID') },
    },
  ],
};
