import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../apps/platform/platform';
import { testEngines } from '../../testing/database';
import { contextFor, openTestPlatform, seedTestSystem } from '../../testing/platform';

describe.each(testEngines())('payroll schema on %s', (engine) => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await openTestPlatform(engine);
    await seedTestSystem(platform);
  });
  afterAll(async () => platform.db.close());
  it('migrates and reads an empty payroll', async () => {
    const count = await platform.runner.withTenant(contextFor('TRA1'), (tx) =>
      platform.payroll.employeeCount(tx),
    );
    expect(count).toBe(0);
  });
});
