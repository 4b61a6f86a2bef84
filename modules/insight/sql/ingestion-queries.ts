import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { Rejection, SourceKind } from '../domain/ingest';
import { type ColumnArrays, STORED_COLUMNS } from '../domain/stored-rows';

const TABLE_OF: Record<SourceKind, string> = {
  spend: 'insight.spend_line',
  'po-lines': 'insight.po_line',
  gl: 'insight.gl_line',
  'staff-in-post': 'insight.workforce_record',
  starters: 'insight.workforce_record',
  leavers: 'insight.workforce_record',
  sickness: 'insight.workforce_record',
  vacancies: 'insight.workforce_record',
  'temporary-staffing': 'insight.workforce_record',
};

const isWorkforce = (kind: SourceKind): boolean => TABLE_OF[kind] === 'insight.workforce_record';

const insertStatements = new Map<string, string>();

/**
 * A batch travels as one text parameter per column, its values separated by
 * U+001F, and string_to_array splits it in the database: cheaper at both ends
 * than array literals, whose every element is quoted and escaped. Stored
 * values never contain the separator (text is cleaned of control characters,
 * detail is JSON, which escapes them), and an empty value is null.
 */
export const VALUE_SEPARATOR = '\u001f';

const splitColumn = (parameter: number, type: string): string =>
  `string_to_array($${parameter}, E'\\x1f', '')${type === 'text' ? '' : `::${type}[]`}`;

/** What happens to a row whose fingerprint the organisation already holds. */
export type HeldRows = 'refuse' | 'skip';

/**
 * One set-based insert per kind and shape: one column per field that has any
 * value in the batch (columns empty throughout are left to their default,
 * null). A row already held (same fingerprint) fails the statement, or with
 * `skip` is passed over: the conflict check costs every row a second index
 * search, so it is used only once a file is known to repeat held rows.
 */
function insertStatement(
  kind: SourceKind,
  present: readonly boolean[],
  withDetail: boolean,
  held: HeldRows,
): string {
  const shape = `${kind}:${present.map((flag) => (flag ? 1 : 0)).join('')}:${withDetail ? 1 : 0}:${held}`;
  const cached = insertStatements.get(shape);
  if (cached) return cached;
  const kindColumn = isWorkforce(kind);
  const stored = STORED_COLUMNS[kind].filter((_, index) => present[index]);
  let next = kindColumn ? 4 : 3;
  const column = (type: string) => splitColumn(next++, type);
  const columns = [column('text'), column('int4'), ...stored.map((entry) => column(entry.type))];
  if (withDetail) columns.push(column('jsonb'));
  const names = [...stored.map((entry) => entry.column), ...(withDetail ? ['detail'] : [])];
  const sql = `insert into ${TABLE_OF[kind]} (organisation_id, batch_id, ${kindColumn ? 'kind, ' : ''}fingerprint, source_line${names.map((name) => `, ${name}`).join('')})
    select $1, $2, ${kindColumn ? '$3, ' : ''}u.* from unnest(${columns.join(', ')}) as u${held === 'skip' ? '\n    on conflict (organisation_id, fingerprint) do nothing' : ''}`;
  insertStatements.set(shape, sql);
  return sql;
}

const joined = (values: readonly (string | number | boolean | null)[]): string =>
  values.join(VALUE_SEPARATOR);

/** Inserts a batch of rows; returns how many were new (with `skip`, the rest were already held). */
export async function insertRows(
  q: Queryable,
  kind: SourceKind,
  organisationId: string,
  batchId: string,
  rows: ColumnArrays,
  held: HeldRows,
): Promise<number> {
  const params: unknown[] = isWorkforce(kind) ? [organisationId, batchId, kind] : [organisationId, batchId];
  params.push(joined(rows.fingerprints), joined(rows.lines));
  for (let index = 0; index < rows.columns.length; index += 1) {
    if (rows.present[index]) params.push(joined(rows.columns[index] ?? []));
  }
  if (rows.anyDetail) params.push(joined(rows.details));
  const result = await q.query(insertStatement(kind, rows.present, rows.anyDetail, held), params);
  return result.rowCount;
}

/** Whether an error is a held row met by an insert with `refuse` (a unique violation). */
export function isHeldRowConflict(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** Marks where a file's rows start, so an insert that meets held rows can be undone and the file stored again. */
export async function markFileStart(q: Queryable): Promise<void> {
  await q.query('savepoint insight_file_rows');
}

export async function undoFileRows(q: Queryable): Promise<void> {
  await q.query('rollback to savepoint insight_file_rows');
}

export async function keepFileRows(q: Queryable): Promise<void> {
  await q.query('release savepoint insight_file_rows');
}

export async function insertRejections(
  q: Queryable,
  organisationId: string,
  batchId: string,
  rejections: readonly Rejection[],
): Promise<void> {
  if (rejections.length === 0) return;
  await q.query(
    `insert into insight.rejection (organisation_id, batch_id, line, fingerprint, reason, issues, cells)
     select $1, $2, line, fingerprint, reason, issues, cells
     from unnest($3::int4[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[]) as r(line, fingerprint, reason, issues, cells)`,
    [
      organisationId,
      batchId,
      rejections.map((rejection) => rejection.line),
      rejections.map((rejection) => rejection.fingerprint),
      rejections.map((rejection) => rejection.reason),
      rejections.map((rejection) => JSON.stringify(rejection.issues)),
      rejections.map((rejection) => JSON.stringify(rejection.raw)),
    ],
  );
}

export type BatchRow = {
  id: string;
  kind: SourceKind;
  source: string;
  fileName: string;
  fileHash: string;
  status: 'imported' | 'failed';
  format: string | null;
  encoding: string | null;
  profile: unknown;
  profileVersion: number | null;
  headers: string[];
  dataRows: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  totalPence: Pence | null;
  periodStart: string | null;
  periodEnd: string | null;
  summary: unknown;
  quality: unknown;
  error: unknown;
  importedBy: string;
  importedAt: string;
};

export type NewBatch = Omit<BatchRow, 'importedAt'> & { importedAt: Date };

export async function insertBatch(q: Queryable, organisationId: string, batch: NewBatch): Promise<void> {
  await q.query(
    `insert into insight.import_batch (organisation_id, id, kind, source, file_name, file_hash, status, format, encoding,
       profile, profile_version, headers, data_rows, imported, already_present, rejected, total_pence, period_start,
       period_end, summary, quality, error, imported_by, imported_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
    [
      organisationId,
      batch.id,
      batch.kind,
      batch.source,
      batch.fileName,
      batch.fileHash,
      batch.status,
      batch.format,
      batch.encoding,
      batch.profile === null ? null : JSON.stringify(batch.profile),
      batch.profileVersion,
      batch.headers,
      batch.dataRows,
      batch.imported,
      batch.alreadyPresent,
      batch.rejected,
      batch.totalPence === null ? null : batch.totalPence.toString(),
      batch.periodStart,
      batch.periodEnd,
      JSON.stringify(batch.summary),
      batch.quality === null ? null : JSON.stringify(batch.quality),
      batch.error === null ? null : JSON.stringify(batch.error),
      batch.importedBy,
      batch.importedAt,
    ],
  );
}

type BatchDbRow = {
  organisation_id: string;
  id: string;
  kind: SourceKind;
  source: string;
  file_name: string;
  file_hash: string;
  status: 'imported' | 'failed';
  format: string | null;
  encoding: string | null;
  profile: unknown;
  profile_version: number | null;
  headers: string[];
  data_rows: number;
  imported: number;
  already_present: number;
  rejected: number;
  total_pence: bigint | null;
  period_start: string | null;
  period_end: string | null;
  summary: unknown;
  quality: unknown;
  error: unknown;
  imported_by: string;
  imported_at: Date | string;
};

const BATCH_COLUMNS = `organisation_id, id, kind, source, file_name, file_hash, status, format, encoding, profile,
  profile_version, headers, data_rows, imported, already_present, rejected, total_pence, period_start, period_end,
  summary, quality, error, imported_by, imported_at`;

function batchFromRow(row: BatchDbRow): BatchRow & { organisationId: string } {
  return {
    organisationId: row.organisation_id,
    id: row.id,
    kind: row.kind,
    source: row.source,
    fileName: row.file_name,
    fileHash: row.file_hash,
    status: row.status,
    format: row.format,
    encoding: row.encoding,
    profile: row.profile,
    profileVersion: row.profile_version,
    headers: row.headers,
    dataRows: row.data_rows,
    imported: row.imported,
    alreadyPresent: row.already_present,
    rejected: row.rejected,
    totalPence: row.total_pence === null ? null : (BigInt(row.total_pence) as Pence),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    summary: row.summary,
    quality: row.quality,
    error: row.error,
    importedBy: row.imported_by,
    importedAt: new Date(row.imported_at).toISOString(),
  };
}

export async function selectImportedBatchByHash(
  q: Queryable,
  kind: SourceKind,
  fileHash: string,
): Promise<(BatchRow & { organisationId: string }) | null> {
  const result = await q.query<BatchDbRow>(
    `select ${BATCH_COLUMNS} from insight.import_batch
     where organisation_id = kernel.current_organisation() and kind = $1 and file_hash = $2 and status = 'imported'`,
    [kind, fileHash],
  );
  const row = result.rows[0];
  return row ? batchFromRow(row) : null;
}

export async function selectBatch(
  q: Queryable,
  organisationId: string,
  id: string,
): Promise<(BatchRow & { organisationId: string }) | null> {
  const result = await q.query<BatchDbRow>(
    `select ${BATCH_COLUMNS} from insight.import_batch where organisation_id = $1 and id = $2`,
    [organisationId, id],
  );
  const row = result.rows[0];
  return row ? batchFromRow(row) : null;
}

/** Batches visible to the transaction (one organisation, or a read scope), newest first. */
export async function selectBatches(
  q: Queryable,
  filter: { kinds?: readonly SourceKind[]; beforeImportedAt?: string; limit: number },
): Promise<(BatchRow & { organisationId: string })[]> {
  const result = await q.query<BatchDbRow>(
    `select ${BATCH_COLUMNS} from insight.import_batch
     where ($1::text[] is null or kind = any ($1)) and ($2::timestamptz is null or imported_at < $2)
     order by imported_at desc, id desc limit $3`,
    [filter.kinds ?? null, filter.beforeImportedAt ?? null, filter.limit],
  );
  return result.rows.map(batchFromRow);
}

/** The quality scores of every imported dataset visible to the transaction, for labelling figures. */
export async function selectDatasetQualities(
  q: Queryable,
): Promise<{ organisationId: string; kind: SourceKind; id: string; fileName: string; quality: unknown }[]> {
  const result = await q.query<{
    organisation_id: string;
    kind: SourceKind;
    id: string;
    file_name: string;
    quality: unknown;
  }>(
    `select organisation_id, kind, id, file_name, quality from insight.import_batch
     where status = 'imported' and quality is not null order by organisation_id, imported_at`,
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    kind: row.kind,
    id: row.id,
    fileName: row.file_name,
    quality: row.quality,
  }));
}

export async function selectRejections(
  q: Queryable,
  organisationId: string,
  batchId: string,
): Promise<Rejection[]> {
  const result = await q.query<{
    line: number;
    fingerprint: string;
    reason: string;
    issues: Rejection['issues'];
    cells: string[];
    file_name: string;
  }>(
    `select r.line, r.fingerprint, r.reason, r.issues, r.cells, b.file_name
     from insight.rejection r join insight.import_batch b on b.organisation_id = r.organisation_id and b.id = r.batch_id
     where r.organisation_id = $1 and r.batch_id = $2 order by r.line`,
    [organisationId, batchId],
  );
  return result.rows.map((row) => ({
    sourceFile: row.file_name,
    line: row.line,
    fingerprint: row.fingerprint,
    raw: row.cells,
    reason: row.reason,
    issues: row.issues,
  }));
}

export type SavedProfileRow = {
  source: string;
  kind: SourceKind;
  profile: unknown;
  headers: string[];
  status: 'detected' | 'confirmed';
  version: number;
  savedBy: string;
  savedAt: string;
};

type ProfileDbRow = {
  source: string;
  kind: SourceKind;
  profile: unknown;
  headers: string[];
  status: 'detected' | 'confirmed';
  version: number;
  saved_by: string;
  saved_at: Date | string;
};

const profileFromRow = (row: ProfileDbRow): SavedProfileRow => ({
  source: row.source,
  kind: row.kind,
  profile: row.profile,
  headers: row.headers,
  status: row.status,
  version: row.version,
  savedBy: row.saved_by,
  savedAt: new Date(row.saved_at).toISOString(),
});

export async function selectProfile(q: Queryable, source: string): Promise<SavedProfileRow | null> {
  const result = await q.query<ProfileDbRow>(
    `select source, kind, profile, headers, status, version, saved_by, saved_at from insight.column_profile
     where organisation_id = kernel.current_organisation() and source = $1`,
    [source],
  );
  const row = result.rows[0];
  return row ? profileFromRow(row) : null;
}

export async function selectProfiles(q: Queryable): Promise<SavedProfileRow[]> {
  const result = await q.query<ProfileDbRow>(
    `select source, kind, profile, headers, status, version, saved_by, saved_at from insight.column_profile
     where organisation_id = kernel.current_organisation() order by source`,
  );
  return result.rows.map(profileFromRow);
}

export async function upsertProfile(
  q: Queryable,
  organisationId: string,
  profile: Omit<SavedProfileRow, 'savedAt'> & { savedAt: Date },
): Promise<void> {
  await q.query(
    `insert into insight.column_profile (organisation_id, source, kind, profile, headers, status, version, saved_by, saved_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (organisation_id, source) do update set kind = excluded.kind, profile = excluded.profile,
       headers = excluded.headers, status = excluded.status, version = excluded.version, saved_by = excluded.saved_by,
       saved_at = excluded.saved_at`,
    [
      organisationId,
      profile.source,
      profile.kind,
      JSON.stringify(profile.profile),
      profile.headers,
      profile.status,
      profile.version,
      profile.savedBy,
      profile.savedAt,
    ],
  );
}

/**
 * Marks that the organisation's data changed, so the analytics snapshot
 * reloads it: its imported rows, or only its harmonisation links.
 */
export async function bumpRevision(
  q: Queryable,
  organisationId: string,
  at: Date,
  what: 'rows' | 'links' = 'rows',
): Promise<void> {
  const [rows, links] = what === 'rows' ? [1, 0] : [0, 1];
  await q.query(
    `insert into insight.dataset_revision (organisation_id, revision, links_revision, changed_at) values ($1, $2, $3, $4)
     on conflict (organisation_id) do update set revision = insight.dataset_revision.revision + $2,
       links_revision = insight.dataset_revision.links_revision + $3, changed_at = $4`,
    [organisationId, rows, links, at],
  );
}

export type Revision = { rows: bigint; links: bigint };

export async function selectRevisions(q: Queryable): Promise<Map<string, Revision>> {
  const result = await q.query<{ organisation_id: string; revision: bigint; links_revision: bigint }>(
    'select organisation_id, revision, links_revision from insight.dataset_revision',
  );
  return new Map(
    result.rows.map((row) => [
      row.organisation_id,
      { rows: BigInt(row.revision), links: BigInt(row.links_revision) },
    ]),
  );
}
