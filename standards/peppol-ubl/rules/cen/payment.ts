/** EN 16931 rules on payment instructions (BG-16…BG-19) and document references (BG-3, BG-24). */

import { stringValue, type XmlElement } from '../../xml/tree';
import { children, exists, normalized, valueAt } from '../../xpath/nav';
import { stringLength } from '../../xpath/values';
import type { RuleSet } from '../engine';

const isCreditTransfer = (code: string) => code === '30' || code === '58';

export const paymentRules: RuleSet = {
  rules: [
    {
      on: ['cbc:PrimaryAccountNumberID'],
      where: (node) =>
        node.parent?.name === 'cac:CardAccount' && node.parent.parent?.name === 'cac:PaymentMeans',
      assert: { 'BR-51': (node) => stringLength(normalized(node)) <= 10 },
    },
    {
      on: ['cac:PayeeFinancialAccount'],
      where: (account) =>
        account.parent?.name === 'cac:PaymentMeans' &&
        children(account.parent, 'cbc:PaymentMeansCode').some((code) => isCreditTransfer(stringValue(code))),
      assert: { 'BR-50': (account) => valueAt(account, 'cbc:ID') !== '' },
    },
    {
      on: ['cac:PaymentMeans'],
      assert: {
        'BR-49': (means) => exists(means, 'cbc:PaymentMeansCode'),
        'BR-61': (means: XmlElement) =>
          !isCreditTransfer(valueAt(means, 'cbc:PaymentMeansCode')) ||
          exists(means, 'cac:PayeeFinancialAccount', 'cbc:ID'),
      },
    },
    {
      on: ['cac:BillingReference'],
      assert: { 'BR-55': (reference) => exists(reference, 'cac:InvoiceDocumentReference', 'cbc:ID') },
    },
    {
      on: ['cac:AdditionalDocumentReference'],
      assert: { 'BR-52': (reference) => valueAt(reference, 'cbc:ID') !== '' },
    },
  ],
};
