import { createHash } from 'node:crypto';
import { newId } from '../../../kernel/ids';
import type { Pence } from '../../../kernel/money';
import { type ScopedReadTx, systemActor, type TenantRunner, type TenantTx } from '../../../kernel/tenancy';
import type { OrganisationsService } from '../../organisations';
import {
  type CatalogueItem,
  type ItemMatch,
  resolveSuppliers,
  type SupplierMatch,
  type SupplierRecord,
  UnionFind,
  unifyCatalogue,
} from '../domain/unification';
import { insightError } from '../errors';
import { selectCatalogueItems, selectSupplierRecords } from '../sql/analytics-queries';
import * as sql from '../sql/harmonisation-queries';
import { bumpRevision } from '../sql/ingestion-queries';
import type { Snapshot } from './snapshot';

const SEPARATOR = '\u001f';
const recordId = (organisation: string, key: string) => `${organisation}${SEPARATOR}${key}`;
const split = (id: string): [string, string] => {
  const at = id.indexOf(SEPARATOR);
  return [id.slice(0, at), id.slice(at + 1)];
};

export type HarmonisationRun = {
  runId: string;
  suppliers: { records: number; groups: number; joinedAcrossNames: number; toReview: number };
  items: { records: number; groups: number; toReview: number };
  organisations: number;
  seconds: number;
};

type Group = { id: string; name: string; reason: string; confidence: number };

/** A stable id for a group of records: its strongest identifier, else a hash of its first member. */
function groupId(prefix: string, identifiers: readonly string[], members: readonly string[]): string {
  const identifier = [...identifiers].sort()[0];
  if (identifier) return `${prefix}:${identifier}`;
  const first = [...members].sort()[0] ?? '';
  return `${prefix}:${createHash('sha256').update(first).digest('base64url').slice(0, 16)}`;
}

/** For each record: the reason and confidence of the weakest link that put it in its group. */
function evidence(
  matches: readonly { ids: [string, string]; reason: string; confidence: number }[],
): Map<string, { reason: string; confidence: number }> {
  const byRecord = new Map<string, { reason: string; confidence: number }>();
  for (const match of matches) {
    for (const id of match.ids) {
      const known = byRecord.get(id);
      if (!known || match.confidence < known.confidence)
        byRecord.set(id, { reason: match.reason, confidence: match.confidence });
    }
  }
  return byRecord;
}

export type HarmonisationDeps = {
  runner: TenantRunner;
  organisations: OrganisationsService;
  snapshot: Snapshot;
};

/**
 * Harmonisation across organisations: supplier spellings resolved to one
 * supplier (Companies House and VAT numbers first, then normalised names),
 * catalogue items bought by different organisations unified into one product
 * (GTIN first, then codes, description, unit and pack size), each link with a
 * confidence, and the uncertain ones queued for a person at the organisation
 * whose record it is. Decisions are honoured by every later run.
 */
export function createHarmonisationService({ runner, organisations, snapshot }: HarmonisationDeps) {
  async function allOrganisationIds(): Promise<string[]> {
    return (await organisations.listOrganisations()).map((organisation) => organisation.id);
  }

  const service = {
    /**
     * Runs harmonisation over every organisation's data in the snapshot and
     * stores each organisation's links and review questions in its own
     * transaction. Opens transactions: call it outside any.
     */
    async run(): Promise<HarmonisationRun> {
      const started = performance.now();
      const runId = newId('hrm');
      const ids = await allOrganisationIds();
      const decisions = ids.length
        ? await runner.withReadScope({ organisationIds: ids, actor: systemActor }, (tx) =>
            sql.selectDecisions(tx),
          )
        : [];
      const state = await snapshot.current();

      const supplierRows = await selectSupplierRecords(state.db);
      const supplierRecords: SupplierRecord[] = supplierRows.map((row) => ({
        id: recordId(row.org, row.supplier_key),
        organisation: row.org,
        name: row.name,
        ...(row.company_number ? { companyNumber: row.company_number } : {}),
        ...(row.vat_number ? { vatNumber: row.vat_number } : {}),
      }));
      const suppliers = resolveSuppliers(supplierRecords);
      const supplierSets = new UnionFind(supplierRecords.length);
      const supplierIndex = new Map(supplierRecords.map((record, index) => [record.id, index]));
      const resolvedById = new Map(suppliers.suppliers.map((supplier) => [supplier.supplierId, supplier]));
      for (const [index, record] of supplierRecords.entries()) {
        const group = resolvedById.get(suppliers.supplierOf.get(record.id) ?? '');
        const other = group ? supplierIndex.get(group.recordIds[0] ?? '') : undefined;
        if (other !== undefined) supplierSets.union(index, other);
      }
      const decided = (subject: sql.ReviewSubject, status: sql.ReviewStatus) =>
        decisions.filter((decision) => decision.subject === subject && decision.status === status);
      for (const decision of decided('supplier', 'accepted')) {
        const a = supplierIndex.get(recordId(decision.organisationId, decision.recordKey));
        const b = supplierIndex.get(recordId(decision.candidateOrganisationId, decision.candidateKey));
        if (a !== undefined && b !== undefined) supplierSets.union(a, b);
      }
      const supplierGroups = groupsOf(
        supplierRecords.map((record) => record.id),
        supplierSets,
        (members) => {
          const records = members.map((id) => supplierRecords[supplierIndex.get(id) ?? -1] as SupplierRecord);
          const resolved = resolvedById.get(suppliers.supplierOf.get(members[0] ?? '') ?? '');
          return {
            id: groupId(
              'supplier',
              [
                ...records.flatMap((record) =>
                  record.companyNumber ? [`ch-${record.companyNumber.toUpperCase()}`] : [],
                ),
              ],
              members,
            ),
            name: resolved?.name ?? records[0]?.name ?? '',
          };
        },
      );
      const supplierEvidence = evidence(
        suppliers.matches.map((match) => ({
          ids: match.recordIds,
          reason: match.reason,
          confidence: match.confidence,
        })),
      );

      const itemRows = await selectCatalogueItems(state.db);
      const items: CatalogueItem[] = itemRows.map((row) => ({
        id: recordId(row.org, row.item_key),
        organisation: row.org,
        supplierName: row.supplier,
        supplierItemCode: row.supplier_item_code ?? '',
        manufacturerName: row.manufacturer ?? '',
        manufacturerPartCode: row.manufacturer_code ?? '',
        gtin: row.gtin ?? '',
        description: row.description,
        unitOfMeasure: row.unit_of_measure ?? '',
        packSize: row.pack_size > 0 ? row.pack_size : 1,
        pricePence: BigInt(Math.round(row.price_pence ?? 0)) as Pence,
      }));
      const catalogue = unifyCatalogue(items);
      const itemSets = new UnionFind(items.length);
      const firstOfProduct = new Map<number, number>();
      for (let index = 0; index < items.length; index += 1) {
        const product = catalogue.productOf[index] ?? index;
        const first = firstOfProduct.get(product);
        if (first === undefined) firstOfProduct.set(product, index);
        else itemSets.union(first, index);
      }
      const itemIndex = new Map(items.map((item, index) => [item.id, index]));
      for (const decision of decided('item', 'accepted')) {
        const a = itemIndex.get(recordId(decision.organisationId, decision.recordKey));
        const b = itemIndex.get(recordId(decision.candidateOrganisationId, decision.candidateKey));
        if (a !== undefined && b !== undefined) itemSets.union(a, b);
      }
      const itemGroups = groupsOf(
        items.map((item) => item.id),
        itemSets,
        (members) => {
          const grouped = members.map((id) => items[itemIndex.get(id) ?? -1] as CatalogueItem);
          const gtins = grouped.flatMap((item) =>
            /^\d{8,14}$/.test(item.gtin) ? [`gtin-${item.gtin.padStart(14, '0')}`] : [],
          );
          return {
            id: groupId('item', gtins, members),
            name: mostCommon(grouped.map((item) => item.description)),
          };
        },
      );
      const itemEvidence = evidence(
        catalogue.matches.map((match) => ({
          ids: match.itemIds,
          reason: match.reason,
          confidence: match.confidence,
        })),
      );

      const rejected = new Set(
        decisions
          .filter((decision) => decision.status === 'rejected')
          .map(
            (decision) =>
              `${decision.subject}${SEPARATOR}${decision.organisationId}${SEPARATOR}${decision.recordKey}${SEPARATOR}${decision.candidateOrganisationId}${SEPARATOR}${decision.candidateKey}`,
          ),
      );
      const reviewsByOrganisation = new Map<string, sql.NewReview[]>();
      const queue = (
        subject: sql.ReviewSubject,
        ids: [string, string],
        match: SupplierMatch | ItemMatch,
        groups: Map<string, Group>,
        names: (id: string) => string,
        identified: (id: string) => boolean,
      ) => {
        // the question goes to the organisation whose record carries less evidence (no registration number, no GTIN)
        const [first, second] = ids;
        const record = identified(second) && !identified(first) ? first : second;
        const candidate = record === first ? second : first;
        const [organisation, key] = split(record);
        const [candidateOrganisation, candidateKey] = split(candidate);
        if (groups.get(record)?.id === groups.get(candidate)?.id) return;
        if (
          rejected.has(
            `${subject}${SEPARATOR}${organisation}${SEPARATOR}${key}${SEPARATOR}${candidateOrganisation}${SEPARATOR}${candidateKey}`,
          )
        )
          return;
        const group = groups.get(candidate);
        const list = reviewsByOrganisation.get(organisation) ?? [];
        list.push({
          id: newId('rev'),
          subject,
          recordKey: key,
          recordName: names(record),
          candidateOrganisationId: candidateOrganisation,
          candidateKey,
          candidateName: names(candidate),
          candidateUnifiedId: group?.id ?? '',
          candidateUnifiedName: group?.name ?? '',
          confidence: match.confidence,
          reason: match.reason,
          detail: match.detail,
          runId,
        });
        reviewsByOrganisation.set(organisation, list);
      };
      const supplierName = (id: string) => supplierRecords[supplierIndex.get(id) ?? -1]?.name ?? id;
      for (const match of suppliers.reviewQueue)
        queue('supplier', match.recordIds, match, supplierGroups, supplierName, (id) => {
          const found = supplierRecords[supplierIndex.get(id) ?? -1];
          return Boolean(found?.companyNumber || found?.vatNumber);
        });
      const itemName = (id: string) => items[itemIndex.get(id) ?? -1]?.description ?? id;
      for (const match of catalogue.reviewQueue)
        queue('item', match.itemIds, match, itemGroups, itemName, (id) =>
          Boolean(items[itemIndex.get(id) ?? -1]?.gtin),
        );

      const now = new Date();
      const supplierIds = byOrganisation(supplierRecords.map((record) => record.id));
      const itemIds = byOrganisation(items.map((item) => item.id));
      for (const organisationId of ids) {
        const supplierLinks = linksOf(
          supplierIds.get(organisationId) ?? [],
          supplierGroups,
          supplierEvidence,
          (id) => {
            const record = supplierRecords[supplierIndex.get(id) ?? -1];
            return {
              name: record?.name ?? '',
              companyNumber: record?.companyNumber ?? null,
              vatNumber: record?.vatNumber ?? null,
            };
          },
        );
        const itemLinks = linksOf(itemIds.get(organisationId) ?? [], itemGroups, itemEvidence, (id) => ({
          name: items[itemIndex.get(id) ?? -1]?.description ?? '',
        }));
        const reviews = reviewsByOrganisation.get(organisationId) ?? [];
        await runner.withTenant({ organisationId, actor: systemActor }, async (tx) => {
          await sql.replaceSupplierLinks(tx, organisationId, runId, now, supplierLinks);
          await sql.replaceItemLinks(tx, organisationId, runId, now, itemLinks);
          await sql.upsertReviews(tx, organisationId, runId, now, reviews);
          if (supplierLinks.length + itemLinks.length + reviews.length > 0) {
            await bumpRevision(tx, organisationId, now, 'links');
            tx.audit({
              action: 'insight.harmonisation.run',
              entityType: 'harmonisation-run',
              entityId: runId,
              after: { suppliers: supplierLinks.length, items: itemLinks.length, reviews: reviews.length },
            });
          }
        });
      }
      const distinctGroups = (groups: Map<string, Group>) =>
        new Set([...groups.values()].map((group) => group.id)).size;
      const joinedAcrossNames = [...supplierGroups.values()].length - distinctGroups(supplierGroups);
      return {
        runId,
        suppliers: {
          records: supplierRecords.length,
          groups: distinctGroups(supplierGroups),
          joinedAcrossNames,
          toReview: suppliers.reviewQueue.length,
        },
        items: {
          records: items.length,
          groups: distinctGroups(itemGroups),
          toReview: catalogue.reviewQueue.length,
        },
        organisations: ids.length,
        seconds: Math.round((performance.now() - started) / 10) / 100,
      };
    },

    /** Uncertain matches for the organisation (or, in a system read scope, for every member). */
    async reviews(
      tx: TenantTx | ScopedReadTx,
      filter: { status?: sql.ReviewStatus; subject?: sql.ReviewSubject; limit?: number } = {},
    ): Promise<sql.ReviewRow[]> {
      return sql.selectReviews(tx, { ...filter, limit: Math.min(filter.limit ?? 100, 1000) });
    },

    /**
     * A person accepts or rejects a proposed match for their organisation's
     * record. Accepting links the record to the candidate's group at once;
     * every later harmonisation run keeps the decision either way.
     */
    async decide(
      tx: TenantTx,
      reviewId: string,
      decision: { accept: boolean; reason: string },
    ): Promise<sql.ReviewRow> {
      const review = await sql.selectReview(tx, tx.ctx.organisationId, reviewId);
      if (!review) throw insightError('INSIGHT_REVIEW_NOT_FOUND', `No review ${reviewId}`);
      if (review.status !== 'open') {
        throw insightError(
          'INSIGHT_REVIEW_DECIDED',
          `This match was already ${review.status} by ${review.decidedBy} at ${review.decidedAt}`,
        );
      }
      const status = decision.accept ? 'accepted' : 'rejected';
      await sql.decideReview(tx, tx.ctx.organisationId, reviewId, {
        status,
        by: tx.ctx.actor.id,
        at: tx.now,
        reason: decision.reason,
      });
      if (decision.accept && review.candidateUnifiedId !== '') {
        await sql.relink(tx, tx.ctx.organisationId, review.subject, review.recordKey, {
          id: review.candidateUnifiedId,
          name: review.candidateUnifiedName,
          at: tx.now,
        });
      }
      await bumpRevision(tx, tx.ctx.organisationId, tx.now, 'links');
      tx.audit({
        action: decision.accept ? 'insight.match.accepted' : 'insight.match.rejected',
        entityType: 'match-review',
        entityId: reviewId,
        before: { status: 'open' },
        after: {
          status,
          subject: review.subject,
          record: review.recordName,
          candidate: `${review.candidateName} (${review.candidateOrganisationId})`,
          confidence: review.confidence,
        },
        reason: decision.reason,
      });
      const after = await sql.selectReview(tx, tx.ctx.organisationId, reviewId);
      return after ?? review;
    },

    async summary(tx: TenantTx | ScopedReadTx) {
      return sql.selectLinkSummary(tx);
    },
  };
  return service;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function groupsOf(
  ids: readonly string[],
  sets: UnionFind,
  nameGroup: (members: string[]) => { id: string; name: string },
): Map<string, Group> {
  const members = new Map<number, string[]>();
  ids.forEach((id, index) => {
    const root = sets.find(index);
    const list = members.get(root) ?? [];
    list.push(id);
    members.set(root, list);
  });
  const groups = new Map<string, Group>();
  for (const list of members.values()) {
    const described = nameGroup(list);
    for (const id of list) groups.set(id, { ...described, reason: '', confidence: 1 });
  }
  return groups;
}

function byOrganisation(ids: readonly string[]): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const id of ids) {
    const organisation = split(id)[0];
    const list = lists.get(organisation) ?? [];
    list.push(id);
    lists.set(organisation, list);
  }
  return lists;
}

/** One organisation's records as links to their groups, each with the evidence that joined it. */
function linksOf(
  ids: readonly string[],
  groups: Map<string, Group>,
  evidenceOf: Map<string, { reason: string; confidence: number }>,
  detailsOf: (id: string) => { name: string; companyNumber?: string | null; vatNumber?: string | null },
): sql.LinkRow[] {
  return ids.map((id) => {
    const group = groups.get(id);
    const proof = evidenceOf.get(id);
    return {
      key: split(id)[1],
      ...detailsOf(id),
      unifiedId: group?.id ?? id,
      unifiedName: group?.name ?? '',
      reason: proof?.reason ?? 'no-match',
      confidence: proof?.confidence ?? 1,
    };
  });
}

export type HarmonisationService = ReturnType<typeof createHarmonisationService>;
