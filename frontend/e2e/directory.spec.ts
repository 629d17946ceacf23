import type { Page } from '@playwright/test';

import { expect, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 19 §3 against the real server: the shared directory of institutions, offices and
 * officeholders. A coordinator finds an office by its holder's name, reads its history, and is
 * told — at the field, naming the other term — that a term overlapping the current one cannot be
 * added (nothing is written); a member reads the same pages without a control they may not use.
 * Desktop and phone; axe on each page.
 */

const VIEWPORTS = [
  { label: 'desktop', width: 1366, height: 900 },
  { label: 'phone', width: 390, height: 844 },
] as const;

async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what}: wider than the viewport`).toBeLessThanOrEqual(0);
}

for (const viewport of VIEWPORTS) {
  test.describe(`on a ${viewport.label}, ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('a coordinator finds an office by its holder, reads its holders, and an overlapping term is refused', async ({
      page,
      expectHttpError,
    }) => {
      await signInAs(page, 'coordinator');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
      await expect(page).toHaveURL(/\/directory$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Directory');
      await expect(page.getByRole('link', { name: /Office of the UN High Commissioner for Human Rights/ })).toBeVisible();
      expect(await seriousAxeViolations(page), 'axe: the directory').toEqual([]);
      await expectNoSideScroll(page, 'the directory');

      await page.getByLabel('Search the directory').fill('Türk');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await expect(page).toHaveURL(/\/directory\?q=T%C3%BCrk$/);
      await page.getByRole('link', { name: 'United Nations High Commissioner for Human Rights' }).click();

      await expect(page).toHaveURL(/\/directory\/offices\/[0-9a-f-]{36}$/);
      // The office's title, with its institution's name under it.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        /^\s*United Nations High Commissioner for Human Rights\s*Office of the UN/,
      );
      await expect(page.locator('main')).toContainText('Volker Türk');
      expect(await seriousAxeViolations(page), 'axe: an office').toEqual([]);
      await expectNoSideScroll(page, 'an office');

      // A second holder during Volker Türk's open term: refused, at the field, naming his term.
      const officeId = /\/directory\/offices\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
      expectHttpError(`/api/offices/${officeId}/terms`, 409); // the refusal, shown at its field
      await page.getByRole('button', { name: 'Add an officeholder’s term' }).click();
      await page.getByLabel('Name of the officeholder').fill('Someone Else');
      await page.getByLabel('First day in office').fill('2024-01-01');
      await page.getByRole('button', { name: 'Add the term' }).click();
      await expect(page.getByText(/These dates overlap the term of Volker Türk/)).toBeVisible();
      await expect(page.getByLabel('First day in office')).toHaveAttribute('aria-invalid', 'true');
      expect(await seriousAxeViolations(page), 'axe: an overlapping term refused').toEqual([]);
      await expectNoSideScroll(page, 'an overlapping term refused');

      // Its institution, one link away.
      await page
        .getByRole('link', { name: /Office of the UN High Commissioner for Human Rights/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/directory\/institutions\/[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\s*Office of the UN High Commissioner for Human Rights/);
      expect(await seriousAxeViolations(page), 'axe: an institution').toEqual([]);
      await expectNoSideScroll(page, 'an institution');
    });
  });
}

test('a member reads the directory without a control to change it', async ({ page }) => {
  await signInAs(page, 'member');
  await page.goto('/directory?q=T%C3%BCrk');
  await page.getByRole('link', { name: 'United Nations High Commissioner for Human Rights' }).click();
  await expect(page.locator('main')).toContainText('Volker Türk');
  await expect(page.getByRole('button', { name: 'Add an officeholder’s term' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
});
