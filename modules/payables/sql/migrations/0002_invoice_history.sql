-- Invoices brought over from an organisation's legacy accounts payable system when it joins:
-- kept so that duplicates are caught across the move and the year's measures (BPPC, cycle
-- times) are complete. Their postings stayed in the legacy ledger.
alter table payables.document drop constraint document_channel_check;
alter table payables.document add constraint document_channel_check
  check (channel in ('api', 'web', 'inbox', 'cli', 'manual', 'demo', 'bench', 'history'));
alter table payables.invoice drop constraint invoice_source_check;
alter table payables.invoice add constraint invoice_source_check check (source in ('peppol', 'manual', 'history'));
