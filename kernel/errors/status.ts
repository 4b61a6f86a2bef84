import type { ErrorKind } from './domain-error';

/** The one table from error kind to HTTP status and CLI exit code. */
export const errorKindStatus: Record<ErrorKind, { http: number; exitCode: number; title: string }> = {
  invalid: { http: 422, exitCode: 1, title: 'The input breaks a rule' },
  'bad-request': { http: 400, exitCode: 2, title: 'The request is malformed' },
  unauthenticated: { http: 401, exitCode: 3, title: 'Sign-in required' },
  forbidden: { http: 403, exitCode: 3, title: 'Not allowed' },
  'not-found': { http: 404, exitCode: 4, title: 'Not found' },
  conflict: { http: 409, exitCode: 5, title: 'Conflicts with what is stored' },
  unavailable: { http: 503, exitCode: 6, title: 'Temporarily unavailable' },
};
