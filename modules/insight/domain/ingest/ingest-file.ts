import { isDomainError, type ValidationIssue } from '../../../../kernel/errors';
import { type IngestErrorCode, isIngestErrorCode } from './errors';
import { type NormaliseOptions, type NormaliseResult, normaliseRows } from './normalise';
import {
  type ColumnProfile,
  checkProfile,
  detectProfile,
  type ProfileCheck,
  type ProfileDetection,
} from './profile';
import { readTable, type Table } from './read-table';
import type { SourceKind } from './schema';

export type IngestFileOptions<K extends SourceKind> = NormaliseOptions & {
  fileName: string;
  kind: K;
  /** A saved profile for this organisation and source; without one the mapping is detected. */
  profile?: ColumnProfile<K>;
  /** The worksheet to read from a workbook; by default the first with data. */
  sheet?: string;
};

/** The table as read, without its rows (they are in the records and rejections). */
export type TableDescription = Omit<Table, 'rows' | 'blankLines'>;

export type FileIngestFailure = {
  status: 'failed';
  fileName: string;
  error: { code: IngestErrorCode; message: string; issues: readonly ValidationIssue[] };
  /** Present when the file was read: what a saved profile no longer matched, or what detection found. */
  profileCheck: ProfileCheck | null;
  detection: ProfileDetection | null;
};

export type FileIngest<K extends SourceKind> =
  | ({
      status: 'read';
      table: TableDescription;
      profile: ColumnProfile<K>;
      profileCheck: ProfileCheck | null;
      detection: ProfileDetection<K> | null;
    } & NormaliseResult<K>)
  | FileIngestFailure;

/**
 * One file from bytes to records and rejections: read (CSV or XLSX, any
 * supported encoding), map columns with the saved profile or a detected one,
 * normalise every row. A file-level problem comes back as `status: 'failed'`
 * with its code and issues, never as a half-read file.
 */
export async function ingestFile<K extends SourceKind>(
  bytes: Uint8Array,
  options: IngestFileOptions<K>,
): Promise<FileIngest<K>> {
  let profileCheck: ProfileCheck | null = null;
  let detection: ProfileDetection<K> | null = null;
  try {
    const table = await readTable(
      bytes,
      options.sheet === undefined ? { fileName: options.fileName } : options,
    );
    let profile: ColumnProfile<K>;
    if (options.profile) {
      profile = options.profile;
      profileCheck = checkProfile(profile, table.headers);
    } else {
      detection = detectProfile(table.headers, options.kind);
      profile = detection.profile;
    }
    const result = normaliseRows(table, profile, options);
    const { rows: _rows, blankLines: _blankLines, ...description } = table;
    return { status: 'read', table: description, profile, profileCheck, detection, ...result };
  } catch (error) {
    if (isDomainError(error) && isIngestErrorCode(error.code)) {
      return {
        status: 'failed',
        fileName: options.fileName,
        error: { code: error.code, message: error.message, issues: error.issues },
        profileCheck,
        detection,
      };
    }
    throw error;
  }
}
