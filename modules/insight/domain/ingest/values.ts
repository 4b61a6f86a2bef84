/** A calendar date as YYYY-MM-DD. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** A calendar month as YYYY-MM (a reporting period). */
export type IsoMonth = string & { readonly __brand: 'IsoMonth' };

/**
 * An exact decimal in canonical text form ("0.0125", "-3", "12.5") — quantities,
 * FTE and unit prices that need not fit in whole pence. Never a binary float.
 */
export type DecimalText = string & { readonly __brand: 'DecimalText' };

/** An NHS financial year (1 April – 31 March) written as "2020/21". */
export type FinancialYear = string & { readonly __brand: 'FinancialYear' };

/** A GTIN normalised to 14 digits (GTIN-8/12/13 left-padded with zeros), check digit verified. */
export type Gtin14 = string & { readonly __brand: 'Gtin14' };
