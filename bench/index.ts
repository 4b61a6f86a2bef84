import { apiBench } from './api-bench';
import type { Benchmark } from './benchmark';
import { insightBench } from './insight-bench';
import { invoicesBench } from './invoices-bench';
import { ledgerBench } from './ledger-bench';
import { payrollBench } from './payroll-bench';
import { procurementBench } from './procurement-bench';
import { startBench } from './start-bench';

/** Every benchmark, in the order `mainstay bench all` runs them. */
export const BENCHMARKS: readonly Benchmark[] = [
  ledgerBench,
  apiBench,
  startBench,
  invoicesBench,
  procurementBench,
  insightBench,
  payrollBench,
];
