import type { Migration } from '../../../../kernel/db';
import createSuppliers from './0001_create_suppliers.sql';
import splitTenantWrite from './0002_split_tenant_write.sql';

export const suppliersMigrations: Migration[] = [
  { module: 'suppliers', name: '0001_create_suppliers.sql', sql: createSuppliers },
  { module: 'suppliers', name: '0002_split_tenant_write.sql', sql: splitTenantWrite },
];
