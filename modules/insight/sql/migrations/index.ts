import type { Migration } from '../../../../kernel/db';
import createInsight from './0001_create_insight.sql';
import addReviewCandidateGroup from './0002_add_review_candidate_group.sql';
import addLinksRevision from './0003_add_links_revision.sql';
import fastRowKeys from './0004_fast_row_keys.sql';
import splitTenantWrite from './0005_split_tenant_write.sql';

export const insightMigrations: Migration[] = [
  { module: 'insight', name: '0001_create_insight.sql', sql: createInsight },
  { module: 'insight', name: '0002_add_review_candidate_group.sql', sql: addReviewCandidateGroup },
  { module: 'insight', name: '0003_add_links_revision.sql', sql: addLinksRevision },
  { module: 'insight', name: '0004_fast_row_keys.sql', sql: fastRowKeys },
  { module: 'insight', name: '0005_split_tenant_write.sql', sql: splitTenantWrite },
];
