-- The file's columns in their order, so that rejected rows download with the
-- columns as the person sent them (jsonb objects do not keep key order).
alter table procurement.catalogue_import add column headers jsonb not null default '[]';
