import type { FeatureColumn } from './column-profile';

/**
 * Turns profiled columns into model inputs using statistics from the training
 * rows only (medians, means, spreads, frequent levels, bin edges), so that no
 * test row ever shapes its own encoding.
 */
export type FeatureEncoder = {
  featureNames: readonly string[];
  columns: readonly ColumnEncoding[];
};

type NumericEncoding = {
  kind: 'numeric';
  source: FeatureColumn & { kind: 'numeric' | 'date' };
  /** For dates: the latest training date, so the feature reads "months before it". */
  referenceDay: number;
  median: number;
  mean: number;
  spread: number;
  valueFeature: number;
  missingFeature: number | undefined;
  binEdges: Float64Array;
};

type CategoricalEncoding = {
  kind: 'categorical';
  source: FeatureColumn & { kind: 'categorical' };
  /** Category code → feature index; codes not kept map to the "other" feature. */
  featureOfCode: Int32Array;
  /** The column's features are numbered contiguously: kept levels, then other, then missing. */
  firstFeature: number;
  otherFeature: number;
  missingFeature: number;
};

type ColumnEncoding = NumericEncoding | CategoricalEncoding;

/** One row per table row, each with the same number of (feature, value) entries; entry 0 is the intercept. */
export type SparseDesign = {
  rowCount: number;
  stride: number;
  featureCount: number;
  indices: Int32Array;
  values: Float64Array;
};

/** Bin indicators: each row has one active bin per column; `orderedRuns` are the numeric columns' value bins in order. */
export type BinDesign = {
  design: SparseDesign;
  orderedRuns: readonly { first: number; count: number }[];
};

export type EncoderSettings = {
  /** Most category levels kept per column; the rest become "other". */
  maxLevels: number;
  /** A level needs at least this many training rows to be kept. */
  minLevelRows: number;
  /** Quantile bins per numeric column for the binned additive model. */
  numericBins: number;
};

export const defaultEncoderSettings: EncoderSettings = { maxLevels: 20, minLevelRows: 5, numericBins: 32 };

const daysPerMonth = 30.436875;

function numericValue(encoding: NumericEncoding, row: number): number {
  const raw = encoding.source.values[row] ?? Number.NaN;
  if (encoding.source.kind === 'date') return (encoding.referenceDay - raw) / daysPerMonth;
  return raw;
}

function medianOfSorted(sorted: Float64Array): number {
  if (sorted.length === 0) return 0;
  const lower = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const upper = sorted[Math.ceil((sorted.length - 1) / 2)] ?? 0;
  return (lower + upper) / 2;
}

function quantileEdges(sorted: Float64Array, binCount: number): Float64Array {
  const edges: number[] = [];
  for (let k = 1; k < binCount; k++) {
    const edge = sorted[Math.floor((k * sorted.length) / binCount)] ?? Number.NaN;
    if (!Number.isNaN(edge) && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  return Float64Array.from(edges);
}

function fitNumeric(
  source: NumericEncoding['source'],
  trainRows: Int32Array,
  nextFeature: () => number,
  settings: EncoderSettings,
): NumericEncoding {
  let referenceDay = Number.NEGATIVE_INFINITY;
  if (source.kind === 'date') {
    for (const row of trainRows) referenceDay = Math.max(referenceDay, source.values[row] ?? Number.NaN);
  }
  const partial: NumericEncoding = {
    kind: 'numeric',
    source,
    referenceDay,
    median: 0,
    mean: 0,
    spread: 1,
    valueFeature: nextFeature(),
    missingFeature: undefined,
    binEdges: new Float64Array(0),
  };
  const observed: number[] = [];
  for (const row of trainRows) {
    const value = numericValue(partial, row);
    if (!Number.isNaN(value)) observed.push(value);
  }
  const sorted = Float64Array.from(observed).sort();
  const mean = observed.reduce((sum, value) => sum + value, 0) / Math.max(1, observed.length);
  const variance =
    observed.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, observed.length);
  return {
    ...partial,
    median: medianOfSorted(sorted),
    mean,
    spread: variance > 0 ? Math.sqrt(variance) : 1,
    missingFeature: observed.length < trainRows.length ? nextFeature() : undefined,
    binEdges: quantileEdges(sorted, settings.numericBins),
  };
}

function fitCategorical(
  source: CategoricalEncoding['source'],
  trainRows: Int32Array,
  nextFeature: () => number,
  featureNames: string[],
  settings: EncoderSettings,
): CategoricalEncoding {
  const counts = new Int32Array(source.levels.length);
  for (const row of trainRows) {
    const code = source.codes[row] ?? -1;
    if (code >= 0) counts[code] = (counts[code] ?? 0) + 1;
  }
  const kept = [...counts.keys()]
    .filter((code) => (counts[code] ?? 0) >= settings.minLevelRows)
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b)
    .slice(0, settings.maxLevels);
  const featureOfCode = new Int32Array(source.levels.length);
  const levelFeatures = kept.map((code) => {
    const feature = nextFeature();
    featureNames[feature] = `${source.name} = ${source.levels[code]}`;
    return feature;
  });
  const otherFeature = nextFeature();
  featureNames[otherFeature] = `${source.name} = (other)`;
  const missingFeature = nextFeature();
  featureNames[missingFeature] = `${source.name} = (missing)`;
  featureOfCode.fill(otherFeature);
  kept.forEach((code, position) => {
    featureOfCode[code] = levelFeatures[position] ?? otherFeature;
  });
  return {
    kind: 'categorical',
    source,
    featureOfCode,
    firstFeature: levelFeatures[0] ?? otherFeature,
    otherFeature,
    missingFeature,
  };
}

export function fitFeatureEncoder(
  features: readonly FeatureColumn[],
  trainRows: Int32Array,
  settings: EncoderSettings = defaultEncoderSettings,
): FeatureEncoder {
  const featureNames: string[] = ['(intercept)'];
  const nextFeature = (): number => featureNames.push('') - 1;
  const columns = features.map((source): ColumnEncoding => {
    if (source.kind === 'categorical')
      return fitCategorical(source, trainRows, nextFeature, featureNames, settings);
    const encoding = fitNumeric(source, trainRows, nextFeature, settings);
    featureNames[encoding.valueFeature] =
      source.kind === 'date' ? `${source.name} (months before latest)` : source.name;
    if (encoding.missingFeature !== undefined)
      featureNames[encoding.missingFeature] = `${source.name} missing`;
    return encoding;
  });
  return { featureNames, columns };
}

function strideOf(encoder: FeatureEncoder): number {
  return encoder.columns.reduce(
    (total, column) => total + (column.kind === 'numeric' && column.missingFeature !== undefined ? 2 : 1),
    1,
  );
}

export function encodeSparse(encoder: FeatureEncoder, rowCount: number): SparseDesign {
  const stride = strideOf(encoder);
  const indices = new Int32Array(rowCount * stride);
  const values = new Float64Array(rowCount * stride);
  for (let row = 0; row < rowCount; row++) {
    let at = row * stride;
    values[at++] = 1;
    for (const column of encoder.columns) {
      if (column.kind === 'numeric') {
        const raw = numericValue(column, row);
        const missing = Number.isNaN(raw);
        indices[at] = column.valueFeature;
        values[at++] = ((missing ? column.median : raw) - column.mean) / column.spread;
        if (column.missingFeature !== undefined) {
          indices[at] = column.missingFeature;
          values[at++] = missing ? 1 : 0;
        }
      } else {
        const code = column.source.codes[row] ?? -1;
        indices[at] = code < 0 ? column.missingFeature : (column.featureOfCode[code] ?? column.otherFeature);
        values[at++] = 1;
      }
    }
  }
  return { rowCount, stride, featureCount: encoder.featureNames.length, indices, values };
}

function binOf(edges: Float64Array, value: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((edges[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The same columns as bin indicators for the additive model: numeric and date
 * columns cut at the training quantiles (plus a bin for missing), categories
 * as in the sparse design. Feature 0 is the intercept.
 */
export function encodeBinIndicators(encoder: FeatureEncoder, rowCount: number): BinDesign {
  const stride = encoder.columns.length + 1;
  const indices = new Int32Array(rowCount * stride);
  const values = new Float64Array(rowCount * stride).fill(1);
  const orderedRuns: { first: number; count: number }[] = [];
  let featureCount = 1;
  encoder.columns.forEach((column, columnIndex) => {
    const slot = columnIndex + 1;
    if (column.kind === 'numeric') {
      const first = featureCount;
      const valueBins = column.binEdges.length + 1;
      orderedRuns.push({ first, count: valueBins });
      for (let row = 0; row < rowCount; row++) {
        const value = numericValue(column, row);
        indices[row * stride + slot] =
          first + (Number.isNaN(value) ? valueBins : binOf(column.binEdges, value));
      }
      featureCount += valueBins + 1;
      return;
    }
    // categorical features keep their sparse-design numbering, shifted into this design's range
    const first = featureCount;
    for (let row = 0; row < rowCount; row++) {
      const code = column.source.codes[row] ?? -1;
      const feature = code < 0 ? column.missingFeature : (column.featureOfCode[code] ?? column.otherFeature);
      indices[row * stride + slot] = first + feature - column.firstFeature;
    }
    featureCount += column.missingFeature - column.firstFeature + 1;
  });
  return { design: { rowCount, stride, featureCount, indices, values }, orderedRuns };
}
