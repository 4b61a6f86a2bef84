import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';

export type InsightErrorCode =
  | 'INSIGHT_SOURCE_INVALID'
  | 'INSIGHT_KIND_UNKNOWN'
  | 'INSIGHT_BATCH_NOT_FOUND'
  | 'INSIGHT_PROFILE_INVALID'
  | 'INSIGHT_REVIEW_NOT_FOUND'
  | 'INSIGHT_REVIEW_DECIDED'
  | 'INSIGHT_FILTER_INVALID'
  | 'INSIGHT_NO_HISTORY';

const KIND: Record<InsightErrorCode, ErrorKind> = {
  INSIGHT_SOURCE_INVALID: 'invalid',
  INSIGHT_KIND_UNKNOWN: 'invalid',
  INSIGHT_BATCH_NOT_FOUND: 'not-found',
  INSIGHT_PROFILE_INVALID: 'invalid',
  INSIGHT_REVIEW_NOT_FOUND: 'not-found',
  INSIGHT_REVIEW_DECIDED: 'conflict',
  INSIGHT_FILTER_INVALID: 'invalid',
  INSIGHT_NO_HISTORY: 'invalid',
};

export const insightError = (
  code: InsightErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError => new DomainError(code, KIND[code], message, issues);
