import {
  type ColumnProfile,
  checkProfile,
  detectProfile,
  type ProfileCheck,
  type ProfileDetection,
  type SourceKind,
} from './ingest';

export type ProfileStatus = 'detected' | 'confirmed';

export type SavedProfile = { profile: ColumnProfile; status: ProfileStatus; version: number };

/** What happened to the organisation's mapping for this source when a file came in. */
export type ProfileOutcome = {
  profile: ColumnProfile;
  status: ProfileStatus;
  version: number;
  /** new: first file from this source; reused: the saved mapping fitted; changed: the file's headers differ from it. */
  change: 'new' | 'reused' | 'changed' | 'given';
  /** When a saved mapping was checked: the headers that have gone and the ones that are new. */
  check: ProfileCheck | null;
  /** When columns were mapped automatically: the detection, with anything a person should confirm. */
  detection: ProfileDetection | null;
  /** Headers mapped automatically this time because the saved mapping did not know them. */
  autoMapped: { header: string; field: string }[];
  /** Whether the mapping must be saved (a new or changed mapping). */
  save: boolean;
};

/**
 * Chooses the column mapping for a file: a mapping given for this file
 * (confirmed by a person), else the saved one for this source, else one
 * detected from the headers. When the headers have drifted from the saved
 * mapping, the saved columns still present are kept and only the new headers
 * are detected; the result needs a person's confirmation again and the change
 * is reported. A required column that cannot be found still refuses the file
 * (see bindColumns in the ingest pipeline), never silently.
 */
export function resolveProfile(
  kind: SourceKind,
  headers: readonly string[],
  saved: SavedProfile | null,
  given: ColumnProfile | null,
): ProfileOutcome {
  if (given) {
    return {
      profile: given,
      status: 'confirmed',
      version: (saved?.version ?? 0) + 1,
      change: 'given',
      check: null,
      detection: null,
      autoMapped: [],
      save: true,
    };
  }
  if (!saved || saved.profile.kind !== kind) {
    const detection = detectProfile(headers, kind);
    return {
      profile: detection.profile,
      status: 'detected',
      version: (saved?.version ?? 0) + 1,
      change: 'new',
      check: null,
      detection,
      autoMapped: detection.profile.columns.map((column) => ({ header: column.header, field: column.field })),
      save: true,
    };
  }
  const check = checkProfile(saved.profile, headers);
  if (check.matches) {
    return {
      profile: saved.profile,
      status: saved.status,
      version: saved.version,
      change: 'reused',
      check,
      detection: null,
      autoMapped: [],
      save: false,
    };
  }
  const gone = new Set(check.missingHeaders.map((missing) => missing.header));
  const kept = saved.profile.columns.filter((column) => !gone.has(column.header));
  const keptFields = new Set<string>(kept.map((column) => column.field));
  const newHeaders = new Set(check.newHeaders);
  const detection = detectProfile(headers, kind);
  const added = detection.profile.columns.filter(
    (column) => newHeaders.has(column.header) && !keptFields.has(column.field),
  );
  const mapped = new Set([...kept, ...added].map((column) => column.header));
  const profile: ColumnProfile = {
    version: 1,
    kind,
    columns: [...kept, ...added],
    ignoredHeaders: [
      ...saved.profile.ignoredHeaders,
      ...check.newHeaders.filter((header) => !mapped.has(header)),
    ],
  };
  return {
    profile,
    status: 'detected',
    version: saved.version + 1,
    change: 'changed',
    check,
    detection,
    autoMapped: added.map((column) => ({ header: column.header, field: column.field })),
    save: true,
  };
}
