import type { Migration } from '../../../../kernel/db';
import createProcurement from './0001_create_procurement.sql';
import addCatalogueImportHeaders from './0002_add_catalogue_import_headers.sql';
import splitTenantWrite from './0003_split_tenant_write.sql';

export const procurementMigrations: Migration[] = [
  { module: 'procurement', name: '0001_create_procurement.sql', sql: createProcurement },
  { module: 'procurement', name: '0002_add_catalogue_import_headers.sql', sql: addCatalogueImportHeaders },
  { module: 'procurement', name: '0003_split_tenant_write.sql', sql: splitTenantWrite },
];
