import type { Queryable } from '../../../kernel/db';
import { canonicalJson } from '../../../kernel/json';
import type { LocalDate } from '../../../kernel/time';
import type { SettingKey } from '../domain/catalogue';
import type { GapItem } from '../domain/gap-analysis';
import type { ReasonCategory, Variation, VariationStatus } from '../domain/variation';

export type StandardRow = {
  version: string;
  title: string;
  effectiveFrom: string;
  notes: string;
  publishedAt: string;
  publishedBy: string;
};

export async function selectStandardVersions(q: Queryable): Promise<StandardRow[]> {
  const result = await q.query<{
    version: string;
    title: string;
    effective_from: string;
    notes: string;
    published_at: Date;
    published_by: string;
  }>(
    `select version, title, effective_from, notes, published_at, published_by
     from framework.standard_version order by effective_from desc, published_at desc`,
  );
  return result.rows.map((row) => ({
    version: row.version,
    title: row.title,
    effectiveFrom: row.effective_from,
    notes: row.notes,
    publishedAt: row.published_at.toISOString(),
    publishedBy: row.published_by,
  }));
}

export async function selectStandardSettings(q: Queryable, version: string): Promise<Map<string, unknown>> {
  const result = await q.query<{ setting_key: string; value: unknown }>(
    'select setting_key, value from framework.standard_setting where version = $1',
    [version],
  );
  return new Map(result.rows.map((row) => [row.setting_key, row.value]));
}

export async function insertStandard(
  q: Queryable,
  standard: Omit<StandardRow, 'publishedAt'> & { publishedAt: Date; settings: Record<string, unknown> },
): Promise<boolean> {
  const inserted = await q.query(
    `insert into framework.standard_version (version, title, effective_from, notes, published_at, published_by)
     values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
    [
      standard.version,
      standard.title,
      standard.effectiveFrom,
      standard.notes,
      standard.publishedAt,
      standard.publishedBy,
    ],
  );
  if (inserted.rowCount === 0) return false;
  const keys = Object.keys(standard.settings);
  await q.query(
    `insert into framework.standard_setting (version, setting_key, value)
     select $1, k, v::jsonb from unnest($2::text[], $3::text[]) as s(k, v)`,
    [standard.version, keys, keys.map((key) => canonicalJson(standard.settings[key]))],
  );
  return true;
}

type VariationRow = {
  organisation_id: string;
  id: string;
  setting_key: SettingKey;
  value: unknown;
  reason_category: ReasonCategory;
  reason: string;
  status: VariationStatus;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  review_by: LocalDate | null;
};

const toVariation = (row: VariationRow): Variation => ({
  organisationId: row.organisation_id,
  id: row.id,
  settingKey: row.setting_key,
  value: row.value,
  reasonCategory: row.reason_category,
  reason: row.reason,
  status: row.status,
  requestedBy: row.requested_by,
  requestedAt: row.requested_at.toISOString(),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  decisionNote: row.decision_note,
  reviewBy: row.review_by,
});

const VARIATION_COLUMNS = `organisation_id, id, setting_key, value, reason_category, reason, status, requested_by,
  requested_at, decided_by, decided_at, decision_note, review_by`;

export async function selectVariations(
  q: Queryable,
  filter: { statuses?: readonly VariationStatus[]; organisationIds?: readonly string[] } = {},
): Promise<Variation[]> {
  const result = await q.query<VariationRow>(
    `select ${VARIATION_COLUMNS} from framework.variation
     where ($1::text[] is null or status = any ($1)) and ($2::text[] is null or organisation_id = any ($2))
     order by organisation_id, setting_key, requested_at`,
    [filter.statuses ?? null, filter.organisationIds ?? null],
  );
  return result.rows.map(toVariation);
}

export async function selectVariation(q: Queryable, id: string): Promise<Variation | null> {
  const result = await q.query<VariationRow>(
    `select ${VARIATION_COLUMNS} from framework.variation where id = $1`,
    [id],
  );
  return result.rows[0] ? toVariation(result.rows[0]) : null;
}

export async function insertVariation(q: Queryable, variation: Variation): Promise<void> {
  await q.query(
    `insert into framework.variation (${VARIATION_COLUMNS})
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      variation.organisationId,
      variation.id,
      variation.settingKey,
      canonicalJson(variation.value),
      variation.reasonCategory,
      variation.reason,
      variation.status,
      variation.requestedBy,
      variation.requestedAt,
      variation.decidedBy,
      variation.decidedAt,
      variation.decisionNote,
      variation.reviewBy,
    ],
  );
}

export async function updateVariationStatus(
  q: Queryable,
  id: string,
  change: { status: VariationStatus; decidedBy?: string; decidedAt?: Date; note: string | null },
): Promise<void> {
  await q.query(
    `update framework.variation
     set status = $2, decided_by = coalesce($3, decided_by), decided_at = coalesce($4, decided_at), decision_note = $5
     where id = $1`,
    [id, change.status, change.decidedBy ?? null, change.decidedAt ?? null, change.note],
  );
}

export type GapAnalysisRow = {
  id: string;
  fileName: string;
  fileFormat: 'json' | 'csv';
  standardVersion: string;
  createdBy: string;
  createdAt: string;
  items: GapItem[];
};

export async function insertGapAnalysis(
  q: Queryable,
  organisationId: string,
  analysis: Omit<GapAnalysisRow, 'createdAt'> & { createdAt: Date },
): Promise<void> {
  await q.query(
    `insert into framework.gap_analysis
       (organisation_id, id, file_name, file_format, standard_version, created_by, created_at, items)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [
      organisationId,
      analysis.id,
      analysis.fileName,
      analysis.fileFormat,
      analysis.standardVersion,
      analysis.createdBy,
      analysis.createdAt,
      canonicalJson(analysis.items),
    ],
  );
}

export async function selectGapAnalyses(q: Queryable, id?: string): Promise<GapAnalysisRow[]> {
  const result = await q.query<{
    id: string;
    file_name: string;
    file_format: 'json' | 'csv';
    standard_version: string;
    created_by: string;
    created_at: Date;
    items: GapItem[];
  }>(
    `select id, file_name, file_format, standard_version, created_by, created_at, items
     from framework.gap_analysis where ($1::text is null or id = $1) order by created_at desc`,
    [id ?? null],
  );
  return result.rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    fileFormat: row.file_format,
    standardVersion: row.standard_version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    items: row.items,
  }));
}
