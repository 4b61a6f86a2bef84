export type { DataQuality, QualityThresholds } from './domain/data-quality';
export {
  type ColumnProfile,
  type IsoDate,
  QUALITY_LABEL_TEXT,
  type QualityLabel,
  SOURCE_KINDS,
  type SourceKind,
} from './domain/ingest';
export {
  type KpiMeasurement,
  type KpiSource,
  SHARED_SERVICE_KPIS,
  type SharedServiceKpi,
} from './domain/shared-service-kpis';
export type { InsightErrorCode } from './errors';
export { payablesKpiSource, procurementKpiSource } from './kpi-sources';
export { insightPermissions } from './permissions';
export { createInsightService, type InsightDeps, type InsightService } from './service';
export type {
  CorporateCosts,
  EarlyWarning,
  PriceVariation,
  SpendBreakdown,
  WorkforceReport,
} from './services/analytics';
export type { ImportFileInput, ImportOutcome } from './services/ingestion';
export { insightMigrations } from './sql/migrations';
