import type { Queryable } from '../../../kernel/db';

export type LinkRow = {
  key: string;
  name: string;
  unifiedId: string;
  unifiedName: string;
  reason: string;
  confidence: number;
  /** Suppliers only: the identifiers the organisation's records carry. */
  companyNumber?: string | null;
  vatNumber?: string | null;
};

const CHUNK = 20_000;

/** Replaces the organisation's supplier links with a harmonisation run's. */
export async function replaceSupplierLinks(
  q: Queryable,
  organisationId: string,
  runId: string,
  at: Date,
  links: readonly LinkRow[],
): Promise<void> {
  await q.query('delete from insight.supplier_link where organisation_id = $1', [organisationId]);
  for (let start = 0; start < links.length; start += CHUNK) {
    const chunk = links.slice(start, start + CHUNK);
    await q.query(
      `insert into insight.supplier_link (organisation_id, supplier_key, supplier_name, company_number, vat_number,
         unified_supplier_id, unified_name, reason, confidence, run_id, linked_at)
       select $1, k, n, c, v, u, un, r, cf, $2, $3
       from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::numeric[])
         as l(k, n, c, v, u, un, r, cf)`,
      [
        organisationId,
        runId,
        at,
        chunk.map((link) => link.key),
        chunk.map((link) => link.name),
        chunk.map((link) => link.companyNumber ?? null),
        chunk.map((link) => link.vatNumber ?? null),
        chunk.map((link) => link.unifiedId),
        chunk.map((link) => link.unifiedName),
        chunk.map((link) => link.reason),
        chunk.map((link) => link.confidence),
      ],
    );
  }
}

/** Replaces the organisation's catalogue-item links with a harmonisation run's. */
export async function replaceItemLinks(
  q: Queryable,
  organisationId: string,
  runId: string,
  at: Date,
  links: readonly LinkRow[],
): Promise<void> {
  await q.query('delete from insight.item_link where organisation_id = $1', [organisationId]);
  for (let start = 0; start < links.length; start += CHUNK) {
    const chunk = links.slice(start, start + CHUNK);
    await q.query(
      `insert into insight.item_link (organisation_id, item_key, description, unified_item_id, unified_description,
         reason, confidence, run_id, linked_at)
       select $1, k, n, u, un, r, cf, $2, $3
       from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::numeric[]) as l(k, n, u, un, r, cf)`,
      [
        organisationId,
        runId,
        at,
        chunk.map((link) => link.key),
        chunk.map((link) => link.name),
        chunk.map((link) => link.unifiedId),
        chunk.map((link) => link.unifiedName),
        chunk.map((link) => link.reason),
        chunk.map((link) => link.confidence),
      ],
    );
  }
}

export type ReviewSubject = 'supplier' | 'item';
export type ReviewStatus = 'open' | 'accepted' | 'rejected';

export type ReviewRow = {
  organisationId: string;
  id: string;
  subject: ReviewSubject;
  recordKey: string;
  recordName: string;
  candidateOrganisationId: string;
  candidateKey: string;
  candidateName: string;
  candidateUnifiedId: string;
  candidateUnifiedName: string;
  confidence: number;
  reason: string;
  detail: string;
  status: ReviewStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
  runId: string;
};

export type NewReview = Omit<
  ReviewRow,
  'organisationId' | 'status' | 'decidedBy' | 'decidedAt' | 'decisionReason' | 'createdAt'
>;

/**
 * Adds a run's uncertain matches to the organisation's queue. A pair already
 * decided stays decided; an open one is refreshed with the run's evidence;
 * open pairs the run no longer proposes are withdrawn.
 */
export async function upsertReviews(
  q: Queryable,
  organisationId: string,
  runId: string,
  at: Date,
  reviews: readonly NewReview[],
): Promise<void> {
  for (let start = 0; start < reviews.length; start += CHUNK) {
    const chunk = reviews.slice(start, start + CHUNK);
    await q.query(
      `insert into insight.match_review (organisation_id, id, subject, record_key, record_name, candidate_organisation_id,
         candidate_key, candidate_name, candidate_unified_id, candidate_unified_name, confidence, reason, detail, status,
         created_at, run_id)
       select $1, i, s, rk, rn, co, ck, cn, cu, cun, cf, r, d, 'open', $2, $3
       from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
         $12::text[], $13::numeric[], $14::text[], $15::text[]) as v(i, s, rk, rn, co, ck, cn, cu, cun, cf, r, d)
       on conflict (organisation_id, subject, record_key, candidate_organisation_id, candidate_key) do update
         set confidence = excluded.confidence, reason = excluded.reason, detail = excluded.detail,
           candidate_unified_id = excluded.candidate_unified_id, candidate_unified_name = excluded.candidate_unified_name,
           run_id = excluded.run_id
         where insight.match_review.status = 'open'`,
      [
        organisationId,
        at,
        runId,
        chunk.map((review) => review.id),
        chunk.map((review) => review.subject),
        chunk.map((review) => review.recordKey),
        chunk.map((review) => review.recordName),
        chunk.map((review) => review.candidateOrganisationId),
        chunk.map((review) => review.candidateKey),
        chunk.map((review) => review.candidateName),
        chunk.map((review) => review.candidateUnifiedId),
        chunk.map((review) => review.candidateUnifiedName),
        chunk.map((review) => review.confidence),
        chunk.map((review) => review.reason),
        chunk.map((review) => review.detail),
      ],
    );
  }
  await q.query(
    `delete from insight.match_review where organisation_id = $1 and status = 'open' and run_id <> $2`,
    [organisationId, runId],
  );
}

type ReviewDbRow = {
  organisation_id: string;
  id: string;
  subject: ReviewSubject;
  record_key: string;
  record_name: string;
  candidate_organisation_id: string;
  candidate_key: string;
  candidate_name: string;
  candidate_unified_id: string;
  candidate_unified_name: string;
  confidence: string | number;
  reason: string;
  detail: string;
  status: ReviewStatus;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  created_at: Date | string;
  run_id: string;
};

const REVIEW_COLUMNS = `organisation_id, id, subject, record_key, record_name, candidate_organisation_id, candidate_key,
  candidate_name, candidate_unified_id, candidate_unified_name, confidence, reason, detail, status, decided_by, decided_at,
  decision_reason, created_at, run_id`;

const reviewFromRow = (row: ReviewDbRow): ReviewRow => ({
  organisationId: row.organisation_id,
  id: row.id,
  subject: row.subject,
  recordKey: row.record_key,
  recordName: row.record_name,
  candidateOrganisationId: row.candidate_organisation_id,
  candidateKey: row.candidate_key,
  candidateName: row.candidate_name,
  candidateUnifiedId: row.candidate_unified_id,
  candidateUnifiedName: row.candidate_unified_name,
  confidence: Number(row.confidence),
  reason: row.reason,
  detail: row.detail,
  status: row.status,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at === null ? null : new Date(row.decided_at).toISOString(),
  decisionReason: row.decision_reason,
  createdAt: new Date(row.created_at).toISOString(),
  runId: row.run_id,
});

/** Reviews visible to the transaction (its organisation, or a system's members), highest confidence first. */
export async function selectReviews(
  q: Queryable,
  filter: { status?: ReviewStatus; subject?: ReviewSubject; limit: number },
): Promise<ReviewRow[]> {
  const result = await q.query<ReviewDbRow>(
    `select ${REVIEW_COLUMNS} from insight.match_review
     where ($1::text is null or status = $1) and ($2::text is null or subject = $2)
     order by status = 'open' desc, confidence desc, created_at, id limit $3`,
    [filter.status ?? null, filter.subject ?? null, filter.limit],
  );
  return result.rows.map(reviewFromRow);
}

export async function selectReview(
  q: Queryable,
  organisationId: string,
  id: string,
): Promise<ReviewRow | null> {
  const result = await q.query<ReviewDbRow>(
    `select ${REVIEW_COLUMNS} from insight.match_review where organisation_id = $1 and id = $2`,
    [organisationId, id],
  );
  const row = result.rows[0];
  return row ? reviewFromRow(row) : null;
}

/** Every decided pair visible to the transaction: a harmonisation run honours them. */
export async function selectDecisions(q: Queryable): Promise<ReviewRow[]> {
  const result = await q.query<ReviewDbRow>(
    `select ${REVIEW_COLUMNS} from insight.match_review where status <> 'open' order by organisation_id, id`,
  );
  return result.rows.map(reviewFromRow);
}

export async function decideReview(
  q: Queryable,
  organisationId: string,
  id: string,
  decision: { status: 'accepted' | 'rejected'; by: string; at: Date; reason: string },
): Promise<boolean> {
  const result = await q.query(
    `update insight.match_review set status = $3, decided_by = $4, decided_at = $5, decision_reason = $6
     where organisation_id = $1 and id = $2 and status = 'open'`,
    [organisationId, id, decision.status, decision.by, decision.at, decision.reason],
  );
  return result.rowCount === 1;
}

/** Links one of the organisation's records to a group after a person accepted the match. */
export async function relink(
  q: Queryable,
  organisationId: string,
  subject: ReviewSubject,
  key: string,
  unified: { id: string; name: string; at: Date },
): Promise<void> {
  const table = subject === 'supplier' ? 'insight.supplier_link' : 'insight.item_link';
  const keyColumn = subject === 'supplier' ? 'supplier_key' : 'item_key';
  const idColumn = subject === 'supplier' ? 'unified_supplier_id' : 'unified_item_id';
  const nameColumn = subject === 'supplier' ? 'unified_name' : 'unified_description';
  await q.query(
    `update ${table} set ${idColumn} = $3, ${nameColumn} = $4, reason = 'accepted-review', confidence = 1, linked_at = $5
     where organisation_id = $1 and ${keyColumn} = $2`,
    [organisationId, key, unified.id, unified.name, unified.at],
  );
}

/** Counts of links by how they were made, for the harmonisation summary. */
export async function selectLinkSummary(
  q: Queryable,
): Promise<
  { organisationId: string; subject: ReviewSubject; records: number; groups: number; reviewed: number }[]
> {
  const result = await q.query<{
    organisation_id: string;
    subject: ReviewSubject;
    records: string | number;
    groups: string | number;
    reviewed: string | number;
  }>(
    `select organisation_id, 'supplier' as subject, count(*) as records, count(distinct unified_supplier_id) as groups,
       count(*) filter (where reason = 'accepted-review') as reviewed
     from insight.supplier_link group by organisation_id
     union all
     select organisation_id, 'item', count(*), count(distinct unified_item_id), count(*) filter (where reason = 'accepted-review')
     from insight.item_link group by organisation_id
     order by 1, 2`,
  );
  return result.rows.map((row) => ({
    organisationId: row.organisation_id,
    subject: row.subject,
    records: Number(row.records),
    groups: Number(row.groups),
    reviewed: Number(row.reviewed),
  }));
}
