import type { Migration } from '../../../../kernel/db';
import createLedger from './0001_create_ledger.sql';

export const ledgerMigrations: Migration[] = [
  { module: 'ledger', name: '0001_create_ledger.sql', sql: createLedger },
];
