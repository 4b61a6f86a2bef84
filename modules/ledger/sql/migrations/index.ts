import type { Migration } from '../../../../kernel/db';
import createLedger from './0001_create_ledger.sql';
import splitTenantWrite from './0002_split_tenant_write.sql';

export const ledgerMigrations: Migration[] = [
  { module: 'ledger', name: '0001_create_ledger.sql', sql: createLedger },
  { module: 'ledger', name: '0002_split_tenant_write.sql', sql: splitTenantWrite },
];
