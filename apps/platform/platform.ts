import type { Database } from '../../kernel/db';
import { migrate } from '../../kernel/db';
import { createTenantRunner, type TenantRunner } from '../../kernel/tenancy';
import { type Clock, systemClock } from '../../kernel/time';
import { createFrameworkService, type FrameworkService } from '../../modules/framework';
import {
  createInsightService,
  type InsightService,
  payablesKpiSource,
  procurementKpiSource,
} from '../../modules/insight';
import { createLedgerService, type LedgerService } from '../../modules/ledger';
import { createOrganisationsService, type OrganisationsService } from '../../modules/organisations';
import { createPayablesService, type PayablesService } from '../../modules/payables';
import { createPayrollService, type PayrollService } from '../../modules/payroll';
import { createProcurementService, type ProcurementService } from '../../modules/procurement';
import { createSuppliersService, type SuppliersService } from '../../modules/suppliers';
import { allMigrations } from './migrations';

/**
 * The composition root: one database, one clock, and every module's service
 * wired to the services it depends on. The server, the CLI and the tests all
 * build the platform here, so they run the same code.
 */
export type Platform = {
  db: Database;
  clock: Clock;
  runner: TenantRunner;
  organisations: OrganisationsService;
  framework: FrameworkService;
  ledger: LedgerService;
  suppliers: SuppliersService;
  procurement: ProcurementService;
  payables: PayablesService;
  insight: InsightService;
  payroll: PayrollService;
};

export function createPlatform(db: Database, clock: Clock = systemClock): Platform {
  const runner = createTenantRunner(db, clock);
  const organisations = createOrganisationsService({ runner, clock });
  const framework = createFrameworkService({ runner });
  const ledger = createLedgerService({ runner });
  const suppliers = createSuppliersService({ framework });
  const procurement = createProcurementService({ ledger, framework, suppliers, organisations });
  const payables = createPayablesService({ runner, ledger, framework, suppliers, procurement });
  const insight = createInsightService({
    runner,
    clock,
    organisations,
    framework,
    ledger,
    kpiSources: [payablesKpiSource(runner, payables), procurementKpiSource(runner, procurement)],
  });
  const payroll = createPayrollService({ runner, framework, ledger, clock });
  return {
    db,
    clock,
    runner,
    organisations,
    framework,
    ledger,
    suppliers,
    procurement,
    payables,
    insight,
    payroll,
  };
}

/** Brings a database up to this version: migrations, then the reference data that ships with it (standard, chart). */
export async function preparePlatform(platform: Platform): Promise<{ migrationsApplied: string[] }> {
  const report = await migrate(platform.db, allMigrations);
  await platform.framework.installShippedStandards();
  await platform.ledger.installCommonChart();
  return { migrationsApplied: report.applied };
}
