import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a budget holder approves one requisition and rejects another with the reason', async ({ page }) => {
  await signIn(page, 'ward.manager@mainstay.demo');
  await page.goto('/procurement/approvals');
  await expect(page.getByRole('heading', { name: 'Waiting for your approval', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole('row', { name: /Portable bladder scanner/ })
    .getByRole('link')
    .click();
  await expect(page.getByText('Off contract')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText(/approved: ordered RN1-PO-\d{6}/)).toBeVisible();

  await page
    .getByRole('row', { name: /gloves/ })
    .getByRole('link')
    .click();
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('alert')).toContainText('Say why the requisition is rejected');
  await expectAccessible(page);
  await page.getByLabel('Reason').fill('150 cases is a year of stock: order 20 and use the ward top-up');
  await page.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByText(/Requisition REQ-\d{6} rejected/)).toBeVisible();
  await expect(page.getByRole('row', { name: /gloves/ })).toHaveCount(0);
});

test('nobody sees their own requisition in their approvals', async ({ page }) => {
  await signIn(page, 'ward.manager@mainstay.demo');
  await page.goto('/procurement/approvals');
  await expect(page.getByRole('row', { name: /pulse oximeter/ })).toHaveCount(0);
});
