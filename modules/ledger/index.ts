export {
  type Account,
  type AccountType,
  COMMON_CHART,
  CONTROL_ACCOUNTS,
  isDebitNormal,
  needsCostCentre,
} from './domain/chart';
export {
  type JournalInput,
  type JournalLineInput,
  type PostedJournal,
  REASON_CODES,
  type ReasonCode,
  type Side,
} from './domain/journal';
export {
  type CostCentreReport,
  createLedgerService,
  type LedgerErrorCode,
  type LedgerService,
  type LegacyChartImport,
  type TrialBalance,
  type TrialBalanceLine,
} from './service';
export { ledgerMigrations } from './sql/migrations';
export type { CostCentre } from './sql/queries';
