/** Pieces the national rule sets share. */

import { stringValue, type XmlElement } from '../../xml/tree';
import { children } from '../../xpath/nav';
import { normalizeSpace } from '../../xpath/values';

/** `cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = scheme]` */
export function taxSchemesNamed(party: XmlElement, scheme: string): XmlElement[] {
  return children(party, 'cac:PartyTaxScheme').filter((taxScheme) =>
    children(taxScheme, 'cac:TaxScheme').some((inner) =>
      children(inner, 'cbc:ID').some((id) => normalizeSpace(stringValue(id)) === scheme),
    ),
  );
}

/** `cac:PartyTaxScheme[cac:TaxScheme/cbc:ID = 'VAT']`, compared exactly. */
export function vatSchemesExact(party: XmlElement): XmlElement[] {
  return children(party, 'cac:PartyTaxScheme').filter((taxScheme) =>
    children(taxScheme, 'cac:TaxScheme').some((inner) =>
      children(inner, 'cbc:ID').some((id) => stringValue(id) === 'VAT'),
    ),
  );
}

/** The company identifiers of the given tax schemes. */
export function companyIds(schemes: readonly XmlElement[]): XmlElement[] {
  return schemes.flatMap((scheme) => children(scheme, 'cbc:CompanyID'));
}
