import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'mainstay-demo';

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Hello');
}

export async function switchOrganisation(page: Page, organisationName: string): Promise<void> {
  await page.goto('/organisations');
  await page.getByLabel(organisationName).check();
  await page.getByRole('button', { name: 'Switch organisation' }).click();
  await expect(page.locator('.nhsuk-caption-l')).toHaveText(organisationName);
}

/** Fails on any WCAG 2.2 A/AA violation axe can find on the page as it stands. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
  );
  expect(summary).toEqual([]);
}
