import type { Migration } from '../../../../kernel/db';
import createSuppliers from './0001_create_suppliers.sql';

export const suppliersMigrations: Migration[] = [
  { module: 'suppliers', name: '0001_create_suppliers.sql', sql: createSuppliers },
];
