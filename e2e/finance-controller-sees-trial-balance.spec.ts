/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a finance controller signs in, switches organisation and sees a balanced trial balance', async ({
  page,
}) => {
  await signIn(page, 'finance.controller@mainstay.demo');
  await expectAccessible(page);
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.getByRole('link', { name: 'Ledger' }).first().click();
  await expect(page.getByRole('heading', { name: 'Trial balance', level: 1 })).toBeVisible();
  await expect(page.getByText('Balanced', { exact: true })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('410100 Patient care income: integrated care boards');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Account mappings' }).click();
  await expect(page.getByText('not yet mapped to the common chart')).toBeVisible();
  await expectAccessible(page);
});

test('the trial balance is readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'finance.controller@mainstay.demo');
  await page.goto('/ledger');
  await expect(page.getByText('Balanced', { exact: true })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
