import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('an accounts payable clerk verifies a bank-detail change by calling back a contact on file', async ({
  page,
}) => {
  await signIn(page, 'ap.clerk@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.getByRole('link', { name: 'Suppliers' }).first().click();
  await expect(page.getByText('1 bank-detail change waiting for a call-back')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('region').getByRole('link', { name: /BUNZL/ }).click();
  await expect(page.getByText('Waiting for a call-back')).toBeVisible();
  await page.getByRole('button', { name: /Confirmed/ }).click();
  await expect(page.getByRole('alert')).toContainText('Choose the contact on file you called back');
  await expectAccessible(page);
  await page.getByLabel('Who you called').selectOption({ index: 1 });
  await page
    .getByLabel('What they said')
    .fill('Spoke to the accounts receivable team on the number on file: the new account is genuine');
  await page.getByRole('button', { name: /Confirmed/ }).click();
  await expect(page.getByText('The new bank details are in force')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bank details' })).toContainText('In force');
  await expectAccessible(page);
});
