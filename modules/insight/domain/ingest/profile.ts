import { z } from 'zod';
import { ingestError } from './errors';
import { type MatchKind, matchHeader, namesOf } from './header-match';
import { cleanText, compactKey } from './parse/text';
import {
  type FieldName,
  fieldSpecs,
  isSourceKind,
  SCHEMAS,
  type SourceKind,
  type SourceSchema,
  schemaFor,
} from './schema';

export type ProfileColumn<K extends SourceKind = SourceKind> = {
  /** The header as the file writes it (cleaned of stray spaces). */
  header: string;
  field: FieldName<K>;
  /** 0–1: 1 for the canonical name, 0.95 a dictionary synonym, 0.7–0.8 a typo, 0.6 a partial match. */
  confidence: number;
  match: MatchKind;
};

/**
 * How one organisation's extract of one kind maps onto the canonical schema: a
 * plain JSON-serialisable object, saved per organisation and source and reused.
 * Columns are matched by name, never by position, so reordered columns still map.
 */
export type ColumnProfile<K extends SourceKind = SourceKind> = {
  version: 1;
  kind: K;
  columns: ProfileColumn<K>[];
  /** Headers seen when the profile was made and deliberately left unmapped (kept with each row as extras). */
  ignoredHeaders: string[];
};

export type MissingField = {
  field: string;
  label: string;
  /** Every header name that was looked for. */
  tried: string[];
  /** Column sets that could stand in for it instead, by label. */
  alternatives: string[][];
  /** The caller can give this value for the whole file instead (a snapshot's as-at date). */
  datasetValue: boolean;
};

export type ProfileDetection<K extends SourceKind = SourceKind> = {
  profile: ColumnProfile<K>;
  /** Headers no field took. */
  unmapped: string[];
  missingRequired: MissingField[];
  missingExpected: { field: string; label: string }[];
  /** Columns mapped with a confidence below REVIEW_CONFIDENCE, or where another header matched equally well. */
  needsReview: { header: string; field: string; reason: string }[];
  /** Every required field is covered by a column, by stand-in columns, or can be given for the file. */
  usable: boolean;
};

/** Below this a mapping is a guess a person should confirm (typos pass, partial matches do not). */
export const REVIEW_CONFIDENCE = 0.75;

type Candidate = {
  index: number;
  header: string;
  field: string;
  confidence: number;
  match: MatchKind;
  rank: number;
};

function candidatesFor(headers: readonly string[], schema: SourceSchema): Candidate[] {
  const candidates: Candidate[] = [];
  headers.forEach((rawHeader, index) => {
    const header = cleanText(rawHeader);
    for (const [field, spec] of fieldSpecs(schema)) {
      const match = matchHeader(header, spec);
      if (match) candidates.push({ index, header, field, ...match });
    }
  });
  return candidates.sort((a, b) => b.confidence - a.confidence || a.rank - b.rank || a.index - b.index);
}

function missingField(schema: SourceSchema, field: string): MissingField {
  const spec = schema.fields[field];
  const alternatives = schema.alternatives?.[field] ?? [];
  return {
    field,
    label: spec?.label ?? field,
    tried: spec ? namesOf(spec) : [field],
    alternatives: alternatives.map((set) => set.map((name) => schema.fields[name]?.label ?? name)),
    datasetValue: schema.datasetDateField === field,
  };
}

/** Required fields with no column and no complete set of stand-in columns. */
export function missingRequiredFields(schema: SourceSchema, mapped: ReadonlySet<string>): MissingField[] {
  return fieldSpecs(schema)
    .filter(([field, spec]) => spec.presence === 'required' && !mapped.has(field))
    .filter(
      ([field]) => !(schema.alternatives?.[field] ?? []).some((set) => set.every((name) => mapped.has(name))),
    )
    .map(([field]) => missingField(schema, field));
}

/**
 * Proposes a column mapping for a file's headers: every header is compared
 * with every field's names (exact, synonym, typo, partial) and the best
 * matches are taken first, each header and each field used once.
 */
export function detectProfile<K extends SourceKind>(
  headers: readonly string[],
  kind: K,
): ProfileDetection<K> {
  const schema = schemaFor(kind);
  const takenHeaders = new Set<number>();
  const placed: { index: number; column: ProfileColumn<K> }[] = [];
  const mapped = new Set<string>();
  const needsReview: ProfileDetection<K>['needsReview'] = [];
  const candidates = candidatesFor(headers, schema);
  for (const candidate of candidates) {
    if (takenHeaders.has(candidate.index) || mapped.has(candidate.field)) continue;
    takenHeaders.add(candidate.index);
    mapped.add(candidate.field);
    placed.push({
      index: candidate.index,
      column: {
        header: candidate.header,
        field: candidate.field as FieldName<K>,
        confidence: candidate.confidence,
        match: candidate.match,
      },
    });
    if (candidate.confidence < REVIEW_CONFIDENCE) {
      needsReview.push({
        header: candidate.header,
        field: candidate.field,
        reason: `only a ${candidate.match} match (confidence ${candidate.confidence})`,
      });
    }
    const rival = candidates.find(
      (other) =>
        other.field === candidate.field &&
        other.index !== candidate.index &&
        other.confidence === candidate.confidence &&
        !takenHeaders.has(other.index),
    );
    if (rival) {
      needsReview.push({
        header: candidate.header,
        field: candidate.field,
        reason: `"${rival.header}" matches ${candidate.field} equally well`,
      });
    }
  }
  const columns = placed.sort((a, b) => a.index - b.index).map((entry) => entry.column);
  const unmapped = headers.map((header) => cleanText(header)).filter((_, index) => !takenHeaders.has(index));
  const missingRequired = missingRequiredFields(schema, mapped);
  return {
    profile: { version: 1, kind, columns, ignoredHeaders: unmapped.filter((header) => header !== '') },
    unmapped,
    missingRequired,
    missingExpected: fieldSpecs(schema)
      .filter(([field, spec]) => spec.presence === 'expected' && !mapped.has(field))
      .map(([field, spec]) => ({ field, label: spec.label })),
    needsReview,
    usable: missingRequired.every((missing) => missing.datasetValue),
  };
}

export type ProfileCheck = {
  /** The file has exactly the headers the profile was made from (order aside). */
  matches: boolean;
  /** Saved columns the file no longer has. */
  missingHeaders: { header: string; field: string; label: string; required: boolean }[];
  /** Headers in the file the profile has never seen. */
  newHeaders: string[];
  /** Required fields the profile can no longer fill from this file. */
  missingRequired: MissingField[];
};

/** Checks a saved profile against a new file's headers and says exactly what no longer matches. */
export function checkProfile(profile: ColumnProfile, headers: readonly string[]): ProfileCheck {
  const schema = schemaFor(profile.kind);
  const present = new Set(headers.map(compactKey));
  const known = new Set([
    ...profile.columns.map((column) => compactKey(column.header)),
    ...profile.ignoredHeaders.map(compactKey),
  ]);
  const missingHeaders = profile.columns
    .filter((column) => !present.has(compactKey(column.header)))
    .map((column) => {
      const spec = schema.fields[column.field];
      return {
        header: column.header,
        field: column.field,
        label: spec?.label ?? column.field,
        required: spec?.presence === 'required',
      };
    });
  const newHeaders = headers
    .map(cleanText)
    .filter((header) => header !== '' && !known.has(compactKey(header)));
  const mapped = new Set(
    profile.columns
      .filter((column) => present.has(compactKey(column.header)))
      .map((column) => String(column.field)),
  );
  const missingRequired = missingRequiredFields(schema, mapped);
  return {
    matches: missingHeaders.length === 0 && newHeaders.length === 0,
    missingHeaders,
    newHeaders,
    missingRequired,
  };
}

export type KindGuess = {
  kind: SourceKind;
  usable: boolean;
  requiredCovered: number;
  requiredTotal: number;
  score: number;
};

/** Ranks the kinds of extract a file's headers could be, most likely first. */
export function detectKind(headers: readonly string[]): KindGuess[] {
  const guesses = (Object.keys(SCHEMAS) as SourceKind[]).map((kind) => {
    const detection = detectProfile(headers, kind);
    const schema = schemaFor(kind);
    const requiredTotal = fieldSpecs(schema).filter(([, spec]) => spec.presence === 'required').length;
    const score = detection.profile.columns.reduce((sum, column) => sum + column.confidence, 0);
    return {
      kind,
      usable: detection.usable,
      requiredCovered: requiredTotal - detection.missingRequired.length,
      requiredTotal,
      score,
    };
  });
  return guesses.sort(
    (a, b) =>
      Number(b.usable) - Number(a.usable) ||
      b.requiredCovered / b.requiredTotal - a.requiredCovered / a.requiredTotal ||
      b.score - a.score,
  );
}

const profileShape = z.object({
  version: z.literal(1),
  kind: z.string(),
  columns: z.array(
    z.object({
      header: z.string(),
      field: z.string(),
      confidence: z.number().min(0).max(1),
      match: z.enum(['exact', 'synonym', 'fuzzy', 'partial', 'manual']),
    }),
  ),
  ignoredHeaders: z.array(z.string()),
});

/** Reads a saved profile back (from JSON or a database row), refusing one that names unknown kinds or fields. */
export function parseProfile(input: unknown): ColumnProfile {
  const result = profileShape.safeParse(input);
  if (!result.success) {
    throw ingestError(
      'ingest-invalid-profile',
      'The saved column profile is malformed',
      result.error.issues.map((issue) => ({
        path: issue.path.join('.') || 'profile',
        rule: issue.code,
        message: issue.message,
      })),
    );
  }
  const { kind, columns, ignoredHeaders } = result.data;
  if (!isSourceKind(kind)) {
    throw ingestError(
      'ingest-invalid-profile',
      `The saved column profile is for an unknown kind of extract "${kind}"`,
      [
        {
          path: 'kind',
          rule: 'known-kind',
          message: `"${kind}" is not one of ${Object.keys(SCHEMAS).join(', ')}`,
        },
      ],
    );
  }
  const schema = schemaFor(kind);
  const issues = columns.flatMap((column, index) =>
    Object.hasOwn(schema.fields, column.field)
      ? []
      : [
          {
            path: `columns[${index}].field`,
            rule: 'known-field',
            message: `"${column.field}" is not a ${kind} field`,
          },
        ],
  );
  const fields = columns.map((column) => column.field);
  fields.forEach((field, index) => {
    if (fields.indexOf(field) !== index) {
      issues.push({
        path: `columns[${index}].field`,
        rule: 'field-once',
        message: `"${field}" is mapped twice`,
      });
    }
  });
  if (issues.length > 0)
    throw ingestError('ingest-invalid-profile', 'The saved column profile does not fit its kind', issues);
  return { version: 1, kind, columns: columns as ProfileColumn[], ignoredHeaders };
}
