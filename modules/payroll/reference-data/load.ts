import { DomainError, invalid } from '../../../kernel/errors';
import { parseTaxYearReference } from './parse';
import type { TaxYearReference } from './tax-year-reference';

const TAX_YEAR = /^\d{4}-\d{2}$/;
const loaded = new Map<string, Promise<TaxYearReference>>();

async function importYearFile(taxYear: string): Promise<unknown> {
  try {
    // A template import: the bundler and the test runner include every file in years/,
    // so adding years/2027-28.json is all a new tax year needs.
    const module: { default: unknown } = await import(`./years/${taxYear}.json`);
    return module.default;
  } catch {
    throw new DomainError(
      'payroll-reference-missing',
      'not-found',
      `There is no payroll reference data for tax year ${taxYear}`,
    );
  }
}

/** The reference data for a tax year such as "2026-27", validated once and then cached. */
export function loadTaxYearReference(taxYear: string): Promise<TaxYearReference> {
  if (!TAX_YEAR.test(taxYear)) {
    return Promise.reject(
      invalid('tax-year-format', `Tax year "${taxYear}" must be written like 2026-27`, [
        { path: 'taxYear', rule: 'tax-year-format', message: 'write the tax year like 2026-27' },
      ]),
    );
  }
  let pending = loaded.get(taxYear);
  if (!pending) {
    pending = importYearFile(taxYear).then((raw) => {
      const reference = parseTaxYearReference(raw);
      if (reference.taxYear !== taxYear) {
        throw invalid(
          'payroll-reference-inconsistent',
          `years/${taxYear}.json declares ${reference.taxYear}`,
        );
      }
      return reference;
    });
    pending.catch(() => loaded.delete(taxYear));
    loaded.set(taxYear, pending);
  }
  return pending;
}
