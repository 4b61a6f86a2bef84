import type { Pence } from '../../../../../kernel/money';
import type { NormalisedRecord, Rejection } from '../normalise';
import type { SourceKind } from '../schema';
import type { IsoDate } from '../values';
import type { QualityDimension, QualityLabel } from './thresholds';

export type DimensionScore = { score: number; reasons: string[] };

export type QualityScore = {
  label: QualityLabel;
  /** Why the label is what it is: the dimensions that kept it from the next label up. */
  labelReasons: string[];
  dimensions: Record<QualityDimension, DimensionScore>;
  /** Data rows the scores are over (imported + rejected). */
  rows: number;
};

/** What a dataset is judged against, beside its rows. */
export type QualityContext = {
  /** The period the dataset is meant to cover (inclusive). */
  period: { start: IsoDate; end: IsoDate };
  /** The date the figures are reported on: timeliness is measured back from it. */
  reportingDate: IsoDate;
  /** A total the imported amounts should reproduce: the file's own totals line or a published figure. */
  controlTotalPence?: Pence | null;
};

export type QualityInput<K extends SourceKind = SourceKind> = QualityContext & {
  kind: K;
  records: readonly NormalisedRecord<K>[];
  rejections: readonly Pick<Rejection, 'issues'>[];
};
