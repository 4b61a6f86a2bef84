/** PEPPOL BIS 3 rules on the document as a whole (PEPPOL-EN16931-R001…R080, R008). */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { decimal } from '../../xpath/decimal';
import { children, exists, normalized } from '../../xpath/nav';
import { normalizeSpace, textComparesTo } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { billingProfile, bothInGermany } from './variables';

const PEPPOL_BILLING_CUSTOMIZATION =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const ZERO = decimal(0);

function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
  }
  return true;
}

/** normalize-space() of the text nodes of an element (`cbc:X/text()`). */
const ownText = (node: XmlElement | undefined) => (node === undefined ? '' : normalizeSpace(node.text));

/** R055: VAT totals in the VAT accounting currency and the document currency have the same sign. */
function vatTotalsShareSign(doc: XmlElement): boolean {
  const taxCurrency = children(doc, 'cbc:TaxCurrencyCode');
  if (taxCurrency.length === 0) return true;
  const amountsIn = (code: string) =>
    children(doc, 'cac:TaxTotal')
      .flatMap((total) => children(total, 'cbc:TaxAmount'))
      .filter((amount) => attribute(amount, 'currencyID') === code);
  const inTaxCurrency = amountsIn(normalized(taxCurrency[0]));
  const inDocumentCurrency = amountsIn(normalized(children(doc, 'cbc:DocumentCurrencyCode')[0]));
  const some = (amounts: readonly XmlElement[], operator: '<=' | '>=') =>
    amounts.some((amount) => textComparesTo(stringValue(amount), operator, ZERO));
  return (
    (some(inTaxCurrency, '<=') && some(inDocumentCurrency, '<=')) ||
    (some(inTaxCurrency, '>=') && some(inDocumentCurrency, '>='))
  );
}

const partyAt = (role: string) => (party: XmlElement) => party.parent?.name === role;

export const peppolDocumentRules: RuleSet = {
  rules: [
    {
      // Every leaf element must carry text: `//*[not(*) and not(normalize-space())]`.
      on: () => true,
      where: (node) => node.children.length === 0 && isBlank(node.text),
      assert: { 'PEPPOL-EN16931-R008': () => false },
    },
    {
      on: ['cn:CreditNote'],
      assert: {
        'PEPPOL-EN16931-R080': (doc) =>
          children(doc, 'cac:AdditionalDocumentReference').filter((reference) =>
            children(reference, 'cbc:DocumentTypeCode').some((code) => stringValue(code) === '50'),
          ).length <= 1,
      },
    },
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      assert: {
        'PEPPOL-EN16931-R001': (doc) => exists(doc, 'cbc:ProfileID'),
        'PEPPOL-EN16931-R007': (_doc, context) => billingProfile(context) !== 'Unknown',
        'PEPPOL-EN16931-R002': (doc, context: RuleContext) =>
          children(doc, 'cbc:Note').length <= 1 || bothInGermany(context),
        'PEPPOL-EN16931-R003': (doc) =>
          exists(doc, 'cbc:BuyerReference') || exists(doc, 'cac:OrderReference', 'cbc:ID'),
        'PEPPOL-EN16931-R004': (doc) =>
          ownText(children(doc, 'cbc:CustomizationID')[0]).startsWith(PEPPOL_BILLING_CUSTOMIZATION),
        'PEPPOL-EN16931-R053': (doc) =>
          children(doc, 'cac:TaxTotal').filter((total) => exists(total, 'cac:TaxSubtotal')).length === 1,
        'PEPPOL-EN16931-R054': (doc) =>
          children(doc, 'cac:TaxTotal').filter((total) => !exists(total, 'cac:TaxSubtotal')).length ===
          (exists(doc, 'cbc:TaxCurrencyCode') ? 1 : 0),
        'PEPPOL-EN16931-R055': vatTotalsShareSign,
      },
    },
    {
      on: ['cbc:TaxCurrencyCode'],
      assert: {
        'PEPPOL-EN16931-R005': (code) =>
          ownText(code) !==
          ownText(
            code.parent === undefined ? undefined : children(code.parent, 'cbc:DocumentCurrencyCode')[0],
          ),
      },
    },
    {
      on: ['cac:Party'],
      where: partyAt('cac:AccountingCustomerParty'),
      assert: { 'PEPPOL-EN16931-R010': (party) => exists(party, 'cbc:EndpointID') },
    },
    {
      on: ['cac:Party'],
      where: partyAt('cac:AccountingSupplierParty'),
      assert: { 'PEPPOL-EN16931-R020': (party) => exists(party, 'cbc:EndpointID') },
    },
  ],
};
