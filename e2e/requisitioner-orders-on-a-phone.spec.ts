/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a ward manager orders from the catalogue on a phone in under a minute, and it goes straight to the supplier', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'ward.manager@mainstay.demo');
  const started = Date.now();
  await page.getByRole('link', { name: 'Ordering' }).last().click();
  await page.getByLabel('Search the catalogue').fill('nitrile gloves medium');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.locator('.nhsuk-card').filter({ hasText: 'box of 100, medium' }).first();
  await expect(first).toContainText('On contract');
  await expectAccessible(page);
  await first.getByLabel(/Quantity/).fill('3');
  await first.getByRole('button', { name: /to basket/ }).click();
  await expect(page.getByText('Added to your basket')).toBeVisible();
  await page.getByRole('link', { name: /Go to your basket/ }).click();
  await expect(page.getByRole('heading', { name: 'Your basket', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Cost centre')).toHaveValue('A101');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Submit order' }).click();
  await expect(page.getByText(/^Ordered: RN1-PO-\d{6}/)).toBeVisible();
  await expect(page.getByText('went straight to the supplier')).toBeVisible();
  expect(Date.now() - started).toBeLessThan(60_000);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});

test('a basket with a bad quantity comes back with the error beside the field', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'ward.manager@mainstay.demo');
  await page.goto('/procurement/catalogue?q=apron');
  const card = page.locator('.nhsuk-card').first();
  await card.getByRole('button', { name: /to basket/ }).click();
  await page.goto('/procurement/basket');
  await page.getByLabel('Quantity').first().fill('0');
  await page.getByRole('button', { name: 'Submit order' }).click();
  await expect(page.getByRole('alert')).toContainText('The quantity must be more than 0');
  await expectAccessible(page);
});
