import type { ValidationIssue } from '../../../kernel/errors';
import type { AddressPurpose, NewContact, SupplierAddress, SupplierChanges } from '../types';
import {
  checkCompaniesHouseNumber,
  checkGln,
  checkPeppolParticipant,
  checkUkVatNumber,
  type IdentifierCheck,
} from './identifiers';

const ADDRESS_PURPOSES: readonly AddressPurpose[] = ['registered', 'trading', 'ordering', 'remittance'];
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEPHONE = /^\+?[\d ()-]{7,20}$/;

/** The stored form of a supplier's fields, after every identifier has been checked. */
export type SupplierFields = {
  name: string;
  companiesHouseNumber: string | null;
  vatNumber: string | null;
  endpointScheme: string | null;
  endpointId: string | null;
  gln: string | null;
  paymentTermsDays: number | null;
  addresses: SupplierAddress[];
};

const blank = (value: string | null | undefined): value is null | undefined =>
  value === null || value === undefined || value.trim() === '';

function identifier(
  raw: string | null | undefined,
  path: string,
  check: (value: string) => IdentifierCheck,
  issues: ValidationIssue[],
): string | null {
  if (blank(raw)) return null;
  const result = check(raw);
  if (result.ok) return result.value;
  issues.push({ path, rule: result.rule, message: result.message });
  return null;
}

export function readAddress(address: SupplierAddress, path: string, issues: ValidationIssue[]) {
  const lines = address.lines.map((line) => line.trim()).filter((line) => line !== '');
  const countryCode = (address.countryCode || 'GB').trim().toUpperCase();
  const postcode = address.postcode.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!ADDRESS_PURPOSES.includes(address.purpose)) {
    issues.push({
      path: `${path}.purpose`,
      rule: 'address-purpose-known',
      message: `One of ${ADDRESS_PURPOSES.join(', ')}`,
    });
  }
  if (lines.length === 0 || lines.length > 4) {
    issues.push({ path: `${path}.lines`, rule: 'address-lines', message: 'Give 1 to 4 address lines' });
  }
  if (address.town.trim() === '') {
    issues.push({ path: `${path}.town`, rule: 'address-town-required', message: 'Give the town or city' });
  }
  if (!/^[A-Z]{2}$/.test(countryCode)) {
    issues.push({
      path: `${path}.countryCode`,
      rule: 'country-code-format',
      message: 'A two-letter country code such as GB',
    });
  }
  if (countryCode === 'GB' && !UK_POSTCODE.test(postcode)) {
    issues.push({
      path: `${path}.postcode`,
      rule: 'uk-postcode-format',
      message: `"${address.postcode}" is not a UK postcode`,
    });
  }
  return { purpose: address.purpose, lines, town: address.town.trim(), postcode, countryCode };
}

export function readContact(contact: NewContact, path: string, issues: ValidationIssue[]) {
  const email = blank(contact.email) ? null : contact.email.trim().toLowerCase();
  const telephone = blank(contact.telephone) ? null : contact.telephone.trim();
  if (contact.name.trim() === '') {
    issues.push({ path: `${path}.name`, rule: 'contact-name-required', message: 'Give the contact’s name' });
  }
  if (email !== null && !EMAIL.test(email)) {
    issues.push({
      path: `${path}.email`,
      rule: 'email-format',
      message: `"${email}" is not an email address`,
    });
  }
  if (telephone !== null && !TELEPHONE.test(telephone)) {
    issues.push({
      path: `${path}.telephone`,
      rule: 'telephone-format',
      message: `"${telephone}" is not a telephone number`,
    });
  }
  if (email === null && telephone === null) {
    issues.push({
      path: `${path}.telephone`,
      rule: 'contact-reachable',
      message: 'Give a telephone number or an email address',
    });
  }
  return {
    name: contact.name.trim(),
    role: blank(contact.role) ? null : contact.role.trim(),
    email,
    telephone,
  };
}

/**
 * Checks a new supplier, or the changed fields laid over the current ones,
 * and returns the stored form with every problem named.
 */
export function readSupplierFields(input: SupplierChanges & { name: string }): {
  fields: SupplierFields;
  issues: ValidationIssue[];
} {
  const issues: ValidationIssue[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > 200) {
    issues.push({
      path: 'name',
      rule: 'supplier-name-required',
      message: 'Give the supplier’s name (1–200 characters)',
    });
  }
  const hasScheme = !blank(input.endpointScheme);
  const hasEndpointId = !blank(input.endpointId);
  let endpointScheme: string | null = null;
  let endpointId: string | null = null;
  if (hasScheme !== hasEndpointId) {
    issues.push({
      path: hasScheme ? 'endpointId' : 'endpointScheme',
      rule: 'peppol-participant-complete',
      message: 'A PEPPOL participant identifier needs both the scheme and the identifier',
    });
  } else if (hasScheme && hasEndpointId) {
    const scheme = (input.endpointScheme ?? '').trim();
    endpointId = identifier(
      input.endpointId,
      'endpointId',
      (id) => checkPeppolParticipant(scheme, id),
      issues,
    );
    endpointScheme = endpointId === null ? null : scheme;
  }
  const terms = input.paymentTermsDays ?? null;
  if (terms !== null && (!Number.isInteger(terms) || terms < 0 || terms > 120)) {
    issues.push({
      path: 'paymentTermsDays',
      rule: 'payment-terms-range',
      message: 'Payment terms are 0–120 days, or leave empty for the standard terms',
    });
  }
  const addresses = (input.addresses ?? []).map((address, index) =>
    readAddress(address, `addresses[${index}]`, issues),
  );
  return {
    fields: {
      name,
      companiesHouseNumber: identifier(
        input.companiesHouseNumber,
        'companiesHouseNumber',
        checkCompaniesHouseNumber,
        issues,
      ),
      vatNumber: identifier(input.vatNumber, 'vatNumber', checkUkVatNumber, issues),
      endpointScheme,
      endpointId,
      gln: identifier(input.gln, 'gln', checkGln, issues),
      paymentTermsDays: terms,
      addresses,
    },
    issues,
  };
}
