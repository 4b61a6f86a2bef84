/** Dutch national rules (NL-R-001…009) for sellers in the Netherlands. */

import { attribute, type XmlElement } from '../../xml/tree';
import { sign } from '../../xpath/decimal';
import { decimalOf, exists, first, normalized, path } from '../../xpath/nav';
import type { RuleContext, RuleSet } from '../engine';
import { buyerPostalCountry, sellerPostalCountry } from '../peppol/variables';

const sellerInNetherlands = (context: RuleContext) => sellerPostalCountry(context) === 'NL';
const bothInNetherlands = (context: RuleContext) =>
  sellerInNetherlands(context) && buyerPostalCountry(context) === 'NL';
const taxRepresentativeInNetherlands = (context: RuleContext) =>
  normalized(
    path(
      context.root,
      'cac:TaxRepresentativeParty',
      'cac:PostalAddress',
      'cac:Country',
      'cbc:IdentificationCode',
    )[0],
  ).toUpperCase() === 'NL';

const addressComplete = (address: XmlElement) =>
  exists(address, 'cbc:StreetName') && exists(address, 'cbc:CityName') && exists(address, 'cbc:PostalZone');
/** KvK (0106) or OIN (0190) registration with a value. */
const dutchRegistration = (id: XmlElement) => {
  const schemes = ` ${attribute(id, 'schemeID') ?? ''} `;
  return (schemes.includes(' 0106 ') || schemes.includes(' 0190 ')) && normalized(id) !== '';
};
const at =
  (...names: string[]) =>
  (node: XmlElement) => {
    let current = node.parent;
    for (const name of names) {
      if (current?.name !== name) return false;
      current = current.parent;
    }
    return true;
  };

export const netherlandsRules: RuleSet = {
  rules: [
    {
      on: ['cbc:CreditNoteTypeCode'],
      where: (_code, context) => sellerInNetherlands(context),
      assert: {
        'NL-R-001': (_code, context) =>
          first(context.root, 'cac:BillingReference', 'cac:InvoiceDocumentReference', 'cbc:ID') !== undefined,
      },
    },
    {
      on: ['cac:PostalAddress'],
      where: (address, context) =>
        at('cac:Party', 'cac:AccountingSupplierParty')(address) && sellerInNetherlands(context),
      assert: { 'NL-R-002': addressComplete },
    },
    {
      on: ['cbc:CompanyID'],
      where: (id, context) =>
        at('cac:PartyLegalEntity', 'cac:Party', 'cac:AccountingSupplierParty')(id) &&
        sellerInNetherlands(context),
      assert: { 'NL-R-003': dutchRegistration },
    },
    {
      on: ['cac:PostalAddress'],
      where: (address, context) =>
        at('cac:Party', 'cac:AccountingCustomerParty')(address) && bothInNetherlands(context),
      assert: { 'NL-R-004': addressComplete },
    },
    {
      on: ['cbc:CompanyID'],
      where: (id, context) =>
        at('cac:PartyLegalEntity', 'cac:Party', 'cac:AccountingCustomerParty')(id) &&
        bothInNetherlands(context),
      assert: { 'NL-R-005': dutchRegistration },
    },
    {
      on: ['cac:PostalAddress'],
      where: (address, context) =>
        at('cac:TaxRepresentativeParty')(address) &&
        sellerInNetherlands(context) &&
        taxRepresentativeInNetherlands(context),
      assert: { 'NL-R-006': addressComplete },
    },
    {
      on: ['cac:LegalMonetaryTotal'],
      where: (_total, context) => sellerInNetherlands(context),
      assert: {
        // An amount due needs payment instructions (BG-16).
        'NL-R-007': (total, context) => {
          const payable = decimalOf(first(total, 'cbc:PayableAmount'));
          const nothingDue =
            payable !== undefined &&
            (context.isInvoice ? sign(payable) <= 0 : context.isCreditNote && sign(payable) >= 0);
          return nothingDue || context.all('cac:PaymentMeans').length > 0;
        },
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (_means, context) => bothInNetherlands(context),
      assert: {
        'NL-R-008': (means) =>
          ['30', '48', '49', '57', '58', '59'].includes(normalized(first(means, 'cbc:PaymentMeansCode'))),
      },
    },
    {
      on: ['cbc:LineID'],
      where: (id, context) => id.parent?.name === 'cac:OrderLineReference' && sellerInNetherlands(context),
      assert: { 'NL-R-009': (_id, context) => exists(context.root, 'cac:OrderReference', 'cbc:ID') },
    },
  ],
};
