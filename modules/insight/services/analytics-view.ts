import type { ReadScope, TenantContext } from '../../../kernel/tenancy';
import {
  type DataQuality,
  labelDatasets,
  platformDataQuality,
  type QualityThresholds,
} from '../domain/data-quality';
import type { SourceKind } from '../domain/ingest';
import { insightError } from '../errors';
import type { OrganisationFacts, SnapshotState } from './snapshot';

/** Who is looking and at what: the organisations shown, and the group they are compared with. */
export type AnalyticsView = {
  /** The organisation whose thresholds label combined figures (the acting one, or the system's board). */
  viewer: string;
  /** Organisations whose figures are shown. */
  organisations: string[];
  /** The comparison group for medians and price statistics. */
  peers: string[];
  /** Whether organisations other than the viewer are named (a system view) or shown only in aggregate. */
  named: boolean;
  /** The integrated care board when the view is a system's, or the acting organisation's own board. */
  system: string | null;
};

export type AnalyticsFilters = {
  from?: string;
  to?: string;
  /** In a system view: only this member organisation. */
  organisation?: string;
  category?: string;
  supplier?: string;
  staffGroup?: string;
  team?: string;
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Who is looking: one organisation (its own figures), or a system read scope (every member). */
export type Viewer = TenantContext | ReadScope;

export const isScoped = (viewer: Viewer): viewer is ReadScope => 'organisationIds' in viewer;

const comparable = (facts: OrganisationFacts): boolean =>
  facts.organisation.kind === 'trust' && (facts.datasets.length > 0 || facts.ledgerLatestMonth !== null);

/**
 * The view a viewer is allowed: an organisation sees its own figures by name
 * and its peers (the other trusts of its integrated care system, or every
 * organisation with data when it has none) only in aggregate; a system read
 * scope sees every member trust by name.
 */
export function viewOf(viewer: Viewer, state: SnapshotState, filters: AnalyticsFilters): AnalyticsView {
  const all = [...state.organisations.values()];
  if (!isScoped(viewer)) {
    const own = viewer.organisationId;
    const parent = state.organisations.get(own)?.organisation.parentId ?? null;
    const siblings = all.filter(
      (facts) => comparable(facts) && parent !== null && facts.organisation.parentId === parent,
    );
    const group = siblings.length > 1 ? siblings : all.filter(comparable);
    const peers = [...new Set([own, ...group.map((facts) => facts.organisation.id)])];
    return { viewer: own, organisations: [own], peers, named: false, system: parent };
  }
  const ids = new Set(viewer.organisationIds);
  const inScope = all.filter((facts) => ids.has(facts.organisation.id));
  const board = inScope.find((facts) => facts.organisation.kind === 'icb')?.organisation.id ?? null;
  const members = inScope
    .filter((facts) => facts.organisation.kind === 'trust')
    .map((facts) => facts.organisation.id);
  if (filters.organisation !== undefined && !members.includes(filters.organisation)) {
    throw insightError('INSIGHT_FILTER_INVALID', `${filters.organisation} is not a member of this system`, [
      {
        path: 'organisation',
        rule: 'member-of-system',
        message: 'Choose one of the system’s member organisations',
      },
    ]);
  }
  return {
    viewer: board ?? viewer.organisationIds[0] ?? '',
    organisations: filters.organisation ? [filters.organisation] : members,
    peers: members,
    named: true,
    system: board,
  };
}

export type MonthPeriod = { from: string; to: string };

const shiftMonth = (month: string, by: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The period asked for, or the twelve months up to the latest month with data. */
export function periodOf(filters: AnalyticsFilters, latest: string | null, today: string): MonthPeriod {
  for (const [path, value] of [
    ['from', filters.from],
    ['to', filters.to],
  ] as const) {
    if (value !== undefined && !MONTH.test(value)) {
      throw insightError('INSIGHT_FILTER_INVALID', `"${value}" is not a month`, [
        { path, rule: 'month-format', message: 'Write a month as YYYY-MM, e.g. 2026-04' },
      ]);
    }
  }
  const to = filters.to ?? latest ?? today.slice(0, 7);
  const from = filters.from ?? shiftMonth(to, -11);
  if (from > to) {
    throw insightError('INSIGHT_FILTER_INVALID', `The period starts (${from}) after it ends (${to})`, [
      { path: 'from', rule: 'period-order', message: 'The first month must not be after the last' },
    ]);
  }
  return { from, to };
}

export { shiftMonth };

const FALLBACK_THRESHOLDS: QualityThresholds = { automation: 0.98, decision: 0.8 };

export function thresholdsFor(state: SnapshotState, view: AnalyticsView): QualityThresholds {
  return state.organisations.get(view.viewer)?.thresholds ?? FALLBACK_THRESHOLDS;
}

/**
 * The data-quality label of everything of the given kinds the organisations
 * have imported; where the figures come from Mainstay's own ledger instead,
 * the label of that (validated at entry, judged on age only).
 */
export function qualityOf(
  state: SnapshotState,
  view: AnalyticsView,
  organisations: readonly string[],
  kinds: readonly SourceKind[],
  options: { ledger?: boolean; today: string },
): DataQuality {
  const datasets = organisations.flatMap((id) =>
    (state.organisations.get(id)?.datasets ?? []).filter((dataset) => kinds.includes(dataset.kind)),
  );
  const thresholds = thresholdsFor(state, view);
  if (datasets.length > 0) return labelDatasets(datasets, thresholds);
  if (options.ledger) {
    const latest = organisations
      .map((id) => state.organisations.get(id)?.ledgerLatestMonth ?? null)
      .filter((month): month is string => month !== null)
      .sort()
      .at(-1);
    return platformDataQuality(latest ? `${latest}-28` : null, options.today, thresholds);
  }
  return labelDatasets([], thresholds);
}
