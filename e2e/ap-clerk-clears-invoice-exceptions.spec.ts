import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixturePath } from '../testing/fixtures';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('an accounts payable clerk clears a price variance from the exception queue in one click', async ({
  page,
}) => {
  await signIn(page, 'ap.clerk@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.getByRole('link', { name: 'Supplier invoices' }).first().click();
  await expect(page.getByRole('heading', { name: 'Supplier invoices', level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: /^Exceptions: \d+/ }).click();
  await expect(page.getByRole('heading', { name: 'Invoice exceptions', level: 1 })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Price differs from the order' }).first();
  await expect(row).toContainText('PAYABLES-PRICE');
  await expect(row).toContainText('Accept the variance if it is within your authority');
  await expectAccessible(page);

  await row.getByRole('button', { name: /^Accept variance/ }).click();
  await expect(page.getByRole('alert')).toContainText('Accept variance: the invoice is now approved');
  await expect(page.getByRole('row').filter({ hasText: 'Price differs from the order' })).toHaveCount(0);
  await expectAccessible(page);
});

test('an accounts payable clerk uploads an invoice with a wrong total and sees it quarantined with its rule', async ({
  page,
}) => {
  await signIn(page, 'ap.clerk@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/payables/upload');
  await expectAccessible(page);
  // The official PEPPOL example with its amount due altered: the totals no longer add up (BR-CO-16).
  const xml = readFileSync(
    fixturePath('peppol-bis-billing-3', 'examples', 'base-example.xml'),
    'utf8',
  ).replace(/<cbc:PayableAmount currencyID="EUR">[^<]+</, '<cbc:PayableAmount currencyID="EUR">1.00<');
  await page
    .getByLabel('Invoice files')
    .setInputFiles({ name: 'wrong-total.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByRole('heading', { name: 'Upload results', level: 1 })).toBeVisible();
  await expect(page.getByText('wrong-total.xml: Quarantined')).toBeVisible();
  await expect(page.getByText('BR-CO-16', { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole('link', { name: 'The document in quarantine and the message for the supplier' })
    .click();
  await expect(page.getByRole('heading', { name: 'wrong-total.xml', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Why it was quarantined' })).toContainText('BR-CO-16');
  await expect(page.getByText(/Invoice rejected: Snippet1/)).toBeVisible();
  await expectAccessible(page);
});

test('an accounts payable clerk codes an invoice with no order and captures a paper invoice, corrected field by field', async ({
  page,
}) => {
  await signIn(page, 'ap.clerk@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/payables/exceptions');
  await page
    .getByRole('row')
    .filter({ hasText: 'No purchase order' })
    .first()
    .getByRole('link', { name: /^Code / })
    .click();
  await expect(page.getByRole('heading', { name: 'Code the invoice', level: 2 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Automatic decisions (rule and version)' })).toContainText(
    'PAYABLES-PO-REFERENCE',
  );
  await expectAccessible(page);
  await page.getByLabel('Account to charge').selectOption('620100');
  await page.getByLabel('Cost centre', { exact: true }).selectOption('A900');
  await page.getByRole('button', { name: 'Code the invoice' }).click();
  await expect(page.getByRole('alert')).toContainText('the invoice is now awaiting approval');
  await expectAccessible(page);

  await page.goto('/payables/capture');
  await expectAccessible(page);
  await page.getByLabel('Supplier').selectOption({ index: 1 });
  await page.getByLabel('Invoice number, as printed').fill('PAPER-2026-11');
  await page.getByLabel('Invoice date').fill('2026-11-02');
  await page.locator('#line0-description').fill('Window cleaning, November');
  await page.locator('#line0-amount').fill('120.00');
  await page.getByLabel('VAT total, in pounds').fill('99.00');
  await page.getByRole('button', { name: 'Capture invoice' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('does not agree with the lines');
  await expectAccessible(page);
  await page.getByLabel('VAT total, in pounds').fill('24.00');
  await page.getByLabel('Account (for an invoice with no purchase order)').selectOption('630100');
  await page.getByLabel('Cost centre (for an invoice with no purchase order)').selectOption('A905');
  await page.getByRole('button', { name: 'Capture invoice' }).click();
  await expect(page.getByRole('heading', { name: 'Invoice PAPER-2026-11', level: 1 })).toBeVisible();
  await expect(page.getByText('Awaiting approval', { exact: true })).toBeVisible();
  await expectAccessible(page);
});
