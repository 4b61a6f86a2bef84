/** EN 16931 core rules on the document as a whole: mandatory terms BT-1…BT-5, parties, lines. */

import { attribute, stringValue } from '../../xml/tree';
import { exists, valueAt } from '../../xpath/nav';
import type { RuleSet } from '../engine';
import { isDocumentElement } from '../helpers';

export const documentRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: isDocumentElement,
      assert: {
        'BR-01': (doc) => valueAt(doc, 'cbc:CustomizationID') !== '',
        'BR-02': (doc) => valueAt(doc, 'cbc:ID') !== '',
        'BR-03': (doc) => valueAt(doc, 'cbc:IssueDate') !== '',
        'BR-04': (doc) =>
          valueAt(doc, 'cbc:InvoiceTypeCode') !== '' || valueAt(doc, 'cbc:CreditNoteTypeCode') !== '',
        'BR-05': (doc) => valueAt(doc, 'cbc:DocumentCurrencyCode') !== '',
        'BR-06': (doc) =>
          valueAt(
            doc,
            'cac:AccountingSupplierParty',
            'cac:Party',
            'cac:PartyLegalEntity',
            'cbc:RegistrationName',
          ) !== '',
        'BR-07': (doc) =>
          valueAt(
            doc,
            'cac:AccountingCustomerParty',
            'cac:Party',
            'cac:PartyLegalEntity',
            'cbc:RegistrationName',
          ) !== '',
        'BR-08': (doc) => exists(doc, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PostalAddress'),
        'BR-10': (doc) => exists(doc, 'cac:AccountingCustomerParty', 'cac:Party', 'cac:PostalAddress'),
        'BR-16': (doc) => exists(doc, 'cac:InvoiceLine') || exists(doc, 'cac:CreditNoteLine'),
        // every $taxcurrency in cbc:TaxCurrencyCode satisfies exists(//cac:TaxTotal/cbc:TaxAmount[@currencyID=$taxcurrency])
        'BR-53': (doc, context) =>
          doc.children
            .filter((child) => child.name === 'cbc:TaxCurrencyCode')
            .every((currency) =>
              context
                .all('cac:TaxTotal')
                .some((total) =>
                  total.children.some(
                    (amount) =>
                      amount.name === 'cbc:TaxAmount' &&
                      attribute(amount, 'currencyID') === stringValue(currency),
                  ),
                ),
            ),
        // TaxPointDate (BT-7) and the invoice period description code (BT-8) are mutually exclusive.
        'BR-CO-03': (doc) =>
          !(exists(doc, 'cbc:TaxPointDate') && exists(doc, 'cac:InvoicePeriod', 'cbc:DescriptionCode')),
      },
    },
  ],
};
