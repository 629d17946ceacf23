import { expect, seriousAxeViolations, signInAs, test } from './fixtures';

/**
 * Issue 17, against the real server: the demo administrator opens "Failed deliveries" from the
 * admin navigation. This product logs mail rather than sending it, so nothing has failed unless
 * someone made it fail: the page shows its rows or says there are none. The worker's side (a
 * refused mailbox, the retry) is backend/test/failed-deliveries.test.ts's.
 */
test.use({ viewport: { width: 1280, height: 900 } });

test('an administrator reaches the failed deliveries from the admin navigation', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Failed deliveries' }).click();
  await expect(page).toHaveURL(/\/admin\/failed-deliveries$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Failed deliveries');
  await expect(page).toHaveTitle('Failed deliveries · Demarche');
  await expect(page.getByText('No failed deliveries.').or(page.getByRole('article').first())).toBeVisible();
  expect(await seriousAxeViolations(page), 'axe: the failed deliveries page').toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await seriousAxeViolations(page), 'axe: the failed deliveries page, narrow').toEqual([]);
});

test('a coordinator is not shown the page', async ({ page }) => {
  await signInAs(page, 'coordinator');
  await page.goto('/admin/failed-deliveries');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByRole('navigation', { name: 'Administration' })).toHaveCount(0);
});
