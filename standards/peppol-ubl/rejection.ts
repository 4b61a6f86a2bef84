/**
 * The message a supplier receives when an invoice is rejected: a plain-English summary of the
 * fatal findings, each naming the rule and the business terms at fault, with what to do next.
 */
import type { Finding } from './finding';
import { INPUT_RULES, type InputRule } from './input-rules';

export type RejectionContext = {
  readonly supplierName?: string;
  readonly invoiceNumber?: string;
  readonly issueDate?: string;
  readonly fileName?: string;
  /** Who to contact about the rejection, e.g. "accounts.payable@nhs.net". */
  readonly contact?: string;
};

export type RejectionReason = {
  readonly rule: string;
  /** The rule's requirement in plain words (the official message without its id prefix). */
  readonly explanation: string;
  /** Where in the document, one entry per occurrence. */
  readonly locations: readonly string[];
};

export type RejectionMessage = {
  readonly subject: string;
  readonly reasons: readonly RejectionReason[];
  /** The full plain-text message. */
  readonly body: string;
};

const MOST_REASONS_LISTED = 25;

/** "[BR-CO-15]-Invoice total …" → "Invoice total …." */
function explain(finding: Finding): string {
  const withoutId = finding.message.replace(/^\[[^\]]+\]-\s*/, '').trim();
  return /[.!?]$/.test(withoutId) ? withoutId : `${withoutId}.`;
}

function describeDocument(context: RejectionContext): string {
  const parts = [
    context.invoiceNumber === undefined ? 'your invoice' : `your invoice ${context.invoiceNumber}`,
    context.issueDate === undefined ? undefined : `dated ${context.issueDate}`,
    context.fileName === undefined ? undefined : `(file ${context.fileName})`,
  ];
  return parts.filter((part) => part !== undefined).join(' ');
}

/** Groups the fatal findings by rule, in the order they were found. */
export function rejectionReasons(findings: readonly Finding[]): RejectionReason[] {
  const byRule = new Map<string, { explanation: string; locations: string[] }>();
  for (const finding of findings) {
    if (finding.severity !== 'fatal') continue;
    const entry = byRule.get(finding.rule);
    if (entry === undefined)
      byRule.set(finding.rule, { explanation: explain(finding), locations: [finding.location] });
    else entry.locations.push(finding.location);
  }
  return [...byRule].map(([rule, entry]) => ({ rule, ...entry }));
}

const isInputRule = (rule: string): rule is InputRule => rule in INPUT_RULES;

export function buildRejectionMessage(
  findings: readonly Finding[],
  context: RejectionContext = {},
): RejectionMessage {
  const reasons = rejectionReasons(findings);
  const document = describeDocument(context);
  const unreadable = reasons.some((reason) => isInputRule(reason.rule));
  const listed = reasons.slice(0, MOST_REASONS_LISTED).map((reason, index) => {
    const where =
      reason.locations.length === 1
        ? `at ${reason.locations[0]}`
        : `${reason.locations.length} times, first at ${reason.locations[0]}`;
    return `${index + 1}. ${reason.explanation}\n   (rule ${reason.rule}, ${where})`;
  });
  const more = reasons.length - listed.length;
  const lines = [
    context.supplierName === undefined ? 'Dear supplier,' : `Dear ${context.supplierName},`,
    '',
    `We could not accept ${document}. ${
      unreadable
        ? 'We could not read it as a PEPPOL BIS Billing 3.0 (UBL) invoice or credit note, so it has not been processed.'
        : 'It does not meet the EN 16931 and PEPPOL BIS Billing 3.0 rules that every electronic invoice must meet, so it has not been processed for payment.'
    }`,
    '',
    'Please correct the following and send the invoice again. It has not been recorded, so there is no need to send a credit note for it.',
    '',
    ...listed,
    ...(more > 0 ? [`…and ${more} further problem${more === 1 ? '' : 's'} of other kinds.`] : []),
    '',
    `If you think this is wrong, reply${context.contact === undefined ? '' : ` to ${context.contact}`} quoting the rule identifiers above.`,
  ];
  const count = reasons.length;
  return {
    subject: `Invoice rejected: ${context.invoiceNumber ?? context.fileName ?? 'unreadable document'} (${count} problem${count === 1 ? '' : 's'})`,
    reasons,
    body: lines.join('\n'),
  };
}
