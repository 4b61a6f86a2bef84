import { invalid } from '../../kernel/errors';

export type TaxYear = {
  /** "2026-27" */
  label: string;
  /** "26-27", as RelatedTaxYear and the namespace carry it. */
  short: string;
  firstDay: string;
  lastDay: string;
  startYear: number;
};

const TAX_YEAR = /^(\d{4})-(\d{2})$/;

/** Reads "2026-27" — the year running 6 April 2026 to 5 April 2027. */
export function parseTaxYear(label: string, path = 'taxYear'): TaxYear {
  const match = TAX_YEAR.exec(label);
  const startYear = Number(match?.[1]);
  if (!match || (startYear + 1) % 100 !== Number(match[2]) || startYear < 2000) {
    throw invalid(
      'hmrc-rti.invalid-tax-year',
      `${path} must be a tax year written like "2026-27", got "${label}"`,
      [{ path, rule: 'tax-year', message: `"${label}" is not a tax year written YYYY-YY` }],
    );
  }
  const yy = (year: number) => String(year % 100).padStart(2, '0');
  return {
    label,
    short: `${yy(startYear)}-${yy(startYear + 1)}`,
    firstDay: `${startYear}-04-06`,
    lastDay: `${startYear + 1}-04-05`,
    startYear,
  };
}

/**
 * HMRC gives each year's FPS schema its own namespace. We write the version-1
 * form for the year; confirm the version against that year's published XSD.
 */
export function fpsNamespace(taxYear: TaxYear): string {
  return `http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/${taxYear.short}/1`;
}
