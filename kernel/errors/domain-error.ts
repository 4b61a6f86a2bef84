/**
 * One place where a problem is named. `code` is stable (clients branch on it),
 * `message` is for people, `kind` decides the HTTP status and CLI exit code,
 * `issues` name the exact field or rule at fault.
 */
export type ErrorKind =
  | 'invalid' // the input breaks a rule: 422
  | 'bad-request' // the request itself is malformed: 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // the input clashes with what is stored: 409
  | 'unavailable'; // 503

export type ValidationIssue = {
  /** Where: a JSON path ("lines[3].vatRate"), a CSV row/column ("row 14, Amount") or an XPath. */
  path: string;
  /** Which rule: a business-rule id ("BR-CO-15") or a short kebab-case name ("journal-balanced"). */
  rule: string;
  message: string;
};

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly issues: readonly ValidationIssue[];

  constructor(code: string, kind: ErrorKind, message: string, issues: readonly ValidationIssue[] = []) {
    super(message);
    this.code = code;
    this.kind = kind;
    this.issues = issues;
  }
}

export const invalid = (
  code: string,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, 'invalid', message, issues);

export const notFound = (code: string, message: string): DomainError =>
  new DomainError(code, 'not-found', message);

export const conflict = (
  code: string,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, 'conflict', message, issues);

export const forbidden = (code: string, message: string): DomainError =>
  new DomainError(code, 'forbidden', message);

export const badRequest = (
  code: string,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, 'bad-request', message, issues);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

export function assertUnreachable(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
