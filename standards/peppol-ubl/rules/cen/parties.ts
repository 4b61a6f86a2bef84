/** EN 16931 rules on the parties: seller BG-4, buyer BG-7, payee BG-10, tax representative BG-11, delivery BG-13. */
import { cenCodes } from '../../data/code-lists';
import { attribute, hasAttribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, exists, path, text, valueAt } from '../../xpath/nav';
import { substring } from '../../xpath/values';
import type { RuleSet } from '../engine';
import { hasVatScheme } from '../helpers';

const at =
  (...ancestors: string[]) =>
  (node: XmlElement) => {
    let current = node.parent;
    for (const name of ancestors) {
      if (current?.name !== name) return false;
      current = current.parent;
    }
    return true;
  };
const countryCodeGiven = (address: XmlElement) =>
  valueAt(address, 'cac:Country', 'cbc:IdentificationCode') !== '';

/** `a = b` between two node sequences: some pair has equal text. */
function anyEqual(left: readonly XmlElement[], right: readonly XmlElement[]): boolean {
  const values = new Set(right.map(stringValue));
  return left.some((node) => values.has(stringValue(node)));
}

function payeeDiffersFromSeller(payee: XmlElement): boolean {
  const sellerParties = (payee.parent?.children ?? [])
    .filter((sibling) => sibling.name === 'cac:AccountingSupplierParty')
    .flatMap((supplier) => children(supplier, 'cac:Party'));
  const sellerNames = sellerParties.flatMap((party) => path(party, 'cac:PartyName', 'cbc:Name'));
  const sellerIds = sellerParties.flatMap((party) => path(party, 'cac:PartyIdentification', 'cbc:ID'));
  return (
    exists(payee, 'cac:PartyName', 'cbc:Name') &&
    !anyEqual(path(payee, 'cac:PartyName', 'cbc:Name'), sellerNames) &&
    !anyEqual(path(payee, 'cac:PartyIdentification', 'cbc:ID'), sellerIds)
  );
}

function sellerIdentified(supplier: XmlElement): boolean {
  const parties = children(supplier, 'cac:Party');
  return parties.some(
    (party) =>
      children(party, 'cac:PartyTaxScheme').some(
        (scheme) => hasVatScheme(scheme) && exists(scheme, 'cbc:CompanyID'),
      ) ||
      path(party, 'cac:PartyIdentification', 'cbc:ID').some((id) => attribute(id, 'schemeID') !== 'SEPA') ||
      exists(party, 'cac:PartyLegalEntity', 'cbc:CompanyID'),
  );
}

export const partyRules: RuleSet = {
  rules: [
    {
      on: ['cbc:EndpointID'],
      where: at('cac:Party', 'cac:AccountingCustomerParty'),
      assert: { 'BR-63': (endpoint) => hasAttribute(endpoint, 'schemeID') },
    },
    {
      on: ['cbc:EndpointID'],
      where: at('cac:Party', 'cac:AccountingSupplierParty'),
      assert: { 'BR-62': (endpoint) => hasAttribute(endpoint, 'schemeID') },
    },
    {
      on: ['cac:PostalAddress'],
      where: at('cac:Party', 'cac:AccountingCustomerParty'),
      assert: { 'BR-11': countryCodeGiven },
    },
    {
      on: ['cac:PostalAddress'],
      where: at('cac:Party', 'cac:AccountingSupplierParty'),
      assert: { 'BR-09': countryCodeGiven },
    },
    {
      on: ['cac:PostalAddress'],
      where: at('cac:TaxRepresentativeParty'),
      assert: { 'BR-20': countryCodeGiven },
    },
    {
      on: ['cac:Address'],
      where: at('cac:DeliveryLocation', 'cac:Delivery'),
      assert: { 'BR-57': (address) => exists(address, 'cac:Country', 'cbc:IdentificationCode') },
    },
    { on: ['cac:PayeeParty'], assert: { 'BR-17': payeeDiffersFromSeller } },
    {
      on: ['cac:TaxRepresentativeParty'],
      assert: {
        'BR-18': (party) => valueAt(party, 'cac:PartyName', 'cbc:Name') !== '',
        'BR-19': (party) => exists(party, 'cac:PostalAddress'),
        'BR-56': (party) =>
          children(party, 'cac:PartyTaxScheme').some(
            (scheme) => hasVatScheme(scheme) && exists(scheme, 'cbc:CompanyID'),
          ),
      },
    },
    { on: ['cac:AccountingSupplierParty'], assert: { 'BR-CO-26': sellerIdentified } },
    {
      on: ['cac:PartyTaxScheme'],
      where: hasVatScheme,
      assert: {
        // The prefix is looked up as a substring of the joined list, as the official test does.
        'BR-CO-09': (scheme) =>
          cenCodes.vatIdentifierPrefixesJoined.includes(
            substring(text(children(scheme, 'cbc:CompanyID')[0]), 1, 2),
          ),
      },
    },
  ],
};
