/** Icelandic national rules (IS-R-001…010) for sellers in Iceland. */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, exists, normalized, path, text } from '../../xpath/nav';
import { castDate, stringLength } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { buyerPostalCountryAsWritten, sellerPostalCountryAsWritten } from '../peppol/variables';

const sellerInIceland = (context: RuleContext) => sellerPostalCountryAsWritten(context) === 'IS';
const typeCodeIn = (doc: XmlElement, name: string, codes: readonly string[]) =>
  codes.includes(normalized(children(doc, name)[0]));

/** Legal registration (kennitala, scheme 0196) of a party. */
const registeredIn0196 = (party: readonly XmlElement[]) => {
  const ids = party.flatMap((node) => path(node, 'cac:PartyLegalEntity', 'cbc:CompanyID'));
  return ids.length > 0 && ids.some((id) => attribute(id, 'schemeID') === '0196');
};
const addressComplete = (party: readonly XmlElement[]) =>
  party.some((node) => exists(node, 'cac:PostalAddress', 'cbc:StreetName')) &&
  party.some((node) => exists(node, 'cac:PostalAddress', 'cbc:PostalZone'));

/** IS-R-006/007: payment by a given means code needs a 12-character account. */
const accountOfTwelve = (code: string) => (doc: XmlElement) => {
  const means = children(doc, 'cac:PaymentMeans').filter((node) =>
    children(node, 'cbc:PaymentMeansCode').some((value) => stringValue(value) === code),
  );
  if (means.length === 0) return true;
  const accounts = means.flatMap((node) => path(node, 'cac:PayeeFinancialAccount', 'cbc:ID'));
  return accounts.length > 0 && stringLength(normalized(accounts[0])) === 12;
};

/** The EINDAGI (final due date) reference, if any. */
const finalDueDates = (doc: XmlElement) =>
  children(doc, 'cac:AdditionalDocumentReference').filter((reference) =>
    children(reference, 'cbc:DocumentDescription').some(
      (description) => stringValue(description) === 'EINDAGI',
    ),
  );

export const icelandRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: (_doc, context) => sellerInIceland(context),
      assert: {
        'IS-R-001': (doc) =>
          typeCodeIn(doc, 'cbc:InvoiceTypeCode', ['380', '381']) ||
          typeCodeIn(doc, 'cbc:CreditNoteTypeCode', ['380', '381']),
        'IS-R-002': (doc) => registeredIn0196(path(doc, 'cac:AccountingSupplierParty', 'cac:Party')),
        'IS-R-003': (doc) => addressComplete(path(doc, 'cac:AccountingSupplierParty', 'cac:Party')),
        'IS-R-006': accountOfTwelve('9'),
        'IS-R-007': accountOfTwelve('42'),
        'IS-R-008': (doc) => {
          const references = finalDueDates(doc);
          if (references.length === 0) return true;
          const id = text(path(references[0] ?? doc, 'cbc:ID')[0]);
          return stringLength(id) === 10 && castDate(id) !== undefined;
        },
        'IS-R-009': (doc) => finalDueDates(doc).length === 0 || exists(doc, 'cbc:DueDate'),
        // Compared as text, as the official test does: both are ISO dates.
        'IS-R-010': (doc) => {
          const references = finalDueDates(doc);
          if (references.length === 0) return true;
          const finalDates = references
            .flatMap((reference) => children(reference, 'cbc:ID'))
            .map(stringValue);
          return children(doc, 'cbc:DueDate').some((due) =>
            finalDates.some((final) => stringValue(due) <= final),
          );
        },
      },
    },
    {
      on: ['cac:AccountingCustomerParty'],
      where: (role, context) =>
        role.parent !== undefined &&
        role.parent.parent === undefined &&
        sellerInIceland(context) &&
        buyerPostalCountryAsWritten(context) === 'IS',
      assert: {
        'IS-R-004': (role) => registeredIn0196(children(role, 'cac:Party')),
        'IS-R-005': (role) => addressComplete(children(role, 'cac:Party')),
      },
    },
  ],
};
