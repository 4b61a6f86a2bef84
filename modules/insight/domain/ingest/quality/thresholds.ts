/**
 * What a dataset is fit for, from its four dimension scores (each 0–1).
 *
 * fit-for-automation: figures may drive actions with no person checking them
 * (an alert, a price-variation saving quoted to a supplier), so at most about
 * one row in 200 may be doubtful and the data must be current.
 *
 * good-enough-for-decision: "good enough, soon enough" — a person reading an
 * aggregate can allow for a few gaps. Five per cent invalid rows moves a total
 * by a few per cent at most, which does not change a decision between options;
 * data up to about seven months old still describes the organisation.
 */
export type QualityLabel = 'fit-for-automation' | 'good-enough-for-decision' | 'not-fit';

export type QualityDimension = 'completeness' | 'validity' | 'consistency' | 'timeliness';

export type Thresholds = Readonly<Record<QualityDimension, number>>;

export const FIT_FOR_AUTOMATION: Thresholds = {
  completeness: 0.98,
  validity: 0.995,
  consistency: 0.98,
  timeliness: 0.9,
};

export const GOOD_ENOUGH_FOR_DECISION: Thresholds = {
  completeness: 0.8,
  validity: 0.95,
  consistency: 0.9,
  timeliness: 0.5,
};

/**
 * Monthly extracts arrive after month end plus a publication lag (spend files
 * are due within a month; NHS workforce statistics run about six weeks behind),
 * so data this many days old is fully timely.
 */
export const FRESH_DAYS = 45;
/** Data older than a year describes last year's organisation: no longer timely at all. */
export const STALE_DAYS = 400;

/** Shared transaction numbers are usually payment-run references over several lines: a small doubt per row. */
export const REUSED_KEY_WEIGHT = 0.1;
/** A spelling variant of a name splits one supplier's spend until harmonised: half a doubtful row. */
export const NAME_VARIANT_WEIGHT = 0.5;
/** A total that does not reproduce the file's own (or a published) control total caps consistency here. */
export const CONTROL_TOTAL_MISMATCH_CAP = 0.5;

/** A row dated outside the dataset's period is readable and probably real, but misplaced in time: half a doubtful row. */
export const OUT_OF_PERIOD_WEIGHT = 0.5;

/** Fill rate below which a field is named in the completeness reasons. */
export const REPORTED_FILL_RATE = 0.95;

export const QUALITY_LABEL_TEXT: Record<QualityLabel, string> = {
  'fit-for-automation': 'Fit for automation',
  'good-enough-for-decision': 'Good enough for a human decision',
  'not-fit': 'Not fit for use',
};
