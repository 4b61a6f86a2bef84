import { DomainError, errorKindStatus, type ValidationIssue } from '../errors';

/** RFC 9457 problem details, with the stable error code and the issues naming each field or rule at fault. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues: ValidationIssue[];
  requestId: string;
};

export function problemFor(error: unknown, requestId: string): Problem {
  if (error instanceof DomainError) {
    const status = errorKindStatus[error.kind];
    return {
      type: `https://mainstay.nhs.uk/problems/${error.code.toLowerCase().replaceAll('_', '-')}`,
      title: status.title,
      status: status.http,
      detail: error.message,
      code: error.code,
      issues: [...error.issues],
      requestId,
    };
  }
  return {
    type: 'https://mainstay.nhs.uk/problems/internal-error',
    title: 'Something went wrong on our side',
    status: 500,
    detail: `The request could not be completed. Quote reference ${requestId} to the service desk.`,
    code: 'INTERNAL_ERROR',
    issues: [],
    requestId,
  };
}
