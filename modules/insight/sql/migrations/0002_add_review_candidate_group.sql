-- A review names the group the candidate record belongs to, so accepting it can
-- link the organisation's record to that group without reading the other
-- organisation's links (which row-level security keeps from it).
alter table insight.match_review add column candidate_unified_id text not null default '';
alter table insight.match_review add column candidate_unified_name text not null default '';
alter table insight.match_review add column run_id text not null default '';

-- Open questions a later run no longer asks are withdrawn; decided ones are kept.
grant delete on insight.match_review to mainstay_app;
