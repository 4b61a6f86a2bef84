/**
 * PEPPOL-COMMON-R040…R050: identifiers in schemes with a known structure (GLN, Norwegian,
 * Danish, Belgian, Italian, Swedish, Australian numbers) must have it, wherever they appear as
 * an endpoint, party identifier or company identifier.
 */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { normalizeSpace, stringLength, substring, translate, xpathNumber } from '../../xpath/values';
import type { Check, Rule, RuleSet } from '../engine';
import {
  abnValid,
  belgianMod97Valid,
  glnCheckDigitValid,
  italianFiscalCodeValid,
  italianIpaCodeValid,
  italianVatNumberValid,
  mod11Valid,
  swedishOrganisationNumberValid,
} from './checksums';

/** `cbc:EndpointID[@schemeID = s] | cac:PartyIdentification/cbc:ID[@schemeID = s] | cbc:CompanyID[@schemeID = s]` */
const identifierInScheme =
  (scheme: string, endpointOnly = false) =>
  (node: XmlElement) => {
    if (attribute(node, 'schemeID') !== scheme) return false;
    if (node.name === 'cbc:EndpointID') return true;
    if (endpointOnly) return false;
    return (
      node.name === 'cbc:CompanyID' ||
      (node.name === 'cbc:ID' && node.parent?.name === 'cac:PartyIdentification')
    );
  };

const value = (node: XmlElement) => normalizeSpace(stringValue(node));

/** The rule for one scheme: on endpoints and company identifiers anywhere, and on party identifiers. */
function schemeRule(scheme: string, id: string, check: Check, endpointOnly = false): Rule[] {
  const where = identifierInScheme(scheme, endpointOnly);
  const identifiers: Rule[] = [
    {
      on: endpointOnly ? ['cbc:EndpointID'] : ['cbc:EndpointID', 'cbc:CompanyID'],
      where,
      assert: { [id]: check },
    },
  ];
  if (!endpointOnly)
    identifiers.push({
      on: ['cbc:ID'],
      parents: ['cac:PartyIdentification'],
      where,
      assert: { [id]: check },
    });
  return identifiers;
}

const digitsOnly = (text: string) => stringLength(translate(text, '1234567890', '')) === 0;

/** Danish CVR (0184): eight digits, optionally prefixed DK. The raw text is tested, untrimmed. */
function danishCvrValid(node: XmlElement): boolean {
  const raw = stringValue(node);
  const length = stringLength(raw);
  return (
    (length === 10 && substring(raw, 1, 2) === 'DK' && digitsOnly(substring(raw, 3, 8))) ||
    (length === 8 && digitsOnly(substring(raw, 1, 8)))
  );
}

export const identifierRules: RuleSet = {
  rules: [
    ...schemeRule(
      '0088',
      'PEPPOL-COMMON-R040',
      (node) => /^[0-9]+$/.test(value(node)) && glnCheckDigitValid(value(node)),
    ),
    ...schemeRule(
      '0192',
      'PEPPOL-COMMON-R041',
      (node) => /^[0-9]{9}$/.test(value(node)) && mod11Valid(value(node)),
    ),
    ...schemeRule('0184', 'PEPPOL-COMMON-R042', danishCvrValid),
    ...schemeRule(
      '0208',
      'PEPPOL-COMMON-R043',
      (node) => /^[0-9]{10}$/.test(value(node)) && belgianMod97Valid(value(node)),
    ),
    ...schemeRule('0201', 'PEPPOL-COMMON-R044', (node) => italianIpaCodeValid(value(node))),
    ...schemeRule('0210', 'PEPPOL-COMMON-R045', (node) => italianFiscalCodeValid(value(node))),
    ...schemeRule('9907', 'PEPPOL-COMMON-R046', (node) => italianFiscalCodeValid(value(node)), true),
    ...schemeRule('0211', 'PEPPOL-COMMON-R047', (node) => italianVatNumberValid(value(node))),
    ...schemeRule(
      '0007',
      'PEPPOL-COMMON-R049',
      (node) =>
        stringLength(value(node)) === 10 &&
        xpathNumber(value(node)) !== 'NaN' &&
        swedishOrganisationNumberValid(value(node)),
    ),
    ...schemeRule(
      '0151',
      'PEPPOL-COMMON-R050',
      (node) => /^[0-9]{11}$/.test(value(node)) && abnValid(value(node)),
    ),
  ],
};
