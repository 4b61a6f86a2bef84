import type { TenantRunner } from '../../kernel/tenancy';
import type { Clock } from '../../kernel/time';
import type { FrameworkService } from '../framework';
import type { LedgerService } from '../ledger';
import type { OrganisationsService } from '../organisations';
import type { KpiSource } from './domain/shared-service-kpis';
import { createAnalyticsService } from './services/analytics';
import { createHarmonisationService } from './services/harmonisation';
import { createIngestionService } from './services/ingestion';
import { createSnapshot, type SnapshotOptions } from './services/snapshot';

export type InsightDeps = {
  runner: TenantRunner;
  clock: Clock;
  organisations: OrganisationsService;
  framework: FrameworkService;
  ledger: LedgerService;
  snapshot?: SnapshotOptions;
  /** Other modules' measures of the shared service's KPIs, wired in by the composition root. */
  kpiSources?: readonly KpiSource[];
};

/**
 * Operational insight: ingestion of legacy extracts (in the caller's
 * transaction), harmonisation across organisations, and analytics over an
 * analytical snapshot of every organisation's data. The snapshot refresh and
 * a harmonisation run open their own transactions, one organisation at a
 * time: call analytics and `harmonisation.run` outside any transaction.
 */
export function createInsightService(deps: InsightDeps) {
  const snapshot = createSnapshot(deps, deps.snapshot);
  const ingestion = createIngestionService(deps);
  const harmonisation = createHarmonisationService({ ...deps, snapshot });
  const analytics = createAnalyticsService({
    snapshot,
    clock: deps.clock,
    ...(deps.kpiSources ? { kpiSources: deps.kpiSources } : {}),
  });
  return {
    ingestion,
    harmonisation,
    analytics,
    /** Brings the analytical snapshot up to date now (it also refreshes itself when data changes). */
    async refresh(options: { force?: boolean } = {}) {
      const state = await snapshot.current(options);
      return { builtAt: state.builtAt.toISOString(), organisations: state.organisations.size };
    },
    close(): void {
      snapshot.close();
    },
  };
}

export type InsightService = ReturnType<typeof createInsightService>;
