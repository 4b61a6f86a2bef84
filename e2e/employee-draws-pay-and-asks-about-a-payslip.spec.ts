/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { expectAccessible, signIn } from './support';

test.use({ viewport: { width: 375, height: 740 } });

test('a community nurse draws pay already earned on a phone, within the limits', async ({ page }) => {
  await signIn(page, 'community.nurse@mainstay.demo');
  await page.goto('/my-pay');
  await expect(page.getByRole('heading', { name: 'My pay', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/my-pay/anytime-pay');
  await expect(page.getByRole('heading', { name: 'Anytime pay', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('How much would you like?').fill('5');
  await page.getByRole('button', { name: 'Draw pay' }).click();
  await expect(page.getByRole('alert')).toContainText('smallest draw');
  await expectAccessible(page);
  await page.getByLabel('How much would you like?').fill('20');
  await page.getByRole('button', { name: 'Draw pay' }).click();
  await expect(page.getByText('£20.00 is on its way to your bank account')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a nurse reads why her tax is what it is and asks payroll about a line, on a phone', async ({
  page,
}) => {
  await signIn(page, 'nurse@mainstay.demo');
  await page.goto('/my-pay');
  await page.getByRole('table', { name: 'Your payslips, newest first' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Payslip', level: 1 })).toBeVisible();
  await expect(page.getByTestId('net-pay')).toContainText('£');
  await page.getByText('Why this amount for Income tax?').click();
  await expect(page.getByText(/Tax code 1257L/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /Ask payroll about this line.*Income tax/ }).click();
  await page.getByLabel('What would you like us to check?').fill('Why did my tax go up in October?');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send to payroll' }).click();
  await expect(page.getByText('Your question has gone to the payroll team')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
