import type { Migration } from '../../../../kernel/db';
import createPayables from './0001_create_payables.sql';
import invoiceHistory from './0002_invoice_history.sql';
import documentStorage from './0003_document_storage.sql';
import splitTenantWrite from './0004_split_tenant_write.sql';

export const payablesMigrations: Migration[] = [
  { module: 'payables', name: '0001_create_payables.sql', sql: createPayables },
  { module: 'payables', name: '0002_invoice_history.sql', sql: invoiceHistory },
  { module: 'payables', name: '0003_document_storage.sql', sql: documentStorage },
  { module: 'payables', name: '0004_split_tenant_write.sql', sql: splitTenantWrite },
];
