-- Fingerprints are hashes: compare them byte by byte (collation "C"), which keeps
-- the primary-key checks of a large import cheap. The remaining canonical spend
-- fields get their own columns, so a typical spend row carries no detail document.
alter table insight.spend_line alter column fingerprint type text collate "C";
alter table insight.po_line alter column fingerprint type text collate "C";
alter table insight.gl_line alter column fingerprint type text collate "C";
alter table insight.workforce_record alter column fingerprint type text collate "C";

alter table insight.spend_line
  add column department_family text,
  add column description text,
  add column their_reference text,
  add column supplier_postcode text,
  add column supplier_type text,
  add column financial_year text,
  add column financial_period integer;
