-- Invoices arrive in batches of hundreds: keep each document's bytes out of line but
-- uncompressed, so receiving one costs no compression work (XML is stored as sent).
alter table payables.document alter column content set storage external;
