import type { Migration } from '../../../../kernel/db';
import createFramework from './0001_create_framework.sql';
import splitTenantWrite from './0002_split_tenant_write.sql';

export const frameworkMigrations: Migration[] = [
  { module: 'framework', name: '0001_create_framework.sql', sql: createFramework },
  { module: 'framework', name: '0002_split_tenant_write.sql', sql: splitTenantWrite },
];
