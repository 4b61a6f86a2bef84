/**
 * The document-wide variables of the PEPPOL schematron ($profile, $supplierCountry, …),
 * computed once per document with the same fallbacks.
 */

import { stringValue, type XmlElement } from '../../xml/tree';
import { children, path, text } from '../../xpath/nav';
import { normalizeSpace, substring } from '../../xpath/values';
import type { RuleContext } from '../engine';

/** `cac:TaxScheme/cbc:ID = 'VAT'`, compared exactly as the PEPPOL variables do. */
function schemeIsExactlyVat(scheme: XmlElement): boolean {
  return children(scheme, 'cac:TaxScheme').some((taxScheme) =>
    children(taxScheme, 'cbc:ID').some((id) => stringValue(id) === 'VAT'),
  );
}

/**
 * `…/cac:PartyTaxScheme[VAT]/substring(cbc:CompanyID, 1, 2)` used as a condition: the prefix of
 * the single VAT identifier, or undefined when there is none (or it is empty).
 */
function vatPrefix(partyTaxSchemes: readonly XmlElement[]): string | undefined {
  const prefixes = partyTaxSchemes
    .filter(schemeIsExactlyVat)
    .map((scheme) => substring(text(children(scheme, 'cbc:CompanyID')[0]), 1, 2));
  const [first] = prefixes;
  return first === undefined || first === '' ? undefined : normalizeSpace(first).toUpperCase();
}

function countryOf(party: readonly XmlElement[]): string | undefined {
  const code = party.flatMap((node) =>
    path(node, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode'),
  )[0];
  return code === undefined ? undefined : normalizeSpace(stringValue(code)).toUpperCase();
}

const sellerParty = (context: RuleContext) =>
  children(context.root, 'cac:AccountingSupplierParty').flatMap((role) => children(role, 'cac:Party'));
const buyerParty = (context: RuleContext) =>
  children(context.root, 'cac:AccountingCustomerParty').flatMap((role) => children(role, 'cac:Party'));

/** $supplierCountry: seller VAT prefix, else tax representative VAT prefix, else seller country, else XX. */
export function supplierCountry(context: RuleContext): string {
  return context.memo('peppol:supplierCountry', () => {
    const seller = sellerParty(context);
    return (
      vatPrefix(seller.flatMap((party) => children(party, 'cac:PartyTaxScheme'))) ??
      vatPrefix(
        children(context.root, 'cac:TaxRepresentativeParty').flatMap((party) =>
          children(party, 'cac:PartyTaxScheme'),
        ),
      ) ??
      countryOf(seller) ??
      'XX'
    );
  });
}

/** $customerCountry: buyer VAT prefix, else buyer country, else XX. */
export function customerCountry(context: RuleContext): string {
  return context.memo('peppol:customerCountry', () => {
    const buyer = buyerParty(context);
    return (
      vatPrefix(buyer.flatMap((party) => children(party, 'cac:PartyTaxScheme'))) ?? countryOf(buyer) ?? 'XX'
    );
  });
}

/** The seller's postal country code, upper-cased ('' when absent): $supplierCountryIsDE and its kin. */
export function sellerPostalCountry(context: RuleContext): string {
  return context.memo('peppol:sellerPostalCountry', () => countryOf(sellerParty(context)) ?? '');
}

export function buyerPostalCountry(context: RuleContext): string {
  return context.memo('peppol:buyerPostalCountry', () => countryOf(buyerParty(context)) ?? '');
}

/** The seller's postal country exactly as written (DK/IS rules concatenate it without normalising). */
export function sellerPostalCountryAsWritten(context: RuleContext): string {
  return context.memo('peppol:sellerCountryAsWritten', () =>
    sellerParty(context)
      .flatMap((party) => path(party, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode'))
      .map(stringValue)
      .join(''),
  );
}

export function buyerPostalCountryAsWritten(context: RuleContext): string {
  return context.memo('peppol:buyerCountryAsWritten', () =>
    buyerParty(context)
      .flatMap((party) => path(party, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode'))
      .map(stringValue)
      .join(''),
  );
}

/** $profile: the two-digit BIS process number from cbc:ProfileID, or 'Unknown'. */
export function billingProfile(context: RuleContext): string {
  return context.memo('peppol:profile', () => {
    const profileId = children(context.root, 'cbc:ProfileID')[0];
    if (profileId === undefined) return 'Unknown';
    const value = normalizeSpace(stringValue(profileId));
    // The official pattern is unanchored and its dots match any character; kept as written.
    if (!/urn:fdc:peppol.eu:2017:poacc:billing:([0-9]{2}):1.0/.test(value)) return 'Unknown';
    return value.split(':')[6] ?? 'Unknown';
  });
}

export const bothInGermany = (context: RuleContext) =>
  sellerPostalCountry(context) === 'DE' && buyerPostalCountry(context) === 'DE';
