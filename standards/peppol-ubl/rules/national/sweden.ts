/** Swedish national rules (SE-R-001…013) for sellers in Sweden. */

import { stringValue, type XmlElement } from '../../xml/tree';
import { decimal } from '../../xpath/decimal';
import { child, children, normalized, path, text } from '../../xpath/nav';
import {
  compareNumbers,
  isNaNNumber,
  normalizeSpace,
  stringLength,
  substring,
  xpathNumber,
} from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { swedishOrganisationNumberValid } from '../peppol/checksums';
import { companyIds, vatSchemesExact } from './shared';

/** `cac:PostalAddress/cac:Country/cbc:IdentificationCode = 'SE'` on a party (exact text). */
const postalCountryIsSweden = (party: XmlElement) =>
  path(party, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode').some(
    (code) => stringValue(code) === 'SE',
  );
const swedishVatId = (party: XmlElement) =>
  companyIds(vatSchemesExact(party)).some((id) => substring(stringValue(id), 1, 2) === 'SE');
/** A seller in Sweden with a Swedish VAT identifier. */
const swedishVatRegisteredSeller = (party: XmlElement) =>
  party.parent?.name === 'cac:AccountingSupplierParty' && postalCountryIsSweden(party) && swedishVatId(party);
const sellerParties = (context: RuleContext) =>
  context.all('cac:AccountingSupplierParty').flatMap((role) => children(role, 'cac:Party'));
const anySwedishSeller = (context: RuleContext) =>
  context.memo('se:seller', () => sellerParties(context).some(postalCountryIsSweden));
const anySwedishVatSeller = (context: RuleContext) =>
  context.memo('se:vat-seller', () => sellerParties(context).some(swedishVatRegisteredSeller));
const anySwedishBuyer = (context: RuleContext) =>
  context
    .all('cac:AccountingCustomerParty')
    .flatMap((role) => children(role, 'cac:Party'))
    .some(postalCountryIsSweden);

const isNumber = (value: string) => !isNaNNumber(xpathNumber(value));
const meansCode = (means: XmlElement) => normalized(child(means, 'cbc:PaymentMeansCode'));
const codeIs = (means: XmlElement, code: string) =>
  children(means, 'cbc:PaymentMeansCode').some((node) => stringValue(node) === code);

/** `//cac:PaymentMeans[…code 30 and branch = giro]/cac:PayeeFinancialAccount/cbc:ID` */
const giroAccountId = (giro: string) => (id: XmlElement, context: RuleContext) => {
  const account = id.parent;
  const means = account?.parent;
  return (
    account?.name === 'cac:PayeeFinancialAccount' &&
    means?.name === 'cac:PaymentMeans' &&
    anySwedishSeller(context) &&
    meansCode(means) === '30' &&
    normalized(path(means, 'cac:PayeeFinancialAccount', 'cac:FinancialInstitutionBranch', 'cbc:ID')[0]) ===
      giro
  );
};

const rateIsSwedish = (category: XmlElement) => {
  const percent = xpathNumber(text(child(category, 'cbc:Percent')));
  return [25, 12, 6].some((rate) => compareNumbers(percent, decimal(rate)) === 0);
};

export const swedenRules: RuleSet = {
  rules: [
    {
      on: ['cac:Party'],
      where: swedishVatRegisteredSeller,
      assert: {
        'SE-R-001': (party) => stringLength(normalized(companyIds(vatSchemesExact(party))[0])) === 14,
        'SE-R-002': (party) => isNumber(substring(text(companyIds(vatSchemesExact(party))[0]), 3, 12)),
      },
    },
    {
      on: ['cac:PartyLegalEntity'],
      where: (entity) =>
        entity.parent?.name === 'cac:Party' &&
        entity.parent.parent?.name === 'cac:AccountingSupplierParty' &&
        postalCountryIsSweden(entity.parent) &&
        children(entity, 'cbc:CompanyID').length > 0,
      assert: {
        'SE-R-003': (entity) => isNumber(text(child(entity, 'cbc:CompanyID'))),
        'SE-R-004': (entity) => stringLength(normalized(child(entity, 'cbc:CompanyID'))) === 10,
        'SE-R-013': (entity) => swedishOrganisationNumberValid(normalized(child(entity, 'cbc:CompanyID'))),
      },
    },
    {
      on: ['cbc:CompanyID'],
      where: (id) => {
        const scheme = id.parent;
        const party = scheme?.parent;
        return (
          scheme?.name === 'cac:PartyTaxScheme' &&
          party?.name === 'cac:Party' &&
          party.parent?.name === 'cac:AccountingSupplierParty' &&
          postalCountryIsSweden(party) &&
          path(party, 'cac:PartyLegalEntity', 'cbc:CompanyID').length > 0 &&
          normalizeSpace(text(path(scheme, 'cac:TaxScheme', 'cbc:ID')[0]).toUpperCase()) !== 'VAT'
        );
      },
      assert: { 'SE-R-005': (id) => normalizeSpace(stringValue(id).toUpperCase()) === 'GODKÄND FÖR F-SKATT' },
    },
    {
      on: ['cac:TaxCategory', 'cac:ClassifiedTaxCategory'],
      where: (category, context) =>
        anySwedishVatSeller(context) && children(category, 'cbc:ID').some((id) => stringValue(id) === 'S'),
      assert: { 'SE-R-006': rateIsSwedish },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:PayeeFinancialAccount'],
      where: giroAccountId('SE:PLUSGIRO'),
      assert: {
        'SE-R-007': (id) => isNumber(normalized(id)),
        'SE-R-010': (id) => stringLength(normalized(id)) >= 2 && stringLength(normalized(id)) <= 8,
      },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:PayeeFinancialAccount'],
      where: giroAccountId('SE:BANKGIRO'),
      assert: {
        'SE-R-008': (id) => isNumber(normalized(id)),
        'SE-R-009': (id) => stringLength(normalized(id)) === 7 || stringLength(normalized(id)) === 8,
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) => anySwedishSeller(context) && (codeIs(means, '50') || codeIs(means, '56')),
      assert: { 'SE-R-011': () => false },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) => anySwedishSeller(context) && anySwedishBuyer(context) && codeIs(means, '31'),
      assert: { 'SE-R-012': () => false },
    },
  ],
};
