-- Harmonisation changes only the links: counted apart from the rows, so the
-- analytics snapshot reloads the links alone after a run or a review decision.
alter table insight.dataset_revision add column links_revision bigint not null default 0;
