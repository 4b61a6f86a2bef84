import type { Migration } from '../../../../kernel/db';
import createOrganisation from './0001_create_organisation.sql';

export const organisationsMigrations: Migration[] = [
  { module: 'organisations', name: '0001_create_organisation.sql', sql: createOrganisation },
];
