/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a procurement officer imports a legacy extract, downloads its rejected row, and compares prices without seeing who else paid what', async ({
  page,
}) => {
  await signIn(page, 'procurement@mainstay.demo');
  await switchOrganisation(page, 'Dale Valley Hospitals NHS Trust');
  await page.goto('/insight/price-variation');
  const outlier = page
    .getByRole('row')
    .filter({ hasText: /HIP STEM|Hip replacement/i })
    .first();
  await outlier.getByRole('link').first().click();
  await expect(page.getByRole('row').filter({ hasText: 'Another organisation' }).first()).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('Northshire Teaching Hospitals');
  await expectAccessible(page);

  const [workbook] = await Promise.all([
    page.waitForEvent('download'),
    page
      .goto('/insight/price-variation')
      .then(() => page.getByRole('link', { name: 'Excel (XLSX)' }).click()),
  ]);
  expect(workbook.suggestedFilename()).toBe('price-variation.xlsx');

  await page.goto('/insight/imports');
  await expect(page.getByRole('heading', { name: 'Data and imports' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('What the file holds').selectOption('spend');
  await page.getByLabel('File (CSV or XLSX, as your system exports it)').setInputFiles({
    name: 'dale-valley-spend-december.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Payment Date,Vendor Name,Expenditure Type,Amount (£)\r\n' +
        '2026-11-02,Medline International UK Ltd,Clinical Supplies,"41,250.00"\r\n' +
        '2026-11-31,Baxter Healthcare Ltd,Drugs,"30,000.00"\r\n',
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('dale-valley-spend-december.csv was imported')).toBeVisible();
  await expect(page.getByText('2: 1 imported (0 already held), 1 rejected')).toBeVisible();
  await expectAccessible(page);
  const [rejections] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Download the 1 rejected row/ }).click(),
  ]);
  const text = readFileSync(await rejections.path(), 'utf8');
  expect(text.split('\r\n')[1]).toMatch(/^3,/);

  await page.goto('/insight/reviews');
  await expect(page.getByRole('heading', { name: 'Matches to review' })).toBeVisible();
  await expectAccessible(page);
});
