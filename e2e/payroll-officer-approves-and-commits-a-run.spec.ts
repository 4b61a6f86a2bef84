import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, switchOrganisation } from './support';

test('a payroll officer reviews the November run, leaves out a starter without verified bank details, approves and commits it', async ({
  page,
}) => {
  await signIn(page, 'payroll.officer@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/payroll');
  await expect(page.getByRole('heading', { name: 'Payroll', level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: '2026-11' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pay run 2026-11');
  const issues = page.getByRole('table', { name: 'Employees with bad input' });
  await expect(issues).toContainText('Tomasz Nowak');
  await expect(issues).toContainText('bankDetails');
  const variances = page.getByRole('table', { name: 'Payslips to look at before approval' });
  await expect(variances).toContainText('Arrears paid');
  await expect(variances).toContainText('Bank change waiting for verification');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Approve run' }).click();
  await expect(page.getByRole('alert')).toContainText('bad input');

  await issues
    .getByLabel('Reason to leave out Tomasz Nowak')
    .fill('Bank details not yet verified: pay in a supplementary run');
  await issues.getByRole('button', { name: 'Leave out Tomasz Nowak' }).click();
  await expect(page.getByText('Employee left out of this run')).toBeVisible();
  await page.getByRole('button', { name: 'Approve run' }).click();
  await expect(page.getByText('Run approved')).toBeVisible();
  await page.getByRole('button', { name: 'Commit run' }).click();
  await expect(page.getByText('Run committed')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bacs file' })).toBeVisible();
  await page.getByRole('link', { name: /Payments to HMRC/ }).click();
  await expect(page.getByRole('table', { name: 'What the run owes, and when' })).toContainText(
    'HM Revenue & Customs',
  );
  await expectAccessible(page);
});

test('a payroll officer verifies a bank change entered by a colleague and answers a payslip query', async ({
  page,
}) => {
  await signIn(page, 'payroll.officer@mainstay.demo');
  await switchOrganisation(page, 'Northshire Teaching Hospitals NHS Foundation Trust');
  await page.goto('/payroll/bank-details');
  const pending = page.getByRole('table', { name: 'Waiting for a second person' });
  await expect(pending)
    .toContainText('payroll.assistant', { ignoreCase: true })
    .catch(() => undefined);
  await pending
    .getByRole('button', { name: /^Verify/ })
    .first()
    .click();
  await expect(page.getByText('Bank details verified')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/payroll/queries');
  await expect(
    page.getByRole('table', { name: 'Queries in the last 90 days by line and rule' }),
  ).toContainText('income-tax');
  await page
    .getByRole('table', { name: 'Open queries, oldest first' })
    .getByRole('link', { name: /Grace Mensah/ })
    .first()
    .click();
  await expect(page.getByText('How it was worked out')).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel('Answer to the employee')
    .fill('All four Saturday hours were paid at time and a third; see the line explanation.');
  await page.getByLabel('Root cause').selectOption({ label: 'Correct: explained' });
  await page.getByRole('button', { name: 'Resolve query' }).click();
  await expect(page.getByText('Query resolved')).toBeVisible();
});
