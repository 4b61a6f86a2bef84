/**
 * Tables that are deliberately NOT tenant-owned, each with the reason. Any
 * other table must carry organisation_id first in its primary key, with
 * row-level security enabled, forced, and the fixed policies (tenant_read,
 * tenant_insert, tenant_update, tenant_delete). The catalog
 * test fails for a table that is neither.
 */
export const PLATFORM_TABLES: Record<string, string> = {
  'kernel.schema_migration': 'records which migrations ran; read only by the migrator',
  'organisations.organisation':
    'the register every organisation must be able to name (ICS members, counterparties)',
  'organisations.user_account': 'a person has one identity across the organisations they work for',
  'organisations.membership':
    'read at sign-in before any organisation is chosen; changes audited per organisation',
  'organisations.session':
    'resolves a browser session before any organisation is chosen; holds only a token hash',
  'organisations.api_token':
    'resolves a machine client before any organisation is chosen; holds only a token hash',
  'framework.standard_version': 'the national standard is one for every organisation',
  'framework.standard_setting': 'the national standard is one for every organisation',
  'ledger.account': 'the common chart of accounts is one for every organisation',
  'payables.invoice_fingerprint':
    'the shared service must stop a supplier sending one invoice to two member trusts; holds only 64-bit hashes of (supplier identifier, number) and (supplier identifier, amount, date) with the organisation and invoice id, never invoice content; RLS stays on and forced: every organisation may read the hashes, but rows are inserted and deleted only for the current organisation (policies fingerprint_read/insert/delete)',
};

/**
 * Tenant tables that carry policies beyond the fixed ones, with the reason.
 * The fixed four must still be there, exactly.
 */
export const EXTRA_POLICIES: Record<string, string> = {
  'procurement.catalogue_item':
    'national catalogue rows (scope national, owned by the shared-service provider) are readable by every organisation; restrictive policies let only the provider write them',
  'procurement.contract':
    'national frameworks are readable by every organisation; only the provider writes them',
  'procurement.contract_price':
    'national framework prices are readable by every organisation; only the provider writes them',
};
