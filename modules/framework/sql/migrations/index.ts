import type { Migration } from '../../../../kernel/db';
import createFramework from './0001_create_framework.sql';

export const frameworkMigrations: Migration[] = [
  { module: 'framework', name: '0001_create_framework.sql', sql: createFramework },
];
