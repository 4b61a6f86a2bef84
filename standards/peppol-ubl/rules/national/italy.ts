/** Italian national rules (IT-R-001…004) for sellers in Italy. */

import { stringValue, type XmlElement } from '../../xml/tree';
import { exists, normalized } from '../../xpath/nav';
import { normalizeSpace } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { supplierCountry } from '../peppol/variables';

const italianSeller = (party: XmlElement | undefined, context: RuleContext) =>
  party?.name === 'cac:Party' &&
  party.parent?.name === 'cac:AccountingSupplierParty' &&
  supplierCountry(context) === 'IT';

/** `cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) != 'VAT']` (any scheme ID other than VAT). */
const nonVatScheme = (scheme: XmlElement) =>
  scheme.children.some(
    (taxScheme) =>
      taxScheme.name === 'cac:TaxScheme' &&
      taxScheme.children.some((id) => id.name === 'cbc:ID' && normalizeSpace(stringValue(id)) !== 'VAT'),
  );

export const italyRules: RuleSet = {
  rules: [
    {
      on: ['cac:PartyTaxScheme'],
      where: (scheme, context) => italianSeller(scheme.parent, context) && nonVatScheme(scheme),
      assert: {
        'IT-R-001': (scheme) =>
          /^[A-Z0-9]{11,16}$/.test(
            normalized(scheme.children.find((child) => child.name === 'cbc:CompanyID')),
          ),
      },
    },
    {
      on: ['cac:Party'],
      where: italianSeller,
      assert: {
        'IT-R-002': (party) => exists(party, 'cac:PostalAddress', 'cbc:StreetName'),
        'IT-R-003': (party) => exists(party, 'cac:PostalAddress', 'cbc:CityName'),
        'IT-R-004': (party) => exists(party, 'cac:PostalAddress', 'cbc:PostalZone'),
      },
    },
  ],
};
