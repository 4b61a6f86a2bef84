import type { Pence } from '../../../../../kernel/money';
import type { DecimalText, FinancialYear, Gtin14, IsoDate, IsoMonth } from '../values';

export type WorkforceKind =
  | 'staff-in-post'
  | 'starters'
  | 'leavers'
  | 'sickness'
  | 'vacancies'
  | 'temporary-staffing';

/** The kinds of legacy extract Insight reads. */
export type SourceKind = 'spend' | 'po-lines' | 'gl' | WorkforceKind;

/**
 * required: a row without it is rejected, a file without its column is refused;
 * expected: part of a complete extract (its absence lowers the completeness score);
 * optional: used when present.
 */
export type Presence = 'required' | 'expected' | 'optional';

type ScalarValues = {
  text: string;
  /** A reference code: upper case, no spaces (VAT and Companies House numbers, cost centres). */
  code: string;
  date: IsoDate;
  money: Pence;
  decimal: DecimalText;
  integer: number;
  period: IsoMonth;
  'financial-year': FinancialYear;
  flag: boolean;
  gtin: Gtin14;
};

export type FieldType = keyof ScalarValues | 'choice';

type FieldCommon = {
  /** The canonical column name, as the HM Treasury guidance or the NHS data dictionary writes it. */
  label: string;
  presence: Presence;
  /** Other headers seen for this column, most usual first. */
  synonyms: readonly string[];
};

export type FieldSpec =
  | (FieldCommon & { type: Exclude<keyof ScalarValues, 'integer'> })
  | (FieldCommon & { type: 'integer'; range?: readonly [number, number] })
  | (FieldCommon & { type: 'choice'; choices: Readonly<Record<string, readonly string[]>> });

/** A field value while a row is being read; money is bigint pence. */
export type FieldValue = string | number | boolean | bigint;
export type DraftValues = Record<string, FieldValue | null>;

export type RefineContext = { asAt: IsoDate | null };

export type SourceSchema = {
  kind: SourceKind;
  title: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /**
   * Required fields other columns can stand in for (GL debit and credit columns
   * for one signed amount); `refine` derives the field from them.
   */
  alternatives?: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** A required date that may instead be given for the whole file (a snapshot's as-at date). */
  datasetDateField?: string;
  /** The money field whose sum is the file's total. */
  amountField?: string;
  /** The field that dates a row, for period and timeliness checks. */
  timeField: string;
  /** Fields that identify one transaction; repeats are a consistency concern. */
  duplicateKey?: readonly string[];
  /** A free-text name whose spelling variants are a consistency concern (supplier, agency). */
  nameField?: string;
  /** Cross-field derivation once every column is read; mutates the draft and returns problems. */
  refine?: (values: DraftValues, context: RefineContext) => readonly RefineProblem[];
};

export type RefineProblem = { field: string; rule: string; message: string };

export type ValueOf<F> = F extends { type: 'choice'; choices: infer C }
  ? Extract<keyof C, string>
  : F extends { type: infer T extends keyof ScalarValues }
    ? ScalarValues[T]
    : never;

/** A normalised row's values, typed from its schema: required fields are never null. */
export type ValuesOf<S extends SourceSchema> = {
  -readonly [N in keyof S['fields']]: S['fields'][N] extends { presence: 'required' }
    ? ValueOf<S['fields'][N]>
    : ValueOf<S['fields'][N]> | null;
};
