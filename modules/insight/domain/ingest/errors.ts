import { DomainError, type ValidationIssue } from '../../../../kernel/errors';

/** Stable codes for whole-file problems; row problems are rejections, never errors. */
export const INGEST_ERROR_CODES = [
  'ingest-empty-file',
  'ingest-unreadable-file',
  'ingest-unknown-encoding',
  'ingest-missing-required-column',
  'ingest-profile-mismatch',
  'ingest-invalid-profile',
] as const;

export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export function isIngestErrorCode(code: string): code is IngestErrorCode {
  return (INGEST_ERROR_CODES as readonly string[]).includes(code);
}

export function ingestUserMessage(code: IngestErrorCode): string {
  switch (code) {
    case 'ingest-empty-file':
      return 'The file is empty.';
    case 'ingest-unreadable-file':
      return 'The file could not be read as a CSV or XLSX table.';
    case 'ingest-unknown-encoding':
      return 'The text encoding of the file could not be recognised.';
    case 'ingest-missing-required-column':
      return 'A column the import needs is missing from the file.';
    case 'ingest-profile-mismatch':
      return 'The saved column mapping no longer matches the columns in the file.';
    case 'ingest-invalid-profile':
      return 'The saved column mapping is not valid.';
  }
}

export function ingestError(
  code: IngestErrorCode,
  message: string,
  issues: readonly ValidationIssue[] = [],
): DomainError {
  return new DomainError(code, 'invalid', message, issues);
}
