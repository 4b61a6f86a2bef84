import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parsePounds } from '../../../../kernel/money';
import { fixturePath } from '../../../../testing/fixtures';
import type { PayFrequency } from '../pay-frequency';

/** Test-only readers for HMRC's published test data, so that no figure is retyped into a test. */

/** Exact pence from a decimal figure as HMRC or a JSON conversion prints it (never via binary floating point). */
export function penceOf(value: number | string): number {
  const parsed = parsePounds(String(value));
  if (!parsed.ok) throw new Error(`test data figure ${value}: ${parsed.reason}`);
  return Number(parsed.pence);
}

const frequencyNames: Record<string, PayFrequency> = {
  Weekly: 'weekly',
  Fortnightly: 'fortnightly',
  FourWeekly: 'four-weekly',
  Monthly: 'monthly',
  weekly: 'weekly',
  monthly: 'monthly',
  W: 'weekly',
  '2W': 'fortnightly',
  '4W': 'four-weekly',
  M: 'monthly',
};

export function frequencyOf(name: string): PayFrequency {
  const frequency = frequencyNames[name];
  if (!frequency) throw new Error(`unknown pay frequency ${name} in test data`);
  return frequency;
}

export type PayeTestRow = {
  id: string;
  frequency: PayFrequency;
  period: number;
  taxCode: string;
  week1Month1: boolean;
  taxablePay: number;
  previousTaxablePay: number;
  previousTax: number;
  expectedTax: number;
};

type PayetoolsTaxRow = {
  TestIdentifier: string;
  PayFrequency: string;
  GrossPay: number;
  TaxablePayToDate: number;
  TaxCode: string;
  W1M1Flag: boolean;
  Period: number;
  TaxDueInPeriod: number;
  TaxDueToDate: number;
};

const payetoolsDir = ['payroll', 'payetools-hmrc-test-data-2025-26'];

/** HMRC 2025/26 PAYE rows (shared fixture, Payetools JSON conversion). */
export function hmrcPayeRows2025(): PayeTestRow[] {
  const rows: PayetoolsTaxRow[] = JSON.parse(
    readFileSync(fixturePath(...payetoolsDir, 'income_tax_test_data_2025-2026.json'), 'utf8'),
  );
  return rows.map((row) => ({
    id: row.TestIdentifier,
    frequency: frequencyOf(row.PayFrequency),
    period: row.Period,
    taxCode: row.TaxCode,
    week1Month1: row.W1M1Flag,
    taxablePay: penceOf(row.GrossPay),
    previousTaxablePay: penceOf(row.TaxablePayToDate) - penceOf(row.GrossPay),
    previousTax: penceOf(row.TaxDueToDate) - penceOf(row.TaxDueInPeriod),
    expectedTax: penceOf(row.TaxDueInPeriod),
  }));
}

/** HMRC 2026/27 PAYE rows (transcribed from HMRC's workbooks; see hmrc-test-data/README.md). */
export function hmrcPayeRows2026(): PayeTestRow[] {
  const text = readFileSync(new URL('../hmrc-test-data/paye-2026-27.csv', import.meta.url), 'utf8');
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return rows.map((row, index) => {
    const gross = penceOf(row.gross_pay ?? '');
    return {
      id: `${row.regime}/${row.sheet}/${index + 1}`,
      frequency: frequencyOf(row.pay_frequency ?? ''),
      period: Number(row.period),
      taxCode: row.tax_code ?? '',
      week1Month1: row.w1m1 === 'WM1',
      taxablePay: gross,
      previousTaxablePay: penceOf(row.taxable_pay_to_date ?? '') - gross,
      previousTax: penceOf(row.tax_due_to_date ?? '') - penceOf(row.tax_due ?? ''),
      expectedTax: penceOf(row.tax_due ?? ''),
    };
  });
}

export type NiTestRow = {
  id: string;
  frequency: PayFrequency;
  category: string;
  niablePay: number;
  employee: number;
  employer: number;
  bands: { atLel: number; lelToPt: number; ptToUel: number } | null;
};

type PayetoolsNiRow = {
  TestIdentifier: string;
  PayFrequency: string;
  GrossPay: number;
  NiCategory: string;
  EmployeeNiContribution: number;
  EmployerNiContribution: number;
  EarningsAtLEL_YTD: number;
  EarningsLELtoPT_YTD: number;
  EarningsPTtoUEL_YTD: number;
};

/** HMRC 2025/26 NI rows (shared fixture). */
export function hmrcNiRows2025(): NiTestRow[] {
  const rows: PayetoolsNiRow[] = JSON.parse(
    readFileSync(fixturePath(...payetoolsDir, 'national_insurance_test_data_2025-2026.json'), 'utf8'),
  );
  return rows.map((row) => ({
    id: row.TestIdentifier,
    frequency: frequencyOf(row.PayFrequency),
    category: row.NiCategory,
    niablePay: penceOf(row.GrossPay),
    employee: penceOf(row.EmployeeNiContribution),
    employer: penceOf(row.EmployerNiContribution),
    bands: {
      atLel: penceOf(row.EarningsAtLEL_YTD),
      lelToPt: penceOf(row.EarningsLELtoPT_YTD),
      ptToUel: penceOf(row.EarningsPTtoUEL_YTD),
    },
  }));
}

/** HMRC's NI calculator examples for 2025/26 and 2026/27 (shared fixture). */
export function hmrcCalculateNiExamples(): (NiTestRow & { taxYear: string })[] {
  const text = readFileSync(
    fixturePath('payroll', 'hmrc-calculate-ni-examples', 'ni-examples-2025-26-and-2026-27.csv'),
    'utf8',
  );
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true });
  return rows.map((row, index) => {
    const start = Number(row.tax_year_start);
    return {
      id: `${start} ${row.period} ${row.category} ${row.gross_pay} (#${index + 1})`,
      taxYear: `${start}-${String((start + 1) % 100).padStart(2, '0')}`,
      frequency: frequencyOf(row.period ?? ''),
      category: row.category ?? '',
      niablePay: penceOf(row.gross_pay ?? ''),
      employee: penceOf(row.employee_ni ?? ''),
      employer: penceOf(row.employer_ni ?? ''),
      bands: null,
    };
  });
}
