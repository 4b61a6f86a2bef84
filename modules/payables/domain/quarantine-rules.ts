import type { Finding } from '../../../standards/peppol-ubl';

/**
 * Why Mainstay refuses a document that the EN 16931 and PEPPOL rules accept: it cannot pay it
 * (another currency), cannot tell who sent it, or already has it. Rule ids in the style of the
 * standard's own MAINSTAY-* input rules, so a quarantine record names one rule per reason.
 */
export const PAYABLES_RULES = {
  'MAINSTAY-SUPPLIER-UNKNOWN':
    'The seller is not a supplier of this organisation: no supplier record has its PEPPOL endpoint, VAT number, Companies House number or GLN.',
  'MAINSTAY-DUPLICATE-INVOICE':
    'The supplier has already sent an invoice with this number (compared without spaces, punctuation or case); it will not be paid twice.',
  'MAINSTAY-PAYABLES-CURRENCY':
    'The invoice is not in pounds sterling, the only currency payments are made in.',
  'MAINSTAY-PAYABLES-AMOUNT': 'An amount could not be read in whole pence.',
  'MAINSTAY-PAYABLES-QUANTITY': 'A quantity could not be read exactly (at most six decimal places).',
  'MAINSTAY-PAYABLES-DATE': 'The issue date is not a calendar date.',
} as const;

export type PayablesRule = keyof typeof PAYABLES_RULES;

export function isPayablesRule(rule: string): rule is PayablesRule {
  return Object.hasOwn(PAYABLES_RULES, rule);
}

export function payablesFinding(rule: PayablesRule, detail: string, location = '/'): Finding {
  return { rule, severity: 'fatal', message: `[${rule}]-${PAYABLES_RULES[rule]} ${detail}`, location };
}
