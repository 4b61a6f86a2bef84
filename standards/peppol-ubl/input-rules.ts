import type { Finding } from './finding';

/**
 * Mainstay's own rule ids for input that is not a readable UBL document at all. The official
 * EN 16931 and PEPPOL rule sets assume a well-formed UBL document, so these come first and,
 * when one fires, no business rule is evaluated. Each is fatal.
 */
export const INPUT_RULES = {
  'MAINSTAY-FILE-READ': 'The file could not be read.',
  'MAINSTAY-XML-EMPTY': 'The document is empty: it contains no XML at all.',
  'MAINSTAY-XML-ENCODING':
    'The document is not text in a supported character encoding (UTF-8, UTF-16, ISO-8859-1, windows-1252) or contains characters XML does not allow.',
  'MAINSTAY-XML-WELLFORMED': 'The document is not well-formed XML.',
  'MAINSTAY-XML-DOCTYPE':
    'The document carries a document type declaration (DTD), which UBL documents never use.',
  'MAINSTAY-XML-LIMIT':
    'The document exceeds a processing limit (size, nesting depth or number of elements).',
  'MAINSTAY-UBL-ROOT': 'The document element is not a UBL Invoice or CreditNote.',
  'MAINSTAY-UBL-NAMESPACE':
    'The document element is named Invoice or CreditNote but is not in the UBL 2.1 Invoice-2 or CreditNote-2 namespace.',
  'MAINSTAY-VALIDATOR-ERROR': 'The validator itself failed on this document; it has not been validated.',
} as const;

export type InputRule = keyof typeof INPUT_RULES;

/** A fatal finding for unreadable input: the rule's summary followed by the specific detail. */
export function inputFinding(rule: InputRule, detail: string, location = '/'): Finding {
  return { rule, severity: 'fatal', message: `${INPUT_RULES[rule]} ${detail}`.trim(), location };
}
