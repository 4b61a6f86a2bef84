/** PEPPOL BIS 3 rules on currencies and payment (R051, R061). */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, exists, normalized } from '../../xpath/nav';
import type { RuleSet } from '../engine';

/** Amount elements R051 checks; a TaxAmount only within a VAT breakdown total or a subtotal. */
export const PEPPOL_AMOUNT_ELEMENTS = [
  'cbc:Amount',
  'cbc:BaseAmount',
  'cbc:PriceAmount',
  'cbc:TaxAmount',
  'cbc:TaxableAmount',
  'cbc:LineExtensionAmount',
  'cbc:TaxExclusiveAmount',
  'cbc:TaxInclusiveAmount',
  'cbc:AllowanceTotalAmount',
  'cbc:ChargeTotalAmount',
  'cbc:PrepaidAmount',
  'cbc:PayableRoundingAmount',
  'cbc:PayableAmount',
];

function taxAmountInScope(node: XmlElement): boolean {
  if (node.name !== 'cbc:TaxAmount') return true;
  const parent = node.parent;
  return (
    parent?.name === 'cac:TaxSubtotal' ||
    (parent?.name === 'cac:TaxTotal' && exists(parent, 'cac:TaxSubtotal'))
  );
}

export const peppolAmountRules: RuleSet = {
  rules: [
    {
      on: PEPPOL_AMOUNT_ELEMENTS,
      where: taxAmountInScope,
      assert: {
        // Every amount is in the document currency (BT-5): `@currencyID = $documentCurrencyCode`.
        'PEPPOL-EN16931-R051': (amount, context) => {
          const currency = attribute(amount, 'currencyID');
          return children(context.root, 'cbc:DocumentCurrencyCode').some(
            (code) => stringValue(code) === currency,
          );
        },
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means) => ['49', '59'].includes(normalized(children(means, 'cbc:PaymentMeansCode')[0])),
      assert: { 'PEPPOL-EN16931-R061': (means) => exists(means, 'cac:PaymentMandate', 'cbc:ID') },
    },
  ],
};
