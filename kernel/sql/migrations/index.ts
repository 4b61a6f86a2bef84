import type { Migration } from '../../db/migrations';
import createTenancy from './0001_create_tenancy.sql';
import createAudit from './0002_create_audit.sql';
import createIdempotency from './0003_create_idempotency.sql';
import splitTenantWrite from './0004_split_tenant_write.sql';

export const kernelMigrations: Migration[] = [
  { module: 'kernel', name: '0001_create_tenancy.sql', sql: createTenancy },
  { module: 'kernel', name: '0002_create_audit.sql', sql: createAudit },
  { module: 'kernel', name: '0003_create_idempotency.sql', sql: createIdempotency },
  { module: 'kernel', name: '0004_split_tenant_write.sql', sql: splitTenantWrite },
];
