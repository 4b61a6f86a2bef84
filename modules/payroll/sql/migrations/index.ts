import type { Migration } from '../../../../kernel/db';
import createPayroll from './0001_create_payroll.sql';
import splitTenantWrite from './0002_split_tenant_write.sql';

export const payrollMigrations: Migration[] = [
  { module: 'payroll', name: '0001_create_payroll.sql', sql: createPayroll },
  { module: 'payroll', name: '0002_split_tenant_write.sql', sql: splitTenantWrite },
];
