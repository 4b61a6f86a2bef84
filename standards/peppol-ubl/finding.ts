export type Severity = 'fatal' | 'warning';

/**
 * One broken rule. `rule` is the official assertion id (`BR-CO-15`, `PEPPOL-EN16931-R040`,
 * `UBL-CR-001`) or one of Mainstay's own `MAINSTAY-*` ids for input that cannot be read at all;
 * `message` is the official text naming the business terms; `location` is an XPath-like path.
 */
export type Finding = {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly location: string;
};

export function hasFatal(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'fatal');
}
