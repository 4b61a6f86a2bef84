import { DomainError, type ErrorKind, type ValidationIssue } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { PlatformTx, ScopedReadTx, TenantRunner, TenantTx } from '../../kernel/tenancy';
import { isLocalDate, type LocalDate, londonDate } from '../../kernel/time';
import {
  isSettingKey,
  SETTING_KEYS,
  SETTINGS,
  type SettingDefinition,
  type SettingKey,
  type SettingValue,
} from './domain/catalogue';
import {
  analyseGaps,
  type GapItem,
  type GapSummary,
  readImportedSettings,
  summariseGaps,
} from './domain/gap-analysis';
import { sameValue } from './domain/values';
import {
  justificationConcerns,
  REASON_CATEGORIES,
  type ReasonCategory,
  type Variation,
  type VariationStatus,
} from './domain/variation';
import * as sql from './sql/queries';
import { SHIPPED_STANDARDS, type StandardDocument, validateStandard } from './standard';

export type FrameworkErrorCode =
  | 'SETTING_UNKNOWN'
  | 'SETTING_VALUE_INVALID'
  | 'VARIATION_SAME_AS_STANDARD'
  | 'VARIATION_EXISTS'
  | 'VARIATION_NOT_FOUND'
  | 'VARIATION_NOT_PROPOSED'
  | 'VARIATION_REASON_REQUIRED'
  | 'VARIATION_SELF_APPROVAL'
  | 'STANDARD_EXISTS'
  | 'STANDARD_MISSING'
  | 'GAP_ANALYSIS_NOT_FOUND';

const KIND: Record<FrameworkErrorCode, ErrorKind> = {
  SETTING_UNKNOWN: 'invalid',
  SETTING_VALUE_INVALID: 'invalid',
  VARIATION_SAME_AS_STANDARD: 'invalid',
  VARIATION_EXISTS: 'conflict',
  VARIATION_NOT_FOUND: 'not-found',
  VARIATION_NOT_PROPOSED: 'conflict',
  VARIATION_REASON_REQUIRED: 'invalid',
  VARIATION_SELF_APPROVAL: 'forbidden',
  STANDARD_EXISTS: 'conflict',
  STANDARD_MISSING: 'unavailable',
  GAP_ANALYSIS_NOT_FOUND: 'not-found',
};

const frameworkError = (code: FrameworkErrorCode, message: string, issues: readonly ValidationIssue[] = []) =>
  new DomainError(code, KIND[code], message, issues);

export type EffectiveSetting<K extends SettingKey = SettingKey> = {
  key: K;
  value: SettingValue<K>;
  source: 'standard' | 'variation';
  standardVersion: string;
  standardValue: SettingValue<K>;
  variationId: string | null;
};

export type ConformanceReport = {
  organisationId: string;
  standardVersion: string;
  /** Settings that count towards conformance (local choices excluded). */
  settingsCounted: number;
  onStandard: number;
  /** onStandard / settingsCounted, 0–1. */
  share: number;
  variations: (Variation & {
    title: string;
    standardValue: unknown;
    justified: boolean;
    concerns: string[];
    affects: string;
    localChoice: boolean;
  })[];
  proposed: Variation[];
};

export type GapAnalysis = {
  id: string;
  organisationId: string;
  fileName: string;
  fileFormat: 'json' | 'csv';
  standardVersion: string;
  createdBy: string;
  createdAt: string;
  items: GapItem[];
  summary: GapSummary;
};

type Standard = {
  version: string;
  title: string;
  effectiveFrom: string;
  settings: Record<SettingKey, unknown>;
};

/** Variations are re-read at most this often per process; a change made here clears the cache at once. */
const VARIATION_CACHE_MS = 10_000;

export function createFrameworkService({ runner }: { runner: TenantRunner }) {
  let currentStandard: Standard | null = null;
  const variationCache = new Map<string, { atMs: number; byKey: Map<string, Variation> }>();

  async function loadCurrentStandard(q: PlatformTx | TenantTx | ScopedReadTx): Promise<Standard> {
    if (currentStandard) return currentStandard;
    const [latest] = await sql.selectStandardVersions(q);
    if (!latest)
      throw frameworkError('STANDARD_MISSING', 'No national standard is installed: run `mainstay migrate`');
    const settings = await sql.selectStandardSettings(q, latest.version);
    currentStandard = {
      version: latest.version,
      title: latest.title,
      effectiveFrom: latest.effectiveFrom,
      settings: Object.fromEntries(SETTING_KEYS.map((key) => [key, settings.get(key)])) as Record<
        SettingKey,
        unknown
      >,
    };
    return currentStandard;
  }

  async function approvedVariations(tx: TenantTx): Promise<Map<string, Variation>> {
    const cached = variationCache.get(tx.ctx.organisationId);
    if (cached && tx.now.getTime() - cached.atMs < VARIATION_CACHE_MS) return cached.byKey;
    const variations = await sql.selectVariations(tx, {
      statuses: ['approved'],
      organisationIds: [tx.ctx.organisationId],
    });
    const byKey = new Map(variations.map((variation) => [variation.settingKey, variation]));
    variationCache.set(tx.ctx.organisationId, { atMs: tx.now.getTime(), byKey });
    return byKey;
  }

  function checkValue(key: string, value: unknown): SettingKey {
    if (!isSettingKey(key)) {
      throw frameworkError('SETTING_UNKNOWN', `${key} is not a setting of the standard`, [
        { path: 'settingKey', rule: 'setting-known', message: `Known settings: ${SETTING_KEYS.join(', ')}` },
      ]);
    }
    const parsed = (SETTINGS[key] as SettingDefinition).schema.safeParse(value);
    if (!parsed.success) {
      throw frameworkError(
        'SETTING_VALUE_INVALID',
        `That is not a valid value for ${SETTINGS[key].title}`,
        parsed.error.issues.map((issue) => ({
          path: ['value', ...issue.path].join('.'),
          rule: 'setting-value-valid',
          message: issue.message,
        })),
      );
    }
    return key;
  }

  async function requireVariation(tx: TenantTx, id: string): Promise<Variation> {
    const variation = await sql.selectVariation(tx, id);
    if (!variation)
      throw frameworkError('VARIATION_NOT_FOUND', `No variation ${id} in ${tx.ctx.organisationId}`);
    return variation;
  }

  const service = {
    /** Installs the standards that ship with this version (idempotent; run after migrations). */
    async installShippedStandards(): Promise<string[]> {
      const installed: string[] = [];
      await runner.withPlatform(async (tx) => {
        for (const document of SHIPPED_STANDARDS) {
          validateStandard(document);
          const inserted = await sql.insertStandard(tx, {
            ...document,
            publishedAt: new Date(`${document.effectiveFrom}T00:00:00Z`),
            publishedBy: 'Mainstay release',
          });
          if (inserted) installed.push(document.version);
        }
      });
      if (installed.length > 0) currentStandard = null;
      return installed;
    },

    /** The Design Authority publishes a new version of the standard; it applies to everyone from then on. */
    async publishStandard(tx: TenantTx, document: StandardDocument): Promise<string> {
      validateStandard(document);
      const inserted = await sql.insertStandard(tx, {
        ...document,
        publishedAt: tx.now,
        publishedBy: tx.ctx.actor.id,
      });
      if (!inserted)
        throw frameworkError('STANDARD_EXISTS', `Standard ${document.version} is already published`);
      tx.audit({
        action: 'framework.standard.published',
        entityType: 'standard',
        entityId: document.version,
        after: document,
      });
      currentStandard = null;
      variationCache.clear();
      return document.version;
    },

    async standard(): Promise<Standard & { definitions: typeof SETTINGS }> {
      const standard = await runner.withPlatform((tx) => loadCurrentStandard(tx));
      return { ...standard, definitions: SETTINGS };
    },

    async standardVersions() {
      return runner.withPlatform((tx) => sql.selectStandardVersions(tx));
    },

    /** The effective value of a setting for the transaction's organisation: the standard, or its approved variation. */
    async resolve<K extends SettingKey>(tx: TenantTx, key: K): Promise<EffectiveSetting<K>> {
      const standard = await loadCurrentStandard(tx);
      const variation = (await approvedVariations(tx)).get(key);
      const standardValue = standard.settings[key] as SettingValue<K>;
      return {
        key,
        value: (variation ? variation.value : standardValue) as SettingValue<K>,
        source: variation ? 'variation' : 'standard',
        standardVersion: standard.version,
        standardValue,
        variationId: variation?.id ?? null,
      };
    },

    async resolveAll(tx: TenantTx): Promise<EffectiveSetting[]> {
      const resolved: EffectiveSetting[] = [];
      for (const key of SETTING_KEYS) resolved.push(await service.resolve(tx, key));
      return resolved;
    },

    async proposeVariation(
      tx: TenantTx,
      input: {
        settingKey: string;
        value: unknown;
        reasonCategory: string;
        reason: string;
        reviewBy?: string | null;
      },
    ): Promise<Variation> {
      const key = checkValue(input.settingKey, input.value);
      const issues: ValidationIssue[] = [];
      if (!(REASON_CATEGORIES as readonly string[]).includes(input.reasonCategory)) {
        issues.push({
          path: 'reasonCategory',
          rule: 'reason-category-known',
          message: `One of: ${REASON_CATEGORIES.join(', ')}`,
        });
      }
      if (input.reason.trim() === '') {
        issues.push({
          path: 'reason',
          rule: 'variation-reason-required',
          message: 'Say why the standard does not fit here',
        });
      }
      if (input.reviewBy && !isLocalDate(input.reviewBy)) {
        issues.push({ path: 'reviewBy', rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      }
      if (issues.length > 0)
        throw frameworkError('VARIATION_REASON_REQUIRED', 'A variation needs a reason', issues);
      const standard = await loadCurrentStandard(tx);
      if (sameValue(input.value, standard.settings[key])) {
        throw frameworkError(
          'VARIATION_SAME_AS_STANDARD',
          `That value is the standard for ${SETTINGS[key].title}`,
          [
            {
              path: 'value',
              rule: 'variation-differs',
              message: 'A variation must differ from the standard',
            },
          ],
        );
      }
      const live = await sql.selectVariations(tx, {
        statuses: ['proposed', 'approved'],
        organisationIds: [tx.ctx.organisationId],
      });
      const clash = live.find((variation) => variation.settingKey === key);
      if (clash) {
        throw frameworkError(
          'VARIATION_EXISTS',
          `There is already a ${clash.status} variation of ${SETTINGS[key].title} (${clash.id})`,
          [
            {
              path: 'settingKey',
              rule: 'one-live-variation',
              message: 'Withdraw the existing variation first',
            },
          ],
        );
      }
      const variation: Variation = {
        organisationId: tx.ctx.organisationId,
        id: newId('var'),
        settingKey: key,
        value: input.value,
        reasonCategory: input.reasonCategory as ReasonCategory,
        reason: input.reason.trim(),
        status: 'proposed',
        requestedBy: tx.ctx.actor.id,
        requestedAt: tx.now.toISOString(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        reviewBy: (input.reviewBy as LocalDate | null | undefined) ?? null,
      };
      await sql.insertVariation(tx, variation);
      tx.audit({
        action: 'framework.variation.proposed',
        entityType: 'variation',
        entityId: variation.id,
        after: variation,
        reason: variation.reason,
      });
      return variation;
    },

    /** Approve or reject a proposed variation. Nobody decides their own proposal. */
    async decideVariation(
      tx: TenantTx,
      id: string,
      decision: { approve: boolean; note?: string | null },
    ): Promise<Variation> {
      const variation = await requireVariation(tx, id);
      if (variation.status !== 'proposed') {
        throw frameworkError(
          'VARIATION_NOT_PROPOSED',
          `Variation ${id} is ${variation.status}, not awaiting a decision`,
        );
      }
      if (variation.requestedBy === tx.ctx.actor.id) {
        throw frameworkError('VARIATION_SELF_APPROVAL', 'You cannot decide a variation you proposed');
      }
      const status: VariationStatus = decision.approve ? 'approved' : 'rejected';
      await sql.updateVariationStatus(tx, id, {
        status,
        decidedBy: tx.ctx.actor.id,
        decidedAt: tx.now,
        note: decision.note ?? null,
      });
      tx.audit({
        action: `framework.variation.${status}`,
        entityType: 'variation',
        entityId: id,
        before: { status: variation.status },
        after: { status, decidedBy: tx.ctx.actor.id },
        reason: decision.note ?? undefined,
      });
      variationCache.delete(tx.ctx.organisationId);
      return requireVariation(tx, id);
    },

    /** Return a setting to the standard (or drop a proposal). */
    async withdrawVariation(tx: TenantTx, id: string, reason: string): Promise<Variation> {
      const variation = await requireVariation(tx, id);
      if (variation.status !== 'proposed' && variation.status !== 'approved') {
        throw frameworkError('VARIATION_NOT_PROPOSED', `Variation ${id} is already ${variation.status}`);
      }
      await sql.updateVariationStatus(tx, id, { status: 'withdrawn', note: reason });
      tx.audit({
        action: 'framework.variation.withdrawn',
        entityType: 'variation',
        entityId: id,
        before: { status: variation.status },
        after: { status: 'withdrawn' },
        reason,
      });
      variationCache.delete(tx.ctx.organisationId);
      return requireVariation(tx, id);
    },

    async listVariations(tx: TenantTx | ScopedReadTx, statuses?: VariationStatus[]): Promise<Variation[]> {
      return sql.selectVariations(tx, { statuses });
    },

    /** How far an organisation is from the standard, and whether each departure is justified. */
    async conformance(tx: TenantTx | ScopedReadTx, organisationId: string): Promise<ConformanceReport> {
      const standard = await loadCurrentStandard(tx);
      const today = londonDate(tx.now);
      const all = await sql.selectVariations(tx, {
        organisationIds: [organisationId],
        statuses: ['approved', 'proposed'],
      });
      const approved = all.filter((variation) => variation.status === 'approved');
      const variations = approved.map((variation) => {
        const definition = SETTINGS[variation.settingKey] as SettingDefinition;
        const localChoice = definition.localChoice === true;
        const concerns = localChoice ? [] : justificationConcerns(variation, today);
        return {
          ...variation,
          title: definition.title,
          standardValue: standard.settings[variation.settingKey],
          justified: concerns.length === 0,
          concerns,
          affects: definition.affects,
          localChoice,
        };
      });
      const counted = SETTING_KEYS.filter((key) => (SETTINGS[key] as SettingDefinition).localChoice !== true);
      const departures = variations.filter((variation) => !variation.localChoice).length;
      return {
        organisationId,
        standardVersion: standard.version,
        settingsCounted: counted.length,
        onStandard: counted.length - departures,
        share: (counted.length - departures) / counted.length,
        variations,
        proposed: all.filter((variation) => variation.status === 'proposed'),
      };
    },

    /** Compares the current settings of an organisation about to join with the standard, and keeps the result. */
    async runGapAnalysis(tx: TenantTx, input: { fileName: string; text: string }): Promise<GapAnalysis> {
      const imported = readImportedSettings(input.fileName, input.text);
      const standard = await loadCurrentStandard(tx);
      const { items, summary } = analyseGaps(imported, standard.settings);
      const analysis = {
        id: newId('gap'),
        fileName: input.fileName,
        fileFormat: imported.format,
        standardVersion: standard.version,
        createdBy: tx.ctx.actor.id,
        createdAt: tx.now,
        items,
      };
      await sql.insertGapAnalysis(tx, tx.ctx.organisationId, analysis);
      tx.audit({
        action: 'framework.gap-analysis.created',
        entityType: 'gap-analysis',
        entityId: analysis.id,
        after: { fileName: input.fileName, standardVersion: standard.version, summary },
      });
      return { ...analysis, organisationId: tx.ctx.organisationId, createdAt: tx.now.toISOString(), summary };
    },

    async gapAnalyses(tx: TenantTx): Promise<GapAnalysis[]> {
      const rows = await sql.selectGapAnalyses(tx);
      return rows.map((row) => ({
        ...row,
        organisationId: tx.ctx.organisationId,
        summary: summariseGaps(row.items),
      }));
    },

    async gapAnalysis(tx: TenantTx, id: string): Promise<GapAnalysis> {
      const [row] = await sql.selectGapAnalyses(tx, id);
      if (!row) throw frameworkError('GAP_ANALYSIS_NOT_FOUND', `No gap analysis ${id}`);
      return { ...row, organisationId: tx.ctx.organisationId, summary: summariseGaps(row.items) };
    },
  };
  return service;
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
