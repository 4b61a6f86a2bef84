import { buildRejectionMessage, type Finding, type RejectionMessage } from '../../../standards/peppol-ubl';
import { isPayablesRule } from './quarantine-rules';

export type SupplierRejectionContext = {
  supplierName?: string;
  invoiceNumber?: string;
  issueDate?: string;
  fileName?: string;
  organisationName: string;
  contact?: string;
};

const WHAT_TO_DO: Record<string, string> = {
  'MAINSTAY-SUPPLIER-UNKNOWN':
    'Please check you sent it to the right organisation, and that the PEPPOL endpoint and VAT number on the invoice are the ones you gave when you were set up as a supplier.',
  'MAINSTAY-DUPLICATE-INVOICE':
    'There is no need to send it again. If it is a new invoice, please give it a new invoice number and send it again.',
  'MAINSTAY-PAYABLES-CURRENCY': 'Please send the invoice in pounds sterling (GBP).',
};

/**
 * The message a supplier receives about a quarantined document. Broken EN 16931 or PEPPOL
 * rules are explained by the standard's own builder; Mainstay's payment rules (unknown
 * supplier, duplicate, currency) get a message that says plainly what happened instead of
 * blaming the format.
 */
export function supplierRejection(
  findings: readonly Finding[],
  context: SupplierRejectionContext,
): RejectionMessage {
  const fatal = findings.filter((finding) => finding.severity === 'fatal');
  if (fatal.length === 0 || !fatal.every((finding) => isPayablesRule(finding.rule))) {
    return buildRejectionMessage(findings, context);
  }
  const byRule = new Map<string, { explanation: string; locations: string[] }>();
  for (const finding of fatal) {
    const explanation = finding.message.replace(/^\[[^\]]+\]-\s*/, '').trim();
    const entry = byRule.get(finding.rule);
    if (entry) entry.locations.push(finding.location);
    else byRule.set(finding.rule, { explanation, locations: [finding.location] });
  }
  const reasons = [...byRule].map(([rule, entry]) => ({ rule, ...entry }));
  const document = [
    context.invoiceNumber ? `your invoice ${context.invoiceNumber}` : 'your invoice',
    context.issueDate ? `dated ${context.issueDate}` : null,
    context.fileName ? `(file ${context.fileName})` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  const advice = [...new Set(reasons.flatMap((reason) => WHAT_TO_DO[reason.rule] ?? []))];
  const body = [
    context.supplierName ? `Dear ${context.supplierName},` : 'Dear supplier,',
    '',
    `${context.organisationName} could not accept ${document} for payment.`,
    '',
    ...reasons.map((reason, index) => `${index + 1}. ${reason.explanation}\n   (rule ${reason.rule})`),
    '',
    ...advice,
    '',
    `If you think this is wrong, reply${context.contact ? ` to ${context.contact}` : ''} quoting the rule identifiers above.`,
  ].join('\n');
  return {
    subject: `Invoice not accepted: ${context.invoiceNumber ?? context.fileName ?? 'document'} (${reasons.length} reason${reasons.length === 1 ? '' : 's'})`,
    reasons,
    body,
  };
}
