import type { Platform } from '../../../apps/platform/platform';
import type { Engine } from '../../../kernel/db';
import { createTenantRunner, type TenantRunner } from '../../../kernel/tenancy';
import { fixedClock } from '../../../kernel/time';
import { contextFor, openTestPlatform, seedTestSystem } from '../../../testing/platform';
import { createPayablesService, type PayablesService } from '../service';
import { fakeProcurement, fakeSuppliers } from './fakes.test-support';
import { SAMPLE_SUPPLIER } from './ubl.test-support';

export const BANK = {
  sortCode: '401276',
  accountNumber: '12345678',
  accountName: 'Medisupply UK Ltd',
  verifiedAt: '2026-05-01T10:00:00Z',
  verifiedBy: 'usr_verifier',
};

/**
 * A test platform with payables wired to in-memory suppliers and procurement, the sample
 * supplier registered in both trusts, and the organisations' paying bank accounts set.
 */
export async function openPayablesHarness(engine: Engine, prefix = 'P') {
  const platform: Platform = await openTestPlatform(engine);
  const ids = await seedTestSystem(platform, prefix);
  const suppliers = fakeSuppliers();
  const procurement = fakeProcurement();
  const payables: PayablesService = createPayablesService({
    runner: platform.runner,
    ledger: platform.ledger,
    framework: platform.framework,
    suppliers: suppliers.port,
    procurement: procurement.port,
  });
  for (const organisationId of [ids.trustA, ids.trustB]) {
    suppliers.add({
      id: `sup_${organisationId}_medi`,
      organisationId,
      ...SAMPLE_SUPPLIER,
      endpointScheme: '0088',
      endpointId: null,
      bank: BANK,
    });
    await platform.runner.withTenant(contextFor(organisationId), (tx) =>
      payables.setBankAccount(tx, {
        sortCode: '608301',
        accountNumber: '20000001',
        accountName: `${organisationId} NHS TRUST`,
        serviceUserNumber: '123456',
      }),
    );
  }
  /** A runner whose transactions happen at the given instant (payment runs days later, demo history). */
  const at = (instant: string): TenantRunner => createTenantRunner(platform.db, fixedClock(instant));
  const supplierOf = (organisationId: string) => `sup_${organisationId}_medi`;
  return { platform, ids, suppliers, procurement, payables, at, supplierOf };
}

export type PayablesHarness = Awaited<ReturnType<typeof openPayablesHarness>>;
