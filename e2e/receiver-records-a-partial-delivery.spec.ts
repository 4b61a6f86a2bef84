import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a receiver records a partial delivery against an open order', async ({ page }) => {
  await signIn(page, 'procurement@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/procurement/orders');
  await expect(page.getByRole('heading', { name: 'Orders waiting for delivery', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole('row', { name: /Sent to supplier/ })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByRole('heading', { name: 'Record a delivery' })).toBeVisible();
  const firstLine = page.getByLabel(/^Line 1:/);
  await firstLine.fill('1');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Record delivery' }).click();
  await expect(page.getByText(/Delivery GRN-\d{6} recorded: line 1 × 1/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deliveries and returns' })).toContainText('line 1: 1');
  await expectAccessible(page);
});

test('a delivery of more than is outstanding is refused beside the line', async ({ page }) => {
  await signIn(page, 'procurement@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/procurement/orders');
  await page
    .getByRole('row', { name: /Sent to supplier|Part received/ })
    .first()
    .getByRole('link')
    .click();
  await page.getByLabel(/^Line 1:/).fill('9999');
  await page.getByRole('button', { name: 'Record delivery' }).click();
  await expect(page.getByRole('alert')).toContainText('still to receive');
  await expectAccessible(page);
});
