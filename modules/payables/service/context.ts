import type { TenantRunner, TenantTx } from '../../../kernel/tenancy';
import { type LocalDate, londonDate } from '../../../kernel/time';
import type { FrameworkService } from '../../framework';
import type { LedgerService } from '../../ledger';
import { supplierKey } from '../domain/fingerprint';
import type { ProcurementPort, SupplierSummary, SuppliersPort } from '../ports';

export type PayablesDeps = {
  runner: TenantRunner;
  ledger: LedgerService;
  framework: FrameworkService;
  suppliers: SuppliersPort;
  procurement: ProcurementPort;
};

/** The versions every automatic decision records beside its rule id. */
export const RULE_VERSIONS = {
  /** The official artefacts the PEPPOL reader implements (standards/peppol-ubl/README.md). */
  validation: 'EN 16931 validation 1.3.16 + PEPPOL BIS Billing 3.0.19',
  duplicates: 'payables-duplicates/1',
  /** Mainstay's own intake rules: known supplier, pounds sterling, exact amounts. */
  intake: 'payables-intake/1',
  payments: 'payables-payments/1',
} as const;

export const today = (tx: TenantTx): LocalDate => londonDate(tx.now);

/** A supplier as payables uses it: who it is, how it is keyed in the shared duplicate register, its terms. */
export type SupplierProfile = {
  id: string;
  name: string;
  key: string;
  nhsBody: boolean;
  termsDays: number;
};

/** NHS bodies are paid and reported apart; the supplier record says so when it carries the flag. */
const isNhsBody = (supplier: SupplierSummary) =>
  (supplier as { nhsBody?: unknown }).nhsBody === true || /\bNHS\b/.test(supplier.name);

/** Looks suppliers up once per transaction (a batch of invoices from one supplier asks once). */
export function supplierProfiles(deps: PayablesDeps, tx: TenantTx) {
  const profiles = new Map<string, Promise<SupplierProfile>>();
  const byId = new Map<string, Promise<SupplierProfile>>();
  const terms = new Map<string, number>();
  const termsOf = async (supplierId: string) =>
    terms.get(supplierId) ?? deps.suppliers.effectivePaymentTermsDays(tx, supplierId);
  const load = async (supplier: SupplierSummary, documentVat: string | null): Promise<SupplierProfile> => ({
    id: supplier.id,
    name: supplier.name,
    key: supplierKey({
      supplierId: supplier.id,
      organisationId: tx.ctx.organisationId,
      vatNumber: documentVat ?? supplier.vatNumber,
      companiesHouseNumber: supplier.companiesHouseNumber,
      endpointScheme: supplier.endpointScheme,
      endpointId: supplier.endpointId,
    }),
    nhsBody: isNhsBody(supplier),
    termsDays: await termsOf(supplier.id),
  });
  return {
    /** Reads the terms of many suppliers in one call, where the suppliers module offers it. */
    async prime(supplierIds: readonly string[]): Promise<void> {
      const unknown = [...new Set(supplierIds)].filter((id) => !terms.has(id));
      if (unknown.length === 0 || !deps.suppliers.effectivePaymentTermsDaysOf) return;
      for (const [id, days] of await deps.suppliers.effectivePaymentTermsDaysOf(tx, unknown))
        terms.set(id, days);
    },
    /** The profile of a supplier record already found; the document's own VAT number keys it when given. */
    async of(supplier: SupplierSummary, documentVat: string | null = null): Promise<SupplierProfile> {
      const cacheKey = `${supplier.id}\u0000${documentVat ?? ''}`;
      let profile = profiles.get(cacheKey);
      if (!profile) {
        profile = load(supplier, documentVat);
        profiles.set(cacheKey, profile);
      }
      return profile;
    },
    async byId(supplierId: string): Promise<SupplierProfile> {
      let profile = byId.get(supplierId);
      if (!profile) {
        profile = deps.suppliers.getSupplier(tx, supplierId).then((supplier) => this.of(supplier));
        byId.set(supplierId, profile);
      }
      return profile;
    },
  };
}
