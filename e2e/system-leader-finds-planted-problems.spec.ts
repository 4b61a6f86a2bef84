/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test('a system leader sees the price outlier, the team with rising turnover and the duplicate supplier, each with its data-quality label', async ({
  page,
}) => {
  await signIn(page, 'system.leader@mainstay.demo');
  await page.getByRole('link', { name: 'Insight' }).first().click();
  await expect(page.getByRole('heading', { name: 'Insight', level: 1 })).toBeVisible();
  await expect(page.locator('.nhsuk-caption-l')).toContainText('the whole system');
  await expect(page.locator('canvas[data-chart]').first()).toBeVisible();
  await expectAccessible(page);

  // the price outlier: Dale Valley pays £490 for a hip stem the others buy for about £300
  await page.getByRole('link', { name: 'Price variation' }).click();
  const outlier = page
    .getByRole('row')
    .filter({ hasText: /HIP STEM/i })
    .first();
  await expect(outlier).toContainText('£490.00');
  await expect(outlier).toContainText(/Good enough for a human decision|Fit for automation/);
  await outlier.getByRole('link').first().click();
  await expect(page.getByRole('row').filter({ hasText: 'Dale Valley Hospitals NHS Trust' })).toContainText(
    '£490.00',
  );
  await expectAccessible(page);
  await page.getByRole('link', { name: 'The order lines behind these prices' }).click();
  await expect(page.getByRole('table')).toContainText('rn2-purchase-orders');

  // the team with rising turnover and sickness
  await page.getByRole('link', { name: 'Early warning' }).click();
  const ward9 = page.getByRole('row').filter({ hasText: 'Ward 9 Elderly Care' });
  await expect(ward9.filter({ hasText: 'staff turnover rose for' }).first()).toContainText('Alert');
  await expect(ward9.filter({ hasText: 'sickness absence rose for' }).first()).toBeVisible();
  await expect(page.getByText('Always-“stays” baseline accuracy').first()).toBeVisible();
  await expectAccessible(page);

  // the duplicate supplier: two names, one Companies House number
  await page.getByRole('link', { name: 'Spend' }).first().click();
  const duplicate = page.getByRole('row').filter({ hasText: 'NLS Healthcare Laundry' });
  await expect(duplicate).toContainText('Northshire Linen Services Ltd');
  await expect(duplicate).toContainText('companies-house-number');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Workforce' }).click();
  await page.getByLabel('Measure by').selectOption('team');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Ward 9 Elderly Care' }).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Benchmarks and KPIs' }).click();
  await expect(page.getByRole('heading', { name: /Corporate costs/ })).toBeVisible();
  await expectAccessible(page);
});
