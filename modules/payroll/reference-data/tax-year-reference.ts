import type { Confidence, TaxYearFile } from './schema';

/** Where one figure (or group of figures that share a source) came from. */
export type FigureProvenance = {
  /** Dotted path in the year file, e.g. "nhsPension.memberTiers". */
  path: string;
  conf: Confidence;
  source: readonly string[];
  note?: string;
};

type SourcedShape = { value: unknown; conf: Confidence; source: string[] };

/** The file's type with every {value, conf, source} wrapper replaced by its value. */
export type Unwrapped<T> = T extends SourcedShape
  ? Unwrapped<T['value']>
  : T extends readonly (infer Element)[]
    ? readonly Unwrapped<Element>[]
    : T extends object
      ? { readonly [Key in keyof T]: Unwrapped<T[Key]> }
      : T;

type YearBody = Unwrapped<Omit<TaxYearFile, 'schema' | 'units'>>;

/**
 * One tax year's rates and rules as the engine reads them, with the
 * provenance of every figure beside them. `unconfirmed` lists the figures
 * marked U so that the app can warn before they are used in a live run.
 */
export type TaxYearReference = YearBody & {
  readonly figures: readonly FigureProvenance[];
  readonly unconfirmed: readonly FigureProvenance[];
};

export type IncomeTaxReference = TaxYearReference['incomeTax'];
export type TaxRegimeReference = IncomeTaxReference['regimes']['rest-of-uk'];
export type NationalInsuranceReference = TaxYearReference['nationalInsurance'];
export type NiCategoryReference = NationalInsuranceReference['categories'][string];
export type PeriodAmounts = NationalInsuranceReference['thresholds']['LEL'];
export type LoanTerms = TaxYearReference['studentLoans']['postgraduate'];
export type NhsPensionReference = TaxYearReference['nhsPension'];
export type AgendaForChangeReference = TaxYearReference['agendaForChange'];
export type PayPoint = AgendaForChangeReference['payPoints'][string][number];
export type StatutoryPayReference = TaxYearReference['statutoryPay'];
export type PayElementTreatment = TaxYearReference['payElementTreatment']['basic-pay'];
