import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a payments officer proposes, approves and downloads a payment run with its remittance advice', async ({
  page,
}) => {
  await signIn(page, 'payments.officer@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.getByRole('link', { name: 'Payment runs' }).first().click();
  await expect(page.getByRole('heading', { name: 'Payment runs', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Pay invoices due by').fill('2027-03-31');
  await page.getByRole('button', { name: 'Propose payment run' }).click();
  await expect(page.getByRole('alert')).toContainText(/Run PR-\d+ proposed/);
  await expect(page.getByRole('table', { name: 'Payments' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Approve payment run' }).click();
  await expect(page.getByRole('alert')).toContainText('approved: the Bacs file is ready');
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the Bacs Standard 18 file' }).click();
  const file = await download;
  const text = readFileSync(await file.path(), 'ascii');
  expect(file.suggestedFilename()).toMatch(/^RN1-PR-\d+\.bacs\.txt$/);
  expect(text.startsWith('VOL1')).toBe(true);
  expect(text).toContain('UTL1');

  await page
    .getByRole('link', { name: /^View remittance for/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Remittance advice', level: 1 })).toBeVisible();
  await expect(page.getByText(/Payment of £[\d,]+\.\d\d by Bacs/)).toBeVisible();
});

test('the payment runs page is readable on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await signIn(page, 'payments.officer@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/payables/payment-runs');
  await expect(page.getByRole('heading', { name: 'Payment runs', level: 1 })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
