import { createClaimsService } from './services/claims';
import type { PayrollDeps } from './services/context';
import { createOutputsService } from './services/outputs';
import { createPayslipsService } from './services/payslips';
import { createRecordsService } from './services/records';
import { createRunsService } from './services/runs';
import { createSelfServiceService } from './services/self-service';

/**
 * The payroll service: pay records, claims, pay runs (preview, approval,
 * commit), outputs, anytime pay and payslip queries. Methods taking a
 * transaction follow the platform's rule (the caller opens it); the pay run
 * drivers `previewRun` and `commitRun` take a tenant context instead and open
 * one transaction per batch, so they are called outside any transaction.
 */
export function createPayrollService(deps: PayrollDeps) {
  const runs = createRunsService(deps);
  const payslips = createPayslipsService(deps, runs);
  return {
    ...createRecordsService(deps),
    ...createClaimsService(deps),
    ...runs,
    ...payslips,
    ...createOutputsService(deps, runs),
    ...createSelfServiceService(deps, payslips),
  };
}

export type PayrollService = ReturnType<typeof createPayrollService>;
export type { PayrollDeps };
