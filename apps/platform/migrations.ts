import type { Migration } from '../../kernel/db';
import { kernelMigrations } from '../../kernel/sql/migrations';
import { frameworkMigrations } from '../../modules/framework';
import { insightMigrations } from '../../modules/insight';
import { ledgerMigrations } from '../../modules/ledger';
import { organisationsMigrations } from '../../modules/organisations';
import { payablesMigrations } from '../../modules/payables';
import { payrollMigrations } from '../../modules/payroll';
import { procurementMigrations } from '../../modules/procurement';
import { suppliersMigrations } from '../../modules/suppliers';

/** Every module's migrations, in dependency order: a module's tables come after those it references. */
export const allMigrations: readonly Migration[] = [
  ...kernelMigrations,
  ...organisationsMigrations,
  ...frameworkMigrations,
  ...ledgerMigrations,
  ...suppliersMigrations,
  ...procurementMigrations,
  ...payablesMigrations,
  ...insightMigrations,
  ...payrollMigrations,
];
