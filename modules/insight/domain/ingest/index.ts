/**
 * Reading legacy extracts as they are (pure; no database): bytes → text →
 * table → column profile → normalised records and rejections → data-quality
 * label. The importing service stores the records (deduplicated by
 * fingerprint), the rejections (the quarantine) and the profiles.
 */
export { benchSpendParse, type SpendParseBench } from './bench';
export type { Delimiter, LineEndings } from './csv';
export type {
  DecodedRunSample,
  DecodedText,
  Decoding,
  DecodingFlag,
  EncodingDecision,
  TextEncoding,
} from './decode';
export { decodeText, MAX_DECODING_FLAGS } from './decode';
export { INGEST_ERROR_CODES, type IngestErrorCode, ingestUserMessage, isIngestErrorCode } from './errors';
export type { FileWarning } from './file-warnings';
export { isRepeatedRow } from './fingerprint';
export type { MatchKind } from './header-match';
export {
  type FileIngest,
  type FileIngestFailure,
  type IngestFileOptions,
  ingestFile,
  type TableDescription,
} from './ingest-file';
export {
  DEFAULT_BATCH_ROWS,
  type NormaliseBatch,
  type NormalisedRecord,
  type NormaliseOptions,
  type NormaliseResult,
  type NormaliseSummary,
  normaliseInBatches,
  normaliseRows,
  type Rejection,
} from './normalise';
export { parseAmount } from './parse/amount';
export { parseGtin } from './parse/codes';
export { type DateOrder, type DateOrderDecision, detectDateOrder, parseDate } from './parse/dates';
export { parseDecimal } from './parse/decimal';
export { parseFinancialYear, parsePeriod } from './parse/periods';
export type { Parsed } from './parse/result';
export {
  type ColumnProfile,
  checkProfile,
  detectKind,
  detectProfile,
  type KindGuess,
  type MissingField,
  type ProfileCheck,
  type ProfileColumn,
  type ProfileDetection,
  parseProfile,
  REVIEW_CONFIDENCE,
} from './profile';
export { combineQuality, labelFor, scoreQuality, scoreTally } from './quality/score';
export { type QualityTally, qualityTally } from './quality/tally';
export {
  CONTROL_TOTAL_MISMATCH_CAP,
  FIT_FOR_AUTOMATION,
  FRESH_DAYS,
  GOOD_ENOUGH_FOR_DECISION,
  NAME_VARIANT_WEIGHT,
  OUT_OF_PERIOD_WEIGHT,
  QUALITY_LABEL_TEXT,
  type QualityDimension,
  type QualityLabel,
  REUSED_KEY_WEIGHT,
  STALE_DAYS,
  type Thresholds,
} from './quality/thresholds';
export type { DimensionScore, QualityContext, QualityInput, QualityScore } from './quality/types';
export {
  type CsvSource,
  type ReadTableOptions,
  readCsvTable,
  readTable,
  type Table,
  type TableRow,
  type XlsxSource,
} from './read-table';
export { rejectionsCsv } from './rejections-csv';
export {
  type FieldName,
  type FieldSpec,
  type FieldType,
  type Presence,
  type RecordValues,
  SCHEMAS,
  type SchemaOf,
  SOURCE_KINDS,
  type SourceKind,
  type SourceSchema,
  schemaFor,
  type WorkforceKind,
} from './schema';
export { syntheticSpendCsv } from './synthetic-spend';
export type { DecimalText, FinancialYear, Gtin14, IsoDate, IsoMonth } from './values';
