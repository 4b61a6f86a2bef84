export {
  isSettingKey,
  SETTING_KEYS,
  SETTINGS,
  type SettingDefinition,
  type SettingKey,
  type SettingValue,
} from './domain/catalogue';
export type { GapItem, GapStatus, GapSummary } from './domain/gap-analysis';
export { describeValue } from './domain/values';
export {
  REASON_CATEGORIES,
  REASON_CATEGORY_LABELS,
  type ReasonCategory,
  type Variation,
  type VariationStatus,
} from './domain/variation';
export {
  type ConformanceReport,
  createFrameworkService,
  type EffectiveSetting,
  type FrameworkErrorCode,
  type FrameworkService,
  type GapAnalysis,
} from './service';
export { frameworkMigrations } from './sql/migrations';
export type { StandardDocument } from './standard';
