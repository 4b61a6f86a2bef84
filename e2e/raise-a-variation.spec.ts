import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a finance controller raises a variation and the Design Authority approves it', async ({ browser }) => {
  const controller = await (await browser.newContext()).newPage();
  await signIn(controller, 'finance.controller@mainstay.demo');
  await switchOrganisation(controller, 'Dale Valley Hospitals NHS Trust');
  await controller.goto('/framework');
  await expect(controller.getByText('Not justified')).toBeVisible();
  await controller.getByRole('link', { name: 'Propose a variation' }).click();
  await controller.getByLabel('Which setting?').selectOption({ label: 'Month-end close working day' });
  await controller.getByRole('button', { name: 'Continue' }).click();
  await controller.getByLabel('The value you propose').fill('6');
  await controller
    .getByLabel('Why the standard does not fit here')
    .selectOption({ label: 'Transitional, while the organisation moves to the standard' });
  await controller
    .getByLabel('Explain the reason')
    .fill('The new finance system goes live in January; close slips two days until then');
  await controller.getByLabel('Review by (optional)').fill('2027-02-28');
  await expectAccessible(controller);
  await controller.getByRole('button', { name: 'Propose variation' }).click();
  await expect(controller.getByText('Variation of Month-end close working day proposed')).toBeVisible();

  const authority = await (await browser.newContext()).newPage();
  await signIn(authority, 'design.authority@mainstay.demo');
  await switchOrganisation(authority, 'Dale Valley Hospitals NHS Trust');
  await authority.goto('/framework');
  await authority.getByRole('button', { name: 'Approve Month-end close working day' }).click();
  await expect(authority.getByText('Variation approved')).toBeVisible();
  await expect(authority.getByRole('table', { name: 'Local variations in force' })).toContainText(
    'Month-end close working day',
  );
  await expectAccessible(authority);
});

test('a proposal with an invalid value is refused with a clear error', async ({ page }) => {
  await signIn(page, 'finance.controller@mainstay.demo');
  await page.goto('/framework/variations/new?settingKey=payables.paymentTermsDays');
  await page.getByLabel('The value you propose').fill('-5');
  await page.getByLabel('Explain the reason').fill('Testing a wrong value');
  await page.getByRole('button', { name: 'Propose variation' }).click();
  await expect(page.getByRole('alert')).toContainText('not a valid value');
  await expectAccessible(page);
});
