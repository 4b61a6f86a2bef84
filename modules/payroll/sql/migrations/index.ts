import type { Migration } from '../../../../kernel/db';
import createPayroll from './0001_create_payroll.sql';

export const payrollMigrations: Migration[] = [
  { module: 'payroll', name: '0001_create_payroll.sql', sql: createPayroll },
];
