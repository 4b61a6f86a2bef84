import { createHash, hash } from 'node:crypto';
import { isDomainError, type ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import type { Pence } from '../../../kernel/money';
import type { ScopedReadTx, TenantTx } from '../../../kernel/tenancy';
import { londonDate } from '../../../kernel/time';
import type { FrameworkService } from '../../framework';
import type { LedgerService } from '../../ledger';
import type { OrganisationsService } from '../../organisations';
import {
  type DataQuality,
  labelDatasets,
  labelQuality,
  periodOfTimes,
  type QualityThresholds,
} from '../domain/data-quality';
import {
  type ColumnProfile,
  type DateOrder,
  type FileWarning,
  type IngestErrorCode,
  type IsoDate,
  isIngestErrorCode,
  type NormaliseOptions,
  type NormaliseSummary,
  normaliseInBatches,
  parseProfile,
  type QualityScore,
  type QualityTally,
  qualityTally,
  type Rejection,
  readTable,
  rejectionsCsv,
  type SourceKind,
  schemaFor,
  scoreTally,
  type Table,
} from '../domain/ingest';
import { type ProfileOutcome, resolveProfile, type SavedProfile } from '../domain/profile-resolution';
import { columnArrayBuilder } from '../domain/stored-rows';
import { insightError } from '../errors';
import * as sql from '../sql/ingestion-queries';
import { queryPipeline } from './query-pipeline';

export type ImportFileInput = {
  bytes: Uint8Array;
  fileName: string;
  kind: SourceKind;
  /** The feed the file comes from; its column mapping is saved under this name (default: the kind). */
  source?: string;
  /** A mapping a person confirmed for this file; saved for the source. */
  profile?: ColumnProfile;
  /** The as-at date of a staff-in-post snapshot without an as-at column. */
  asAt?: IsoDate;
  dateOrder?: DateOrder;
  sheet?: string;
  /** The organisation's name, when it is not yet known to Mainstay. */
  organisationName?: string;
  /** The date the data is judged current on (timeliness); today by default. */
  reportingDate?: IsoDate;
};

export type ImportError = { code: IngestErrorCode; message: string; issues: readonly ValidationIssue[] };

export type ImportProfileReport = {
  source: string;
  status: 'detected' | 'confirmed';
  version: number;
  change: ProfileOutcome['change'];
  autoMapped: { header: string; field: string }[];
  newHeaders: string[];
  missingHeaders: string[];
  needsReview: { header: string; field: string; reason: string }[];
};

/**
 * What importing one file did. `imported + rejected = rows` always; on a
 * repeat of a file already imported, `imported` is what that file put in
 * the store and `newRows` is 0: nothing is written twice.
 */
export type ImportOutcome = {
  batchId: string;
  file: string;
  kind: SourceKind;
  /** imported: read and stored; repeat: this exact file was imported before; failed: the whole file was refused. */
  status: 'imported' | 'repeat' | 'failed';
  rows: number;
  imported: number;
  rejected: number;
  /** Imported rows stored by this import; the others were already held (the same rows from another file). */
  newRows: number;
  alreadyPresent: number;
  totalPence: Pence | null;
  quality: DataQuality | null;
  profile: ImportProfileReport | null;
  warnings: FileWarning[];
  error: ImportError | null;
};

export type BatchView = sql.BatchRow & { organisationId: string; qualityLabel: DataQuality | null };

const SOURCE_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

function checkSource(source: string): string {
  if (!SOURCE_NAME.test(source)) {
    throw insightError('INSIGHT_SOURCE_INVALID', `"${source}" is not a source name`, [
      {
        path: 'source',
        rule: 'source-name',
        message: 'Name the feed in 1–40 lower-case letters, digits or hyphens, e.g. "oracle-ap"',
      },
    ]);
  }
  return source;
}

const asQualityScore = (value: unknown): QualityScore | null =>
  value !== null && typeof value === 'object' && 'dimensions' in value ? (value as QualityScore) : null;

function profileReport(source: string, outcome: ProfileOutcome): ImportProfileReport {
  return {
    source,
    status: outcome.status,
    version: outcome.version,
    change: outcome.change,
    autoMapped: outcome.autoMapped,
    newHeaders: outcome.check?.newHeaders ?? [],
    missingHeaders: outcome.check?.missingHeaders.map((missing) => missing.header) ?? [],
    needsReview: outcome.detection?.needsReview ?? [],
  };
}

/** A refused file's rows, each kept as a rejection with the file's reason, so the download shows every row. */
function refusedRows(table: Table, error: ImportError): Rejection[] {
  return table.rows.map((row) => ({
    sourceFile: table.fileName,
    line: row.line,
    fingerprint: createHash('sha256').update(row.cells.join('\u001f')).digest('base64url'),
    raw: row.cells,
    reason: `the file was refused: ${error.message}`,
    issues: [...error.issues],
  }));
}

type StoredRows = {
  summary: NormaliseSummary;
  newRows: number;
  tally: QualityTally;
  /** A GL extract's account codes, each with the name on its first row. */
  accounts: Map<string, string>;
};

/**
 * Normalises a file batch by batch and writes each batch while the next is
 * read (one statement in flight), tallying quality as it goes so no batch is
 * kept once written.
 */
async function storeRows(
  tx: TenantTx,
  file: {
    kind: SourceKind;
    batchId: string;
    table: Table;
    profile: ColumnProfile;
    normaliseOptions: NormaliseOptions;
    held: sql.HeldRows;
  },
): Promise<StoredRows> {
  const organisationId = tx.ctx.organisationId;
  const { kind, batchId, held } = file;
  const batches = normaliseInBatches(file.table, file.profile, file.normaliseOptions);
  const toColumns = columnArrayBuilder(kind);
  const pipeline = queryPipeline();
  const tally = qualityTally(kind);
  const accounts = new Map<string, string>();
  let newRows = 0;
  try {
    for (;;) {
      const step = batches.next();
      if (step.done) {
        await pipeline.drain();
        return { summary: step.value, newRows, tally, accounts };
      }
      const batch = step.value;
      if (batch.records.length > 0) {
        const columns = toColumns(batch.records);
        await pipeline.send(async () => {
          newRows += await sql.insertRows(tx, kind, organisationId, batchId, columns, held);
        });
      }
      if (batch.rejections.length > 0) {
        await pipeline.send(() => sql.insertRejections(tx, organisationId, batchId, batch.rejections));
      }
      for (const record of batch.records) {
        tally.addRecord(record);
        if (kind === 'gl') {
          const values = record.values as { accountCode?: string; accountName?: string | null };
          const code = values.accountCode;
          if (code && !accounts.has(code)) accounts.set(code, values.accountName ?? code);
        }
      }
      for (const rejection of batch.rejections) tally.addRejection(rejection);
    }
  } catch (error) {
    await pipeline.drain().catch(() => undefined);
    throw error;
  }
}

/**
 * Stores a file's rows, or none of them: a file that turns out to repeat rows
 * the organisation holds is stored again passing over those (see HeldRows),
 * and a refused file leaves nothing behind.
 */
async function storeFile(
  tx: TenantTx,
  file: Omit<Parameters<typeof storeRows>[1], 'held'>,
): Promise<StoredRows | ImportError> {
  await sql.markFileStart(tx);
  try {
    let stored: StoredRows;
    try {
      stored = await storeRows(tx, { ...file, held: 'refuse' });
    } catch (error) {
      if (!sql.isHeldRowConflict(error)) throw error;
      await sql.undoFileRows(tx);
      stored = await storeRows(tx, { ...file, held: 'skip' });
    }
    await sql.keepFileRows(tx);
    return stored;
  } catch (error) {
    if (!(isDomainError(error) && isIngestErrorCode(error.code))) throw error;
    await sql.undoFileRows(tx);
    return { code: error.code, message: error.message, issues: error.issues };
  }
}

export type IngestionDeps = {
  organisations: OrganisationsService;
  framework: FrameworkService;
  ledger: LedgerService;
};

export function createIngestionService({ organisations, framework, ledger }: IngestionDeps) {
  async function thresholdsOf(tx: TenantTx): Promise<QualityThresholds> {
    return (await framework.resolve(tx, 'insight.dataQualityThresholds')).value;
  }

  async function savedProfile(tx: TenantTx, source: string): Promise<SavedProfile | null> {
    const row = await sql.selectProfile(tx, source);
    if (!row) return null;
    return { profile: parseProfile(row.profile), status: row.status, version: row.version };
  }

  /** Legacy account codes seen in a GL extract become part of the ledger's legacy chart, to be mapped there. */
  async function registerLegacyAccounts(tx: TenantTx, accounts: ReadonlyMap<string, string>): Promise<void> {
    const known = new Set((await ledger.legacyMappings(tx)).map((mapping) => mapping.legacyCode));
    const unseen = [...accounts].filter(([code]) => !known.has(code));
    if (unseen.length === 0) return;
    await ledger.importLegacyChart(tx, {
      fileName: 'insight-gl-extract-accounts.json',
      text: JSON.stringify(unseen.map(([code, name]) => ({ code, name }))),
    });
  }

  async function recordFailure(
    tx: TenantTx,
    base: { batchId: string; input: ImportFileInput; source: string; fileHash: string },
    table: Table | null,
    error: ImportError,
    outcome: ProfileOutcome | null,
  ): Promise<ImportOutcome> {
    const rejections = table ? refusedRows(table, error) : [];
    await sql.insertRejections(tx, tx.ctx.organisationId, base.batchId, rejections);
    await sql.insertBatch(tx, tx.ctx.organisationId, {
      id: base.batchId,
      kind: base.input.kind,
      source: base.source,
      fileName: base.input.fileName,
      fileHash: base.fileHash,
      status: 'failed',
      format: table?.source.format ?? null,
      encoding: table?.encoding ?? null,
      profile: outcome?.profile ?? null,
      profileVersion: null,
      headers: table?.headers ?? [],
      dataRows: rejections.length,
      imported: 0,
      alreadyPresent: 0,
      rejected: rejections.length,
      totalPence: null,
      periodStart: null,
      periodEnd: null,
      summary: { profile: outcome ? profileReport(base.source, outcome) : null },
      quality: null,
      error,
      importedBy: tx.ctx.actor.id,
      importedAt: tx.now,
    });
    tx.audit({
      action: 'insight.file.refused',
      entityType: 'import-batch',
      entityId: base.batchId,
      after: { file: base.input.fileName, kind: base.input.kind, fileHash: base.fileHash, error },
    });
    return {
      batchId: base.batchId,
      file: base.input.fileName,
      kind: base.input.kind,
      status: 'failed',
      rows: rejections.length,
      imported: 0,
      rejected: rejections.length,
      newRows: 0,
      alreadyPresent: 0,
      totalPence: null,
      quality: null,
      profile: outcome ? profileReport(base.source, outcome) : null,
      warnings: [],
      error,
    };
  }

  const service = {
    /**
     * Imports one file in the caller's transaction: every data row is either
     * stored (once per organisation, whatever file it came from) or kept as a
     * rejection with its reasons; a file-level problem refuses the whole file.
     * An organisation Mainstay does not know yet is registered as external.
     */
    async importFile(tx: TenantTx, input: ImportFileInput): Promise<ImportOutcome> {
      const organisationId = tx.ctx.organisationId;
      const source = checkSource(input.source ?? input.kind);
      await organisations.ensureExternalOrganisation(tx, organisationId, input.organisationName);
      const fileHash = hash('sha256', input.bytes, 'hex');
      const earlier = await sql.selectImportedBatchByHash(tx, input.kind, fileHash);
      const thresholds = await thresholdsOf(tx);
      if (earlier) {
        tx.audit({
          action: 'insight.file.repeated',
          entityType: 'import-batch',
          entityId: earlier.id,
          after: { file: input.fileName, kind: input.kind, fileHash, newRows: 0 },
          reason: 'the same file was imported before; nothing was stored again',
        });
        const score = asQualityScore(earlier.quality);
        return {
          batchId: earlier.id,
          file: input.fileName,
          kind: input.kind,
          status: 'repeat',
          rows: earlier.dataRows,
          imported: earlier.imported,
          rejected: earlier.rejected,
          newRows: 0,
          alreadyPresent: earlier.imported,
          totalPence: earlier.totalPence,
          quality: score ? labelQuality(score, thresholds) : null,
          profile: null,
          warnings: [],
          error: null,
        };
      }
      const batchId = newId('imp');
      const base = { batchId, input, source, fileHash };
      let table: Table;
      try {
        table = await readTable(input.bytes, {
          fileName: input.fileName,
          ...(input.sheet ? { sheet: input.sheet } : {}),
        });
      } catch (error) {
        if (isDomainError(error) && isIngestErrorCode(error.code)) {
          return recordFailure(
            tx,
            base,
            null,
            { code: error.code, message: error.message, issues: error.issues },
            null,
          );
        }
        throw error;
      }
      const outcome = resolveProfile(
        input.kind,
        table.headers,
        await savedProfile(tx, source),
        input.profile ?? null,
      );
      const normaliseOptions = {
        ...(input.asAt ? { asAt: input.asAt } : {}),
        ...(input.dateOrder ? { dateOrder: input.dateOrder } : {}),
      };
      const stored = await storeFile(tx, {
        kind: input.kind,
        batchId,
        table,
        profile: outcome.profile,
        normaliseOptions,
      });
      if ('code' in stored) return recordFailure(tx, base, table, stored, outcome);
      const { summary, newRows, tally } = stored;

      const reportingDate = input.reportingDate ?? (londonDate(tx.now) as string as IsoDate);
      const period = periodOfTimes(tally.times, tally.records);
      const quality = scoreTally(tally, {
        period: period
          ? { start: period.start as IsoDate, end: period.end as IsoDate }
          : { start: reportingDate, end: reportingDate },
        reportingDate,
        controlTotalPence: summary.declaredTotalPence,
      });
      if (input.kind === 'gl') await registerLegacyAccounts(tx, stored.accounts);
      const report = profileReport(source, outcome);
      await sql.insertBatch(tx, organisationId, {
        id: batchId,
        kind: input.kind,
        source,
        fileName: input.fileName,
        fileHash,
        status: 'imported',
        format: table.source.format,
        encoding: table.encoding,
        profile: outcome.profile,
        profileVersion: outcome.version,
        headers: table.headers,
        dataRows: summary.rows,
        imported: summary.imported,
        alreadyPresent: summary.imported - newRows,
        rejected: summary.rejected,
        totalPence: summary.totalPence,
        periodStart: period?.start ?? null,
        periodEnd: period?.end ?? null,
        summary: {
          blankLines: summary.blankLines,
          declaredTotalPence: summary.declaredTotalPence?.toString() ?? null,
          dateOrder: summary.dateOrder,
          timeRange: summary.timeRange,
          rejectionsByRule: summary.rejectionsByRule,
          warnings: summary.warnings,
          profile: report,
        },
        quality,
        error: null,
        importedBy: tx.ctx.actor.id,
        importedAt: tx.now,
      });
      if (outcome.save) {
        await sql.upsertProfile(tx, organisationId, {
          source,
          kind: input.kind,
          profile: outcome.profile,
          headers: table.headers,
          status: outcome.status,
          version: outcome.version,
          savedBy: tx.ctx.actor.id,
          savedAt: tx.now,
        });
        tx.audit({
          action: 'insight.profile.saved',
          entityType: 'column-profile',
          entityId: source,
          after: {
            kind: input.kind,
            status: outcome.status,
            version: outcome.version,
            change: outcome.change,
          },
          reason: `mapping ${outcome.change} by importing ${input.fileName}`,
        });
      }
      if (newRows > 0) await sql.bumpRevision(tx, organisationId, tx.now);
      const labelled = labelQuality(quality, thresholds);
      tx.audit({
        action: 'insight.file.imported',
        entityType: 'import-batch',
        entityId: batchId,
        after: {
          file: input.fileName,
          kind: input.kind,
          source,
          fileHash,
          rows: summary.rows,
          imported: summary.imported,
          newRows,
          rejected: summary.rejected,
          totalPence: summary.totalPence,
          quality: labelled.label,
        },
      });
      return {
        batchId,
        file: input.fileName,
        kind: input.kind,
        status: 'imported',
        rows: summary.rows,
        imported: summary.imported,
        rejected: summary.rejected,
        newRows,
        alreadyPresent: summary.imported - newRows,
        totalPence: summary.totalPence,
        quality: labelled,
        profile: report,
        warnings: summary.warnings,
        error: null,
      };
    },

    /** Imports in the acting organisation's history, newest first, each with its data-quality label. */
    async batches(
      tx: TenantTx,
      filter: { kinds?: readonly SourceKind[]; before?: string; limit?: number } = {},
    ): Promise<BatchView[]> {
      const thresholds = await thresholdsOf(tx);
      const rows = await sql.selectBatches(tx, {
        ...(filter.kinds ? { kinds: filter.kinds } : {}),
        ...(filter.before ? { beforeImportedAt: filter.before } : {}),
        limit: Math.min(filter.limit ?? 50, 500),
      });
      return rows.map((row) => {
        const score = asQualityScore(row.quality);
        return { ...row, qualityLabel: score ? labelQuality(score, thresholds) : null };
      });
    },

    async batch(tx: TenantTx, batchId: string): Promise<BatchView> {
      const row = await sql.selectBatch(tx, tx.ctx.organisationId, batchId);
      if (!row) throw insightError('INSIGHT_BATCH_NOT_FOUND', `No import ${batchId}`);
      const score = asQualityScore(row.quality);
      return { ...row, qualityLabel: score ? labelQuality(score, await thresholdsOf(tx)) : null };
    },

    /** A file's rejected rows as a CSV to download, fix and send again. */
    async rejectionsCsv(tx: TenantTx, batchId: string): Promise<{ fileName: string; csv: string }> {
      const batch = await service.batch(tx, batchId);
      const rejections = await sql.selectRejections(tx, tx.ctx.organisationId, batchId);
      return {
        fileName: `${batch.fileName.replace(/\.[^.]+$/, '')}-rejections.csv`,
        csv: rejectionsCsv(batch.headers, rejections),
      };
    },

    async profiles(tx: TenantTx): Promise<sql.SavedProfileRow[]> {
      return sql.selectProfiles(tx);
    },

    /** Saves a mapping a person confirmed or edited for a source; the next file from it is read with this mapping. */
    async confirmProfile(tx: TenantTx, source: string, profile: unknown): Promise<sql.SavedProfileRow> {
      checkSource(source);
      let parsed: ColumnProfile;
      try {
        parsed = parseProfile(profile);
      } catch (error) {
        if (isDomainError(error)) throw insightError('INSIGHT_PROFILE_INVALID', error.message, error.issues);
        throw error;
      }
      const before = await sql.selectProfile(tx, source);
      const saved = {
        source,
        kind: parsed.kind,
        profile: parsed,
        headers: before?.headers ?? parsed.columns.map((column) => column.header),
        status: 'confirmed' as const,
        version: (before?.version ?? 0) + 1,
        savedBy: tx.ctx.actor.id,
        savedAt: tx.now,
      };
      await sql.upsertProfile(tx, tx.ctx.organisationId, saved);
      tx.audit({
        action: 'insight.profile.confirmed',
        entityType: 'column-profile',
        entityId: source,
        before: before ? { profile: before.profile, status: before.status, version: before.version } : null,
        after: { profile: parsed, status: 'confirmed', version: saved.version },
      });
      return { ...saved, savedAt: tx.now.toISOString() };
    },

    /** The data-quality label of each organisation in the transaction's scope, by kind of data and overall. */
    async organisationQuality(
      tx: TenantTx | ScopedReadTx,
      thresholds: QualityThresholds,
    ): Promise<
      { organisationId: string; overall: DataQuality; byKind: { kind: SourceKind; quality: DataQuality }[] }[]
    > {
      const datasets = await sql.selectDatasetQualities(tx);
      const byOrganisation = new Map<string, typeof datasets>();
      for (const dataset of datasets) {
        const list = byOrganisation.get(dataset.organisationId) ?? [];
        list.push(dataset);
        byOrganisation.set(dataset.organisationId, list);
      }
      return [...byOrganisation].map(([organisationId, list]) => {
        const scored = list.flatMap((dataset) => {
          const score = asQualityScore(dataset.quality);
          return score ? [{ name: dataset.fileName, kind: dataset.kind, score }] : [];
        });
        const kinds = [...new Set(scored.map((dataset) => dataset.kind))];
        return {
          organisationId,
          overall: labelDatasets(scored, thresholds),
          byKind: kinds.map((kind) => ({
            kind,
            quality: labelDatasets(
              scored.filter((dataset) => dataset.kind === kind),
              thresholds,
            ),
          })),
        };
      });
    },

    thresholds: thresholdsOf,

    /** The canonical fields a kind of extract can map its columns onto. */
    fieldsOf(kind: SourceKind): string[] {
      return Object.keys(schemaFor(kind).fields);
    },
  };
  return service;
}

export type IngestionService = ReturnType<typeof createIngestionService>;
